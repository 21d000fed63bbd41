// @ts-check
// Background service worker: the same wasm core for pages whose CSP refuses WebAssembly in the
// content script, and the local counters. Typed messages {kind: ...}; no network, no text stored.

import init, * as core from './pkg/postguard.js';
import { loadSettings, onSettingsChanged } from './content/settings.js';
import { redactionFromReport } from './content/checker.js';

const COUNTERS = new Set(['warnings_shown', 'posts_changed', 'posted_anyway']);

/** Counter updates, one after another (read-modify-write). */
let counting = Promise.resolve();

/** @type {Promise<void>} */
const ready = (async () => {
  await init({ module_or_path: chrome.runtime.getURL('pkg/postguard_bg.wasm') });
  await configure();
})();

async function configure() {
  const settings = await loadSettings('', { fresh: true });
  const problems = core.configure(settings.policy);
  if (problems && problems.length) console.warn(`PostGuard: the policy has ${problems.length} problem(s):`, Array.from(problems));
}
onSettingsChanged(() => { ready.then(configure).catch(() => {}); });

/**
 * @param {any} message
 * @returns {Promise<any>}
 */
async function answer(message) {
  switch (message?.kind) {
    case 'ping':
      return true;
    case 'check':
      await ready;
      return core.check(String(message.text), message.options ?? {});
    case 'redact': {
      await ready;
      const text = String(message.text);
      const options = message.options ?? {};
      return typeof (/** @type {any} */ (core).redact) === 'function'
        ? /** @type {any} */ (core).redact(text, options)
        : redactionFromReport(text, core.check(text, options));
    }
    case 'count': {
      if (!COUNTERS.has(message.counter)) throw new Error('unknown counter');
      counting = counting.then(async () => {
        const { stats = {} } = await chrome.storage.local.get('stats');
        stats[message.counter] = (stats[message.counter] ?? 0) + 1;
        await chrome.storage.local.set({ stats });
      });
      await counting;
      return true;
    }
    default:
      throw new Error('unknown message');
  }
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id) return false;
  answer(message).then(
    (value) => reply({ ok: true, value }),
    (error) => reply({ ok: false, error: error instanceof Error ? error.message : 'failed' }),
  );
  return true; // reply asynchronously
});

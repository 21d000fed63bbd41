// @ts-check
// The checker: the wasm core compiled in the content script where the page's CSP allows WebAssembly,
// otherwise the same core in the background service worker, asked by message. Same API either way.

/**
 * @typedef {{kind: string, severity: 'low'|'medium'|'high', start: number, end: number, text: string,
 *   identifier?: string, message: string, suggestion?: string}} Finding
 * @typedef {{verdict: 'ok'|'advise'|'warn'|'block', findings: Finding[]}} Report
 * @typedef {{start: number, end: number, replacement: string}} Change
 * @typedef {{text: string, changes: Change[]}} Redaction
 * @typedef {{context?: string, site?: string}} CheckOptions
 * @typedef {object} Checker
 * @property {'local'|'worker'} mode
 * @property {((text: string, options: CheckOptions) => Report)|null} checkNow  synchronous check (local mode only)
 * @property {(text: string, options: CheckOptions) => Promise<Report>} check
 * @property {(text: string, options: CheckOptions) => Promise<Redaction>} redact
 * @property {(policy: object) => Promise<string[]>} configure
 */

/**
 * Changes that apply every suggestion of a report, for cores without `redact`.
 * Overlapping findings keep the first one.
 * @param {string} text
 * @param {Report} report
 * @returns {Redaction}
 */
export function redactionFromReport(text, report) {
  /** @type {Change[]} */
  const changes = [];
  let last = -1;
  for (const f of [...report.findings].sort((a, b) => a.start - b.start)) {
    if (f.suggestion == null || f.start < last) continue;
    changes.push({ start: f.start, end: f.end, replacement: f.suggestion });
    last = f.end;
  }
  let out = text;
  for (const c of [...changes].reverse()) out = out.slice(0, c.start) + c.replacement + out.slice(c.end);
  return { text: out, changes };
}

/**
 * @param {any} value
 * @returns {Report}
 */
function asReport(value) {
  if (!value || typeof value !== 'object' || !Array.isArray(value.findings) || typeof value.verdict !== 'string') {
    throw new Error('the core returned no report');
  }
  return value;
}

/**
 * Load the core here; fall back to the service worker if the page's CSP refuses WebAssembly.
 * @returns {Promise<Checker>}
 */
export async function createChecker() {
  try {
    const core = await import(chrome.runtime.getURL('pkg/postguard.js'));
    await core.default({ module_or_path: chrome.runtime.getURL('pkg/postguard_bg.wasm') });
    /** @type {(text: string, options: CheckOptions) => Report} */
    const checkNow = (text, options) => asReport(core.check(text, options));
    return {
      mode: 'local',
      checkNow,
      check: async (text, options) => checkNow(text, options),
      redact: async (text, options) => (typeof core.redact === 'function'
        ? core.redact(text, options)
        : redactionFromReport(text, checkNow(text, options))),
      configure: async (policy) => Array.from(core.configure(policy) ?? []),
    };
  } catch {
    return workerChecker();
  }
}

/**
 * @param {object} message
 * @returns {Promise<any>}
 */
async function ask(message) {
  /** @type {any} */
  let reply;
  try {
    reply = await chrome.runtime.sendMessage(message);
  } catch {
    // The worker may be restarting (it was stopped while idle or mid-typing): ask once more.
    reply = await chrome.runtime.sendMessage(message);
  }
  if (!reply || !reply.ok) throw new Error(reply?.error ?? 'no reply from the background worker');
  return reply.value;
}

/**
 * The core in the background service worker. The policy travels with each check, so the worker always
 * answers under the same policy as this page (it configures itself only when the policy changes).
 * @returns {Checker}
 */
export function workerChecker() {
  let policy = '{}';
  return {
    mode: 'worker',
    checkNow: null,
    check: async (text, options) => asReport(await ask({ kind: 'check', text, options, policy })),
    redact: async (text, options) => ask({ kind: 'redact', text, options, policy }),
    configure: async (value) => {
      policy = JSON.stringify(value ?? {});
      return ask({ kind: 'configure', policy });
    },
  };
}

/** Keep the service worker awake while a field is focused (fallback mode only). */
export function keepAlive() {
  chrome.runtime.sendMessage({ kind: 'ping' }).catch(() => {});
}

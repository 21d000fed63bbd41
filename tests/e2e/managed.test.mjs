// IT's managed policy reaches the extension through Chromium's policy files. The browser runs in its own
// mount namespace with a temporary directory bound over /etc/chromium, so the real /etc is never touched.
// Needs root (CI and these machines run as root); skipped otherwise.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, RISKY, launch, settle, startServer, submissions, waitForBadge } from './harness.mjs';

const EXTENSION_ID = 'ffhfkflheiiljfllagemfjpedfmdbabh';
const POLICY = {
  mode: 'block',
  locked: ['mode', 'sites'],
  organization: { names: ['Riverside Family Dental'], phones: ['(217) 555-0142'] },
};
const DRAFT = 'Call us at (217) 555-0142 or (217) 555-0199';

/** Whether this process may bind-mount in a private mount namespace (root, not in a locked-down container). */
function canIsolate() {
  if (process.getuid?.() !== 0) return false;
  const a = mkdtempSync(path.join(tmpdir(), 'postguard-ns-'));
  const b = mkdtempSync(path.join(tmpdir(), 'postguard-ns-'));
  try {
    return spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" "$1"', a, b]).status === 0;
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
}
const isolated = canIsolate();

/**
 * Launch Chromium with `policy` installed as IT would, in a private mount namespace.
 * @param {object} policy
 */
async function launchWithPolicy(policy) {
  const dir = mkdtempSync(path.join(tmpdir(), 'postguard-policy-'));
  const etc = path.join(dir, 'etc-chromium');
  mkdirSync(path.join(etc, 'policies', 'managed'), { recursive: true });
  if (existsSync('/etc/chromium/master_preferences')) copyFileSync('/etc/chromium/master_preferences', path.join(etc, 'master_preferences'));
  writeFileSync(path.join(etc, 'policies', 'managed', 'postguard.json'),
    JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
  const wrapper = path.join(dir, 'chromium');
  writeFileSync(wrapper, `#!/bin/sh\nexec unshare -m --propagation private sh -c 'mount --bind "$0" /etc/chromium && exec "$@"' '${etc}' '${CHROMIUM}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const browser = await launch({ executablePath: wrapper });
  return {
    ...browser,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('managed policy (IT): block mode, organization details, locks', { timeout: 120000, skip: isolated ? false : 'needs root and a private mount namespace (unshare -m, mount --bind)' }, () => {
  /** @type {Awaited<ReturnType<typeof launchWithPolicy>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    server = await startServer();
    browser = await launchWithPolicy(POLICY);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const p of ['/textarea.html', '/strict/textarea.html']) {
    test(`the organization's own phone is not flagged and block mode has no way past (${p})`, { timeout: 30000 }, async () => {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(15000);
      try {
        await page.goto(server.url(p));
        await page.click('#editor');
        await page.keyboard.type(DRAFT);
        // Managed storage can take a few seconds to arrive the first time: wait for the policy's effect.
        await page.waitForFunction(async () => {
          const badge = document.querySelector('[data-postguard="badge"]');
          return badge?.getAttribute('data-count') === '1';
        });
        await waitForBadge(page, 1);
        await page.keyboard.press('Enter');
        await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
        const words = await page.$$eval('[data-postguard="overlay"] [data-kind] .words', (els) => els.map((e) => e.textContent ?? ''));
        assert.deepEqual(words.map((w) => w.replace(/[“”]/g, '')), ['(217) 555-0199']);
        assert.equal(await page.$('[data-postguard="overlay"] [data-action="post-anyway"]'), null);
        await settle(page);
        assert.deepEqual(await submissions(page), []);
      } finally {
        await page.close();
      }
    });
  }

  test('the options page shows the locked mode', { timeout: 30000 }, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      await page.waitForSelector('#managed:not([hidden])');
      assert.equal(await page.$eval('input[value="block"]', (el) => /** @type {HTMLInputElement} */ (el).checked && el.disabled), true);
    } finally {
      await page.close();
    }
  });
});

describe('managed policy (IT): "Post anyway" needs a reason', { timeout: 120000, skip: isolated ? false : 'needs root and a private mount namespace (unshare -m, mount --bind)' }, () => {
  /** @type {Awaited<ReturnType<typeof launchWithPolicy>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    server = await startServer();
    browser = await launchWithPolicy({ require_reason: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the button stays disabled until a reason is typed; the post then goes out once', { timeout: 30000 }, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15000);
    try {
      await page.goto(server.url('/textarea.html'));
      // The content script reads IT's policy (slow the first time) and remembers it: wait for that.
      await browser.worker.evaluate(() => new Promise((resolve) => {
        const check = async () => {
          const { managed_cache: cache } = await chrome.storage.local.get('managed_cache');
          if (cache && typeof cache === 'object' && 'require_reason' in cache) {
            chrome.storage.onChanged.removeListener(check);
            resolve(undefined);
          }
        };
        chrome.storage.onChanged.addListener(check);
        check();
      }));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-postguard="overlay"] [data-field="reason"]');
      assert.equal(await page.$eval('[data-postguard="overlay"] [data-action="post-anyway"]', (b) => b.hasAttribute('disabled')), true);
      await page.fill('[data-postguard="overlay"] [data-field="reason"]', 'Patient asked us to share this');
      await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      assert.deepEqual(await submissions(page), [RISKY]);
    } finally {
      await page.close();
    }
  });
});

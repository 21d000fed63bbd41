// IT's managed policy reaches the extension through Chromium's policy files. The browser runs in its own
// mount namespace with a temporary directory bound over /etc/chromium, so the real /etc is never touched.
// Needs root (CI and these machines run as root); skipped otherwise.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RISKY, canIsolate, launchWithPolicy, settle, startServer, submissions, waitForBadge } from './harness.mjs';

const POLICY = {
  mode: 'block',
  locked: ['mode', 'sites'],
  organization: { names: ['Riverside Family Dental'], phones: ['(217) 555-0142'] },
};
const DRAFT = 'Front desk (217) 555-0142 or (217) 555-0199';
const isolated = canIsolate();

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

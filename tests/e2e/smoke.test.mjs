// Issue 2's smoke test: type an SSN into a textarea and the badge counts 1 — on a page without CSP
// (the core runs in the content script) and on a page with `script-src 'self'` (the core runs in the
// background service worker).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, waitForBadge } from './harness.mjs';

describe('smoke: badge counts an SSN', { timeout: 90000 }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => { server = await startServer(); browser = await launch(); });
  after(async () => { await browser?.close(); await server?.close(); });

  for (const [name, path] of [['page without CSP', '/textarea.html'], ["page with CSP script-src 'self'", '/strict/textarea.html']]) {
    test(name, { timeout: 30000 }, async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(server.url(path));
        await page.click('#editor');
        await page.keyboard.type('my ssn is 219-09-9999');
        await waitForBadge(page, 1);
        const severity = await page.getAttribute('[data-postguard="badge"]', 'data-severity');
        assert.ok(['medium', 'high'].includes(severity ?? ''), `badge severity ${severity}`);
      } finally {
        await page.close();
      }
    });
  }

  test('the extension id is the fixed one from manifest key', () => {
    assert.equal(browser.extensionId, 'ffhfkflheiiljfllagemfjpedfmdbabh');
  });
});

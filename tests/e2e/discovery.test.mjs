// Field discovery: composers inside open shadow roots, same-origin iframes (src and srcdoc), and fields
// added after load. The badge and the overlay always show in the top document.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RISKY, launch, settle, startServer, waitForBadge } from './harness.mjs';

const T = { timeout: 30000 };

describe('field discovery', { timeout: 120000 }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => { server = await startServer(); browser = await launch(); });
  after(async () => { await browser?.close(); await server?.close(); });

  test('a textarea in an open shadow root', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url('/shadow.html'));
      await page.click('compose-box #editor');
      await page.keyboard.type(RISKY);
      await waitForBadge(page, 1);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await page.click('[data-postguard="overlay"] [data-action="edit"]');
      await page.click('compose-box #post');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      assert.equal(await page.$$eval('#submissions li', (l) => l.length), 1);
    } finally { await page.close(); }
  });

  for (const [name, id] of [['an iframe with src', '#src-frame'], ['a srcdoc iframe', '#srcdoc-frame']]) {
    test(`a composer in ${name} (same origin)`, T, async () => {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10000);
      try {
        await page.goto(server.url('/frames.html'));
        const handle = await page.waitForSelector(id);
        const frame = await handle.contentFrame();
        assert.ok(frame);
        await frame.waitForSelector('#editor');
        await frame.click('#editor');
        await page.keyboard.type(RISKY);
        await waitForBadge(page, 1);
        await page.keyboard.press('Enter');
        await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
        assert.equal(await frame.$$eval('#submissions li', (l) => l.length), 0);
        await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
        await frame.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
        assert.equal(await page.$$eval('[data-postguard="overlay"]', (l) => l.length), 0);
      } finally { await page.close(); }
    });
  }

  test('fields added after load (SPA), in the page and in a new iframe', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url('/late.html'));
      await page.click('#open');
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await page.click('#post');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('[data-postguard="overlay"]'));
      const frame = await (await page.waitForSelector('#late-frame')).contentFrame();
      assert.ok(frame);
      await frame.waitForSelector('#editor');
      await frame.click('#editor');
      await page.keyboard.type(RISKY);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await settle(page);
      assert.equal(await frame.$$eval('#submissions li', (l) => l.length), 0);
      assert.equal(await page.$$eval('#submissions li', (l) => l.length), 0);
    } finally { await page.close(); }
  });
});

// The real site adapters, on fixture pages served as https://x.com and https://biz.yelp.com (host names
// mapped to 127.0.0.1, a throw-away certificate): per-site submit buttons, Enter = new line, the context.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { RISKY, launch, overlayOpen, settle, startHttpsServer, submissions, waitForBadge } from './harness.mjs';

const T = { timeout: 30000 };
const haveOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('site adapters on mapped host names', { timeout: 120000, skip: haveOpenssl ? false : 'needs the openssl command for a test certificate' }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startHttpsServer>>} */
  let server;
  before(async () => {
    server = await startHttpsServer(['x.com', 'biz.yelp.com']);
    browser = await launch({ args: server.args });
  });
  after(async () => { await browser?.close(); await server?.close(); });

  test('x.com: Enter is a new line; Ctrl+Enter and the site\'s post button are guarded', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url('x.com', '/sites/x.html'));
      const field = '[data-testid="tweetTextarea_0"]';
      await page.click(field);
      await page.keyboard.type(RISKY);
      await waitForBadge(page, 1);
      await page.keyboard.press('Enter');
      await page.keyboard.type('Second line');
      await page.waitForFunction((sel) => document.querySelector(sel)?.innerText.includes('\n'), field);
      assert.equal(await overlayOpen(page), false, 'Enter on X only starts a new line');
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await page.click('[data-postguard="overlay"] [data-action="edit"]');
      await page.click('[data-testid="tweetButtonInline"]'); // labelled "Ship it": only the adapter knows it
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      assert.equal((await submissions(page)).length, 1);
    } finally { await page.close(); }
  });

  test('x.com: a photo attached through the site\'s own picker (no file input in the page) is seen in its attachments preview', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url('x.com', '/sites/x-media.html'));
      await page.click('[data-testid="tweetTextarea_0"]');
      await page.keyboard.type('Charge nurse life, 3am edition');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#add-photo')]);
      await chooser.setFiles({ name: 'unit.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
      await page.waitForSelector('[data-testid="attachments"]');
      await page.click('[data-testid="tweetButtonInline"]');
      await page.waitForSelector('[data-postguard="overlay"] [data-checklist]');
      await settle(page);
      assert.deepEqual(await submissions(page), []);
      await page.click('[data-postguard="overlay"] [data-field="media-checked"]');
      await page.click('[data-postguard="overlay"] [data-action="post"]');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      assert.equal(await page.getAttribute('#submissions li', 'data-files'), '1', 'posted once, with its photo');
      assert.equal((await submissions(page)).length, 1);
    } finally { await page.close(); }
  });

  test('biz.yelp.com: replies are checked as reply_to_review; the form\'s button is guarded', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url('biz.yelp.com', '/sites/yelp.html'));
      await page.click('#editor');
      await page.keyboard.type('Thanks for coming in for your root canal last week, we are sorry about the wait.');
      await page.waitForSelector('[data-postguard="badge"][data-context="reply_to_review"]', { state: 'attached' });
      await page.waitForFunction(() => Number(document.querySelector('[data-postguard="badge"]')?.getAttribute('data-count')) >= 1);
      await page.click('button[type="submit"]');
      await page.waitForSelector('[data-postguard="overlay"] [data-kind^="phi."]');
      await settle(page);
      assert.deepEqual(await submissions(page), []);
    } finally { await page.close(); }
  });
});

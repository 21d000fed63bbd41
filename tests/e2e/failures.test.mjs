// Failing components (issue 8): the core cannot load anywhere (a corrupted postguard_bg.wasm in a copy of the
// built extension: the content script cannot compile it, and neither can the background worker that the
// strict-CSP page falls back to), and the service worker being stopped mid-typing.
// Expected: the badge says checks are unavailable; warn mode lets the post through and says it went unchecked;
// block mode holds the post and explains; a restarted worker loses nothing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION, RISKY, SSN, launch, overlayOpen, settle, startServer, submissions, waitForBadge } from './harness.mjs';

const PAGES = ['/textarea.html', '/strict/textarea.html'];

/**
 * @param {Awaited<ReturnType<typeof launch>>} browser
 * @param {'warn'|'block'} mode  the user's own mode (chrome.storage.sync)
 */
async function setMode(browser, mode) {
  await browser.worker.evaluate((m) => chrome.storage.sync.set({ mode: m }), mode);
}

describe('the core cannot load (corrupted wasm; strict CSP with a broken worker too)', { timeout: 120000 }, () => {
  /** @type {string} */
  let dir;
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'postguard-broken-'));
    const ext = path.join(dir, 'extension');
    cpSync(EXTENSION, ext, { recursive: true });
    writeFileSync(path.join(ext, 'pkg', 'postguard_bg.wasm'), Buffer.from('\0asm\x01\0\0\0this is not a module'));
    server = await startServer();
    browser = await launch({ extension: ext });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const p of PAGES) {
    test(`the badge says checks are unavailable; warn mode posts and says it went unchecked (${p})`, { timeout: 30000 }, async () => {
      await setMode(browser, 'warn');
      const page = await browser.context.newPage();
      page.setDefaultTimeout(15000);
      try {
        await page.goto(server.url(p));
        await page.click('#editor');
        await page.keyboard.type(RISKY);
        await page.waitForSelector('[data-postguard="badge"][data-state="unavailable"]', { state: 'attached' });
        const label = page.locator('[data-postguard="badge"] button');
        assert.equal(await label.isVisible(), true);
        assert.match(await label.innerText(), /unavailable/i);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
        assert.deepEqual(await submissions(page), [RISKY]);
        const notice = page.locator('[data-postguard="notice"] [role="status"]');
        await notice.waitFor();
        assert.match(await notice.innerText(), /could not check/i);
        assert.equal(await overlayOpen(page), false);
      } finally {
        await page.close();
      }
    });

    test(`block mode holds the post and explains (${p})`, { timeout: 30000 }, async () => {
      await setMode(browser, 'block');
      const page = await browser.context.newPage();
      page.setDefaultTimeout(15000);
      try {
        await page.goto(server.url(p));
        await page.click('#editor');
        await page.keyboard.type(RISKY);
        await page.waitForSelector('[data-postguard="badge"][data-state="unavailable"]', { state: 'attached' });
        await page.keyboard.press('Enter');
        const dialog = page.locator('[data-postguard="overlay"] [role="alertdialog"]');
        await dialog.waitFor();
        assert.match(await dialog.innerText(), /could not check/i);
        assert.equal(await page.$('[data-postguard="overlay"] [data-action="post-anyway"]'), null);
        await settle(page);
        assert.deepEqual(await submissions(page), []);
        assert.equal(await page.inputValue('#editor'), RISKY, 'the draft is kept');
      } finally {
        await page.close();
      }
    });
  }
});

describe('the service worker restarted mid-typing (strict CSP: checks run in the worker)', { timeout: 120000 }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the draft stays, the next check works, and the guard still stops the post', { timeout: 45000 }, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15000);
    const control = await browser.context.newPage();
    try {
      // A CDP session on an extension page sees the extension's service worker.
      await control.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      const cdp = await browser.context.newCDPSession(control);
      /** @type {Map<string, string>} versionId → runningStatus of background.js */
      const status = new Map();
      /** @type {(() => void)[]} */
      const waiters = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) status.set(v.versionId, v.runningStatus);
        for (const w of waiters.splice(0)) w();
      });
      /** @param {string} want */
      const until = (want) => new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`service worker never ${want}`)), 15000);
        const check = () => {
          if ([...status.values()].includes(want)) { clearTimeout(timer); resolve(undefined); } else waiters.push(check);
        };
        check();
      });
      await cdp.send('ServiceWorker.enable');
      await until('running');

      await page.goto(server.url('/strict/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type('Patient ');
      await page.waitForSelector('[data-postguard="badge"][data-state="checked"]', { state: 'attached' });
      const checks = Number(await page.getAttribute('[data-postguard="badge"]', 'data-checks'));

      const [versionId] = [...status.entries()].find(([, s]) => s === 'running') ?? [];
      assert.ok(versionId != null, 'the worker runs');
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await until('stopped');

      await page.keyboard.type(`SSN ${SSN} needs a callback`);
      await waitForBadge(page, 1);
      assert.ok(Number(await page.getAttribute('[data-postguard="badge"]', 'data-checks')) > checks);
      assert.equal(await page.getAttribute('[data-postguard="badge"]', 'data-state'), 'checked');
      assert.equal(await page.inputValue('#editor'), RISKY, 'nothing typed was lost');
      assert.ok([...status.values()].includes('running'), 'the worker was started again');

      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await settle(page);
      assert.deepEqual(await submissions(page), []);
      await cdp.detach();
    } finally {
      await page.close();
      await control.close();
    }
  });
});

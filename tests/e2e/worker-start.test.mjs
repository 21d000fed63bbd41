// A background worker that cannot start (issue 23, point 6), in copies of the built extension:
// - the core's module (pkg/postguard.js) missing: the content script cannot import it, and the worker, which
//   imports the same file, never starts;
// - the worker's own script throwing at start-up: the content script loads the core where the page allows
//   WebAssembly, but on a strict-CSP page it must ask a worker that never answers (Chromium neither answers
//   nor rejects a message to it).
// Expected: the badge says "Checks unavailable" as soon as the failure is known (at once for a missing module,
// within the worker's start-up deadline otherwise), never "checked, 0 findings"; a submit in warn mode then goes
// out at once with the notice, far from the 5 s check timeout; block mode still holds the post and explains.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION, RISKY, launch, overlayOpen, settle, startServer, submissions } from './harness.mjs';

/** Well under the guard's 5 s check timeout, which a submit used to wait out in full. */
const AT_ONCE_MS = 2500;

/**
 * A copy of the built extension, broken by `breakIt(dir)`.
 * @param {(dir: string) => void} breakIt
 */
function brokenCopy(breakIt) {
  const dir = mkdtempSync(path.join(tmpdir(), 'postguard-no-worker-'));
  const ext = path.join(dir, 'extension');
  cpSync(EXTENSION, ext, { recursive: true });
  breakIt(ext);
  return { dir, ext };
}

/**
 * The user's own mode, set from an extension page (there is no worker to ask).
 * @param {Awaited<ReturnType<typeof launch>>} browser
 * @param {'warn'|'block'} mode
 */
async function setMode(browser, mode) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    await page.evaluate((m) => chrome.storage.sync.set({ mode: m }), mode);
  } finally {
    await page.close();
  }
}

/**
 * Type the risky draft, wait for the badge to say checks are unavailable (within `withinMs` of the typing's
 * end), and return the page.
 * @param {Awaited<ReturnType<typeof launch>>} browser
 * @param {string} url
 * @param {number} withinMs
 */
async function typeUntilUnavailable(browser, url, withinMs) {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(url);
  await page.click('#editor');
  await page.keyboard.type(RISKY);
  await page.waitForSelector('[data-postguard="badge"][data-state="unavailable"]', { state: 'attached', timeout: withinMs });
  const label = page.locator('[data-postguard="badge"] button');
  assert.equal(await label.isVisible(), true);
  assert.equal(await label.innerText(), 'Checks unavailable');
  return page;
}

/**
 * Press Enter in warn mode: the post goes out at once, with the notice, and no overlay.
 * @param {import('playwright-core').Page} page
 */
async function submitsAtOnce(page) {
  const started = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1, null, { timeout: 10000 });
  const waited = Date.now() - started;
  assert.ok(waited < AT_ONCE_MS, `the post waited ${waited} ms for a worker that cannot answer`);
  assert.deepEqual(await submissions(page), [RISKY]);
  const notice = page.locator('[data-postguard="notice"] [role="status"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not check/i);
  assert.equal(await overlayOpen(page), false);
}

/**
 * Press Enter in block mode: the overlay explains and nothing is sent.
 * @param {import('playwright-core').Page} page
 */
async function blockHolds(page) {
  await page.keyboard.press('Enter');
  const dialog = page.locator('[data-postguard="overlay"] [role="alertdialog"]');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /could not check/i);
  assert.equal(await page.$('[data-postguard="overlay"] [data-action="post-anyway"]'), null);
  await settle(page);
  assert.deepEqual(await submissions(page), []);
  assert.equal(await page.inputValue('#editor'), RISKY, 'the draft is kept');
}

describe('the core\'s module is missing (so the worker cannot start)', { timeout: 120000 }, () => {
  /** @type {{dir: string, ext: string}} */
  let copy;
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    copy = brokenCopy((ext) => rmSync(path.join(ext, 'pkg', 'postguard.js')));
    server = await startServer();
    browser = await launch({ extension: copy.ext, worker: false });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
  });

  for (const p of ['/textarea.html', '/strict/textarea.html']) {
    test(`the badge says so at once and warn mode posts at once (${p})`, { timeout: 30000 }, async () => {
      await setMode(browser, 'warn');
      const page = await typeUntilUnavailable(browser, server.url(p), 2000);
      try {
        assert.equal(await page.getAttribute('[data-postguard="badge"]', 'data-checker'), 'unavailable');
        await submitsAtOnce(page);
      } finally {
        await page.close();
      }
    });
  }

  test('block mode still holds the post and explains (/strict/textarea.html)', { timeout: 30000 }, async () => {
    await setMode(browser, 'block');
    const page = await typeUntilUnavailable(browser, server.url('/strict/textarea.html'), 2000);
    try {
      await blockHolds(page);
    } finally {
      await page.close();
    }
  });
});

describe('the worker\'s script throws at start-up (strict CSP: checks must go to the worker)', { timeout: 120000 }, () => {
  /** @type {{dir: string, ext: string}} */
  let copy;
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    copy = brokenCopy((ext) => {
      const script = path.join(ext, 'background.js');
      writeFileSync(script, `${readFileSync(script, 'utf8')}\nthrow new Error('PostGuard test: this worker cannot start');\n`);
    });
    server = await startServer();
    browser = await launch({ extension: copy.ext, worker: false });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
  });

  test('the badge says so within the start-up deadline, then warn mode posts at once', { timeout: 30000 }, async () => {
    await setMode(browser, 'warn');
    // The worker's deadline (WORKER_START_MS, 3 s) runs from the page's load, mostly while typing.
    const page = await typeUntilUnavailable(browser, server.url('/strict/textarea.html'), 6000);
    try {
      assert.equal(await page.getAttribute('[data-postguard="badge"]', 'data-checker'), 'worker');
      await submitsAtOnce(page);
    } finally {
      await page.close();
    }
  });

  test('where the page allows WebAssembly the core runs in the page and checks as usual', { timeout: 30000 }, async () => {
    await setMode(browser, 'warn');
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15000);
    try {
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await page.waitForSelector('[data-postguard="badge"][data-count="1"]', { state: 'attached' });
      assert.equal(await page.getAttribute('[data-postguard="badge"]', 'data-checker'), 'local');
      await page.keyboard.press('Enter');
      await page.locator('[data-postguard="overlay"] [role="alertdialog"]').waitFor();
      assert.deepEqual(await submissions(page), []);
    } finally {
      await page.close();
    }
  });
});

// Photos and videos attached to a draft (issue 24): the checklist at the submit of a post with media, on a
// fixture composer (fixtures/media.html) with a file input, paste into the caption and drop on the composer.
// The page keeps its files itself and records each post's caption and every file's SHA-256, so the tests see
// that the very bytes attached went out, once.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { RISKY, canIsolate, launch, launchWithPolicy, overlayOpen, settle, startServer } from './harness.mjs';

const T = { timeout: 30000 };
const OVERLAY = '[data-postguard="overlay"]';
/** A caption written at work ("night shift"), one that is not, and one with a text finding. */
const WORK = 'Night shift crew photo before handoff 💙';
const NOT_WORK = 'Sunset at the lake tonight 🌅';

/** Made-up file contents: a PNG signature and some bytes (the checker never reads them; the page hashes them). */
const PHOTO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 600 }, (_, i) => (i * 37) % 256)]);
const VIDEO = Buffer.from(Array.from({ length: 900 }, (_, i) => (i * 11 + 5) % 256));
const sha256 = (/** @type {Buffer} */ bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * @typedef {{text: string, files: {name: string, type: string, size: number, sha256: string}[]}} Post
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Post[]>}
 */
function posts(page) {
  return page.$$eval('#submissions li', (items) => items.map((li) => ({ text: li.textContent ?? '', files: JSON.parse(li.getAttribute('data-files') ?? '[]') })));
}

/**
 * Choose a file in the page's file input, as the user would in the file dialog.
 * @param {import('playwright-core').Page} page
 */
async function choosePhoto(page, name = 'handoff.png', mimeType = 'image/png', buffer = PHOTO) {
  await page.setInputFiles('#file', { name, mimeType, buffer });
  await page.waitForFunction((n) => document.getElementById('previews')?.textContent?.includes(n), name);
}

/**
 * Paste (or drop) a file on an element: the event the browser sends, with the file in its data.
 * @param {import('playwright-core').Page} page
 * @param {'paste'|'drop'} how
 * @param {string} selector
 * @param {{name: string, type: string, bytes: Buffer}} file
 */
async function sendFile(page, how, selector, file) {
  await page.evaluate(({ how, selector, name, type, bytes }) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], name, { type }));
    const target = /** @type {Element} */ (document.querySelector(selector));
    const init = { bubbles: true, cancelable: true, composed: true };
    target.dispatchEvent(how === 'paste'
      ? new ClipboardEvent('paste', { ...init, clipboardData: data })
      : new DragEvent('drop', { ...init, dataTransfer: data }));
  }, { how, selector, name: file.name, type: file.type, bytes: Array.from(file.bytes) });
  await page.waitForFunction((n) => document.getElementById('previews')?.textContent?.includes(n), file.name);
}

describe('photos and videos: the checklist before a post with media goes out', { timeout: 300000 }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => { await browser?.close(); await server?.close(); });

  /** The local counters (numbers only). */
  async function stats() {
    return /** @type {Record<string, number>} */ (await browser.worker.evaluate(async () => (await chrome.storage.local.get('stats')).stats ?? {}));
  }

  /** The fixture composer with a caption typed. */
  async function compose(caption = '', query = '') {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    await page.goto(server.url(`/media.html${query}`));
    await page.click('#editor');
    if (caption) await page.keyboard.type(caption);
    return page;
  }

  /** The user's own media_check, set on the options page as a user would. */
  async function chooseMediaCheck(/** @type {string} */ value) {
    const options = await browser.context.newPage();
    try {
      await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      await options.waitForSelector('body[data-ready="true"]');
      await options.check(`input[name="media_check"][value="${value}"]`);
      await browser.worker.evaluate(async (v) => {
        while ((await chrome.storage.sync.get('media_check')).media_check !== v) await new Promise((r) => setTimeout(r, 20));
      }, value);
    } finally { await options.close(); }
  }

  test('a photo from the file input and a work caption: Post shows the checklist, keyboard-reachable; Escape goes back and nothing is sent', T, async () => {
    const before = await stats();
    const page = await compose(WORK);
    try {
      await choosePhoto(page);
      await page.click('#post');
      await page.waitForSelector(`${OVERLAY} [data-checklist]`);
      assert.equal(await page.$$eval(`${OVERLAY} [data-check]`, (els) => els.length), 4);
      assert.equal(await page.$(`${OVERLAY} [data-kind]`), null, 'no text findings for this caption');
      assert.equal((await page.textContent(`${OVERLAY} [data-action="edit"]`))?.trim(), 'Go back');
      assert.equal(await page.getAttribute(`${OVERLAY} [data-action="post"]`, 'disabled'), '', 'Post waits for the box');
      assert.equal(await page.$(`${OVERLAY} [data-action="post-anyway"]`), null);
      // Focus is in the dialog; Tab reaches every control, and the box enables Post.
      const focused = () => page.evaluate(() => {
        const active = document.querySelector('[data-postguard="overlay"]')?.shadowRoot?.activeElement;
        return active?.getAttribute('data-action') ?? active?.getAttribute('data-field') ?? null;
      });
      assert.equal(await focused(), 'edit');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'media-checked');
      await page.keyboard.press('Space');
      assert.equal(await page.getAttribute(`${OVERLAY} [data-action="post"]`, 'disabled'), null);
      const reached = new Set();
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        reached.add(await focused());
      }
      assert.deepEqual([...reached].sort(), ['edit', 'media-checked', 'post']);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('[data-postguard="overlay"]'));
      await settle(page);
      assert.deepEqual(await posts(page), []);
      assert.equal(await page.inputValue('#editor'), WORK, 'caption intact');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'editor', 'back in the caption');
      const after = await stats();
      assert.equal((after.media_checklists_shown ?? 0) - (before.media_checklists_shown ?? 0), 1);
      assert.equal(after.warnings_shown ?? 0, before.warnings_shown ?? 0, 'a checklist is not a text warning');
    } finally { await page.close(); }
  });

  test('confirming the checklist posts once with the very file attached; the next post without media goes at once', T, async () => {
    const before = await stats();
    const page = await compose(WORK);
    try {
      await choosePhoto(page);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${OVERLAY} [data-checklist]`);
      await settle(page);
      assert.deepEqual(await posts(page), [], 'held until confirmed');
      await page.click(`${OVERLAY} [data-field="media-checked"]`);
      await page.click(`${OVERLAY} [data-action="post"]`);
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      const sent = await posts(page);
      assert.equal(sent.length, 1, 'posted exactly once');
      assert.equal(sent[0].text, WORK);
      assert.deepEqual(sent[0].files, [{ name: 'handoff.png', type: 'image/png', size: PHOTO.length, sha256: sha256(PHOTO) }]);
      const after = await stats();
      assert.equal((after.media_posted_after_checklist ?? 0) - (before.media_posted_after_checklist ?? 0), 1);
      assert.equal(after.posted_anyway ?? 0, before.posted_anyway ?? 0, 'Post after the checklist is not "post anyway"');
      // The media went out with that post: a work caption alone is not asked about.
      await page.click('#editor');
      await page.keyboard.type('Shift change huddle done');
      await page.click('#post');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 2);
      assert.equal(await overlayOpen(page), false);
    } finally { await page.close(); }
  });

  test('an image pasted into the caption box brings the checklist (contenteditable caption)', T, async () => {
    const page = await compose(WORK, '?field=contenteditable');
    try {
      await sendFile(page, 'paste', '#editor', { name: 'pasted.png', type: 'image/png', bytes: PHOTO });
      await page.click('#post');
      await page.waitForSelector(`${OVERLAY} [data-checklist]`);
      await page.click(`${OVERLAY} [data-field="media-checked"]`);
      await page.click(`${OVERLAY} [data-action="post"]`);
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      const sent = await posts(page);
      assert.equal(sent.length, 1);
      assert.equal(sent[0].files[0].sha256, sha256(PHOTO));
    } finally { await page.close(); }
  });

  test('a video dropped on the composer brings the checklist', T, async () => {
    const page = await compose(WORK);
    try {
      await sendFile(page, 'drop', '#dropzone', { name: 'rounds.mp4', type: 'video/mp4', bytes: VIDEO });
      await page.click('#editor');
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${OVERLAY} [data-checklist]`);
      await settle(page);
      assert.deepEqual(await posts(page), []);
    } finally { await page.close(); }
  });

  test('care_context: a caption with no work context posts at once, photo and all; so does a work caption with a PDF', T, async () => {
    const page = await compose(NOT_WORK);
    try {
      await choosePhoto(page, 'lake.png');
      await page.click('#post');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      assert.equal(await overlayOpen(page), false);
      assert.equal((await posts(page))[0].files[0].sha256, sha256(PHOTO));
      await page.click('#editor');
      await page.keyboard.type(WORK);
      await choosePhoto(page, 'schedule.pdf', 'application/pdf');
      await page.click('#post');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 2);
      assert.equal(await overlayOpen(page), false, 'a document is not a photo or video');
    } finally { await page.close(); }
  });

  test('media_check off (the user\'s choice on the options page) posts a work caption with a photo at once; always asks for any caption', T, async () => {
    try {
      await chooseMediaCheck('off');
      const page = await compose(WORK);
      try {
        await choosePhoto(page);
        await page.click('#post');
        await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
        assert.equal(await overlayOpen(page), false);
      } finally { await page.close(); }
      await chooseMediaCheck('always');
      const lake = await compose(NOT_WORK);
      try {
        await choosePhoto(lake, 'lake.png');
        await lake.click('#post');
        await lake.waitForSelector(`${OVERLAY} [data-checklist]`);
        await settle(lake);
        assert.deepEqual(await posts(lake), []);
      } finally { await lake.close(); }
    } finally {
      await chooseMediaCheck('care_context');
    }
  });

  test('text findings and the checklist share one overlay; "Post anyway" waits for the box and sends once', T, async () => {
    const page = await compose(RISKY);
    try {
      await choosePhoto(page);
      await page.click('#post');
      await page.waitForSelector(`${OVERLAY} [data-checklist]`);
      assert.ok(await page.$(`${OVERLAY} [data-kind="phi.direct_identifier"]`), 'the text finding is listed');
      assert.equal(await page.getAttribute(`${OVERLAY} [data-action="post-anyway"]`, 'disabled'), '');
      await page.click(`${OVERLAY} [data-field="media-checked"]`);
      await page.click(`${OVERLAY} [data-action="post-anyway"]`);
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      const sent = await posts(page);
      assert.equal(sent.length, 1);
      assert.equal(sent[0].files[0].sha256, sha256(PHOTO));
    } finally { await page.close(); }
  });

  test('strict CSP (the core in the worker): a held post with a photo gets the checklist, then goes once', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url('/strict/media.html'));
      await page.click('#editor');
      await page.keyboard.type(WORK);
      await choosePhoto(page);
      await page.click('#post');
      await page.waitForSelector(`${OVERLAY} [data-checklist]`);
      assert.equal(await page.getAttribute('[data-postguard="badge"]', 'data-checker'), 'worker');
      await page.click(`${OVERLAY} [data-field="media-checked"]`);
      await page.click(`${OVERLAY} [data-action="post"]`);
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      assert.equal((await posts(page)).length, 1);
    } finally { await page.close(); }
  });
});

describe('the checklist in Spanish', { timeout: 60000 }, () => {
  test('title, points and buttons come from the Spanish messages', T, async () => {
    const server = await startServer();
    const browser = await launch({ lang: 'es' });
    try {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10000);
      await page.goto(server.url('/media.html'));
      await page.click('#editor');
      await page.keyboard.type('Turno de noche con el equipo de enfermeras');
      await page.setInputFiles('#file', { name: 'equipo.png', mimeType: 'image/png', buffer: PHOTO });
      await page.click('#post');
      await page.waitForSelector(`${OVERLAY} [data-checklist]`);
      assert.equal((await page.textContent(`${OVERLAY} h2`))?.trim(), 'Revise su foto o video antes de publicarlo');
      assert.equal((await page.textContent(`${OVERLAY} [data-action="post"]`))?.trim(), 'Publicar');
      assert.equal((await page.textContent(`${OVERLAY} [data-action="edit"]`))?.trim(), 'Volver');
      assert.match((await page.textContent(`${OVERLAY} [data-check="checklistBackground"]`)) ?? '', /fondo/);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('managed policy (IT): media_check always, locked, in block mode without "post anyway"', { timeout: 120000, skip: canIsolate() ? false : 'needs root and a private mount namespace (unshare -m, mount --bind)' }, () => {
  /** @type {Awaited<ReturnType<typeof launchWithPolicy>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    server = await startServer();
    browser = await launchWithPolicy({ mode: 'block', allow_post_anyway: false, media_check: 'always', locked: ['mode', 'media_check'] });
  });
  after(async () => { await browser?.close(); await server?.close(); });

  test('an everyday caption with a photo gets the checklist, with Post (block mode and no "post anyway" are about text); the options page shows it locked', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15000);
    try {
      await page.goto(server.url('/media.html'));
      // The content script reads IT's policy (slow the first time) and remembers it: wait for that.
      await browser.worker.evaluate(() => new Promise((resolve) => {
        const check = async () => {
          const { managed_cache: cache } = await chrome.storage.local.get('managed_cache');
          if (cache && typeof cache === 'object' && 'media_check' in cache) {
            chrome.storage.onChanged.removeListener(check);
            resolve(undefined);
          }
        };
        chrome.storage.onChanged.addListener(check);
        check();
      }));
      await page.click('#editor');
      await page.keyboard.type(NOT_WORK);
      await choosePhoto(page, 'lake.png');
      await page.click('#post');
      await page.waitForSelector(`${OVERLAY} [data-checklist]`);
      await page.click(`${OVERLAY} [data-field="media-checked"]`);
      await page.click(`${OVERLAY} [data-action="post"]`);
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      await settle(page);
      assert.equal((await posts(page)).length, 1);
    } finally { await page.close(); }
    const options = await browser.context.newPage();
    try {
      await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      await options.waitForSelector('body[data-ready="true"]');
      await options.waitForSelector('tr[data-key="media_check"][data-source="it"][data-locked="true"]');
      const radios = await options.$$eval('input[name="media_check"]', (els) => els.map((el) => {
        const input = /** @type {HTMLInputElement} */ (el);
        return `${input.value}:${input.checked}:${input.disabled}`;
      }));
      assert.deepEqual(radios.sort(), ['always:true:true', 'care_context:false:true', 'off:false:true']);
    } finally { await options.close(); }
  });
});

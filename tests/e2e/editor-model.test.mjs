// Redact, the live count and the submit guard against each editor's own model (issue 22). The fixture
// pages post what the editor holds (Slate's value, CKEditor's model, Lexical's state...), never its DOM,
// so a redaction that only changed the screen shows up as the original words in #submissions.
//
// `?synthetic=ignore` makes a page drop synthetic `beforeinput` events before its editor sees them (an
// editor that takes only the user's own input); `?synthetic=cancel` cancels them without doing anything
// (something claims the input and the editor never draws it). See editors/common.js. On the plain
// contenteditable page, `?synthetic=flicker` takes the event and then never settles (fixtures/plain.js).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RISKY, SSN, launch, overlayOpen, settle, startServer, submissions, waitForBadge } from './harness.mjs';
import { bundleEditors } from './bundle.mjs';

const T = { timeout: 40000 };

/** Every editor the issue lists: fixture path and the editable element. */
const EDITORS = {
  textarea: { path: '/textarea.html', field: '#editor' },
  contenteditable: { path: '/contenteditable.html', field: '#editor' },
  draft: { path: '/draft.html', field: '.public-DraftEditor-content' },
  lexical: { path: '/lexical.html', field: '#editor' },
  quill: { path: '/quill.html', field: '#editor' },
  prosemirror: { path: '/prosemirror.html', field: '#editor' },
  tiptap: { path: '/tiptap.html', field: '#editor' },
  slate: { path: '/slate.html', field: '#editor' },
  ckeditor: { path: '/ckeditor.html', field: '.ck-editor__editable' },
};

/** A second identifier typed with digits and dashes only: no letter, so slate-react inserts it itself. */
const PHONE = '217-555-0142';
const TWO = `${RISKY} at ${PHONE}`;

/** @param {string} s */
const squash = (s) => s.replace(/[\u00a0\s]+/g, ' ').replace(/[\ufeff\u2060]/g, '').trim();

describe('editor models: redaction, live count and submit guard', { timeout: 900000 }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    await bundleEditors();
    server = await startServer();
    browser = await launch();
  });
  after(async () => { await browser?.close(); await server?.close(); });

  /**
   * @param {string} path
   * @param {string} field
   */
  async function open(path, field) {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    await page.goto(server.url(path));
    await page.waitForSelector(field);
    await page.click(field);
    return page;
  }

  /**
   * The editor's text as the user sees it.
   * @param {import('playwright-core').Page} page
   * @param {string} field
   */
  async function shown(page, field) {
    return squash(await page.$eval(field, (el) => ('value' in el ? /** @type {HTMLTextAreaElement} */ (el).value : /** @type {HTMLElement} */ (el).innerText)));
  }

  /**
   * @param {import('playwright-core').Page} page
   * @param {string} field
   * @param {string} text
   */
  async function waitShown(page, field, text) {
    await page.waitForFunction(({ sel, want }) => {
      const el = document.querySelector(sel);
      const got = el && ('value' in el ? /** @type {HTMLTextAreaElement} */ (el).value : /** @type {HTMLElement} */ (el).innerText);
      return typeof got === 'string' && got.replace(/[\u00a0\s]+/g, ' ').replace(/[\ufeff\u2060]/g, '').trim() === want;
    }, { sel: field, want: text });
  }

  /**
   * Post what the editor holds, through "Post anyway" if the overlay opens; returns the one submission.
   * @param {import('playwright-core').Page} page
   */
  async function postAndRead(page) {
    await page.click('#post');
    await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1 || document.querySelector('[data-postguard="overlay"]'));
    if (await overlayOpen(page)) {
      await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
    }
    const sent = await submissions(page);
    assert.equal(sent.length, 1, `submissions: ${JSON.stringify(sent)}`);
    return squash(sent[0]);
  }

  /**
   * The user reads the overlay before choosing Redact. Editors close an undo step after a pause in typing
   * (ProseMirror 500 ms, Quill 1 s); a redaction at machine speed right after the last keystroke would join
   * the typing's step, and Undo would take the whole draft away. So this waits for the page's clock to pass
   * the longest such pause: a condition on the time the editors measure, not a guess at a delay.
   * @param {import('playwright-core').Page} page
   */
  async function readsTheOverlay(page) {
    const shownAt = await page.evaluate(() => performance.now());
    await page.waitForFunction((t) => performance.now() - t > 1100, shownAt, { polling: 50 });
  }

  for (const [name, { path, field }] of Object.entries(EDITORS)) {
    test(`${name}: the live count follows text typed without an input event (digits and dashes last)`, T, async () => {
      const page = await open(path, field);
      try {
        await page.keyboard.type(`${RISKY} at `);
        await waitForBadge(page, 1);
        // slate-react inserts digits and punctuation itself and cancels the beforeinput: no input event.
        await page.keyboard.type(PHONE);
        await waitShown(page, field, TWO);
        await waitForBadge(page, 2, 5000);
      } finally { await page.close(); }
    });

    /** Type both identifiers, post, read the overlay, Redact; returns the text the editor then shows. */
    async function redactBoth(/** @type {import('playwright-core').Page} */ page) {
      await page.keyboard.type(TWO);
      await waitShown(page, field, TWO);
      await page.click('#post');
      await page.waitForSelector('[data-postguard="overlay"] [data-action="redact"]');
      await readsTheOverlay(page);
      await page.click('[data-postguard="overlay"] [data-action="redact"]');
      await page.waitForFunction(() => !document.querySelector('[data-postguard="overlay"]'));
      const redacted = await shown(page, field);
      assert.ok(!redacted.includes(SSN) && !redacted.includes(PHONE), `shown: ${redacted}`);
      assert.ok(redacted.startsWith('Patient SSN ') && redacted.includes(' needs a callback at '), `shown: ${redacted}`);
      return redacted;
    }

    test(`${name}: Redact of two identifiers, then Post, sends the redacted text from the editor's model`, T, async () => {
      const page = await open(path, field);
      try {
        const redacted = await redactBoth(page);
        const sent = await postAndRead(page);
        assert.equal(sent, redacted, 'the page posts what the overlay left on screen');
      } finally { await page.close(); }
    });

    test(`${name}: Undo after Redact brings both identifiers back into the editor's model`, T, async () => {
      const page = await open(path, field);
      try {
        await redactBoth(page);
        // Undo, as often as the editor split the redaction into steps, until both identifiers are back.
        for (let i = 0; i < 4; i++) {
          const now = await shown(page, field);
          if (now.includes(SSN) && now.includes(PHONE)) break;
          await page.keyboard.press('Control+z');
          await page.waitForFunction(({ sel, before }) => {
            const el = document.querySelector(sel);
            return !!el && ('value' in el ? /** @type {HTMLTextAreaElement} */ (el).value : /** @type {HTMLElement} */ (el).innerText)
              .replace(/[\u00a0\s]+/g, ' ').replace(/[\ufeff\u2060]/g, '').trim() !== before;
          }, { sel: field, before: now });
        }
        assert.equal(await shown(page, field), TWO, 'Undo brings the original words back');
        // ... into the editor's own model: the page posts them (after the guard's warning).
        assert.equal(await postAndRead(page), TWO);
      } finally { await page.close(); }
    });
  }

  // The redaction through `beforeinput` is what reaches these editors' models. When an editor takes only
  // the user's own events, the guard must not fall back to changing just the screen.
  for (const name of /** @type {const} */ (['slate', 'ckeditor'])) {
    const { path, field } = EDITORS[name];
    for (const mode of /** @type {const} */ (['ignore', 'cancel'])) {
      test(`${name} that ${mode === 'ignore' ? 'ignores' : 'cancels without drawing'} synthetic beforeinput: Redact says the changes did not take, the editor's model and the post keep the draft, nothing is sent`, T, async () => {
        const page = await open(`${path}?synthetic=${mode}`, field);
        try {
          await page.keyboard.type(RISKY);
          await waitShown(page, field, RISKY);
          await page.keyboard.press('Enter');
          await page.waitForSelector('[data-postguard="overlay"] [data-action="redact"]');
          await page.click('[data-postguard="overlay"] [data-action="redact"]');
          await page.waitForFunction(() => {
            const status = document.querySelector('[data-postguard="overlay"]')?.shadowRoot?.querySelector('[role="status"]');
            return /did not take/.test(status?.textContent ?? '');
          });
          assert.equal(await overlayOpen(page), true, 'the post stays held');
          assert.equal(await shown(page, field), RISKY, 'the screen was not changed behind the editor\'s back');
          await page.keyboard.press('Escape');
          await page.waitForFunction(() => !document.querySelector('[data-postguard="overlay"]'));
          // The page's own Post is guarded as before: the overlay, nothing sent.
          await page.click('#post');
          await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
          await settle(page);
          assert.deepEqual(await submissions(page), []);
          // And "Post anyway" sends what the editor holds, which is what the user sees.
          await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
          await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
          assert.deepEqual((await submissions(page)).map(squash), [RISKY]);
        } finally { await page.close(); }
      });
    }
  }

  test('contenteditable: text the page puts into the focused field without any event is checked (the field\'s DOM is followed)', T, async () => {
    const { path, field } = EDITORS.contenteditable;
    const page = await open(path, field);
    try {
      await page.keyboard.type(`${RISKY} at `);
      await waitForBadge(page, 1);
      // Dictation, an autocomplete or the site's own script: the DOM changes, no key, no input event.
      await page.$eval(field, (el, phone) => { el.append(phone); }, PHONE);
      await waitForBadge(page, 2, 5000);
    } finally { await page.close(); }
  });

  for (const name of /** @type {const} */ (['slate', 'ckeditor'])) {
    test(`${name} where Enter means a new line: "Post anyway" after a held Enter gives the editor its new line in its own model`, T, async () => {
      const { path, field } = EDITORS[name];
      const page = await open(`${path}?enter=newline`, field);
      try {
        await page.keyboard.type(RISKY);
        await waitShown(page, field, RISKY);
        // The generic adapter holds Enter in a multi-line field with a warning; "Post anyway" sends it on.
        await page.keyboard.press('Enter');
        await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
        await page.waitForFunction(() => !document.querySelector('[data-postguard="overlay"]'));
        await page.waitForFunction((sel) => (/** @type {HTMLElement} */ (document.querySelector(sel))?.querySelectorAll('p, [data-slate-node="element"]').length ?? 0) === 2, field);
        await page.keyboard.type('second line');
        await page.waitForFunction((sel) => /\n\s*second line$/.test(/** @type {HTMLElement} */ (document.querySelector(sel))?.innerText ?? ''), field);
        assert.deepEqual(await submissions(page), []);
        await page.click('#post');
        await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
        await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
        assert.deepEqual(await submissions(page), [`${RISKY}\nsecond line`]);
      } finally { await page.close(); }
    });
  }

  test('an editor whose text never settles after taking the change: Redact says it could not confirm it, the post stays held', T, async () => {
    const { path, field } = EDITORS.contenteditable;
    const page = await open(`${path}?synthetic=flicker`, field);
    try {
      await page.keyboard.type(RISKY);
      await waitShown(page, field, RISKY);
      await page.keyboard.press('Enter');
      await page.click('[data-postguard="overlay"] [data-action="redact"]');
      await page.waitForFunction(() => {
        const status = document.querySelector('[data-postguard="overlay"]')?.shadowRoot?.querySelector('[role="status"]');
        return /could not confirm/.test(status?.textContent ?? '');
      });
      assert.equal(await overlayOpen(page), true, 'the post stays held');
      assert.deepEqual(await submissions(page), []);
    } finally { await page.close(); }
  });

  // Editors that also follow execCommand's `input`: when they drop the synthetic event, the fallback lands.
  for (const name of /** @type {const} */ (['lexical', 'quill'])) {
    const { path, field } = EDITORS[name];
    test(`${name} that ignores synthetic beforeinput: Redact falls back to execCommand and the post is redacted`, T, async () => {
      const page = await open(`${path}?synthetic=ignore`, field);
      try {
        await page.keyboard.type(TWO);
        await waitShown(page, field, TWO);
        await page.keyboard.press('Enter');
        await page.click('[data-postguard="overlay"] [data-action="redact"]');
        await page.waitForFunction(() => !document.querySelector('[data-postguard="overlay"]'));
        const redacted = await shown(page, field);
        const sent = await postAndRead(page);
        assert.equal(sent, redacted);
        assert.ok(!sent.includes(SSN) && !sent.includes(PHONE), `sent: ${sent}`);
      } finally { await page.close(); }
    });
  }
});

// Hostile drafts in the browser (issue 8): a long paste is rechecked live only around the caret while the
// submit check still sees all of it; markup in a draft is shown as text and runs nothing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SSN, launch, startServer, submissions } from './harness.mjs';

const T = { timeout: 60000 };
const OVERLAY = '[data-postguard="overlay"] [role="alertdialog"]';

describe('hostile drafts', { timeout: 240000 }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => { await browser?.close(); await server?.close(); });

  test('a long paste: the live check looks around the caret, the submit check sees the whole draft', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(20000);
    try {
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      // The identifier is at the start, 60,000 characters away from the caret at the end.
      // Filler with nothing to find (the models once flagged a street in a parking notice: a judgment
      // question, not this test's).
      const filler = 'Our book club meets on the first Monday and this month we are reading a mystery novel. '.repeat(700);
      await page.evaluate(({ head, body }) => {
        const editor = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor'));
        editor.value = head + body;
        editor.setSelectionRange(editor.value.length, editor.value.length);
        editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }, { head: `Patient SSN ${SSN} asked for a callback. `, body: filler });
      await page.keyboard.type('Thanks!');
      const badge = await page.waitForSelector('[data-postguard="badge"][data-state="checked"][data-partial]', { state: 'attached' });
      assert.equal(await badge.getAttribute('data-count'), '0', 'the identifier far from the caret is not rechecked live');

      await page.keyboard.press('Enter');
      await page.waitForSelector(OVERLAY);
      const words = await page.$$eval('[data-postguard="overlay"] [data-kind] .words', (els) => els.map((e) => e.textContent));
      assert.ok(words.some((w) => w?.includes(SSN)), `the submit check found it: ${words}`);
      assert.deepEqual(await submissions(page), []);

      // Back to a short draft: the whole text is checked live again.
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-postguard="overlay"]', { state: 'detached' });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(`Call about SSN ${SSN}`);
      await page.waitForSelector('[data-postguard="badge"][data-count="1"]:not([data-partial])', { state: 'attached' });
    } finally {
      await page.close();
    }
  });

  for (const path of ['/textarea.html', '/contenteditable.html']) {
    test(`markup in a draft is shown as text and runs nothing (${path})`, T, async () => {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(20000);
      try {
        await page.goto(server.url(path));
        await page.click('#editor');
        const markup = '<img src=x onerror="document.body.dataset.pwned=1"><script>document.body.dataset.pwned=2</script>';
        await page.keyboard.type(`Patient SSN ${SSN} ${markup} <b>see</b> you`);
        await page.waitForSelector('[data-postguard="badge"][data-count="1"]', { state: 'attached' });
        await page.keyboard.press('Enter');
        await page.waitForSelector(OVERLAY);
        const shown = await page.$eval('[data-postguard="overlay"]', (host) => {
          const root = /** @type {ShadowRoot} */ (host.shadowRoot);
          return { text: root.textContent ?? '', elements: root.querySelectorAll('img, script, b').length };
        });
        assert.ok(shown.text.includes('<img src=x onerror='), 'the markup is shown as text');
        assert.equal(shown.elements, 0, 'no element was made from the draft');
        // An <img src=x> would have failed to load by now; give the page a frame and check nothing ran.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        assert.equal(await page.evaluate(() => document.body.dataset.pwned ?? null), null);
        assert.equal(await page.$$eval('img, script:not([src])', (els) => els.length), 0, 'no image or inline script in the page');
        assert.deepEqual(await submissions(page), []);
      } finally {
        await page.close();
      }
    });
  }
});

// The extension as a whole: privacy promises, the popup's counters and the site switch, the live check's
// debounce, the core's speed in the browser, and the Spanish strings.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { RISKY, ROOT, SSN, launch, overlayOpen, settle, startServer, submissions, waitForBadge } from './harness.mjs';

const T = { timeout: 30000 };

describe('extension', { timeout: 180000 }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => { server = await startServer(); browser = await launch(); });
  after(async () => { await browser?.close(); await server?.close(); });

  test('privacy: no network, no draft text in any console, nothing in the page\'s JavaScript world', T, async () => {
    /** @type {string[]} */
    const requests = [];
    /** @type {string[]} */
    const logs = [];
    const onRequest = (/** @type {import('playwright-core').Request} */ r) => requests.push(r.url());
    browser.context.on('request', onRequest);
    browser.worker.on('console', (m) => logs.push(m.text()));
    const page = await browser.context.newPage();
    page.on('console', (m) => logs.push(m.text()));
    try {
      const globalsBefore = await (async () => {
        const p = await browser.context.newPage();
        await p.goto(server.url('/textarea.html'));
        const keys = await p.evaluate(() => Object.keys(window).sort());
        await p.close();
        return keys;
      })();
      for (const path of ['/textarea.html', '/strict/textarea.html']) {
        await page.goto(server.url(path));
        await page.click('#editor');
        await page.keyboard.type(RISKY);
        await waitForBadge(page, 1);
        await page.keyboard.press('Enter');
        await page.click('[data-postguard="overlay"] [data-action="post-anyway"]');
        await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
        assert.deepEqual(await page.evaluate(() => Object.keys(window).sort()), globalsBefore, 'page globals unchanged');
        assert.equal(await page.evaluate(() => document.querySelectorAll('script[src^="chrome-extension:"], script:not([src])').length), 0);
      }
      const origin = new URL(server.url('/')).origin;
      const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('chrome-extension://'));
      assert.deepEqual(foreign, [], 'requests outside the fixture server');
      const leaks = logs.filter((l) => l.includes(SSN) || l.includes('Patient'));
      assert.deepEqual(leaks, [], 'console output with draft text');
      const stored = await browser.worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
      assert.ok(!stored.includes(SSN) && !stored.includes('Patient'), `storage holds text: ${stored}`);
    } finally {
      browser.context.off('request', onRequest);
      await page.close();
    }
  });

  test('popup shows local counts (never text); the content script answers the popup\'s site question', T, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await page.keyboard.press('Enter');
      await page.click('[data-postguard="overlay"] [data-action="redact"]');
      await page.waitForFunction(() => !document.querySelector('[data-postguard="overlay"]'));
      const info = await browser.worker.evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        for (const tab of tabs) {
          try {
            const reply = await chrome.tabs.sendMessage(/** @type {number} */ (tab.id), { kind: 'site-info' }, { frameId: 0 });
            if (reply) return reply;
          } catch { /* no content script there */ }
        }
        return null;
      });
      assert.equal(info?.host, '127.0.0.1');
      assert.equal(info?.enabled, true);
      assert.equal(info?.checker, 'local');
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
      await popup.waitForFunction(() => Number(document.getElementById('warnings_shown')?.textContent) >= 1
        && Number(document.getElementById('posts_changed')?.textContent) >= 1);
      assert.equal(await popup.textContent('h1'), 'PostGuard');
      await popup.close();
    } finally {
      await page.close();
    }
  });

  test('switching PostGuard off for a site leaves posting untouched there', T, async () => {
    await browser.worker.evaluate(() => chrome.storage.sync.set({ disabledSites: ['127.0.0.1'] }));
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
      assert.equal(await overlayOpen(page), false);
      assert.deepEqual(await submissions(page), [RISKY]);
    } finally {
      await page.close();
      await browser.worker.evaluate(() => chrome.storage.sync.set({ disabledSites: [] }));
    }
  });

  test('the page decides the context: a review reply is checked as reply_to_review', T, async () => {
    const reply = 'Thanks for coming in for your root canal last week, we are sorry about the wait.';
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/review.html'));
      await page.click('#editor');
      await page.keyboard.type(reply);
      await page.waitForSelector('[data-postguard="badge"][data-context="reply_to_review"]', { state: 'attached' });
      await page.waitForFunction(() => Number(document.querySelector('[data-postguard="badge"]')?.getAttribute('data-count')) >= 1);
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('[data-postguard="overlay"] [data-kind^="phi."]');
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type(reply);
      await page.waitForSelector('[data-postguard="badge"][data-context="post"]', { state: 'attached' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
    } finally {
      await page.close();
    }
  });

  test('a card explains a flagged word under the pointer and at the caret', T, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url('/contenteditable.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await waitForBadge(page, 1);
      const box = await page.evaluate((ssn) => {
        const text = /** @type {Text} */ (document.getElementById('editor')?.firstChild);
        const at = text.data.indexOf(ssn);
        const range = document.createRange();
        range.setStart(text, at + 2);
        range.setEnd(text, at + 6);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, SSN);
      await page.mouse.move(box.x, box.y);
      await page.waitForSelector('[data-postguard="card"] .card[data-kind="phi.direct_identifier"]:not([hidden])');
      await page.mouse.move(5, 5);
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await waitForBadge(page, 1);
      await page.evaluate((ssn) => {
        const el = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor'));
        const at = el.value.indexOf(ssn) + 3;
        el.setSelectionRange(at, at);
      }, SSN);
      await page.waitForSelector('[data-postguard="card"] .card[data-kind="phi.direct_identifier"]:not([hidden])');
    } finally {
      await page.close();
    }
  });

  test('flagged words are underlined in a textarea (layer over the field); the overlay on a review reply (docs/overlay.png)', T, async () => {
    const reply = "Hi Maria, we're sorry you waited so long before your root canal on Tuesday. Call me directly at (217) 555-0199.";
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.setViewportSize({ width: 1000, height: 860 });
      await page.goto(server.url('/review.html'));
      await page.click('#editor');
      await page.keyboard.type(reply);
      await page.waitForSelector('[data-postguard="marks"] mark', { state: 'attached' });
      const marks = await page.$$eval('[data-postguard="marks"] mark', (els) => els.map((m) => {
        const r = m.getBoundingClientRect();
        return { text: m.textContent, x: r.left, y: r.top, w: r.width };
      }));
      const field = await page.$eval('#editor', (el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left, y: r.top, right: r.right, bottom: r.bottom };
      });
      const phone = marks.find((m) => m.text === '(217) 555-0199');
      assert.ok(phone, `marks: ${JSON.stringify(marks)}`);
      assert.ok(phone.x >= field.x && phone.x + phone.w <= field.right && phone.y >= field.y && phone.y <= field.bottom, 'mark inside the field');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-postguard="overlay"] [data-kind="phi.review_reply_disclosure"]');
      await page.screenshot({ path: path.join(ROOT, 'docs', 'overlay.png') });
      assert.deepEqual(await submissions(page), []);
    } finally {
      await page.close();
    }
  });

  test('the live check runs once per pause in typing, not per keystroke', T, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      // Typing starts once the core is loaded, so every check counted is one the typing asked for, but for one:
      // IT's fresh settings (read in the background, slow the first time) recheck the field once when they
      // arrive. When they have not yet (no data-settings="fresh"), that one recheck is allowed for.
      await page.waitForSelector('[data-postguard="badge"][data-checker]', { state: 'attached' });
      const before = Number(await page.getAttribute('[data-postguard="badge"]', 'data-checks'));
      const settingsLate = (await page.getAttribute('[data-postguard="badge"]', 'data-settings')) !== 'fresh' ? 1 : 0;
      await page.evaluate(() => {
        const times = /** @type {number[]} */ ([]);
        document.getElementById('editor')?.addEventListener('keydown', () => times.push(performance.now()));
        document.body.dataset.times = '';
        document.getElementById('editor')?.addEventListener('keyup', () => { document.body.dataset.times = times.join(','); });
      });
      const draft = 'Call me about the lab results, my ssn is 219-09-9999';
      await page.keyboard.type(draft, { delay: 15 });
      await waitForBadge(page, 1);
      await settle(page);
      const checks = Number(await page.getAttribute('[data-postguard="badge"]', 'data-checks')) - before;
      const times = (await page.evaluate(() => document.body.dataset.times ?? '')).split(',').map(Number);
      // Gaps long enough for the 300 ms debounce to fire mid-typing (a loaded machine makes some).
      const pauses = times.slice(1).filter((t, i) => t - times[i] >= 250).length;
      // One check after the last keystroke, one per pause, and the fresh settings' recheck if they came late.
      assert.ok(checks >= 1 && checks <= 1 + pauses + settingsLate,
        `${checks} checks for ${draft.length} keystrokes with ${pauses} pauses (settings late: ${settingsLate})`);
    } finally {
      await page.close();
    }
  });

  test('the core is warmed up when a field first gets focus, and the warm-up result is never shown', T, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      await page.waitForSelector('[data-postguard="badge"][data-warm="done"]', { state: 'attached' });
      // The made-up warm-up draft has many findings; the empty field shows none.
      assert.equal(await page.getAttribute('[data-postguard="badge"]', 'data-count'), '0');
      assert.equal(await page.$eval('[data-postguard="badge"]', (host) => host.shadowRoot?.querySelector('button')?.hidden), true);
    } finally {
      await page.close();
    }
  });

  test('the core checks a 2,000-character draft in a few milliseconds in the browser', T, async (t) => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
      const result = await page.evaluate(async () => {
        const core = await import('/pkg/postguard.js');
        await core.default({ module_or_path: '/pkg/postguard_bg.wasm' });
        const parts = ['Thank you to our amazing nurses 💙 for another year! ', 'Call (217) 555-0142 to book a flu shot. ',
          'Our team in Pediatrics had a great week, señora García brought cake 🎂. ', 'Parking is free on weekends. ',
          'Questions? Write to info@example.org. ', 'Patient SSN 219-09-9999 needs a callback. '];
        let text = '';
        for (let i = 0; text.length < 2000; i++) text += parts[i % parts.length];
        text = text.slice(0, 2000);
        const options = { context: 'post', site: 'facebook' };
        for (let i = 0; i < 20; i++) core.check(text, options);
        const times = [];
        for (let i = 0; i < 200; i++) {
          const t0 = performance.now();
          core.check(text, options);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return { median: times[100], p95: times[190], findings: core.check(text, options).findings.length };
      });
      t.diagnostic(`check of 2,000 characters: median ${result.median.toFixed(3)} ms, p95 ${result.p95.toFixed(3)} ms, ${result.findings} findings`);
      assert.ok(result.findings >= 1);
      assert.ok(result.median < 10, `median ${result.median} ms`);
    } finally {
      await page.close();
    }
  });
});

describe('Spanish user interface', { timeout: 60000 }, () => {
  test('the overlay speaks Spanish in a Spanish browser', T, async () => {
    const server = await startServer();
    const browser = await launch({ lang: 'es' });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      assert.equal((await page.textContent('[data-postguard="overlay"] [data-action="post-anyway"]'))?.trim(), 'Publicar de todos modos');
      assert.equal((await page.textContent('[data-postguard="overlay"] [data-action="edit"]'))?.trim(), 'Editar borrador');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

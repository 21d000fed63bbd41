// IT's policy with custom identifiers (one of them with a bad pattern), block mode and locks, installed
// through /etc/chromium/policies/managed in a private mount namespace (see harness.mjs launchWithPolicy):
// the custom identifier is flagged with its label, the bad one does not stop the rest of the policy,
// the options page lists the problem by path, shows what IT set and locked, and a locked setting cannot be
// changed there. (Organization phone and "no post anyway" in block mode: managed.test.mjs.)
// Needs root; skipped otherwise.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { canIsolate, launchWithPolicy, settle, startServer, submissions } from './harness.mjs';

const POLICY = {
  mode: 'block',
  locked: ['mode', 'custom_identifiers'],
  organization: { names: ['Riverside Community Hospital'], phones: ['(217) 555-0142'] },
  custom_identifiers: [
    { id: 'rch_mrn', label: 'Riverside MRN', pattern: '\\bRCH-\\d{6}\\b', severity: 'high' },
    { id: 'broken', label: 'Broken format', pattern: 'BRK-(\\d+' },
    { id: 'staff_badge', label: 'Staff badge', pattern: '\\bBDG\\d{5}\\b', severity: 'high' },
  ],
};
const DRAFT = 'Follow-up for RCH-123456 with BDG12345 tomorrow, front desk (217) 555-0142';
const SKIP = canIsolate() ? false : 'needs root and a private mount namespace (unshare -m, mount --bind)';

describe('managed policy (IT): custom identifiers, a bad pattern, the options page', { timeout: 120000, skip: SKIP }, () => {
  /** @type {Awaited<ReturnType<typeof launchWithPolicy>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    server = await startServer();
    browser = await launchWithPolicy(POLICY);
    // The user tries to relax a locked setting behind the options page's back: it must not take effect.
    await browser.worker.evaluate(() => chrome.storage.sync.set({ mode: 'warn' }));
    // Managed storage can take seconds to arrive the first time; the content script caches it. Wait for it.
    await browser.worker.evaluate(() => new Promise((resolve) => {
      const ready = async () => {
        const managed = await chrome.storage.managed.get(null).catch(() => ({}));
        if (Array.isArray(managed.custom_identifiers)) { chrome.storage.onChanged.removeListener(ready); resolve(undefined); }
      };
      chrome.storage.onChanged.addListener(ready);
      ready();
    }));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const p of ['/textarea.html', '/strict/textarea.html']) {
    test(`custom identifiers are flagged with their labels; the bad one leaves block mode and the rest in force (${p})`, { timeout: 30000 }, async () => {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(15000);
      try {
        await page.goto(server.url(p));
        await page.click('#editor');
        await page.keyboard.type(DRAFT);
        // The policy reaches the content script asynchronously: wait until both identifiers are counted.
        await page.waitForFunction(() => Number(document.querySelector('[data-postguard="badge"]')?.getAttribute('data-count')) >= 2);
        await page.keyboard.press('Enter');
        await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
        const items = await page.$$eval('[data-postguard="overlay"] [data-kind]', (els) => els.map((e) => ({
          words: e.querySelector('.words')?.textContent ?? '', message: e.querySelector('.message')?.textContent ?? '' })));
        const mrn = items.find((i) => i.words.includes('RCH-123456'));
        const badge = items.find((i) => i.words.includes('BDG12345'));
        assert.ok(mrn && mrn.message.includes('Riverside MRN'), JSON.stringify(items));
        assert.ok(badge && badge.message.includes('Staff badge'), JSON.stringify(items));
        assert.ok(!items.some((i) => i.words.includes('555-0142')), `the organization's phone was flagged: ${JSON.stringify(items)}`);
        assert.equal(await page.$('[data-postguard="overlay"] [data-action="post-anyway"]'), null, 'block mode (locked) still applies');
        await settle(page);
        assert.deepEqual(await submissions(page), []);
      } finally {
        await page.close();
      }
    });
  }

  test('the options page shows what IT set and locked, the problem by path, the profile, and tries text', { timeout: 30000 }, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15000);
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      await page.waitForSelector('#problems li[data-path="custom_identifiers[1].pattern"]');
      const problems = await page.$$eval('#problems li', (els) => els.map((e) => e.textContent ?? ''));
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0], /^custom_identifiers\[1\]\.pattern: \S/);

      /** @param {string} key */
      const row = (key) => page.$eval(`#effective tr[data-key="${key}"]`, (tr) => ({
        source: tr.getAttribute('data-source'), locked: tr.getAttribute('data-locked'), value: tr.children[1].textContent }));
      assert.deepEqual(await row('mode'), { source: 'it', locked: 'true', value: 'block' });
      assert.deepEqual(await row('custom_identifiers'), { source: 'it', locked: 'true', value: '["rch_mrn","staff_badge"]' });
      assert.equal((await row('organization')).source, 'it');
      assert.deepEqual(await row('allow_post_anyway'), { source: 'default', locked: 'false', value: 'true' });
      assert.equal((await row('block_severity')).source, 'default');

      const customs = await page.$$eval('#custom tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.getAttribute('data-status')]));
      assert.deepEqual(customs, [['rch_mrn', 'active'], ['broken', 'rejected'], ['staff_badge', 'active']]);
      assert.match(await page.$eval('#organization [data-field="phones"]', (e) => e.textContent ?? ''), /\(217\) 555-0142/);
      assert.match(await page.$eval('#organization [data-field="names"]', (e) => e.textContent ?? ''), /Riverside Community Hospital/);

      // The locked mode: block, disabled, explained; clicking "warn" changes nothing.
      assert.equal(await page.$eval('input[value="block"]', (el) => /** @type {HTMLInputElement} */ (el).checked), true);
      assert.equal(await page.$eval('input[value="warn"]', (el) => /** @type {HTMLInputElement} */ (el).disabled), true);
      assert.equal(await page.isVisible('#mode-locked'), true);
      await page.click('input[value="warn"]', { force: true });
      await settle(page);
      assert.equal(await page.$eval('input[value="block"]', (el) => /** @type {HTMLInputElement} */ (el).checked), true);
      assert.equal(await page.$eval('input[value="warn"]', (el) => /** @type {HTMLInputElement} */ (el).checked), false);

      // Try it: the real core under the policy, nothing stored.
      await page.fill('#try', 'Chart RCH-654321 is ready, ring (217) 555-0142');
      await page.waitForSelector('#try-findings li[data-identifier="rch_mrn"]');
      const found = await page.$$eval('#try-findings li', (els) => els.map((e) => e.textContent ?? ''));
      assert.ok(found.some((f) => f.includes('RCH-654321') && f.includes('Riverside MRN')), JSON.stringify(found));
      assert.ok(!found.some((f) => f.includes('555-0142')), JSON.stringify(found));
      const stored = await browser.worker.evaluate(async () => JSON.stringify([
        await chrome.storage.local.get(null), await chrome.storage.sync.get(null), await chrome.storage.session.get(null)]));
      assert.ok(!stored.includes('654321'), 'try-it text reached storage');
    } finally {
      await page.close();
    }
  });
});

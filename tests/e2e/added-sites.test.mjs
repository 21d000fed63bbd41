// Sites beyond the manifest's list, end to end: the user adds a Mastodon instance and a community site on
// the options page, the background worker registers the content script, drafts there are checked with the
// right adapter and context, and removing a site stops it. IT's sites.extra (with root): registered without a
// click where the permission is held, listed with one "allow" button where it is not, http:// entries unused.
//
// The pages are served as https://social.postguard.test, https://forum.postguard.test and
// https://intranet.example.org (host names mapped to 127.0.0.1, a throw-away certificate), none of them in
// the manifest's content_scripts. Headless Chromium cannot answer chrome.permissions.request's prompt, so
// dist/chrome-test holds https://*.postguard.test/* from install (build.sh): the options page's own click path
// (request → store → register) then runs unchanged, the request resolving at once. intranet.example.org is
// not covered, which is how the "permission missing" state is shown.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { RISKY, canIsolate, launch, launchWithPolicy, overlayOpen, settle, startHttpsServer, submissions, waitForBadge } from './harness.mjs';

const T = { timeout: 45000 };
const SOCIAL = 'social.postguard.test';
const FORUM = 'forum.postguard.test';
const INTRANET = 'intranet.example.org';
const haveOpenssl = spawnSync('openssl', ['version']).status === 0;

/**
 * Wait until the registered content scripts (as the extension sees them) include every id of `has` and none of
 * `lacks`; returns all registered ids.
 * @param {import('playwright-core').Page} page  an extension page
 * @param {{has?: string[], lacks?: string[]}} want
 */
async function registeredWhen(page, want) {
  // Polled inside the page: waitForFunction does not wait for an async predicate's result.
  const result = await page.evaluate(async ({ has = [], lacks = [] }) => {
    const deadline = Date.now() + 15000;
    for (;;) {
      const ids = (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id);
      if (has.every((id) => ids.includes(id)) && !lacks.some((id) => ids.includes(id))) return { ids };
      if (Date.now() > deadline) return { ids, timedOut: true };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, want);
  assert.ok(!result.timedOut, `registered scripts ${JSON.stringify(result.ids)} never matched ${JSON.stringify(want)}`);
  return result.ids;
}

/**
 * Open `url` and type a risky draft where PostGuard does not run: Enter posts it straight away, nothing of
 * ours appears.
 * @param {Awaited<ReturnType<typeof launch>>} browser
 * @param {string} url
 */
async function assertUnguarded(browser, url) {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10000);
  try {
    await page.goto(url);
    await page.click('#editor');
    await page.keyboard.type(RISKY);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#submissions li').length === 1);
    await settle(page);
    assert.equal(await page.$('[data-postguard]'), null, 'PostGuard ran on a site it was not added to');
  } finally {
    await page.close();
  }
}

describe('sites the user adds', { timeout: 240000, skip: haveOpenssl ? false : 'needs the openssl command for a test certificate' }, () => {
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startHttpsServer>>} */
  let server;
  /** @type {import('playwright-core').Page} */
  let options;
  before(async () => {
    server = await startHttpsServer([SOCIAL, FORUM]);
    browser = await launch({ args: server.args });
    options = await browser.context.newPage();
    options.setDefaultTimeout(15000);
    await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
  });
  after(async () => { await browser?.close(); await server?.close(); });

  /** @param {string} host @param {'mastodon'|'generic'} kind @param {string} context */
  async function addSite(host, kind, context) {
    await options.fill('#site-host', host);
    await options.selectOption('#site-kind', kind);
    await options.selectOption('#site-context', context);
    await options.click('#site-add');
    await options.waitForSelector(`#sites-list tr[data-host="${host}"][data-granted="true"]`);
  }

  test('before it is added, a site outside the manifest is not checked', T, async () => {
    await assertUnguarded(browser, server.url(FORUM, '/textarea.html'));
  });

  test('the options page explains what cannot be added', T, async () => {
    /** @type {[string, string, string?][]} */
    const cases = [
      ['', 'sitesError_empty'],
      ['http://forum.example.org', 'sitesError_http'],
      ['localhost', 'sitesError_not_host'],
      ['not a site', 'sitesError_not_host'],
      ['mastodon.social', 'sitesError_builtin', 'mastodon'],
    ];
    for (const [input, key, sub] of cases) {
      await options.fill('#site-host', input);
      const expected = await options.evaluate(([k, s]) => chrome.i18n.getMessage(k, s ?? ''), [key, sub]);
      await options.click('#site-add');
      await options.waitForFunction((text) => document.getElementById('site-status')?.textContent === text, expected);
      assert.equal(await options.getAttribute('#site-status', 'data-state'), 'error');
      assert.equal(await options.getAttribute('#site-host', 'aria-invalid'), 'true');
    }
    assert.equal(await options.$$eval('#sites-list tbody tr', (rows) => rows.length), 0);
  });

  test('a Mastodon instance: added from the options page, checked with the Mastodon adapter', T, async () => {
    await addSite(SOCIAL, 'mastodon', 'post');
    const ids = await registeredWhen(options, { has: ['postguard-site-social.postguard.test'] });
    assert.ok(ids.includes('postguard-site-social.postguard.test'));
    const script = await options.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts({ ids: ['postguard-site-social.postguard.test'] }))[0]);
    assert.deepEqual([script.matches, script.js, script.css, script.runAt, script.allFrames],
      [['https://social.postguard.test/*'], ['content/loader.js'], ['content/highlight.css'], 'document_start', true]);
    // Only host names are stored.
    const stored = await options.evaluate(async () => chrome.storage.sync.get(null));
    assert.deepEqual(stored.addedSites, [{ host: SOCIAL, kind: 'mastodon', context: 'post' }]);

    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url(SOCIAL, '/sites/mastodon.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await waitForBadge(page, 1);
      await page.keyboard.press('Enter'); // the Mastodon adapter: Enter is a new line here
      await page.waitForFunction(() => /** @type {HTMLTextAreaElement} */ (document.getElementById('editor')).value.includes('\n'));
      assert.equal(await overlayOpen(page), false);
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await page.click('[data-postguard="overlay"] [data-action="edit"]');
      await page.click('#publish'); // "Toot it": only the Mastodon adapter knows this button
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await settle(page);
      assert.deepEqual(await submissions(page), []);
    } finally { await page.close(); }
  });

  test('another site with a chosen context: the generic adapter, Enter guarded, checked as that context', T, async () => {
    await addSite(FORUM, 'generic', 'comment');
    await registeredWhen(options, { has: ['postguard-site-forum.postguard.test'] });
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    try {
      await page.goto(server.url(FORUM, '/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await waitForBadge(page, 1);
      await page.waitForSelector('[data-postguard="badge"][data-context="comment"]', { state: 'attached' });
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      await settle(page);
      assert.deepEqual(await submissions(page), []);
    } finally { await page.close(); }
  });

  test('removing a site unregisters its script: the next page is not checked', T, async () => {
    await options.click(`#sites-list button[data-action="remove"][data-host="${FORUM}"]`);
    await options.waitForSelector(`#sites-list tr[data-host="${FORUM}"]`, { state: 'detached' });
    const ids = await registeredWhen(options, { lacks: ['postguard-site-forum.postguard.test'] });
    assert.ok(ids.includes('postguard-site-social.postguard.test'), 'the other site stays');
    const stored = await options.evaluate(async () => chrome.storage.sync.get('addedSites'));
    assert.deepEqual(stored.addedSites, [{ host: SOCIAL, kind: 'mastodon', context: 'post' }]);
    await assertUnguarded(browser, server.url(FORUM, '/textarea.html'));
  });

  test('the registration is reconciled from the lists, not only from the options page', T, async () => {
    // A script left behind (e.g. by an older version) and a site added by sync from another machine.
    await browser.worker.evaluate(async () => {
      await chrome.scripting.registerContentScripts([{ id: 'postguard-site-stale.postguard.test', matches: ['https://stale.postguard.test/*'], js: ['content/loader.js'] }]);
      const { addedSites = [] } = await chrome.storage.sync.get('addedSites');
      await chrome.storage.sync.set({ addedSites: [...addedSites, { host: 'forum.postguard.test', kind: 'generic', context: 'message' }] });
    });
    const ids = await registeredWhen(options, { has: ['postguard-site-forum.postguard.test'], lacks: ['postguard-site-stale.postguard.test'] });
    assert.deepEqual([...ids].sort(), ['postguard-site-forum.postguard.test', 'postguard-site-social.postguard.test']);
    await options.waitForSelector(`#sites-list tr[data-host="${FORUM}"][data-context="message"]`);
  });
});

const SKIP_POLICY = !haveOpenssl ? 'needs the openssl command for a test certificate'
  : canIsolate() ? false : 'needs root and a private mount namespace (unshare -m, mount --bind)';

describe('sites IT adds (sites.extra)', { timeout: 180000, skip: SKIP_POLICY }, () => {
  /** @type {Awaited<ReturnType<typeof launchWithPolicy>>} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startHttpsServer>>} */
  let server;
  before(async () => {
    server = await startHttpsServer([FORUM, INTRANET]);
    browser = await launchWithPolicy({
      locked: ['sites'],
      sites: { extra: [
        { matches: `https://${FORUM}/*`, context: 'reply_to_review' },
        { matches: `https://${INTRANET}/*`, context: 'post' },
        { matches: 'http://old.postguard.test/*' },
      ] },
    }, { args: server.args });
    // Managed storage can take seconds to arrive the first time. Wait for it.
    await browser.worker.evaluate(() => new Promise((resolve) => {
      const ready = async () => {
        const managed = await chrome.storage.managed.get(null).catch(() => ({}));
        if (managed.sites) { chrome.storage.onChanged.removeListener(ready); resolve(undefined); }
      };
      chrome.storage.onChanged.addListener(ready);
      ready();
    }));
  });
  after(async () => { await browser?.close(); await server?.close(); });

  test('a site IT lists is checked without a click where the permission is held, in IT\'s context', T, async () => {
    const options = await browser.context.newPage();
    options.setDefaultTimeout(15000);
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15000);
    try {
      await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      const ids = await registeredWhen(options, { has: ['postguard-site-forum.postguard.test'] });
      assert.ok(!ids.includes('postguard-site-intranet.example.org'), 'registered without its permission');
      assert.ok(!ids.some((id) => id.includes('old.postguard.test')), 'an http:// entry was registered');
      await page.goto(server.url(FORUM, '/textarea.html'));
      await page.click('#editor');
      await page.keyboard.type(RISKY);
      await page.waitForSelector('[data-postguard="badge"][data-context="reply_to_review"][data-count="1"]', { state: 'attached' });
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-postguard="overlay"] [role="alertdialog"]');
      assert.deepEqual(await submissions(page), []);
    } finally { await page.close(); await options.close(); }
  });

  test('where the permission is missing, the options page and the popup say so with one button; the list is locked', T, async () => {
    const options = await browser.context.newPage();
    options.setDefaultTimeout(15000);
    const popup = await browser.context.newPage();
    popup.setDefaultTimeout(15000);
    try {
      await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      await options.waitForSelector(`#it-sites-list li[data-host="${INTRANET}"][data-granted="false"]`);
      await options.waitForSelector(`#it-sites-list li[data-host="${FORUM}"][data-granted="true"]`);
      assert.equal(await options.isVisible('#it-sites-allow'), true);
      await options.waitForSelector('#it-sites-list li[data-unusable="http"]');
      assert.match(await options.textContent('#it-sites h3') ?? '', /IT asked PostGuard to check these sites/);
      assert.equal(await options.isDisabled('#site-add'), true, 'IT locked "sites"');
      assert.equal(await options.isVisible('#sites-locked'), true);

      await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
      await popup.waitForSelector(`#it-sites-list li[data-host="${INTRANET}"]`);
      assert.equal(await popup.$(`#it-sites-list li[data-host="${FORUM}"]`), null, 'granted sites are not listed as missing');
      assert.equal(await popup.isVisible('#it-sites-allow'), true);
    } finally { await popup.close(); await options.close(); }
  });
});

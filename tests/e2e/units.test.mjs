// Unit tests of the extension's pure modules (no browser needed except to validate CSS selectors):
// the site-adapter table against the manifest and the core's site ids, settings resolution, and
// the report-to-redaction fallback.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from './harness.mjs';
import { GENERIC, SITES, SUBMIT_WORDS, adapterFor, enterAction } from '../../extension/content/sites.js';
import { resolveSettings } from '../../extension/content/settings.js';
import { redactionFromReport } from '../../extension/content/checker.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'extension', 'manifest.json'), 'utf8'));

/** @param {string} pattern  a match pattern such as https://*.example.com/* */
function hostMatcher(pattern) {
  const host = pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
  if (host.startsWith('*.')) { const base = host.slice(2); return (/** @type {string} */ h) => h === base || h.endsWith(`.${base}`); }
  return (/** @type {string} */ h) => h === host;
}

test('every adapter host is covered by a content-script match pattern, and every pattern by an adapter', () => {
  const patterns = manifest.content_scripts.flatMap((/** @type {{matches: string[]}} */ c) => c.matches);
  const matchers = patterns.map(hostMatcher);
  for (const site of SITES) {
    for (const host of site.hosts) assert.ok(matchers.some((m) => m(host) || m(`www.${host}`)), `${site.id}: ${host} has no match pattern`);
  }
  for (const pattern of patterns) {
    const host = pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '').replace(/^\*\./, '');
    assert.notEqual(adapterFor(host), GENERIC, `${pattern} has no site adapter`);
  }
});

test('adapter ids are unique and are the core\'s site ids', () => {
  const ids = SITES.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  const lib = readFileSync(path.join(ROOT, 'src', 'lib.rs'), 'utf8');
  const block = lib.slice(lib.indexOf('pub const SITES'), lib.indexOf('];', lib.indexOf('pub const SITES')));
  const core = [...block.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  if (core.length) for (const id of ids) assert.ok(core.includes(id), `site id ${id} unknown to the core (${core})`);
});

test('adapterFor matches hosts and subdomains, nothing else', () => {
  assert.equal(adapterFor('www.facebook.com').id, 'facebook');
  assert.equal(adapterFor('m.facebook.com').id, 'facebook');
  assert.equal(adapterFor('x.com').id, 'x');
  assert.equal(adapterFor('twitter.com').id, 'x');
  assert.equal(adapterFor('biz.yelp.com').id, 'yelp');
  assert.equal(adapterFor('notfacebook.com').id, 'generic');
  assert.equal(adapterFor('127.0.0.1').id, 'generic');
});

test('what Enter does: per site and context, "submit" (the safe side) when not said', () => {
  assert.equal(enterAction(adapterFor('www.facebook.com'), 'post'), 'newline');
  assert.equal(enterAction(adapterFor('www.facebook.com'), 'comment'), 'submit');
  assert.equal(enterAction(adapterFor('x.com'), 'message'), 'submit');
  assert.equal(enterAction(adapterFor('mastodon.social'), 'post'), 'newline');
  assert.equal(enterAction(GENERIC, 'post'), 'submit');
});

test('submit words: whole labels only, English and Spanish', () => {
  for (const w of ['Post', 'Reply', 'Send', 'Tweet', 'Publicar', 'Responder', 'Enviar', ' Comment ']) assert.ok(SUBMIT_WORDS.test(w), w);
  for (const w of ['Post anyway', 'Bold', 'Reply all settings', 'Publicar de todos modos']) assert.ok(!SUBMIT_WORDS.test(w), w);
});

test('every selector in the adapter table is valid CSS', { timeout: 30000 }, async () => {
  const selectors = SITES.flatMap((s) => [s.field, ...s.submit, ...(s.contexts ?? []).map((c) => c.selector), ...(s.media ?? [])]).filter(Boolean);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    const bad = await page.evaluate((list) => list.filter((s) => { try { document.querySelector(s); return false; } catch { return true; } }), selectors);
    assert.deepEqual(bad, []);
  } finally {
    await browser.close();
  }
});

test('settings: IT wins, the user may only be stricter, locks hold', () => {
  const none = resolveSettings('www.facebook.com', {}, {});
  assert.deepEqual({ ...none, policy: undefined, site: undefined }, { enabled: true, mode: 'warn', allowPostAnyway: true, requireReason: false, locked: false, mediaCheck: 'care_context', policy: undefined, site: undefined });
  assert.equal(none.site.id, 'facebook');
  assert.equal(resolveSettings('www.facebook.com', {}, { mode: 'block' }).mode, 'block');
  assert.equal(resolveSettings('www.facebook.com', { mode: 'block' }, { mode: 'warn' }).mode, 'block');
  assert.equal(resolveSettings('www.facebook.com', { mode: 'warn', locked: ['mode'] }, { mode: 'block' }).mode, 'warn');
  assert.equal(resolveSettings('www.facebook.com', {}, { disabledSites: ['facebook.com'] }).enabled, false);
  assert.equal(resolveSettings('www.facebook.com', { locked: ['sites'] }, { disabledSites: ['facebook.com'] }).enabled, true);
  assert.equal(resolveSettings('www.facebook.com', { sites: { disabled: ['facebook'] } }, {}).enabled, false);
  assert.equal(resolveSettings('x.com', { sites: { disabled: ['facebook'] } }, {}).enabled, true);
  assert.equal(resolveSettings('x.com', { allow_post_anyway: false }, {}).allowPostAnyway, false);
  const org = { names: ['Riverside'] };
  assert.deepEqual(resolveSettings('x.com', { organization: org }, {}).policy.organization, org);
  assert.equal(resolveSettings('x.com', { mode: 'block' }, {}).policy.mode, 'block');
});

test('settings: media_check, the user chooses unless IT set it (then only asking more often) or locked it', () => {
  const media = (/** @type {any} */ managed, /** @type {any} */ user) => resolveSettings('x.com', managed, user).mediaCheck;
  assert.equal(media({}, {}), 'care_context');
  assert.equal(media({}, { media_check: 'off' }), 'off');
  assert.equal(media({}, { media_check: 'always' }), 'always');
  assert.equal(media({}, { media_check: 'sometimes' }), 'care_context', 'an unknown value is ignored');
  assert.equal(media({ media_check: 'off' }, {}), 'off');
  assert.equal(media({ media_check: 'always' }, { media_check: 'off' }), 'always');
  assert.equal(media({ media_check: 'care_context' }, { media_check: 'off' }), 'care_context');
  assert.equal(media({ media_check: 'care_context' }, { media_check: 'always' }), 'always');
  assert.equal(media({ media_check: 'care_context', locked: ['media_check'] }, { media_check: 'always' }), 'care_context');
  assert.equal(media({ locked: ['media_check'] }, { media_check: 'off' }), 'care_context', 'locked without a value: the default');
  assert.equal(media({ media_check: 'nope' }, { media_check: 'off' }), 'off', 'a rejected value is no value');
});

test('redaction from a report: back to front, overlaps skipped, UTF-16 offsets', () => {
  const text = '😀 SSN 219-09-9999, call 217-555-0199';
  const start = text.indexOf('219');
  const phone = text.indexOf('217');
  const report = /** @type {import('../../extension/content/checker.js').Report} */ ({ verdict: 'warn', findings: [
    { kind: 'phi.direct_identifier', severity: 'high', start: phone, end: phone + 12, text: '217-555-0199', message: '', suggestion: '[phone]' },
    { kind: 'phi.direct_identifier', severity: 'high', start, end: start + 11, text: '219-09-9999', message: '', suggestion: '[ssn]' },
    { kind: 'tone.x', severity: 'low', start: start + 2, end: start + 5, text: '9-0', message: '', suggestion: 'x' },
  ] });
  const r = redactionFromReport(text, report);
  assert.equal(r.text, '😀 SSN [ssn], call [phone]');
  assert.equal(r.changes.length, 2);
});

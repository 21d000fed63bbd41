// Unit tests of content/added.js (no browser): what the options page accepts as a site to add, the match
// patterns and script ids, IT's sites.extra, which adapter and context an added host gets, and the plan that
// brings the registered content scripts in line with the wanted ones.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';
import {
  SCRIPT_PREFIX, addedSiteFor, builtinPatterns, checkNewHost, desiredScripts, hostMatches, managedSites, originFor,
  planScripts, scriptIdFor, siteAdapterFor, userSitesFrom, wantedSites,
} from '../../extension/content/added.js';
import { GENERIC, SITES, contextFor } from '../../extension/content/sites.js';
import { resolveSettings } from '../../extension/content/settings.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'extension', 'manifest.json'), 'utf8'));

test('a host to add: bare names, https addresses and IDNs are accepted and normalized', () => {
  assert.deepEqual(checkNewHost('hachyderm.io'), { ok: true, host: 'hachyderm.io' });
  assert.deepEqual(checkNewHost('  Hachyderm.IO  '), { ok: true, host: 'hachyderm.io' });
  assert.deepEqual(checkNewHost('https://hachyderm.io/home?x=1#y'), { ok: true, host: 'hachyderm.io' });
  assert.deepEqual(checkNewHost('forum.example.org:8443/t/1'), { ok: true, host: 'forum.example.org' });
  assert.deepEqual(checkNewHost('forum.example.org.'), { ok: true, host: 'forum.example.org' });
  assert.deepEqual(checkNewHost('médicos.example'), { ok: true, host: 'xn--mdicos-bva.example' });
});

test('a host to add: clear reasons for what cannot be added', () => {
  const error = (/** @type {string} */ input, /** @type {any} */ known) => {
    const r = checkNewHost(input, known);
    return r.ok ? 'ok' : r.error;
  };
  assert.equal(error(''), 'empty');
  assert.equal(error('   '), 'empty');
  assert.equal(error('http://forum.example.org'), 'http');
  assert.equal(error('HTTP://forum.example.org/'), 'http');
  for (const bad of ['localhost', 'not a host', 'ftp://example.org', 'chrome://extensions', '*.example.org', 'user@example.org',
    '127.0.0.1', 'exa_mple.org', '-bad.example.org', 'example.123', 'https://']) assert.equal(error(bad), 'not_host', bad);
  assert.deepEqual(checkNewHost('mastodon.social'), { ok: false, error: 'builtin', site: 'mastodon' });
  assert.deepEqual(checkNewHost('www.facebook.com'), { ok: false, error: 'builtin', site: 'facebook' });
  assert.equal(error('hachyderm.io', { userSites: [{ host: 'hachyderm.io', kind: 'mastodon', context: 'post' }] }), 'duplicate');
  const it = managedSites({ sites: { extra: [{ matches: 'https://*.example.org/*' }] } }).sites;
  assert.equal(error('forum.example.org', { managed: it }), 'managed');
  assert.equal(error('forum.example.com', { managed: it }), 'ok');
});

test('patterns and ids: one https origin per host, ids postguard-site-<host>', () => {
  assert.equal(originFor('hachyderm.io'), 'https://hachyderm.io/*');
  assert.equal(scriptIdFor('hachyderm.io'), 'postguard-site-hachyderm.io');
  assert.equal(scriptIdFor('*.example.org'), 'postguard-site-_.example.org');
  assert.ok(hostMatches('*.example.org', 'example.org') && hostMatches('*.example.org', 'a.b.example.org'));
  assert.ok(!hostMatches('*.example.org', 'badexample.org') && !hostMatches('example.org', 'a.example.org'));
  assert.ok(hostMatches('*', 'anything.example'));
  // Every built-in pattern of the manifest is excluded from the added sites' scripts (never two guards).
  const statics = manifest.content_scripts.flatMap((/** @type {{matches: string[]}} */ c) => c.matches);
  const excluded = builtinPatterns();
  for (const p of statics) assert.ok(excluded.includes(p), `${p} not excluded`);
  // The optional host permissions cover every origin an added site can ask for.
  assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
  assert.ok(manifest.permissions.includes('scripting'));
  assert.equal(manifest.host_permissions, undefined, 'no host permission is required at install');
});

test('IT\'s sites.extra: https and *:// patterns are used, http and malformed ones are reported', () => {
  const { sites, unusable } = managedSites({ sites: { extra: [
    { matches: 'https://community.example.org/*', context: 'comment' },
    { matches: '*://reviews.example.com/replies/*', context: 'reply_to_review' },
    { matches: 'https://community.example.org/forum/*' },
    { matches: 'http://old.example.org/*' },
    { matches: 'example.org' },
    { matches: 42 },
    { matches: 'https://*.intranet.example/*', context: 'bogus' },
  ] } });
  assert.deepEqual(sites.map((s) => [s.host, s.matches, s.context, s.origin]), [
    ['community.example.org', ['https://community.example.org/*', 'https://community.example.org/forum/*'], 'comment', 'https://community.example.org/*'],
    ['reviews.example.com', ['https://reviews.example.com/replies/*'], 'reply_to_review', 'https://reviews.example.com/*'],
    ['*.intranet.example', ['https://*.intranet.example/*'], 'post', 'https://*.intranet.example/*'],
  ]);
  assert.deepEqual(unusable.map((u) => [u.index, u.reason]), [[3, 'http'], [4, 'pattern'], [5, 'pattern']]);
  assert.deepEqual(managedSites({}).sites, []);
  assert.deepEqual(managedSites({ sites: { extra: 'x' } }).sites, []);
});

test('the user\'s list from storage keeps only well-formed, unique hosts', () => {
  assert.deepEqual(userSitesFrom([
    { host: 'hachyderm.io', kind: 'mastodon', context: 'post' },
    { host: 'hachyderm.io', kind: 'generic', context: 'comment' },
    { host: 'forum.example.org', kind: 'weird', context: 'weird' },
    { host: 'not a host' }, null, 'x',
  ]), [
    { host: 'hachyderm.io', kind: 'mastodon', context: 'post' },
    { host: 'forum.example.org', kind: 'generic', context: 'post' },
  ]);
  assert.deepEqual(userSitesFrom(undefined), []);
});

test('wanted sites: IT first, the user\'s own unless IT locked "sites" or lists the same host', () => {
  const user = { addedSites: [{ host: 'hachyderm.io', kind: 'mastodon', context: 'post' }, { host: 'forum.example.org', kind: 'generic', context: 'message' }] };
  const managed = { sites: { extra: [{ matches: 'https://forum.example.org/*', context: 'comment' }] } };
  assert.deepEqual(wantedSites(managed, user).map((s) => [s.host, s.source, s.context]),
    [['forum.example.org', 'it', 'comment'], ['hachyderm.io', 'user', 'post']]);
  assert.deepEqual(wantedSites({ ...managed, locked: ['sites'] }, user).map((s) => s.host), ['forum.example.org']);
  assert.deepEqual(wantedSites({}, user).map((s) => s.matches), [['https://hachyderm.io/*'], ['https://forum.example.org/*']]);
});

test('the adapter for an added host: Mastodon or generic with the chosen context; built-in sites keep theirs', () => {
  const user = { addedSites: [
    { host: 'hachyderm.io', kind: 'mastodon', context: 'post' },
    { host: 'forum.example.org', kind: 'generic', context: 'comment' },
    { host: 'board.example.org', kind: 'generic', context: 'post' },
  ] };
  const mastodon = SITES.find((s) => s.id === 'mastodon');
  assert.equal(siteAdapterFor('hachyderm.io', addedSiteFor('hachyderm.io', {}, user)), mastodon);
  const forum = siteAdapterFor('forum.example.org', addedSiteFor('forum.example.org', {}, user));
  assert.equal(forum.id, 'generic');
  assert.equal(forum.context, 'comment');
  assert.equal(forum.enter, 'submit', 'Enter stays on the safe side on an unknown site');
  assert.equal(siteAdapterFor('board.example.org', addedSiteFor('board.example.org', {}, user)), GENERIC);
  assert.equal(siteAdapterFor('other.example.org', addedSiteFor('other.example.org', {}, user)), GENERIC);
  assert.equal(siteAdapterFor('x.com', { host: 'x.com', kind: 'generic', context: 'message' }).id, 'x');
  const m = siteAdapterFor('hachyderm.io', { host: 'hachyderm.io', kind: 'mastodon', context: 'message' });
  assert.equal(m.id, 'mastodon');
  assert.equal(m.context, 'message');
  // IT's context for a subdomain of a wildcard entry.
  const it = { sites: { extra: [{ matches: 'https://*.reviews.example/*', context: 'reply_to_review' }] } };
  assert.equal(siteAdapterFor('a.reviews.example', addedSiteFor('a.reviews.example', it, {})).context, 'reply_to_review');
  // Settings carry the adapter, and the site-id switches apply to it.
  assert.equal(resolveSettings('forum.example.org', {}, user).site.context, 'comment');
  assert.equal(resolveSettings('hachyderm.io', {}, user).site.id, 'mastodon');
  assert.equal(resolveSettings('hachyderm.io', { sites: { disabled: ['mastodon'] } }, user).enabled, false);
  assert.equal(resolveSettings('hachyderm.io', { locked: ['sites'] }, user).site, GENERIC);
});

test('contextFor on an added generic site: the chosen context, review labels still win', () => {
  const site = siteAdapterFor('forum.example.org', { host: 'forum.example.org', kind: 'generic', context: 'comment' });
  const field = /** @type {Element} */ (/** @type {unknown} */ ({
    closest: () => null, getAttribute: (/** @type {string} */ n) => (n === 'aria-label' ? 'Write a message' : null),
    ownerDocument: { getElementById: () => null },
  }));
  assert.equal(contextFor(site, field), 'comment');
  assert.equal(contextFor(GENERIC, field), 'message');
});

test('desired scripts: the manifest\'s content script, per granted site, built-in sites excluded', () => {
  const sites = wantedSites({}, { addedSites: [{ host: 'hachyderm.io', kind: 'mastodon', context: 'post' }] });
  const [script] = desiredScripts(sites);
  const statics = manifest.content_scripts[0];
  assert.equal(script.id, 'postguard-site-hachyderm.io');
  assert.deepEqual(script.matches, ['https://hachyderm.io/*']);
  assert.deepEqual(script.js, statics.js);
  assert.deepEqual(script.css, statics.css);
  assert.equal(script.runAt, statics.run_at);
  assert.equal(script.allFrames, statics.all_frames);
  assert.equal(script.persistAcrossSessions, true);
  assert.deepEqual(script.excludeMatches, builtinPatterns());
});

test('reconciling: register what is missing, drop what is no longer wanted, replace what changed, leave others alone', () => {
  const a = desiredScripts(wantedSites({}, { addedSites: [{ host: 'a.example.org', kind: 'generic', context: 'post' }] }))[0];
  const b = desiredScripts(wantedSites({}, { addedSites: [{ host: 'b.example.org', kind: 'generic', context: 'post' }] }))[0];
  const c = desiredScripts(wantedSites({}, { addedSites: [{ host: 'c.example.org', kind: 'generic', context: 'post' }] }))[0];
  const foreign = { id: 'someone-else', matches: ['https://z.example/*'], js: ['x.js'] };
  // As the browser reports them: defaults filled in, pattern lists possibly in another order.
  const reported = (/** @type {typeof a} */ s) => ({ ...s, excludeMatches: [...(s.excludeMatches ?? [])].reverse(), world: /** @type {const} */ ('ISOLATED'), matchOriginAsFallback: false });
  const changedB = { ...b, matches: ['https://b.example.org/other/*'] };
  const plan = planScripts([a, b], [reported(a), reported(changedB), reported(c), foreign]);
  assert.deepEqual(plan.unregister.sort(), [b.id, c.id].sort());
  assert.deepEqual(plan.register.map((s) => s.id), [b.id]);
  assert.deepEqual(planScripts([a], [reported(a)]), { unregister: [], register: [] }, 'nothing to do when in step');
  const asUrls = { ...reported(a), js: ['moz-extension://0a1b2c/content/loader.js'], css: ['/content/highlight.css'] };
  assert.deepEqual(planScripts([a], [asUrls]), { unregister: [], register: [] }, 'file paths reported as URLs are the same files');
  assert.deepEqual(planScripts([], []), { unregister: [], register: [] });
  assert.deepEqual(planScripts([a, c], []).register.map((s) => s.id), [a.id, c.id]);
  assert.ok(plan.unregister.every((id) => id.startsWith(SCRIPT_PREFIX)), 'other scripts are never touched');
});

// @ts-check
// Sites beyond the built-in list: the ones the user adds on the options page (chrome.storage.sync
// `addedSites`, host names only) and the ones IT lists in its policy (`sites.extra`). Pure functions,
// shared by the content script (which adapter and context for this host), the background worker (which
// content scripts to register) and the options page and popup (validation, what is still missing).

import { GENERIC, SITES, adapterFor } from './sites.js';

/**
 * @typedef {import('./sites.js').Context} Context
 * @typedef {import('./sites.js').SiteAdapter} SiteAdapter
 * @typedef {'mastodon'|'generic'} AddedKind
 * @typedef {{host: string, kind: AddedKind, context: Context}} UserSite  one entry of `addedSites`
 * @typedef {object} WantedSite  a site PostGuard should run on beyond the manifest's list
 * @property {string} host        host name; `*.example.org` (and subdomains) or `*` (every host) from IT
 * @property {string} origin      the host permission it needs, e.g. https://example.org/*
 * @property {string[]} matches   content-script match patterns
 * @property {AddedKind} kind
 * @property {Context} context
 * @property {'user'|'it'} source
 * @typedef {chrome.scripting.RegisteredContentScript} ScriptSpec
 */

export const CONTEXTS = /** @type {const} */ (['post', 'comment', 'reply_to_review', 'message']);
export const KINDS = /** @type {const} */ (['mastodon', 'generic']);
/** Registered content scripts of ours start with this; the rest of the id is the host. */
export const SCRIPT_PREFIX = 'postguard-site-';
/** The storage.sync key of the user's own sites. */
export const USER_SITES_KEY = 'addedSites';

/**
 * The built-in sites' match patterns (the manifest's content_scripts): never registered twice.
 * @returns {string[]}
 */
export function builtinPatterns() {
  return SITES.flatMap((s) => s.hosts.flatMap((h) => [`https://${h}/*`, `https://*.${h}/*`]));
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Whether a (lowercase, punycode) host name is a plain DNS name with a top-level domain.
 * @param {string} host
 */
export function isHostName(host) {
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  const tld = labels[labels.length - 1];
  return /^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]+$/.test(tld);
}

/**
 * @typedef {{ok: true, host: string} | {ok: false, error: 'empty'|'http'|'not_host'|'builtin'|'duplicate'|'managed', site?: string}} HostCheck
 */

/**
 * What the user typed as a site to add → its host name, or why it cannot be added. Accepts a bare host
 * (`hachyderm.io`), an https address (`https://hachyderm.io/home`) or an internationalized name; a port,
 * path, query or trailing dot is dropped.
 * @param {string} input
 * @param {{userSites?: UserSite[], managed?: WantedSite[]}} [known]  what is already added (user, IT)
 * @returns {HostCheck}
 */
export function checkNewHost(input, known = {}) {
  const raw = String(input ?? '').trim();
  if (!raw) return { ok: false, error: 'empty' };
  if (/^http:\/\//i.test(raw)) return { ok: false, error: 'http' };
  let rest = raw;
  if (/^https:\/\//i.test(rest)) rest = rest.slice('https://'.length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(rest) && !/^[^/]*:\d+(?:[/?#]|$)/.test(rest)) return { ok: false, error: 'not_host' };
  rest = rest.split(/[/?#]/)[0];
  if (!rest || /[@\s*]/.test(rest)) return { ok: false, error: 'not_host' };
  let host;
  try {
    host = new URL(`https://${rest}/`).hostname.replace(/\.$/, '');
  } catch {
    return { ok: false, error: 'not_host' };
  }
  if (!isHostName(host)) return { ok: false, error: 'not_host' };
  const builtin = adapterFor(host);
  if (builtin !== GENERIC) return { ok: false, error: 'builtin', site: builtin.id };
  if ((known.userSites ?? []).some((s) => s.host === host)) return { ok: false, error: 'duplicate' };
  if ((known.managed ?? []).some((s) => hostMatches(s.host, host))) return { ok: false, error: 'managed' };
  return { ok: true, host };
}

/**
 * Whether `host` is covered by a site host (`example.org`, `*.example.org` or `*`).
 * @param {string} pattern
 * @param {string} host
 */
export function hostMatches(pattern, host) {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === pattern;
}

/**
 * The host permission (origin pattern) for a site host.
 * @param {string} host
 */
export function originFor(host) {
  return `https://${host}/*`;
}

/**
 * The content-script id for a site host: `postguard-site-<host>` (`*` written as `_`).
 * @param {string} host
 */
export function scriptIdFor(host) {
  return SCRIPT_PREFIX + host.replace(/\*/g, '_');
}

/**
 * The user's sites as stored, keeping only well-formed entries (storage.sync is not trusted blindly).
 * @param {unknown} value
 * @returns {UserSite[]}
 */
export function userSitesFrom(value) {
  if (!Array.isArray(value)) return [];
  /** @type {UserSite[]} */
  const out = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    const { host, kind, context } = /** @type {Record<string, unknown>} */ (item);
    if (typeof host !== 'string' || !isHostName(host) || out.some((s) => s.host === host)) continue;
    out.push({
      host,
      kind: kind === 'mastodon' ? 'mastodon' : 'generic',
      context: CONTEXTS.includes(/** @type {any} */ (context)) ? /** @type {Context} */ (context) : 'post',
    });
  }
  return out;
}

/**
 * IT's `sites.extra` → the sites it asks for, and the entries PostGuard cannot use (by index, with why).
 * Only https pages can be added (the extension asks for https host permissions only); `*://` is read as https.
 * @param {Record<string, any>} managed
 * @returns {{sites: WantedSite[], unusable: {index: number, matches: string, reason: 'pattern'|'http'}[]}}
 */
export function managedSites(managed) {
  const extra = managed?.sites?.extra;
  /** @type {WantedSite[]} */
  const sites = [];
  /** @type {{index: number, matches: string, reason: 'pattern'|'http'}[]} */
  const unusable = [];
  if (!Array.isArray(extra)) return { sites, unusable };
  extra.forEach((/** @type {any} */ entry, /** @type {number} */ index) => {
    const matches = typeof entry?.matches === 'string' ? entry.matches.trim() : '';
    const m = /^(https|http|\*):\/\/([^/]+)(\/.*)$/.exec(matches);
    if (!m) { unusable.push({ index, matches, reason: 'pattern' }); return; }
    if (m[1] === 'http') { unusable.push({ index, matches, reason: 'http' }); return; }
    const host = m[2].toLowerCase();
    const plain = host.startsWith('*.') ? host.slice(2) : host;
    if (host !== '*' && !isHostName(plain)) { unusable.push({ index, matches, reason: 'pattern' }); return; }
    const context = CONTEXTS.includes(entry.context) ? /** @type {Context} */ (entry.context) : 'post';
    const pattern = `https://${host}${m[3]}`;
    const same = sites.find((s) => s.host === host);
    if (same) { if (!same.matches.includes(pattern)) same.matches.push(pattern); return; }
    sites.push({ host, origin: originFor(host), matches: [pattern], kind: 'generic', context, source: 'it' });
  });
  return { sites, unusable };
}

/**
 * Every site PostGuard should run on beyond the manifest: IT's first, then the user's (unless IT locked
 * "sites", or IT already covers that host).
 * @param {Record<string, any>} managed
 * @param {Record<string, any>} user  storage.sync
 * @returns {WantedSite[]}
 */
export function wantedSites(managed, user) {
  const it = managedSites(managed).sites;
  const locked = Array.isArray(managed?.locked) && managed.locked.includes('sites');
  if (locked) return it;
  const own = userSitesFrom(user?.[USER_SITES_KEY])
    .filter((s) => !it.some((m) => hostMatches(m.host, s.host)))
    .map((s) => /** @type {WantedSite} */ ({ ...s, origin: originFor(s.host), matches: [originFor(s.host)], source: 'user' }));
  return [...it, ...own];
}

/**
 * The added site (if any) that covers a host: its kind and context.
 * @param {string} host
 * @param {Record<string, any>} managed
 * @param {Record<string, any>} user
 * @returns {WantedSite|null}
 */
export function addedSiteFor(host, managed, user) {
  return wantedSites(managed, user).find((s) => hostMatches(s.host, host)) ?? null;
}

/**
 * The adapter for a host, added sites included: a built-in site keeps its own adapter; an added Mastodon
 * instance gets the Mastodon adapter; any other added site the generic one, with the chosen context as its
 * default (context "post" keeps the generic adapter exactly, label words included).
 * @param {string} host
 * @param {WantedSite|UserSite|null} added
 * @returns {SiteAdapter}
 */
export function siteAdapterFor(host, added) {
  const builtin = adapterFor(host);
  if (builtin !== GENERIC || !added) return builtin;
  if (added.kind === 'mastodon') {
    const mastodon = /** @type {SiteAdapter} */ (SITES.find((s) => s.id === 'mastodon'));
    return added.context === mastodon.context ? mastodon : { ...mastodon, context: added.context };
  }
  return added.context === GENERIC.context ? GENERIC : { ...GENERIC, context: added.context };
}

/**
 * The content scripts to register for the sites PostGuard holds permission for: the manifest's script
 * (loader.js, its css, document_start, all frames), never on the built-in sites' pages.
 * @param {WantedSite[]} sites  only the granted ones
 * @returns {ScriptSpec[]}
 */
export function desiredScripts(sites) {
  const exclude = builtinPatterns();
  return sites.map((s) => ({
    id: scriptIdFor(s.host),
    matches: [...s.matches],
    excludeMatches: exclude,
    js: ['content/loader.js'],
    css: ['content/highlight.css'],
    runAt: /** @type {chrome.extensionTypes.RunAt} */ ('document_start'),
    allFrames: true,
    persistAcrossSessions: true,
  }));
}

/**
 * What to change so the registered scripts (ours: SCRIPT_PREFIX) become the desired ones. A script whose
 * matches or files changed is unregistered and registered again.
 * @param {ScriptSpec[]} desired
 * @param {ScriptSpec[]} registered  chrome.scripting.getRegisteredContentScripts()
 * @returns {{unregister: string[], register: ScriptSpec[]}}
 */
export function planScripts(desired, registered) {
  const ours = registered.filter((r) => r.id.startsWith(SCRIPT_PREFIX));
  // File paths as a browser may report them: "content/loader.js", "/content/loader.js" or a full extension URL.
  const file = (/** @type {string} */ f) => f.replace(/^[a-z-]+:\/\/[^/]+\//, '').replace(/^\//, '');
  const key = (/** @type {ScriptSpec} */ s) => JSON.stringify([[...(s.matches ?? [])].sort(), [...(s.excludeMatches ?? [])].sort(),
    (s.js ?? []).map(file), (s.css ?? []).map(file), s.runAt ?? 'document_idle', Boolean(s.allFrames)]);
  /** @type {string[]} */
  const unregister = [];
  /** @type {ScriptSpec[]} */
  const register = [];
  for (const r of ours) {
    const want = desired.find((d) => d.id === r.id);
    if (!want || key(want) !== key(r)) unregister.push(r.id);
  }
  for (const d of desired) {
    const have = ours.find((r) => r.id === d.id);
    if (!have || unregister.includes(d.id)) register.push(d);
  }
  return { unregister, register };
}

// @ts-check
// Options page, "Other sites": the user adds a site by its host name (a Mastodon instance or any other site,
// with the kind of writing done there), PostGuard asks the browser for that host's permission from the
// click, keeps the host (never any text) in chrome.storage.sync, and the background worker registers the
// content script. IT's own sites (sites.extra) are listed with one button for the permissions still missing.

import { CONTEXTS, USER_SITES_KEY, checkNewHost, hostMatches, managedSites, originFor, userSitesFrom } from '../content/added.js';
import { managedPolicy, managedSiteAccess, requestOrigins, syncNow } from './site-access.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {string} key @param {string|string[]} [subs] */
const msg = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

/**
 * What the page last read, so a click can be checked and the permission asked for without waiting.
 * @type {{user: import('../content/added.js').UserSite[], it: Awaited<ReturnType<typeof managedSiteAccess>>, locked: boolean, granted: Record<string, boolean>}}
 */
const state = { user: [], it: [], locked: false, granted: {} };

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {string} [text]
 */
function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
}

/**
 * @param {string} text
 * @param {'ok'|'error'} kind
 */
function status(text, kind) {
  const out = $('site-status');
  out.textContent = text;
  out.setAttribute('data-state', kind);
}

export async function renderSites() {
  const [managed, stored] = await Promise.all([managedPolicy(), chrome.storage.sync.get(USER_SITES_KEY).catch(() => ({}))]);
  state.user = userSitesFrom(/** @type {Record<string, unknown>} */ (stored)[USER_SITES_KEY]);
  state.locked = Array.isArray(managed.locked) && managed.locked.includes('sites');
  state.it = await managedSiteAccess(managed);
  const granted = await Promise.all(state.user.map((s) => chrome.permissions.contains({ origins: [originFor(s.host)] }).catch(() => false)));
  state.granted = Object.fromEntries(state.user.map((s, i) => [s.host, granted[i]]));

  // IT's sites: what is checked already and what waits for the user's one click.
  const itList = $('it-sites-list');
  itList.replaceChildren();
  for (const s of state.it) {
    const item = el('li', { 'data-host': s.host, 'data-granted': String(s.granted) });
    item.append(el('code', {}, s.matches.join(' ')), document.createTextNode(` — ${s.context} — ${msg(s.granted ? 'sitesActive' : 'sitesWaiting')}`));
    itList.append(item);
  }
  // Entries PostGuard cannot use: http:// ones (malformed ones are listed with the policy's problems).
  const unusable = managedSites(managed).unusable.filter((u) => u.reason === 'http');
  for (const u of unusable) {
    const item = el('li', { 'data-index': String(u.index), 'data-unusable': u.reason, class: 'problem' });
    item.append(el('code', {}, u.matches), document.createTextNode(` — ${msg('sitesUnusableHttp')}`));
    itList.append(item);
  }
  $('it-sites').hidden = state.it.length === 0 && unusable.length === 0;
  $('it-sites-allow').hidden = !state.it.some((s) => !s.granted);

  // The user's own sites.
  for (const id of ['site-host', 'site-kind', 'site-context', 'site-add']) {
    /** @type {HTMLInputElement} */ ($(id)).disabled = state.locked;
  }
  $('sites-locked').hidden = !state.locked;
  const table = $('sites-list');
  const body = /** @type {HTMLElement} */ (table.querySelector('tbody'));
  body.replaceChildren();
  for (const s of state.user) {
    const overridden = state.it.some((m) => hostMatches(m.host, s.host));
    const row = el('tr', { 'data-host': s.host, 'data-kind': s.kind, 'data-context': s.context,
      'data-granted': String(state.granted[s.host]), 'data-ignored': String(state.locked || overridden) });
    const remove = el('button', { type: 'button', 'data-action': 'remove', 'data-host': s.host }, msg('sitesRemove'));
    /** @type {HTMLButtonElement} */ (remove).disabled = state.locked;
    const note = state.locked ? 'sitesIgnoredLocked' : overridden ? 'sitesIgnoredIt' : state.granted[s.host] ? 'sitesActive' : 'sitesWaiting';
    const action = el('td');
    action.append(remove);
    row.append(el('td', { class: 'value' }, s.host), el('td', {}, msg(s.kind === 'mastodon' ? 'sitesKindMastodon' : 'sitesKindGeneric')),
      el('td', {}, s.context), el('td', {}, msg(note)), action);
    body.append(row);
  }
  table.hidden = state.user.length === 0;
  $('sites-none').hidden = state.user.length > 0;
}

/** @param {SubmitEvent} e */
function add(e) {
  e.preventDefault();
  if (state.locked) { status(msg('sitesError_locked'), 'error'); return; }
  const input = /** @type {HTMLInputElement} */ ($('site-host'));
  const kind = /** @type {HTMLSelectElement} */ ($('site-kind')).value === 'mastodon' ? 'mastodon' : 'generic';
  const chosen = /** @type {HTMLSelectElement} */ ($('site-context')).value;
  const context = CONTEXTS.find((c) => c === chosen) ?? 'post';
  const check = checkNewHost(input.value, { userSites: state.user, managed: state.it });
  if (!check.ok) {
    status(msg(`sitesError_${check.error}`, check.site ?? ''), 'error');
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  input.removeAttribute('aria-invalid');
  const host = check.host;
  // Asked first, while the click still counts as the user's gesture; the host is stored only if granted.
  requestOrigins([originFor(host)]).then(async (granted) => {
    if (!granted) { status(msg('sitesError_denied', host), 'error'); return; }
    const stored = await chrome.storage.sync.get(USER_SITES_KEY).catch(() => ({}));
    const list = userSitesFrom(/** @type {Record<string, unknown>} */ (stored)[USER_SITES_KEY]).filter((s) => s.host !== host);
    await chrome.storage.sync.set({ [USER_SITES_KEY]: [...list, { host, kind, context }] });
    await syncNow();
    input.value = '';
    await renderSites();
    status(msg('sitesAdded', host), 'ok');
  }).catch(() => status(msg('sitesError_failed'), 'error'));
}

/** @param {string} host */
async function remove(host) {
  if (state.locked) return;
  const stored = await chrome.storage.sync.get(USER_SITES_KEY).catch(() => ({}));
  const list = userSitesFrom(/** @type {Record<string, unknown>} */ (stored)[USER_SITES_KEY]).filter((s) => s.host !== host);
  await chrome.storage.sync.set({ [USER_SITES_KEY]: list });
  // Give the permission back unless IT's sites need the same host. (A permission the extension was
  // installed with cannot be removed; the site is off anyway once its script is unregistered.)
  if (!state.it.some((m) => m.origin === originFor(host))) {
    await chrome.permissions.remove({ origins: [originFor(host)] }).catch(() => false);
  }
  await syncNow();
  await renderSites();
  status(msg('sitesRemoved', host), 'ok');
}

function allowManaged() {
  const origins = [...new Set(state.it.filter((s) => !s.granted).map((s) => s.origin))];
  requestOrigins(origins).then(async (granted) => {
    await syncNow();
    await renderSites();
    status(msg(granted ? 'sitesItAllowed' : 'sitesError_denied', ''), granted ? 'ok' : 'error');
  }).catch(() => status(msg('sitesError_failed'), 'error'));
}

export function initSites() {
  const context = /** @type {HTMLSelectElement} */ ($('site-context'));
  for (const c of CONTEXTS) context.append(el('option', { value: c }, c));
  $('site-form').addEventListener('submit', add);
  $('it-sites-allow').addEventListener('click', allowManaged);
  $('sites-list').addEventListener('click', (e) => {
    const button = /** @type {Element} */ (e.target).closest?.('button[data-action="remove"]');
    const host = button?.getAttribute('data-host');
    if (host) remove(host).catch(() => status(msg('sitesError_failed'), 'error'));
  });
  const again = () => { renderSites().catch(() => {}); };
  chrome.permissions.onAdded.addListener(again);
  chrome.permissions.onRemoved.addListener(again);
  chrome.storage.onChanged.addListener((_changes, area) => { if (area === 'managed' || area === 'sync') again(); });
  return renderSites();
}

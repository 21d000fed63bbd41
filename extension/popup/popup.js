// @ts-check
// Popup: PostGuard on/off for the current site (unless IT locked it) and the local counters.
// The site comes from the tab's content script, so the extension needs no "tabs" permission.
// When IT listed sites (sites.extra) whose host permission the browser has not given yet, one button asks.

import { fillI18n } from '../options/i18n-dom.js';
import { managedPolicy, managedSiteAccess, requestOrigins, syncNow } from '../options/site-access.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function showCounts() {
  /** @type {{stats?: Record<string, number>}} */
  const { stats = {} } = await chrome.storage.local.get('stats');
  const counters = ['warnings_shown', 'posts_changed', 'posted_anyway', 'media_checklists_shown', 'media_posted_after_checklist'];
  for (const key of counters) $(key).textContent = String(stats[key] ?? 0);
}

async function showSite() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  /** @type {{host: string, enabled: boolean, locked: boolean, checker: string}|undefined} */
  let info;
  try {
    info = tab?.id != null ? await chrome.tabs.sendMessage(tab.id, { kind: 'site-info' }, { frameId: 0 }) : undefined;
  } catch {
    info = undefined; // no content script on this page
  }
  if (!info) { $('nothere').hidden = false; return; }
  const site = info;
  $('site').hidden = false;
  const box = /** @type {HTMLInputElement} */ ($('enabled'));
  box.checked = site.enabled;
  box.disabled = site.locked;
  $('locked').hidden = !site.locked;
  $('worker').hidden = site.checker !== 'worker';
  const state = () => { $('state').textContent = chrome.i18n.getMessage(box.checked ? 'popupOn' : 'popupOff', site.host); };
  state();
  box.addEventListener('change', async () => {
    /** @type {{disabledSites?: string[]}} */
    const { disabledSites = [] } = await chrome.storage.sync.get('disabledSites');
    const rest = disabledSites.filter((/** @type {string} */ h) => h !== site.host);
    await chrome.storage.sync.set({ disabledSites: box.checked ? rest : [...rest, site.host] });
    state();
  });
}

/** The origins IT asked for that are still missing, as last shown (the click must not wait to ask). */
/** @type {string[]} */
let missing = [];

async function showManagedSites() {
  const sites = (await managedSiteAccess(await managedPolicy())).filter((s) => !s.granted);
  missing = [...new Set(sites.map((s) => s.origin))];
  const list = $('it-sites-list');
  list.replaceChildren();
  for (const s of sites) {
    const item = document.createElement('li');
    item.setAttribute('data-host', s.host);
    item.textContent = s.host;
    list.append(item);
  }
  $('it-sites').hidden = sites.length === 0;
}

fillI18n(document);
showCounts();
showSite();
showManagedSites().catch(() => {});
$('it-sites-allow').addEventListener('click', () => {
  requestOrigins(missing).then(async () => { await syncNow(); await showManagedSites(); }).catch(() => {});
});
chrome.storage.onChanged.addListener((_c, area) => { if (area === 'local') showCounts(); });

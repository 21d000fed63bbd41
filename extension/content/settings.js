// @ts-check
// Settings: IT's managed policy (chrome.storage.managed) over the user's own (chrome.storage.sync).
// Only settings and counters are stored, never text. The policy keys are the core's (see managed_schema.json).

import { addedSiteFor, siteAdapterFor } from './added.js';

/**
 * @typedef {object} Settings
 * @property {boolean} enabled          PostGuard is on for this host
 * @property {'warn'|'block'} mode
 * @property {boolean} allowPostAnyway
 * @property {boolean} requireReason    "Post anyway" asks for a typed reason (kept nowhere)
 * @property {boolean} locked           IT locked the per-site switch (policy "locked" lists "sites")
 * @property {MediaCheck} mediaCheck     when a post with a photo or video gets the checklist
 * @property {Record<string, unknown>} policy  what the core's configure() gets
 * @property {import('./sites.js').SiteAdapter} site  the adapter for this host: built-in, or for a site the
 *   user or IT added, the Mastodon or generic adapter with the chosen context
 */

/** @typedef {'off'|'care_context'|'always'} MediaCheck */

/** The values of policy `media_check`; the first is the default. */
export const MEDIA_CHECKS = /** @type {const} */ (['care_context', 'off', 'always']);
/** The same, from asking least to asking most. */
const MEDIA_STRICTNESS = ['off', 'care_context', 'always'];

/**
 * @param {unknown} value
 * @returns {value is MediaCheck}
 */
function isMediaCheck(value) {
  return MEDIA_CHECKS.includes(/** @type {any} */ (value));
}

/**
 * @param {chrome.storage.StorageArea} area
 * @returns {Promise<Record<string, any>>}
 */
async function getAll(area) {
  try {
    return (await area.get(null)) ?? {};
  } catch {
    return {}; // managed storage is absent on unmanaged browsers
  }
}

/**
 * Settings from the user's storage and the last known managed policy (fast). Reading
 * chrome.storage.managed itself can take seconds on the first call, so `fresh` is a separate step.
 * @param {string} host
 * @param {{fresh?: boolean}} [how]  read chrome.storage.managed now (slow) and remember it
 * @returns {Promise<Settings>}
 */
export async function loadSettings(host, how = {}) {
  /** @type {[Record<string, any>, {managed_cache?: Record<string, any>}]} */
  const [user, local] = await Promise.all([getAll(chrome.storage.sync), chrome.storage.local.get('managed_cache').catch(() => ({}))]);
  let managed = local.managed_cache ?? {};
  if (how.fresh) {
    const now = await getAll(chrome.storage.managed);
    if (JSON.stringify(now) !== JSON.stringify(managed)) await chrome.storage.local.set({ managed_cache: now }).catch(() => {});
    managed = now;
  }
  return resolveSettings(host, managed, user);
}

/**
 * @param {string} host
 * @param {Record<string, any>} managed
 * @param {Record<string, any>} user
 * @returns {Settings}
 */
export function resolveSettings(host, managed, user) {
  const locked = Array.isArray(managed.locked) ? managed.locked.filter((k) => typeof k === 'string') : [];
  const h = host.toLowerCase();
  const adapter = siteAdapterFor(h, addedSiteFor(h, managed, user));
  const site = adapter.id;
  const itOff = Array.isArray(managed.sites?.disabled) && managed.sites.disabled.includes(site);
  const userOff = !locked.includes('sites') && Array.isArray(user.disabledSites)
    && user.disabledSites.some((/** @type {unknown} */ s) => typeof s === 'string' && (h === s || h.endsWith('.' + s)));
  /** @type {'warn'|'block'} */
  let mode = managed.mode === 'block' ? 'block' : 'warn';
  if (mode === 'warn' && !locked.includes('mode') && user.mode === 'block') mode = 'block';
  // media_check as mode: IT's value holds, a user may ask for the checklist more often (off < care_context <
  // always) but not less, and with the key locked not change it at all; without IT's value the user chooses.
  /** @type {MediaCheck} */
  let mediaCheck = isMediaCheck(managed.media_check) ? managed.media_check : MEDIA_CHECKS[0];
  if (!locked.includes('media_check') && isMediaCheck(user.media_check)
    && (!isMediaCheck(managed.media_check) || MEDIA_STRICTNESS.indexOf(user.media_check) > MEDIA_STRICTNESS.indexOf(mediaCheck))) {
    mediaCheck = user.media_check;
  }
  // The core gets IT's policy as it is (it validates it), with the user's stricter mode if any.
  /** @type {Record<string, unknown>} */
  const policy = { ...managed, mode };
  if (!('organization' in managed) && user.organization && typeof user.organization === 'object') policy.organization = user.organization;
  return {
    enabled: !itOff && !userOff,
    mode,
    allowPostAnyway: managed.allow_post_anyway !== false,
    requireReason: managed.require_reason === true,
    locked: locked.includes('sites'),
    mediaCheck,
    policy,
    site: adapter,
  };
}

/** @param {() => void} callback */
export function onSettingsChanged(callback) {
  chrome.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed' || area === 'sync' || (area === 'local' && 'managed_cache' in _changes)) callback();
  });
}

/**
 * Count an event (never text): 'warnings_shown' | 'posts_changed' | 'posted_anyway' | 'media_checklists_shown' |
 * 'media_posted_after_checklist'.
 * @param {string} counter
 */
export function count(counter) {
  chrome.runtime.sendMessage({ kind: 'count', counter }).catch(() => {});
}

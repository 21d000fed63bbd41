// @ts-check
// Host permissions for added sites, shared by the options page and the popup: which of IT's sites still
// lack permission, asking for them (from a click: browsers only ask the user during a user gesture), and
// telling the background worker to register or drop the content scripts at once.

import { managedSites } from '../content/added.js';

/** @returns {Promise<Record<string, any>>} */
export async function managedPolicy() {
  try {
    return (await chrome.storage.managed.get(null)) ?? {};
  } catch {
    return {}; // no managed storage (unmanaged browser)
  }
}

/**
 * IT's sites (sites.extra), each with whether PostGuard holds its host permission.
 * @param {Record<string, any>} managed
 * @returns {Promise<(import('../content/added.js').WantedSite & {granted: boolean})[]>}
 */
export async function managedSiteAccess(managed) {
  const { sites } = managedSites(managed);
  const granted = await Promise.all(sites.map((s) => chrome.permissions.contains({ origins: [s.origin] }).catch(() => false)));
  return sites.map((s, i) => ({ ...s, granted: granted[i] }));
}

/**
 * Ask for host permissions. Call it straight from the click handler, before any `await`: Firefox only
 * shows the prompt while handling the user's input, Chrome within its user-activation window.
 * @param {string[]} origins
 * @returns {Promise<boolean>}
 */
export function requestOrigins(origins) {
  if (!origins.length) return Promise.resolve(true);
  return chrome.permissions.request({ origins }).catch(() => false);
}

/** Have the background worker bring the registered content scripts up to date now. */
export async function syncNow() {
  const answer = await chrome.runtime.sendMessage({ kind: 'sites-sync' }).catch(() => null);
  return answer?.ok ? /** @type {{registered: string[], pending: string[]}} */ (answer.value) : null;
}

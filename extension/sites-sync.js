// @ts-check
// Background: keep the dynamically registered content scripts (chrome.scripting) in step with the sites the
// user and IT added and the host permissions PostGuard holds. Run on start-up, install, permission changes,
// changes of the user's list or IT's policy, and when the options page asks. Only host names are involved.

import { desiredScripts, planScripts, wantedSites } from './content/added.js';

/** One reconciliation at a time; a request during one runs once more afterwards. */
let running = Promise.resolve(/** @type {SyncResult} */ ({ registered: [], pending: [] }));

/**
 * @typedef {{registered: string[], pending: string[]}} SyncResult  script ids in place; hosts lacking permission
 */

/** @returns {Promise<Record<string, any>>} */
async function managedPolicy() {
  try {
    return (await chrome.storage.managed.get(null)) ?? {};
  } catch {
    return {}; // no managed storage (unmanaged browser)
  }
}

/** @returns {Promise<SyncResult>} */
async function reconcile() {
  /** @type {[Record<string, any>, Record<string, any>]} */
  const [managed, user] = await Promise.all([managedPolicy(), chrome.storage.sync.get(null).catch(() => ({}))]);
  const sites = wantedSites(managed, user);
  const granted = await Promise.all(sites.map((s) => chrome.permissions.contains({ origins: [s.origin] }).catch(() => false)));
  const ready = sites.filter((_s, i) => granted[i]);
  const desired = desiredScripts(ready);
  const registered = await chrome.scripting.getRegisteredContentScripts();
  const plan = planScripts(desired, registered);
  if (plan.unregister.length) await chrome.scripting.unregisterContentScripts({ ids: plan.unregister });
  // One at a time: a pattern the browser refuses must not keep the others out.
  for (const script of plan.register) {
    await chrome.scripting.registerContentScripts([script]).catch(() => {});
  }
  const now = await chrome.scripting.getRegisteredContentScripts();
  return {
    registered: now.map((s) => s.id).filter((id) => desired.some((d) => d.id === id)),
    pending: sites.filter((_s, i) => !granted[i]).map((s) => s.host),
  };
}

/** @returns {Promise<SyncResult>} */
export function syncSites() {
  running = running.catch(() => undefined).then(reconcile);
  return running;
}

/** Listen for everything that changes which scripts should be registered. */
export function watchSites() {
  const again = () => { syncSites().catch(() => {}); };
  chrome.runtime.onInstalled.addListener(again);
  chrome.runtime.onStartup.addListener(again);
  chrome.permissions.onAdded.addListener(again);
  chrome.permissions.onRemoved.addListener(again);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'sync' && 'addedSites' in changes)) again();
  });
  again(); // the worker (re)started: make sure nothing drifted meanwhile
}

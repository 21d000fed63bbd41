// @ts-check
// Wiring: settings, the checker, the guard, same-origin iframes, and the popup's questions.

import { createChecker } from './checker.js';
import { Guard } from './guard.js';
import { loadSettings, onSettingsChanged } from './settings.js';

const FORWARDED = ['keydown', 'keyup', 'click', 'submit', 'focusin', 'focusout', 'beforeinput', 'input',
  'compositionstart', 'compositionend', 'scroll', 'resize', 'mousemove', 'selectionchange', 'change', 'paste', 'drop'];

/** A frame whose same-origin parent runs PostGuard is handled by that parent. */
function parentHandlesUs() {
  if (window === window.top) return false;
  try {
    return Boolean(window.parent.document);
  } catch {
    return false; // cross-origin parent: this frame handles itself
  }
}

/**
 * @param {(handler: (e: Event) => void) => void} setHandler  the loader's hook for this window's events
 */
export async function start(setHandler) {
  if (parentHandlesUs()) return;
  const host = location.hostname;
  const checking = createChecker();
  const initial = await loadSettings(host);
  const guard = new Guard(initial.site, document, initial);
  setHandler((e) => guard.handle(e));
  watchFrames(document, guard);

  chrome.runtime.onMessage.addListener((message, _sender, reply) => {
    if (message?.kind === 'site-info' && window === window.top) {
      reply({ host, site: guard.site.id, enabled: guard.settings.enabled, locked: guard.settings.locked,
        mode: guard.settings.mode, checker: guard.checker?.mode ?? 'loading' });
    }
    return false;
  });

  const checker = await checking;
  let applied = '';
  /** @param {import('./settings.js').Settings} settings */
  const apply = async (settings) => {
    // The same settings read again (IT's fresh policy is usually the cached one) change nothing.
    const key = JSON.stringify(settings);
    if (key === applied) return;
    applied = key;
    guard.settings = settings;
    guard.site = settings.site; // an added site's kind or context may have changed
    guard.cache.clear();
    await checker.configure(settings.policy).catch(() => []);
    if (!settings.enabled) guard.badge.hide();
    else guard.recheck(); // show the result under the new policy
  };
  await apply(guard.settings);
  guard.setChecker(checker);
  onSettingsChanged(async () => apply(await loadSettings(host)));
  // IT's policy as it is now (slow to read the first time); a change reaches us through onSettingsChanged.
  // data-settings="fresh" says it has been applied (a test counting checks reads it: applying rechecks the field).
  loadSettings(host, { fresh: true }).then(apply).catch(() => {})
    .finally(() => guard.badge.host.setAttribute('data-settings', 'fresh'));
}

/**
 * Handle same-origin iframes (present and future) from this frame: their events go to the same guard.
 * @param {Document} doc
 * @param {Guard} guard
 */
function watchFrames(doc, guard) {
  /** @type {WeakSet<Window>} */
  const attached = new WeakSet();
  /** @param {HTMLIFrameElement} frame */
  const attach = (frame) => {
    const hook = () => {
      let win;
      try {
        win = frame.contentWindow;
        if (!win || !win.document || attached.has(win)) return;
      } catch {
        return; // cross-origin: its own content script (all_frames) takes care of it
      }
      attached.add(win);
      for (const type of FORWARDED) win.addEventListener(type, (e) => guard.handle(e), { capture: true });
      watchFrames(win.document, guard);
    };
    frame.addEventListener('load', hook);
    hook();
  };
  const scan = (/** @type {ParentNode} */ root) => {
    for (const frame of root.querySelectorAll('iframe, frame')) attach(/** @type {HTMLIFrameElement} */ (frame));
  };
  const observe = () => {
    scan(doc);
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node.nodeType !== 1) continue;
          const el = /** @type {Element} */ (node);
          if (el.localName === 'iframe' || el.localName === 'frame') attach(/** @type {HTMLIFrameElement} */ (el));
          else if (el.firstElementChild) scan(el);
        }
        for (const node of r.removedNodes) {
          if (guard.badge.field && node.contains?.(guard.badge.field)) guard.badge.hide();
        }
      }
    }).observe(doc, { childList: true, subtree: true });
  };
  observe();
}

// @ts-check
// The warning overlay: a modal alertdialog in an open shadow root on a data-postguard="overlay" host.
// Draft text is only ever rendered with textContent. With a photo or video attached it also holds the checklist
// (`[data-checklist]`): one box to tick, "I checked", enables the way on; nothing of it is kept.

import { t } from './i18n.js';

const STYLE = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(15, 20, 30, .45);
  display: flex; align-items: center; justify-content: center; font: 14px/1.45 system-ui, sans-serif; color: #1b1f24; }
.dialog { background: #fff; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.35); width: min(560px, calc(100vw - 32px));
  max-height: calc(100vh - 48px); overflow: auto; padding: 20px 22px; box-sizing: border-box; }
h2 { margin: 0 0 6px; font-size: 18px; line-height: 1.3; }
.intro { margin: 0 0 12px; color: #444c56; }
.draft { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 6px;
  padding: 10px 12px; margin: 0 0 12px; max-height: 9em; overflow: auto; }
mark { background: #ffe1e1; color: inherit; border-bottom: 2px solid #c62828; padding: 0 1px; }
mark.low { background: #e3efff; border-color: #1f6fb2; }
mark.medium { background: #fff0d9; border-color: #b35c00; }
ul { list-style: none; margin: 0 0 14px; padding: 0; }
li { border-left: 4px solid #c62828; padding: 6px 10px; margin: 0 0 8px; background: #fbfbfc; }
li.low { border-color: #1f6fb2; } li.medium { border-color: #b35c00; }
.words { font-weight: 600; }
.message { margin: 2px 0 0; }
.suggestion { margin: 2px 0 0; color: #2d6a2d; }
.reason { display: block; margin: 0 0 12px; }
.reason input { display: block; width: 100%; box-sizing: border-box; margin-top: 4px; font: inherit; padding: 6px 8px; }
.status { margin: 0 0 12px; font-weight: 600; color: #8a1c1c; }
.status:empty { display: none; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; }
button { font: inherit; padding: 7px 14px; border-radius: 6px; border: 1px solid #8c959f; background: #fff; cursor: pointer; }
button.primary { background: #0d6e78; border-color: #0d6e78; color: #fff; }
button.risky { border-color: #c62828; color: #8a1c1c; }
button:focus-visible { outline: 3px solid #1f6fb2; outline-offset: 2px; }
button[disabled] { opacity: .55; cursor: not-allowed; }
.checklist { border: 1px solid #d8dee4; border-radius: 6px; padding: 10px 12px; margin: 0 0 12px; background: #fbfbfc; }
.checklist h3 { margin: 0 0 6px; font-size: 15px; }
.checklist ul { list-style: disc; margin: 0 0 10px; padding-left: 20px; }
.checklist li { border: 0; background: none; padding: 0; margin: 0 0 4px; }
.checklist label { display: flex; gap: 8px; align-items: flex-start; font-weight: 600; cursor: pointer; }
.checklist input { margin-top: 3px; width: 16px; height: 16px; flex: none; }
.checklist input:focus-visible { outline: 3px solid #1f6fb2; outline-offset: 2px; }
`;

/** The checklist's points, as message keys (en and es in _locales). */
const CHECKLIST_ITEMS = ['checklistConsent', 'checklistScreens', 'checklistBackground', 'checklistLocation'];

/**
 * @typedef {object} OverlayOptions
 * @property {Document} doc
 * @property {string} text
 * @property {import('./checker.js').Report} report
 * @property {boolean} block              no way past
 * @property {boolean} canRedact
 * @property {boolean} [requireReason]   "Post anyway" needs a typed reason first (it is not kept anywhere)
 * @property {string} [error]             the check itself failed
 * @property {string} [status]            a message shown from the start (e.g. a redaction PostGuard could not confirm)
 * @property {boolean} [checklist]        a photo or video goes with the post: show the checklist; the way on waits
 *   for its box
 * @property {boolean} [mediaOnly]        the checklist is the only reason for the dialog: its title and buttons
 *   are the checklist's ("Go back", "Post")
 * @property {() => void} onEdit          Edit or Escape
 * @property {() => Promise<string|null>} onRedact  returns a status message to show, or null when done
 * @property {() => void} onPostAnyway
 */

let nextId = 0;

/**
 * Open the overlay. Returns a function that closes it.
 * @param {OverlayOptions} o
 * @returns {{close: () => void, host: HTMLElement}}
 */
export function openOverlay(o) {
  const doc = o.doc;
  const id = `postguard-${++nextId}`;
  const host = doc.createElement('div');
  host.setAttribute('data-postguard', 'overlay');
  const root = host.attachShadow({ mode: 'open' });
  const el = (/** @type {string} */ tag, /** @type {Record<string,string>} */ attrs = {}, /** @type {string} */ text = '') => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };

  const style = el('style');
  style.textContent = STYLE;
  const backdrop = el('div', { class: 'backdrop' });
  const dialog = el('div', { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true',
    'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-intro` });
  const blocking = o.block;
  const mediaOnly = Boolean(o.checklist && o.mediaOnly);
  dialog.append(el('h2', { id: `${id}-title` },
    o.error ? t('overlayTitleError') : mediaOnly ? t('checklistTitle') : t('overlayTitle')));
  dialog.append(el('p', { id: `${id}-intro`, class: 'intro' },
    o.error ? t('overlayIntroError') : mediaOnly ? t('checklistIntro') : blocking ? t('overlayIntroBlock') : t('overlayIntro')));

  if (!o.error && (!mediaOnly || o.report.findings.length)) {
    dialog.append(draftView(el, o.text, o.report));
    const list = el('ul', { 'aria-label': t('overlayFindings') });
    for (const group of groupFindings(o.report.findings)) {
      const f = group[0];
      const item = el('li', { class: f.severity, 'data-kind': f.kind, 'data-severity': f.severity });
      if (f.identifier) item.setAttribute('data-identifier', f.identifier);
      const words = el('div', { class: 'words' });
      words.textContent = group.map((g) => `“${g.text}”`).join(', ');
      item.append(words, el('p', { class: 'message' }, f.message));
      if (f.suggestion) item.append(el('p', { class: 'suggestion' }, t('overlaySuggestion', f.suggestion)));
      list.append(item);
    }
    dialog.append(list);
  }

  /** @type {HTMLInputElement|null} */
  let checked = null;
  if (o.checklist && !o.error) {
    const section = el('section', { class: 'checklist', 'data-checklist': '', 'aria-labelledby': `${id}-checklist` });
    section.append(el('h3', { id: `${id}-checklist` }, t(mediaOnly ? 'checklistHeading' : 'checklistHeadingWithText')));
    const points = el('ul');
    for (const key of CHECKLIST_ITEMS) points.append(el('li', { 'data-check': key }, t(key)));
    const label = el('label');
    checked = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', 'data-field': 'media-checked' }));
    label.append(checked, el('span', {}, t('checklistConfirm')));
    section.append(points, label);
    dialog.append(section);
  }

  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  if (o.status) status.textContent = o.status;
  dialog.append(status);
  const actions = el('div', { class: 'actions' });
  const edit = el('button', { type: 'button', 'data-action': 'edit', class: 'primary' }, mediaOnly ? t('actionGoBack') : t('actionEdit'));
  actions.append(edit);
  /** @type {HTMLElement|null} */
  let redact = null;
  if (o.canRedact && !o.error) {
    redact = el('button', { type: 'button', 'data-action': 'redact' }, t('actionRedact'));
    actions.append(redact);
  }
  if (!blocking) {
    const anyway = mediaOnly
      ? el('button', { type: 'button', 'data-action': 'post' }, t('actionPost'))
      : el('button', { type: 'button', 'data-action': 'post-anyway', class: 'risky' }, t('actionPostAnyway'));
    anyway.addEventListener('click', () => {
      if (anyway.hasAttribute('disabled')) return;
      close();
      o.onPostAnyway();
    });
    /** @type {HTMLInputElement|null} */
    let reason = null;
    if (o.requireReason) {
      const label = el('label', { class: 'reason' }, t('overlayReason'));
      reason = /** @type {HTMLInputElement} */ (el('input', { type: 'text', 'data-field': 'reason', autocomplete: 'off' }));
      label.append(reason);
      dialog.append(label);
    }
    // The way on waits for the checklist's box and, where IT asks for one, a reason.
    const ready = () => (!checked || checked.checked) && (!reason || reason.value.trim().length >= 3);
    const update = () => anyway.toggleAttribute('disabled', !ready());
    reason?.addEventListener('input', update);
    checked?.addEventListener('change', update);
    update();
    actions.append(anyway);
  }
  dialog.append(actions);
  backdrop.append(dialog);
  root.append(style, backdrop);

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    host.remove();
  };
  edit.addEventListener('click', () => { close(); o.onEdit(); });
  redact?.addEventListener('click', async () => {
    redact?.setAttribute('disabled', '');
    status.textContent = t('redactWorking');
    const message = await o.onRedact();
    if (message == null) { close(); return; }
    status.textContent = message;
    redact?.removeAttribute('disabled');
    redact?.focus(); // the redaction put the focus in the editor; the dialog is still the one in charge
  });

  // Keep keystrokes inside the dialog (the page must not see them), trap Tab, Escape = Edit.
  const focusables = () => /** @type {HTMLElement[]} */ ([...dialog.querySelectorAll('button:not([disabled]), input')]);
  dialog.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') { e.preventDefault(); close(); o.onEdit(); return; }
    if (e.key !== 'Tab') return;
    const items = focusables();
    if (!items.length) return;
    const current = items.indexOf(/** @type {HTMLElement} */ (root.activeElement));
    const next = e.shiftKey ? (current <= 0 ? items.length - 1 : current - 1) : (current + 1) % items.length;
    e.preventDefault();
    items[next].focus();
  });
  for (const type of ['keyup', 'keypress', 'input', 'beforeinput']) dialog.addEventListener(type, (e) => e.stopPropagation());
  // A click outside the dialog returns focus into it instead of reaching the page.
  backdrop.addEventListener('mousedown', (e) => {
    if (e.target === backdrop) { e.preventDefault(); edit.focus(); }
  });

  (doc.body ?? doc.documentElement).append(host);
  edit.focus();
  return { close, host };
}

/**
 * Findings that say the same thing (kind, message, suggestion) are listed once, with all their words.
 * @param {import('./checker.js').Finding[]} findings
 * @returns {import('./checker.js').Finding[][]}
 */
function groupFindings(findings) {
  /** @type {Map<string, import('./checker.js').Finding[]>} */
  const groups = new Map();
  for (const f of findings) {
    const key = `${f.kind}\u0000${f.identifier ?? ''}\u0000${f.message}\u0000${f.suggestion ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}

/**
 * The draft with its flagged words marked.
 * @param {(tag: string, attrs?: Record<string,string>, text?: string) => HTMLElement} el
 * @param {string} text
 * @param {import('./checker.js').Report} report
 */
function draftView(el, text, report) {
  const box = el('div', { class: 'draft', 'aria-label': t('overlayDraft') });
  let at = 0;
  const spans = [...report.findings].sort((a, b) => a.start - b.start);
  for (const f of spans) {
    if (f.start < at || f.end > text.length) continue;
    box.append(text.slice(at, f.start));
    box.append(el('mark', { class: f.severity }, text.slice(f.start, f.end)));
    at = f.end;
  }
  box.append(text.slice(at));
  return box;
}

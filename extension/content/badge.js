// @ts-check
// The small count badge near the focused field, and highlights of the flagged words
// (CSS Custom Highlight API; the editor's DOM is never touched).

import { t } from './i18n.js';
import { isTextControl, rangeOf, readModel } from './fields.js';
import { Marks } from './marks.js';

/** @type {Record<string, number>} */
const SEVERITY_RANK = { none: 0, low: 1, medium: 2, high: 3 };
const COLOURS = { none: '#5f6b7a', low: '#1f6fb2', medium: '#b35c00', high: '#c62828' };

const STYLE = `
:host { all: initial; }
.badge { position: fixed; z-index: 2147483646; min-width: 18px; height: 18px; padding: 0 5px; box-sizing: border-box;
  border-radius: 9px; font: 600 11px/18px system-ui, sans-serif; color: #fff; text-align: center; cursor: pointer;
  box-shadow: 0 1px 3px rgba(0,0,0,.35); border: 0; }
.badge[hidden] { display: none; }
.badge:focus-visible { outline: 2px solid #111; outline-offset: 1px; }
`;

/**
 * @param {import('./checker.js').Report} report
 * @returns {'none'|'low'|'medium'|'high'}
 */
export function topSeverity(report) {
  let top = /** @type {'none'|'low'|'medium'|'high'} */ ('none');
  for (const f of report.findings) if ((SEVERITY_RANK[f.severity] ?? 0) > (SEVERITY_RANK[top] ?? 0)) top = f.severity;
  return top;
}

export class Badge {
  /**
   * @param {Document} doc  the document that shows the badge
   * @param {() => void} onActivate  the user clicked the badge
   */
  constructor(doc, onActivate) {
    this.doc = doc;
    this.host = doc.createElement('div');
    this.host.setAttribute('data-postguard', 'badge');
    this.host.setAttribute('data-count', '0');
    this.host.setAttribute('data-checks', '0');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.button = doc.createElement('button');
    this.button.className = 'badge';
    this.button.type = 'button';
    this.button.hidden = true;
    this.button.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the editor
    this.button.addEventListener('click', onActivate);
    root.append(style, this.button);
    /** @type {import('./fields.js').Field|null} */
    this.field = null;
    this.checks = 0;
    this.marks = new Marks(doc);
  }

  /**
   * Show the result for a field.
   * @param {import('./fields.js').Field} field
   * @param {import('./checker.js').Report} report
   * @param {string} [context]  the context the field was checked in (shown as data-context)
   * @param {boolean} [partial]  only the text around the caret was checked (a long draft)
   */
  show(field, report, context, partial = false) {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.field = field;
    const n = report.findings.length;
    this.checks += 1;
    this.host.setAttribute('data-state', 'checked');
    this.host.setAttribute('data-count', String(n));
    this.host.setAttribute('data-checks', String(this.checks));
    if (context) this.host.setAttribute('data-context', context);
    const sev = topSeverity(report);
    this.host.setAttribute('data-severity', sev);
    this.button.style.background = COLOURS[sev];
    this.button.textContent = String(n);
    const label = t('badgeLabel', String(n)) + (partial ? ' ' + t('badgePartial') : '');
    this.button.setAttribute('aria-label', label);
    this.button.title = label;
    this.button.hidden = n === 0;
    this.host.toggleAttribute('data-partial', partial);
    this.place();
    if (isTextControl(field)) this.marks.show(/** @type {HTMLTextAreaElement} */ (field), /** @type {HTMLTextAreaElement} */ (field).value, report);
    else { this.marks.hide(); highlight(field, report); }
  }

  /**
   * The checker cannot run (the core did not load here nor in the background worker): say so, visibly.
   * @param {import('./fields.js').Field} field
   */
  unavailable(field) {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.field = field;
    this.host.setAttribute('data-state', 'unavailable');
    this.host.removeAttribute('data-count');
    this.host.setAttribute('data-severity', 'none');
    this.button.style.background = COLOURS.none;
    this.button.textContent = t('badgeUnavailable');
    this.button.setAttribute('aria-label', t('badgeUnavailableLabel'));
    this.button.title = t('badgeUnavailableLabel');
    this.button.hidden = false;
    this.marks.hide();
    clearHighlight(field);
    this.place();
  }

  /** Follow the field when the page scrolls or resizes. */
  place() {
    const field = this.field;
    if (!field || !field.isConnected) { this.hide(); return; }
    const r = rectInTop(field);
    const w = Math.max(this.button.offsetWidth, 22);
    const x = Math.min(Math.max(r.right - w, 0), this.doc.documentElement.clientWidth - w - 2);
    const y = Math.min(Math.max(r.bottom - 22, 0), this.doc.documentElement.clientHeight - 22);
    this.button.style.left = `${x}px`;
    this.button.style.top = `${y}px`;
    if (this.marks.field) this.marks.place();
  }

  hide() {
    this.button.hidden = true;
    this.marks.hide();
    if (this.field) clearHighlight(this.field);
    this.field = null;
  }
}

/**
 * Where a (same-origin) frame's viewport sits in the top document's viewport.
 * @param {Window|null} win
 */
export function frameOffset(win) {
  let left = 0;
  let top = 0;
  while (win && win.frameElement) {
    const fr = win.frameElement.getBoundingClientRect();
    left += fr.left; top += fr.top;
    win = win.frameElement.ownerDocument.defaultView;
  }
  return { left, top };
}

/**
 * A field's box in the coordinates of the document that shows the badge (adds same-origin iframe offsets).
 * @param {Element} el
 */
function rectInTop(el) {
  const r = el.getBoundingClientRect();
  const off = frameOffset(el.ownerDocument.defaultView);
  const left = r.left + off.left;
  const top = r.top + off.top;
  return { left, top, right: left + r.width, bottom: top + r.height };
}

const HIGHLIGHT_NAMES = { low: 'postguard-low', medium: 'postguard-medium', high: 'postguard-high' };

/**
 * Mark the flagged words in a contenteditable field (text controls have no DOM ranges to mark).
 * @param {import('./fields.js').Field} field
 * @param {import('./checker.js').Report} report
 */
function highlight(field, report) {
  const css = field.ownerDocument.defaultView?.CSS;
  if (!css || !('highlights' in css) || isTextControl(field)) return;
  clearHighlight(field);
  const model = readModel(field);
  /** @type {Record<string, Range[]>} */
  const bySeverity = { low: [], medium: [], high: [] };
  for (const f of report.findings) {
    const range = rangeOf(model, f.start, f.end);
    if (range) bySeverity[f.severity]?.push(range);
  }
  const win = /** @type {any} */ (field.ownerDocument.defaultView);
  for (const [sev, name] of Object.entries(HIGHLIGHT_NAMES)) {
    if (bySeverity[sev].length) css.highlights.set(name, new win.Highlight(...bySeverity[sev]));
  }
}

/** @param {import('./fields.js').Field} field */
function clearHighlight(field) {
  const css = /** @type {any} */ (field.ownerDocument.defaultView?.CSS);
  if (!css?.highlights) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) css.highlights.delete(name);
}

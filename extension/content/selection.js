// @ts-check
// The editor's selection, kept while the overlay is open and put back afterwards.

import { isTextControl } from './fields.js';
import { offsetOf } from './card.js';

/** @typedef {import('./fields.js').Field} Field */

/**
 * Whether a field has the focus (in its own document, which may be a same-origin iframe's).
 * @param {Field} field
 */
export function hasFocus(field) {
  const root = field.getRootNode();
  const active = /** @type {Document|ShadowRoot} */ (root).activeElement;
  return active === field || field.contains(active);
}

/**
 * The caret's UTF-16 offset in the field's text; -1 when the selection is not in the field's text.
 * @param {Field} field
 */
export function caretOffset(field) {
  if (isTextControl(field)) return /** @type {HTMLTextAreaElement} */ (field).selectionEnd ?? -1;
  const sel = field.ownerDocument.getSelection();
  if (!sel || !sel.rangeCount || !sel.focusNode) return -1;
  return offsetOf(field, sel.focusNode, sel.focusOffset);
}

/**
 * @param {Field} field
 * @returns {Range|{start: number|null, end: number|null}|null}
 */
export function saveSelection(field) {
  if (isTextControl(field)) {
    const c = /** @type {HTMLTextAreaElement} */ (field);
    return { start: c.selectionStart, end: c.selectionEnd };
  }
  const sel = field.ownerDocument.getSelection();
  if (!sel || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  return field.contains(range.startContainer) ? range.cloneRange() : null;
}

/**
 * @param {Field} field
 * @param {ReturnType<typeof saveSelection>} saved
 */
export function restoreSelection(field, saved) {
  if (!saved) return;
  if ('start' in saved) {
    if (saved.start != null && saved.end != null) /** @type {HTMLTextAreaElement} */ (field).setSelectionRange(saved.start, saved.end);
    return;
  }
  const sel = field.ownerDocument.getSelection();
  if (!sel) return;
  try {
    sel.removeAllRanges();
    sel.addRange(saved);
  } catch { /* the editor re-rendered; its own caret stays */ }
}

// @ts-check
// Apply replacements through the editor's own input path: select the range, yield one task, then
// execCommand('insertText') — the way Lexical, Draft.js, Quill, ProseMirror and plain fields all
// accept as user input (and keep in their undo history). Back to front, so earlier offsets hold.

import { isTextControl, readText, selectRange } from './fields.js';

/** @param {number} ms */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {import('./fields.js').Field} field
 * @param {import('./checker.js').Change[]} changes  offsets in the field's current text
 * @param {string} expected  the text once every change landed
 * @returns {Promise<boolean>} whether the field now reads exactly `expected`
 */
export async function applyChanges(field, changes, expected) {
  const doc = field.ownerDocument;
  for (const change of [...changes].sort((a, b) => b.start - a.start)) {
    if (!selectRange(field, change.start, change.end)) continue;
    await pause(50);
    let done = false;
    try {
      done = doc.execCommand('insertText', false, change.replacement);
    } catch { /* fall through */ }
    if (!done && isTextControl(field)) {
      // Last resort for text controls: native setter plus an input event, as frameworks expect.
      const control = /** @type {HTMLTextAreaElement|HTMLInputElement} */ (field);
      control.setRangeText(change.replacement, change.start, change.end, 'end');
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await pause(0);
  }
  await pause(50); // let the editor reconcile its state and DOM
  return normalize(readText(field)) === normalize(expected);
}

/** @param {string} s */
function normalize(s) {
  return s.replace(/\u00a0/g, ' ').replace(/\s+$/u, '');
}

// @ts-check
// Which editor owns a compose field, whether it takes a change made outside its own input events, and the
// `beforeinput` event through which model-driven editors take input.
// Model-driven editors (Slate, CKEditor 5, Lexical, ProseMirror/TipTap, Quill, Draft.js) keep the draft in
// their own state and draw the DOM from it; what the page posts is that state. A redaction is only real if
// it reached that state, so redact.js needs to know which editors follow a DOM change made by
// `execCommand('insertText')` (it fires `input` and mutates the DOM, but no `beforeinput`): those verified
// against the real editors in tests/e2e/editors.test.mjs. Slate and CKEditor 5 do not (slate-react takes
// text only from `beforeinput`; CKEditor puts its own view back), so for them only a change the editor
// took through its own `beforeinput` handling counts.

import { isTextControl } from './fields.js';

/**
 * @typedef {'text-control'|'contenteditable'|'slate'|'ckeditor'|'lexical'|'prosemirror'|'quill'|'draft'} EditorKind
 * @typedef {object} EditorInfo
 * @property {EditorKind} kind
 * @property {boolean} model        the draft lives in the editor's own state, not in the DOM
 * @property {boolean} takesInput   a DOM change from execCommand('insertText') reaches that state
 */

/** Known editors by the marks they put on their editable root, first match wins. */
const KNOWN = /** @type {const} */ ([
  { kind: 'slate', selector: '[data-slate-editor]', takesInput: false },
  { kind: 'ckeditor', selector: '.ck-editor__editable, .ck.ck-content', takesInput: false },
  { kind: 'lexical', selector: '[data-lexical-editor]', takesInput: true },
  { kind: 'prosemirror', selector: '.ProseMirror', takesInput: true }, // TipTap too
  { kind: 'quill', selector: '.ql-editor', takesInput: true },
  { kind: 'draft', selector: '.public-DraftEditor-content, .DraftEditor-root [contenteditable]', takesInput: true },
]);

/**
 * The editor that owns a field. A contenteditable without a known editor's marks is taken as a plain one:
 * its DOM is all the state the page has (see the README's limitations).
 * @param {import('./fields.js').Field} field
 * @returns {EditorInfo}
 */
export function editorOf(field) {
  if (isTextControl(field)) return { kind: 'text-control', model: false, takesInput: true };
  for (const known of KNOWN) {
    if (matches(field, known.selector)) return { kind: known.kind, model: true, takesInput: known.takesInput };
  }
  return { kind: 'contenteditable', model: false, takesInput: true };
}

/**
 * @param {Element} el
 * @param {string} selector
 */
function matches(el, selector) {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/**
 * Send the `beforeinput` the browser would send for the user's own input at the current selection (typing
 * over it, or Enter). True if the page cancelled it, which is how an editor says it handled the input
 * itself. A synthetic event has no default action: if nothing handles it, nothing changes.
 * @param {import('./fields.js').Field} field
 * @param {'insertText'|'insertParagraph'} inputType
 * @param {string|null} [data]
 */
export function dispatchBeforeInput(field, inputType, data = null) {
  const doc = field.ownerDocument;
  const view = doc.defaultView ?? window;
  const sel = doc.getSelection();
  if (!sel || !sel.rangeCount) return false;
  const range = sel.getRangeAt(0);
  const target = new view.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset,
    endContainer: range.endContainer, endOffset: range.endOffset });
  const event = new view.InputEvent('beforeinput', { inputType, data, targetRanges: [target],
    bubbles: true, cancelable: true, composed: true });
  return !field.dispatchEvent(event); // the browser sends it to the editing host, the field's root
}

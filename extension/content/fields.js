// @ts-check
// Which elements are compose fields, and their text as one string with a map back to the DOM.
// Offsets are UTF-16 code units, the same units as the core's Report.

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url']);
const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE',
  'PRE', 'TR', 'TABLE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'DD', 'DT']);

/** @typedef {HTMLTextAreaElement|HTMLInputElement|HTMLElement} Field */

/**
 * @param {unknown} node
 * @returns {node is Element}
 */
export function isElement(node) {
  return !!node && /** @type {Node} */ (node).nodeType === 1;
}

/**
 * @param {EventTarget|null|undefined} node
 * @returns {node is HTMLTextAreaElement|HTMLInputElement}
 */
export function isTextControl(node) {
  if (!isElement(node)) return false;
  if (node.localName === 'textarea') return true;
  return node.localName === 'input' && TEXT_INPUT_TYPES.has((node.getAttribute('type') ?? '').toLowerCase());
}

/**
 * The compose field that contains node: a textarea, a text input, or the root of a contenteditable region.
 * Works inside open shadow roots and in any document (same-origin iframes included).
 * @param {EventTarget|null|undefined} node
 * @returns {Field|null}
 */
export function fieldFrom(node) {
  // nodeType, not instanceof: nodes of same-origin iframes belong to another window's classes.
  const n = /** @type {Node} */ (node);
  if (!n || typeof n.nodeType !== 'number') return null;
  let el = isElement(n) ? n : n.parentElement;
  if (!el) return null;
  if (isOurs(el)) return null;
  if (isTextControl(el)) {
    const control = /** @type {HTMLTextAreaElement|HTMLInputElement} */ (el);
    return control.readOnly || control.disabled ? null : control;
  }
  if (!(/** @type {HTMLElement} */ (el)).isContentEditable) return null;
  while (el.parentElement?.isContentEditable) el = el.parentElement;
  return /** @type {HTMLElement} */ (el);
}

/**
 * Whether an element belongs to PostGuard's own UI (the badge, card and overlay live in shadow roots).
 * @param {Element} el
 */
function isOurs(el) {
  for (let node = /** @type {Element|null} */ (el); node; ) {
    if (node.closest('[data-postguard]')) return true;
    const root = node.getRootNode();
    node = 'host' in root ? /** @type {ShadowRoot} */ (root).host : null;
  }
  return false;
}

/**
 * The field an event happened in, looking through open shadow roots.
 * @param {Event} event
 */
export function fieldOfEvent(event) {
  const path = event.composedPath();
  return fieldFrom(path.length ? path[0] : event.target);
}

/**
 * @typedef {{node: Text, start: number}} Segment
 * @typedef {{text: string, segments: Segment[]}} TextModel
 */

/**
 * The text of a field. For contenteditable roots, text nodes in order with one "\n" between blocks
 * and for <br>, never leading or trailing.
 * @param {Field} field
 * @returns {TextModel}
 */
export function readModel(field) {
  if (isTextControl(field)) return { text: /** @type {HTMLTextAreaElement} */ (field).value, segments: [] };
  let text = '';
  /** @type {Segment[]} */
  const segments = [];
  let pendingBreak = false;
  /** @param {Node} parent */
  const walk = (parent) => {
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.TEXT_NODE) {
        const data = /** @type {Text} */ (c).data;
        if (!data) continue;
        if (pendingBreak && text) text += '\n';
        pendingBreak = false;
        segments.push({ node: /** @type {Text} */ (c), start: text.length });
        text += data;
      } else if (isElement(c)) {
        if (c.localName === 'br') { pendingBreak = true; continue; }
        if (c.localName === 'style' || c.localName === 'script' || c.hasAttribute('data-postguard')) continue;
        if (c.hasAttribute('data-slate-placeholder')) continue; // Slate draws its placeholder inside the field
        const block = BLOCK_TAGS.has(c.tagName);
        if (block) pendingBreak = true;
        walk(c);
        if (block) pendingBreak = true;
      }
    }
  };
  walk(field);
  return { text, segments };
}

/**
 * @param {Field} field
 * @returns {string}
 */
export function readText(field) {
  return readModel(field).text;
}

/**
 * A DOM position for a text offset in a contenteditable model.
 * @param {TextModel} model
 * @param {number} offset
 * @param {boolean} preferNext  at a boundary between two text nodes, take the later one
 * @returns {{node: Text, offset: number}|null}
 */
function position(model, offset, preferNext) {
  const segs = model.segments;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const end = s.start + s.node.data.length;
    if (offset < s.start) return { node: s.node, offset: 0 };
    if (offset < end || (offset === end && !(preferNext && segs[i + 1]?.start === end))) {
      return { node: s.node, offset: offset - s.start };
    }
  }
  const last = segs[segs.length - 1];
  return last ? { node: last.node, offset: last.node.data.length } : null;
}

/**
 * A DOM Range covering [start, end) of a contenteditable field's text.
 * @param {TextModel} model
 * @param {number} start
 * @param {number} end
 * @returns {Range|null}
 */
export function rangeOf(model, start, end) {
  const a = position(model, start, true);
  const b = position(model, end, false);
  if (!a || !b) return null;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/**
 * Select [start, end) of a field's current text, the way a user would.
 * @param {Field} field
 * @param {number} start
 * @param {number} end
 * @returns {boolean} whether a selection could be made
 */
export function selectRange(field, start, end) {
  field.focus({ preventScroll: true });
  if (isTextControl(field)) {
    /** @type {HTMLTextAreaElement} */ (field).setSelectionRange(start, end);
    return true;
  }
  const range = rangeOf(readModel(field), start, end);
  const sel = field.ownerDocument.getSelection();
  if (!range || !sel) return false;
  sel.removeAllRanges();
  sel.addRange(range);
  return true;
}

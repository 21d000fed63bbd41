// @ts-check
// The small card that explains a flagged word when the pointer rests on it or the caret enters it.
// Announced politely to screen readers; the editor's own DOM is never touched.

import { t } from './i18n.js';
import { isTextControl, readModel } from './fields.js';

const STYLE = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483646; max-width: 320px; box-sizing: border-box; padding: 8px 10px;
  background: #fff; color: #1b1f24; border: 1px solid #d0d7de; border-left: 4px solid #c62828; border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); font: 13px/1.4 system-ui, sans-serif; pointer-events: none; }
.card.low { border-left-color: #1f6fb2; } .card.medium { border-left-color: #b35c00; }
.card[hidden] { display: none; }
p { margin: 0; } .suggestion { margin-top: 4px; color: #2d6a2d; }
`;

export class Card {
  /** @param {Document} doc */
  constructor(doc) {
    this.doc = doc;
    this.host = doc.createElement('div');
    this.host.setAttribute('data-postguard', 'card');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.box = doc.createElement('div');
    this.box.className = 'card';
    this.box.setAttribute('role', 'status');
    this.box.setAttribute('aria-live', 'polite');
    this.box.hidden = true;
    root.append(style, this.box);
    /** @type {import('./checker.js').Finding|null} */
    this.finding = null;
  }

  /**
   * @param {import('./checker.js').Finding} finding
   * @param {number} x
   * @param {number} y  the card's top edge
   */
  show(finding, x, y) {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    if (this.finding !== finding) {
      this.finding = finding;
      this.box.className = `card ${finding.severity}`;
      this.box.setAttribute('data-kind', finding.kind);
      const message = this.doc.createElement('p');
      message.textContent = finding.message;
      this.box.replaceChildren(message);
      if (finding.suggestion) {
        const suggestion = this.doc.createElement('p');
        suggestion.className = 'suggestion';
        suggestion.textContent = t('overlaySuggestion', finding.suggestion);
        this.box.append(suggestion);
      }
    }
    const width = this.doc.documentElement.clientWidth;
    this.box.style.left = `${Math.max(4, Math.min(x, width - 330))}px`;
    this.box.style.top = `${Math.max(4, y)}px`;
    this.box.hidden = false;
  }

  hide() {
    this.box.hidden = true;
    this.finding = null;
  }
}

/**
 * The text offset under a point in a contenteditable field, or -1.
 * @param {import('./fields.js').Field} field
 * @param {number} x
 * @param {number} y
 */
export function offsetAtPoint(field, x, y) {
  if (isTextControl(field)) return -1;
  const doc = /** @type {any} */ (field.ownerDocument);
  /** @type {{node: Node, offset: number}|null} */
  let hit = null;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    if (p) hit = { node: p.offsetNode, offset: p.offset };
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    if (r) hit = { node: r.startContainer, offset: r.startOffset };
  }
  return hit ? offsetOf(field, hit.node, hit.offset) : -1;
}

/**
 * The text offset of a DOM position in a field, or -1.
 * @param {import('./fields.js').Field} field
 * @param {Node} node
 * @param {number} offset
 */
export function offsetOf(field, node, offset) {
  const seg = readModel(field).segments.find((s) => s.node === node);
  return seg ? seg.start + offset : -1;
}

/**
 * The finding at a text offset (the caret just after a word still counts as on it).
 * @param {import('./checker.js').Report} report
 * @param {number} offset
 */
export function findingAt(report, offset) {
  if (offset < 0) return null;
  return report.findings.find((f) => f.start <= offset && offset <= f.end) ?? null;
}

// @ts-check
// Underlines for flagged words in textareas and text inputs, which have no DOM ranges for the CSS Custom
// Highlight API: a click-through layer over the field that copies its text layout, with transparent text
// and underlined marks. The field itself is never touched.

/** Computed styles that decide where text falls inside a text control. */
const LAYOUT = ['font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'font-variant', 'font-kerning',
  'letter-spacing', 'word-spacing', 'line-height', 'text-align', 'text-indent', 'text-transform', 'tab-size',
  'direction', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left'];

const STYLE = `
:host { all: initial; }
.layer { position: fixed; z-index: 2147483645; overflow: hidden; pointer-events: none; box-sizing: content-box; }
.text { color: transparent; overflow-wrap: break-word; }
mark { color: transparent; background: transparent; text-decoration: underline wavy #c62828; text-decoration-thickness: 2px;
  text-decoration-skip-ink: none; text-underline-offset: 2px; }
mark.medium { text-decoration-color: #b35c00; } mark.low { text-decoration-color: #1f6fb2; text-decoration-style: dotted; }
.layer[hidden] { display: none; }
`;

export class Marks {
  /** @param {Document} doc  the document that shows the layer */
  constructor(doc) {
    this.doc = doc;
    this.host = doc.createElement('div');
    this.host.setAttribute('data-postguard', 'marks');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.layer.hidden = true;
    this.text = doc.createElement('div');
    this.text.className = 'text';
    this.layer.append(this.text);
    root.append(style, this.layer);
    /** @type {HTMLTextAreaElement|HTMLInputElement|null} */
    this.field = null;
  }

  /**
   * @param {HTMLTextAreaElement|HTMLInputElement} field
   * @param {string} value  the field's value the report is for
   * @param {import('./checker.js').Report} report
   */
  show(field, value, report) {
    const findings = [...report.findings].sort((a, b) => a.start - b.start);
    if (!findings.length) { this.hide(); return; }
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.field = field;
    const parts = [];
    let at = 0;
    for (const f of findings) {
      if (f.start < at || f.end > value.length) continue;
      parts.push(this.doc.createTextNode(value.slice(at, f.start)));
      const mark = this.doc.createElement('mark');
      mark.className = f.severity;
      mark.textContent = value.slice(f.start, f.end);
      parts.push(mark);
      at = f.end;
    }
    parts.push(this.doc.createTextNode(`${value.slice(at)}\u200b`));
    this.text.replaceChildren(...parts);
    this.place();
  }

  /** Follow the field's box, scroll position and style. */
  place() {
    const field = this.field;
    if (!field || !field.isConnected) { this.hide(); return; }
    const view = field.ownerDocument.defaultView;
    if (!view) return;
    const cs = view.getComputedStyle(field);
    const r = field.getBoundingClientRect();
    let left = r.left + field.clientLeft;
    let top = r.top + field.clientTop;
    for (let win = /** @type {Window|null} */ (view); win && win.frameElement; win = win.frameElement.ownerDocument.defaultView) {
      const fr = win.frameElement.getBoundingClientRect();
      left += fr.left; top += fr.top;
    }
    const s = this.layer.style;
    for (const prop of LAYOUT) s.setProperty(prop, cs.getPropertyValue(prop));
    const padX = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    const padY = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom);
    s.left = `${left}px`;
    s.top = `${top}px`;
    s.width = `${Math.max(0, field.clientWidth - padX)}px`;
    s.height = `${Math.max(0, field.clientHeight - padY)}px`;
    const single = field.localName === 'input';
    this.text.style.whiteSpace = single ? 'pre' : 'pre-wrap';
    if (single) s.lineHeight = s.height; // inputs centre their one line
    this.text.style.transform = `translate(${-field.scrollLeft}px, ${-field.scrollTop}px)`;
    this.layer.hidden = false;
  }

  hide() {
    this.layer.hidden = true;
    this.field = null;
  }
}

// @ts-check
// PostGuard's only classic content script. It registers capture-phase listeners at document_start,
// before the page's own scripts, then loads the ES modules (content/main.js) and hands events to them.
// Everything runs in the extension's isolated world: nothing is added to the page's JavaScript.
(() => {
  /** @type {((e: Event) => void) | null} */
  let handler = null;
  const types = ['keydown', 'keyup', 'click', 'submit', 'focusin', 'focusout', 'beforeinput', 'input',
    'compositionstart', 'compositionend', 'scroll', 'resize', 'mousemove', 'selectionchange', 'change', 'paste', 'drop'];
  for (const type of types) {
    window.addEventListener(type, (e) => { if (handler) handler(e); }, { capture: true, passive: false });
  }
  import(chrome.runtime.getURL('content/main.js'))
    .then((main) => main.start((/** @type {(e: Event) => void} */ h) => { handler = h; }))
    .catch(() => { /* PostGuard stays out of the way if it cannot load */ });
})();

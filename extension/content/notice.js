// @ts-check
// A short, non-blocking notice (role="status") in the page's corner, e.g. "this post went out unchecked".
// Its own open shadow root on a host element with data-postguard="notice"; it goes away by itself.

const STYLE = `
:host { all: initial; }
.notice { position: fixed; z-index: 2147483646; right: 16px; bottom: 16px; max-width: 360px; padding: 10px 12px;
  border-radius: 6px; background: #1b1f24; color: #fff; font: 13px/1.4 system-ui, sans-serif;
  box-shadow: 0 2px 8px rgba(0,0,0,.35); }
button { margin-left: 8px; background: none; border: 0; color: #9cd; font: inherit; cursor: pointer; }
`;
const SHOWN_MS = 10000;

/**
 * Show `text` for a few seconds (replacing an earlier notice).
 * @param {Document} doc
 * @param {string} text
 * @param {string} closeLabel
 */
export function showNotice(doc, text, closeLabel) {
  doc.querySelector('[data-postguard="notice"]')?.remove();
  const host = doc.createElement('div');
  host.setAttribute('data-postguard', 'notice');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.textContent = text;
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', closeLabel);
  close.addEventListener('click', () => host.remove());
  box.append(close);
  root.append(style, box);
  doc.documentElement.append(host);
  setTimeout(() => host.remove(), SHOWN_MS);
}

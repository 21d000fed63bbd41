// @ts-check
// Submit triggers: which click is a post/reply/send, which field it sends, and sending a held submit
// again the way it started (button click, key, or form submit).

import { fieldFrom, isElement, isTextControl, readText } from './fields.js';
import { SUBMIT_WORDS } from './sites.js';
import { dispatchBeforeInput, editorOf } from './editors.js';

const BUTTON_SELECTOR = 'button, [role="button"], input[type="submit"], input[type="image"]';

/**
 * @typedef {import('./fields.js').Field} Field
 * @typedef {{type: 'key', target: Element, init: KeyboardEventInit}
 *   | {type: 'click', button: HTMLElement}
 *   | {type: 'form', form: HTMLFormElement, submitter: HTMLElement|null}} Trigger
 */

/**
 * The post/reply/send button a click landed on, if any: the site's own selectors, a submit button,
 * or a button labelled Post/Reply/Send/Publicar…
 * @param {MouseEvent} e
 * @param {import('./sites.js').SiteAdapter} site
 * @returns {HTMLElement|null}
 */
export function submitButton(e, site) {
  const path = e.composedPath();
  if (path.some((node) => isElement(node) && node.hasAttribute('data-postguard'))) return null; // our own UI
  for (const node of path) {
    if (!isElement(node)) continue;
    if (fieldFrom(node)) return null; // a click inside the editor itself
    if (!node.matches(BUTTON_SELECTOR)) continue;
    const button = /** @type {HTMLElement} */ (node);
    if (site.submit.some((s) => { try { return button.matches(s); } catch { return false; } })) return button;
    if (button.getAttribute('type') === 'submit' || (button.localName === 'input' && /^(submit|image)$/.test(button.getAttribute('type') ?? ''))) return button;
    const words = button.getAttribute('aria-label') || button.textContent || /** @type {HTMLInputElement} */ (button).value || '';
    if (SUBMIT_WORDS.test(words)) return button;
    return null; // the innermost button decides
  }
  return null;
}

/**
 * The field a submit button sends: one inside its form, else the field last edited.
 * @param {HTMLElement} button
 * @param {Field|null} last
 * @returns {Field|null}
 */
export function fieldForButton(button, last) {
  const form = /** @type {HTMLButtonElement} */ (button).form ?? button.closest('form');
  if (form) {
    const inForm = fieldInForm(form, last);
    if (inForm) return inForm;
  }
  return last && last.isConnected && readText(last).trim() ? last : null;
}

/**
 * The field a form sends: the one last edited if it is in the form, else the form's longest text.
 * @param {HTMLFormElement} form
 * @param {Field|null} last
 * @returns {Field|null}
 */
export function fieldInForm(form, last) {
  if (last && last.isConnected && form.contains(last)) return last;
  /** @type {Field|null} */
  let best = null;
  let longest = 0;
  for (const el of form.querySelectorAll('textarea, input, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]')) {
    const field = fieldFrom(el);
    const length = field ? readText(field).trim().length : 0;
    if (field && length > longest) { best = field; longest = length; }
  }
  return best;
}

/**
 * Send a held submit again, the way it started. The caller makes sure its own listeners let it pass.
 * @param {Field} field
 * @param {Trigger} trigger
 */
export function resend(field, trigger) {
  if (trigger.type === 'click') {
    trigger.button.click();
  } else if (trigger.type === 'form') {
    try {
      trigger.form.requestSubmit(/** @type {HTMLButtonElement|null} */ (trigger.submitter) ?? undefined);
    } catch {
      trigger.form.requestSubmit();
    }
  } else {
    const target = trigger.target.isConnected ? trigger.target : field;
    const view = target.ownerDocument.defaultView ?? window;
    const down = target.dispatchEvent(new view.KeyboardEvent('keydown', trigger.init));
    const press = down && target.dispatchEvent(new view.KeyboardEvent('keypress', { ...trigger.init, charCode: 13 }));
    target.dispatchEvent(new view.KeyboardEvent('keyup', trigger.init));
    if (press) defaultEnter(field, trigger.init);
  }
}

/**
 * What the browser would have done with an Enter the page did not handle (synthetic key events have no
 * default action): submit a single-line input's form, or start a new line. In a contenteditable the new
 * line goes through the editor's own input path first (the `beforeinput` insertParagraph a real Enter
 * sends: Slate, CKEditor 5 and Lexical take it there), then execCommand where the editor follows it; in
 * an editor that does not, changing the DOM alone would split the screen from the draft, so nothing is done.
 * @param {Field} field
 * @param {KeyboardEventInit} init
 */
function defaultEnter(field, init) {
  if (field.localName === 'input') {
    /** @type {HTMLInputElement} */ (field).form?.requestSubmit();
  } else if (!init.ctrlKey && !init.metaKey) {
    if (isTextControl(field)) {
      field.ownerDocument.execCommand('insertText', false, '\n');
      return;
    }
    if (dispatchBeforeInput(field, 'insertParagraph')) return;
    if (editorOf(field).takesInput) field.ownerDocument.execCommand('insertParagraph');
  }
}

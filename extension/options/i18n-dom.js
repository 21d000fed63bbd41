// @ts-check
// Fill elements marked data-i18n="key" of the extension's own pages from _locales.

/** @param {Document} doc */
export function fillI18n(doc) {
  doc.documentElement.lang = chrome.i18n.getUILanguage();
  for (const el of doc.querySelectorAll('[data-i18n]')) {
    const text = chrome.i18n.getMessage(el.getAttribute('data-i18n') ?? '');
    if (text) el.textContent = text;
  }
}

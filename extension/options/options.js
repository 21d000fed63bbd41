// @ts-check
// Options: the user's own mode (warn or block). IT's managed policy wins and can lock it.

import { fillI18n } from './i18n-dom.js';

async function main() {
  fillI18n(document);
  /** @type {Record<string, any>} */
  let managed = {};
  try { managed = await chrome.storage.managed.get(null); } catch { managed = {}; }
  const { mode = 'warn' } = await chrome.storage.sync.get('mode');
  const lockedKeys = Array.isArray(managed.locked) ? managed.locked : [];
  const locked = lockedKeys.includes('mode') || managed.mode === 'block';
  /** @type {HTMLElement} */ (document.getElementById('managed')).hidden = Object.keys(managed).length === 0;
  const effective = locked ? (managed.mode ?? 'warn') : mode;
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name="mode"]'))) {
    input.checked = input.value === effective;
    input.disabled = locked;
    input.addEventListener('change', async () => {
      await chrome.storage.sync.set({ mode: input.value });
      /** @type {HTMLElement} */ (document.getElementById('status')).textContent = chrome.i18n.getMessage('optionsSaved');
    });
  }
}
main();

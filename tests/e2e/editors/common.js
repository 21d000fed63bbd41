// Shared by the editor fixtures: list a submission (the editor's own state, not its DOM), log keydowns, and the
// `?synthetic=` switches of editor-model.test.mjs.

/** @param {string} text */
export function record(text) {
  const trimmed = text.replace(/\s+$/u, '');
  if (!trimmed.trim()) return false;
  const li = document.createElement('li');
  li.textContent = trimmed;
  document.getElementById('submissions')?.append(li);
  return true;
}

document.addEventListener('keydown', (e) => {
  const log = document.getElementById('keys');
  if (log) log.textContent += `${e.key}/${e.keyCode}/${e.isComposing};`;
}, true);

/** @param {() => void} submit */
export function onPostButton(submit) {
  document.getElementById('post')?.addEventListener('click', submit);
}

// `?synthetic=ignore`: synthetic `beforeinput` events (not the user's own) never reach the editor, as with
// an editor that takes only trusted input. `?synthetic=cancel`: they are cancelled and dropped, as if
// something handled them, and the editor never draws them. Capture on the document runs before the editor's
// own listeners on its element.
const synthetic = new URLSearchParams(location.search).get('synthetic');
if (synthetic === 'ignore' || synthetic === 'cancel') {
  document.addEventListener('beforeinput', (e) => {
    if (e.isTrusted) return;
    if (synthetic === 'cancel') e.preventDefault();
    e.stopImmediatePropagation();
  }, true);
}

// Shared by the editor fixtures: list a submission (the editor's own state, not its DOM) and log keydowns.

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

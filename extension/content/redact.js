// @ts-check
// Apply replacements through the editor's own input path, and count them done only when the editor's state
// holds them. Back to front, so earlier offsets hold. For each change: select the range the way a user
// would, yield a task (editors pick the selection up on `selectionchange`), then
//  1. dispatch a cancelable `beforeinput` (insertText, the replacement, the target range): what the browser
//     sends when the user types over a selection. Slate, CKEditor 5, Lexical and Quill take it and cancel it.
//     A synthetic event has no default action, so whatever the DOM shows afterwards the page's editor drew;
//  2. if nothing took it, `execCommand('insertText')` (fires `input`, no `beforeinput`), but only in fields
//     whose state follows such a DOM change: text controls, plain contenteditables, ProseMirror, Draft.js,
//     Lexical, Quill (editors.js). In Slate or CKEditor it would change the screen and not the post;
//  3. wait until the editor has drawn the change and the text stays put for a few frames. Model-driven
//     editors render after their own event handling (React renders in a later task), and some put back a
//     DOM they did not make, so the first read is not enough.
// The result says which changes landed; the guard keeps the post held unless all did.

import { isTextControl, readText, selectRange } from './fields.js';
import { dispatchBeforeInput, editorOf } from './editors.js';

/** How long an editor may take to draw a change it took (a slow machine, a large React tree). */
const SETTLE_TIMEOUT_MS = 2000;
/** Frames the text must stay the same before it counts as the editor's own. */
const STABLE_FRAMES = 2;

/**
 * @typedef {import('./fields.js').Field} Field
 * @typedef {'done'|'refused'|'unconfirmed'} RedactStatus
 *   done: every change was taken by the editor and its text reads as expected after it re-rendered;
 *   refused: a change was not taken (nothing handled it, or the editor put its text back);
 *   unconfirmed: the editor took a change but its text did not settle on it in time
 * @typedef {{status: RedactStatus, applied: number}} RedactOutcome  applied: changes that landed, from the end
 */

/**
 * @param {Field} field
 * @param {import('./checker.js').Change[]} changes  offsets in the field's current text
 * @param {string} expected  the text once every change landed
 * @returns {Promise<RedactOutcome>}
 */
export async function applyChanges(field, changes, expected) {
  const editor = editorOf(field);
  let applied = 0;
  for (const change of [...changes].sort((a, b) => b.start - a.start)) {
    const before = readText(field);
    const want = before.slice(0, change.start) + change.replacement + before.slice(change.end);
    if (!selectRange(field, change.start, change.end)) return { status: 'refused', applied };
    await pause(50);
    const taken = insert(field, change, editor.takesInput);
    if (!taken) return { status: 'refused', applied };
    const read = await settle(field, want);
    if (read === 'unsettled') return { status: 'unconfirmed', applied };
    if (read === 'other') return { status: 'refused', applied };
    applied += 1;
  }
  // The whole text once more, after the editor had its last chance to re-render.
  const final = await settle(field, expected);
  if (final === 'same') return { status: 'done', applied };
  return { status: final === 'unsettled' ? 'unconfirmed' : 'refused', applied };
}

/**
 * Put one replacement in through the editor's own input path.
 * @param {Field} field
 * @param {import('./checker.js').Change} change
 * @param {boolean} takesInput  the field's state follows a DOM change made by execCommand
 * @returns {boolean} whether something took the change (not yet whether it shows)
 */
function insert(field, change, takesInput) {
  const doc = field.ownerDocument;
  if (isTextControl(field)) return insertInTextControl(field, change);
  const before = readText(field);
  if (dispatchBeforeInput(field, 'insertText', change.replacement)) return true;
  if (readText(field) !== before) return true; // the editor took it without cancelling the event
  if (!takesInput) return false;
  try {
    return doc.execCommand('insertText', false, change.replacement);
  } catch {
    return false;
  }
}

/**
 * Text controls are the browser's own state: execCommand edits them with an `input` event and an undo
 * step, the way typing does.
 * @param {HTMLTextAreaElement|HTMLInputElement} control
 * @param {import('./checker.js').Change} change
 */
function insertInTextControl(control, change) {
  let done = false;
  try {
    done = control.ownerDocument.execCommand('insertText', false, change.replacement);
  } catch { /* fall through */ }
  if (!done) {
    // Last resort: native setter plus an input event, as frameworks expect.
    control.setRangeText(change.replacement, change.start, change.end, 'end');
    control.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return true;
}

/**
 * Wait until the field reads `want` and has stayed so for STABLE_FRAMES frames.
 * @param {Field} field
 * @param {string} want
 * @returns {Promise<'same'|'other'|'unsettled'>}  at the deadline, 'other' if the text had settled on
 *   something else, 'unsettled' if it was still changing
 */
async function settle(field, want) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  const target = normalize(want);
  let last = normalize(readText(field));
  let stable = 0;
  while (Date.now() < deadline) {
    await frame();
    const now = normalize(readText(field));
    stable = now === last ? stable + 1 : 0;
    last = now;
    if (now === target && stable >= STABLE_FRAMES) return 'same';
  }
  return stable >= STABLE_FRAMES ? 'other' : 'unsettled';
}

/**
 * The field's text once it has stayed the same for STABLE_FRAMES frames; null if it kept changing until
 * the deadline.
 * @param {Field} field
 * @returns {Promise<string|null>}
 */
export async function settledText(field) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let last = readText(field);
  let stable = 0;
  while (Date.now() < deadline) {
    await frame();
    const now = readText(field);
    stable = now === last ? stable + 1 : 0;
    last = now;
    if (stable >= STABLE_FRAMES) return now;
  }
  return null;
}

/** One rendering frame and the task after it. A hidden tab gets no frames; the timer keeps the wait bounded. */
function frame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(undefined); }, 0));
  });
}

/** @param {number} ms */
function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Spacing the editors draw differently from their state: no-break spaces for spaces, zero-width fillers
 * (Slate's U+FEFF, CKEditor's U+2060), trailing white space.
 * @param {string} s
 */
export function normalize(s) {
  return s.replace(/[\ufeff\u2060]/gu, '').replace(/\u00a0/g, ' ').replace(/\s+$/u, '');
}

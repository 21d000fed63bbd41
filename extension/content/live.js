// @ts-check
// What the live check looks at while the user types. A long draft (a pasted document) is rechecked only
// around the caret so every pause stays a few milliseconds; the submit check always sees the whole text.

/** UTF-16 units the live check looks at, at most (SECURITY.md, Limits). */
export const LIVE_LIMIT = 20000;

/** How far the window's edges may move to land between words. */
const SNAP = 200;

/** @param {number} unit */
const isLowSurrogate = (unit) => unit >= 0xdc00 && unit <= 0xdfff;
/** @param {number} unit */
const isHighSurrogate = (unit) => unit >= 0xd800 && unit <= 0xdbff;

/**
 * The part of `text` the live check looks at: all of it when short, otherwise `limit` units centred on
 * the caret (moved inward to whitespace so no word is cut, and never between the halves of an emoji).
 * @param {string} text
 * @param {number} caret  UTF-16 offset of the caret; negative when unknown (the end is assumed)
 * @param {number} [limit]
 * @returns {{start: number, end: number}}
 */
export function liveWindow(text, caret, limit = LIVE_LIMIT) {
  const length = text.length;
  if (length <= limit) return { start: 0, end: length };
  const at = caret < 0 || caret > length ? length : caret;
  let start = Math.min(Math.max(0, at - Math.floor(limit / 2)), length - limit);
  let end = start + limit;
  if (start > 0) {
    const space = text.slice(start, start + SNAP).search(/\s/);
    if (space >= 0) start += space + 1;
    else if (isLowSurrogate(text.charCodeAt(start))) start += 1;
  }
  if (end < length) {
    const space = text.slice(end - SNAP, end).search(/\s\S*$/);
    if (space >= 0) end = end - SNAP + space;
    else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  }
  return { start, end };
}

/**
 * A report on `text.slice(start)` moved to offsets in the whole text.
 * @template {{findings: {start: number, end: number}[]}} R
 * @param {R} report
 * @param {number} start
 * @returns {R}
 */
export function shiftReport(report, start) {
  if (!start) return report;
  return { ...report, findings: report.findings.map((f) => ({ ...f, start: f.start + start, end: f.end + start })) };
}

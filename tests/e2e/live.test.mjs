// Unit tests of what the live check looks at in a long draft (extension/content/live.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIVE_LIMIT, liveWindow, shiftReport } from '../../extension/content/live.js';

test('a draft up to the limit is checked whole, wherever the caret is', () => {
  const text = 'a'.repeat(LIVE_LIMIT);
  for (const caret of [-1, 0, 5000, LIVE_LIMIT]) assert.deepEqual(liveWindow(text, caret), { start: 0, end: LIVE_LIMIT });
});

test('a long draft: at most the limit, around the caret, the end when the caret is unknown', () => {
  const text = 'word '.repeat(20000); // 100,000 units
  for (const caret of [-1, 0, 1, 30000, 50000, 99999, 100000, 200000]) {
    const { start, end } = liveWindow(text, caret);
    assert.ok(end - start <= LIVE_LIMIT && end - start > LIVE_LIMIT - 400, `caret ${caret}: ${start}..${end}`);
    const at = caret < 0 || caret > text.length ? text.length : caret;
    assert.ok(start <= at && at <= end, `caret ${caret} inside ${start}..${end}`);
  }
  assert.equal(liveWindow(text, -1).end, text.length);
  assert.equal(liveWindow(text, 0).start, 0);
});

test('the window never cuts a word nor an emoji in half', () => {
  const text = 'nurse '.repeat(5000) + '😀'.repeat(20000) + ' tail';
  for (const caret of [0, 15000, 30000, 45000, 60000, text.length]) {
    const { start, end } = liveWindow(text, caret);
    assert.ok(start === 0 || /\s/.test(text[start - 1]) || !/[\uDC00-\uDFFF]/.test(text[start]), `start ${start}`);
    assert.ok(end === text.length || /\s/.test(text[end]) || !/[\uD800-\uDBFF]/.test(text[end - 1]), `end ${end}`);
    const inside = text.slice(start, end);
    assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(inside), 'no lone surrogate at the edges');
    assert.ok(start === 0 || !/^urse|^rse|^se|^e /.test(inside), 'no word cut at the start');
  }
});

test('findings of the window move to offsets in the whole draft', () => {
  const report = { verdict: 'warn', findings: [{ kind: 'k', start: 3, end: 7 }, { kind: 'k', start: 10, end: 12 }] };
  assert.deepEqual(shiftReport(report, 100).findings.map((f) => [f.start, f.end]), [[103, 107], [110, 112]]);
  assert.equal(shiftReport(report, 0), report);
  assert.deepEqual(report.findings[0], { kind: 'k', start: 3, end: 7 }, 'the report itself is not changed (it is cached)');
});

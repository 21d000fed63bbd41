// content/checker.js without a browser: the background-worker checker with a stand-in for
// chrome.runtime.sendMessage. A worker that never answers (Chromium's behaviour for a service worker that
// failed to start) makes requests fail once its start-up deadline has passed, and at once after that; a
// worker that refuses outright fails at once; a worker that was only slow is used as soon as it answers;
// the checker for a core that could not load fails every call at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unavailableChecker, workerChecker } from '../../extension/content/checker.js';

const REPORT = { verdict: 'ok', findings: [] };

/**
 * A stand-in worker: answers each message with `answer(message)` (a promise that may never settle), and
 * records the kinds it was sent.
 * @param {(message: any) => Promise<any>} answer
 */
function worker(answer) {
  /** @type {string[]} */
  const sent = [];
  return { sent, send: (/** @type {any} */ message) => { sent.push(message.kind); return answer(message); } };
}

const never = () => new Promise(() => {});
const healthy = (/** @type {any} */ message) => Promise.resolve({ ok: true, value: message.kind === 'check' ? REPORT : true });

/**
 * Whether `promise` settles before the tasks already queued have run: "at once", without a timer.
 * @param {Promise<unknown>} promise
 */
async function settlesAtOnce(promise) {
  const outcome = promise.then(() => 'settled', () => 'settled');
  const later = new Promise((resolve) => setImmediate(() => resolve('pending')));
  return (await Promise.race([outcome, later])) === 'settled';
}

test('a worker that never answers: requests fail after the start-up deadline, then at once', async () => {
  const stub = worker(never);
  const checker = workerChecker({ send: stub.send, startMs: 50 });
  const started = Date.now();
  await assert.rejects(checker.check('draft', {}), /did not start/);
  assert.ok(Date.now() - started >= 40, 'the first request waited for the deadline');
  const next = checker.check('draft', {});
  assert.equal(await settlesAtOnce(next), true, 'known down: the next request fails without waiting');
  await assert.rejects(next, /did not start/);
  await assert.rejects(checker.configure({}), /did not start/);
  assert.ok(!stub.sent.includes('check') && !stub.sent.includes('configure'), `only pings were sent: ${stub.sent}`);
});

test('a worker that refuses outright fails at once, without waiting for the deadline', async () => {
  const stub = worker(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
  const checker = workerChecker({ send: stub.send, startMs: 60000 });
  const started = Date.now();
  await assert.rejects(checker.check('draft', {}), /did not start/);
  assert.ok(Date.now() - started < 30000, 'did not wait for the start-up deadline');
});

test('a worker that was only slow is used as soon as it answers', async () => {
  let up = false;
  const stub = worker((message) => (up ? healthy(message) : never()));
  const checker = workerChecker({ send: stub.send, startMs: 30 });
  await assert.rejects(checker.check('draft', {}), /did not start/);
  up = true;
  // Each failed request pings again in the background. The ping sent by the first failure went out while the
  // worker was still silent, so it is answered only by its own deadline; wait (by the clock, not by a count of
  // attempts, which a fast machine runs through before that deadline) for a request that gets through.
  let report = null;
  const until = Date.now() + 5000;
  while (!report && Date.now() < until) {
    report = await checker.check('draft', {}).catch(() => new Promise((resolve) => setImmediate(() => resolve(null))));
  }
  assert.deepEqual(report, REPORT);
});

test('a healthy worker answers checks, and its first request waits only for its ping', async () => {
  const stub = worker(healthy);
  const checker = workerChecker({ send: stub.send, startMs: 60000 });
  assert.equal(checker.mode, 'worker');
  assert.deepEqual(await checker.check('draft', { context: 'post' }), REPORT);
  assert.deepEqual(stub.sent, ['ping', 'check']);
});

test('a core that could not load: every call fails at once', async () => {
  const checker = unavailableChecker();
  assert.equal(checker.mode, 'unavailable');
  assert.equal(checker.checkNow, null);
  for (const call of [checker.check('draft', {}), checker.redact('draft', {}), checker.configure({})]) {
    assert.equal(await settlesAtOnce(call), true);
    await assert.rejects(call);
  }
});

// @ts-check
// The checker: the wasm core compiled in the content script where the page's CSP allows WebAssembly,
// otherwise the same core in the background service worker, asked by message. Same API either way.
// When neither can run, a checker whose every call fails at once: the badge then says so and a submit is
// decided without waiting (warn mode posts with a notice, block mode holds).

/**
 * @typedef {{kind: string, severity: 'low'|'medium'|'high', start: number, end: number, text: string,
 *   identifier?: string, message: string, suggestion?: string}} Finding
 * @typedef {{verdict: 'ok'|'advise'|'warn'|'block', findings: Finding[], care_context?: boolean}} Report
 *   `care_context`: the draft reads as written at work in health care (the core always says; absent only in a
 *   report made up here, e.g. for a failed check, and then unknown)
 * @typedef {{start: number, end: number, replacement: string}} Change
 * @typedef {{text: string, changes: Change[]}} Redaction
 * @typedef {{context?: string, site?: string}} CheckOptions
 * @typedef {object} Checker
 * @property {'local'|'worker'|'unavailable'} mode
 * @property {((text: string, options: CheckOptions) => Report)|null} checkNow  synchronous check (local mode only)
 * @property {(text: string, options: CheckOptions) => Promise<Report>} check
 * @property {(text: string, options: CheckOptions) => Promise<Redaction>} redact
 * @property {(policy: object) => Promise<string[]>} configure
 */

/**
 * Changes that apply every suggestion of a report, for cores without `redact`.
 * Overlapping findings keep the first one.
 * @param {string} text
 * @param {Report} report
 * @returns {Redaction}
 */
export function redactionFromReport(text, report) {
  /** @type {Change[]} */
  const changes = [];
  let last = -1;
  for (const f of [...report.findings].sort((a, b) => a.start - b.start)) {
    if (f.suggestion == null || f.start < last) continue;
    changes.push({ start: f.start, end: f.end, replacement: f.suggestion });
    last = f.end;
  }
  let out = text;
  for (const c of [...changes].reverse()) out = out.slice(0, c.start) + c.replacement + out.slice(c.end);
  return { text: out, changes };
}

/**
 * @param {any} value
 * @returns {Report}
 */
function asReport(value) {
  if (!value || typeof value !== 'object' || !Array.isArray(value.findings) || typeof value.verdict !== 'string') {
    throw new Error('the core returned no report');
  }
  return value;
}

/**
 * How long the background worker may take to answer its first message before it counts as unable to start.
 * Chromium neither answers nor rejects a message to a service worker that failed to start (its script threw,
 * or a module it imports is missing): without a deadline every check would wait for ever and every held
 * submit for its whole timeout. A worker that answers later is used from then on.
 */
export const WORKER_START_MS = 3000;

/**
 * Load the core here; fall back to the service worker if the page's CSP refuses WebAssembly.
 * @returns {Promise<Checker>}
 */
export async function createChecker() {
  /** @type {any} */
  let core;
  try {
    core = await import(chrome.runtime.getURL('pkg/postguard.js'));
  } catch {
    // The core's module is missing or broken. The page's CSP does not apply to this import (only to compiling
    // the wasm), and the worker imports the very same file, so it cannot start either: say so now.
    return unavailableChecker();
  }
  try {
    await core.default({ module_or_path: chrome.runtime.getURL('pkg/postguard_bg.wasm') });
    /** @type {(text: string, options: CheckOptions) => Report} */
    const checkNow = (text, options) => asReport(core.check(text, options));
    return {
      mode: 'local',
      checkNow,
      check: async (text, options) => checkNow(text, options),
      redact: async (text, options) => (typeof core.redact === 'function'
        ? core.redact(text, options)
        : redactionFromReport(text, checkNow(text, options))),
      configure: async (policy) => Array.from(core.configure(policy) ?? []),
    };
  } catch {
    return workerChecker();
  }
}

/**
 * The checker when the core can run nowhere: every call fails at once.
 * @returns {Checker}
 */
export function unavailableChecker() {
  const fail = async () => { throw new Error('the core could not be loaded'); };
  return { mode: 'unavailable', checkNow: null, check: fail, redact: fail, configure: fail };
}

/**
 * @param {(message: object) => Promise<any>} send
 * @param {object} message
 * @returns {Promise<any>}
 */
async function ask(send, message) {
  /** @type {any} */
  let reply;
  try {
    reply = await send(message);
  } catch {
    // The worker may be restarting (it was stopped while idle or mid-typing): ask once more.
    reply = await send(message);
  }
  if (!reply || !reply.ok) throw new Error(reply?.error ?? 'no reply from the background worker');
  return reply.value;
}

/**
 * The core in the background service worker. The policy travels with each check, so the worker always
 * answers under the same policy as this page (it configures itself only when the policy changes).
 *
 * The worker is pinged at once; until it answers, requests wait for that answer, for at most `startMs`. A
 * worker that has not answered by then counts as down: requests fail at once (the badge says checks are
 * unavailable, a held submit is decided without waiting) and each one pings it again in the background, so
 * a worker that was only slow to start is used as soon as it answers.
 * @param {{send?: (message: object) => Promise<any>, startMs?: number}} [how]  how to reach the worker
 *   (chrome.runtime.sendMessage; unit tests pass their own) and how long it may take to start
 * @returns {Checker}
 */
export function workerChecker({ send = (message) => chrome.runtime.sendMessage(message), startMs = WORKER_START_MS } = {}) {
  let policy = '{}';
  let down = false;
  /** @type {Promise<void>|null} the ping in flight */
  let pinging = null;
  const ping = () => {
    pinging ??= /** @type {Promise<void>} */ (new Promise((resolve) => {
      const timer = setTimeout(() => { down = true; resolve(); }, startMs);
      const answered = (/** @type {boolean} */ ok) => { clearTimeout(timer); down = !ok; resolve(); };
      ask(send, { kind: 'ping' }).then(() => answered(true), () => answered(false));
    })).finally(() => { pinging = null; });
    return pinging;
  };
  let starting = ping();
  /** @param {object} message */
  const request = async (message) => {
    if (!down) await starting;
    if (down) {
      starting = ping();
      throw new Error('the background worker did not start');
    }
    return ask(send, message);
  };
  return {
    mode: 'worker',
    checkNow: null,
    check: async (text, options) => asReport(await request({ kind: 'check', text, options, policy })),
    redact: async (text, options) => request({ kind: 'redact', text, options, policy }),
    configure: async (value) => {
      policy = JSON.stringify(value ?? {});
      return request({ kind: 'configure', policy });
    },
  };
}

/** Keep the service worker awake while a field is focused (fallback mode only). */
export function keepAlive() {
  chrome.runtime.sendMessage({ kind: 'ping' }).catch(() => {});
}

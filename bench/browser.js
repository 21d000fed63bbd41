// @ts-check
// The wasm core measured in the page: load, first check, latency, large pastes, memory.
// Served by bench/run.mjs with /pkg/ (the built core) and /data/ (bench/data) beside this file.
import init, { check, configure } from './pkg/postguard.js';

/** @param {number[]} xs @param {number} p */
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Drafts then note paragraphs, repeated and joined by a blank line up to `bytes` of UTF-8 (benches/check.rs). */
function mixed(pieces, bytes) {
  const encoder = new TextEncoder();
  let out = '';
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const piece = (out ? '\n\n' : '') + pieces[i % pieces.length];
    out += piece;
    size += encoder.encode(piece).length;
  }
  // Cut back to `bytes` at a character boundary.
  const encoded = encoder.encode(out).slice(0, bytes);
  return new TextDecoder().decode(encoded).replace(/\uFFFD$/, '');
}

/** Times `fn` `n` times; returns microseconds per call. */
function timeEach(n, fn) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    times.push((performance.now() - t) * 1000);
  }
  return times;
}

function memory(wasm) {
  // @ts-ignore: gc exists with --js-flags=--expose-gc; performance.memory is Chromium's.
  if (globalThis.gc) globalThis.gc();
  // @ts-ignore
  return { jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null, wasm: wasm.memory.buffer.byteLength };
}

async function run() {
  const r = {};
  // Open the connection to the local server first, so the timing below is the module's, not the socket's.
  await (await fetch('./data/policy.json', { cache: 'no-store' })).text();
  const t0 = performance.now();
  const bytes = await (await fetch('./pkg/postguard_bg.wasm', { cache: 'no-store' })).arrayBuffer();
  const t1 = performance.now();
  const module = await WebAssembly.compile(bytes);
  const t2 = performance.now();
  const wasm = await init({ module_or_path: module });
  const t3 = performance.now();
  Object.assign(r, { fetchMs: t1 - t0, compileMs: t2 - t1, instantiateMs: t3 - t2, loadMs: t3 - t0 });
  r.timerResolutionUs = crossOriginIsolated ? 5 : 100;

  const text = async (name) => (await fetch(`./data/${name}`)).text();
  const policy = await text('policy.json');
  const drafts = (await text('drafts.jsonl')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const notes = (await text('notes.txt')).split('\n\n').map((p) => p.trim()).filter(Boolean);
  const post280 = await text('post280.txt');
  const post2000 = await text('post2000.txt');

  const problems = configure(policy);
  if (problems.length) throw new Error(`bench policy: ${problems.join('; ')}`);
  const post = { context: 'post' };
  const tFirst = performance.now();
  const first = check(post280, post);
  r.firstCheckMs = performance.now() - tFirst;
  r.post280Verdict = first.verdict;

  // Warm up every path, then latency per draft (each of the 40 drafts 25 times: 1,000 checks).
  for (const d of drafts) check(d.text, { context: d.context });
  r.memoryBefore = memory(wasm);
  const draftTimes = timeEach(1000, (i) => {
    const d = drafts[i % drafts.length];
    check(d.text, { context: d.context });
  });
  r.memoryAfter1000 = memory(wasm);
  timeEach(1000, (i) => {
    const d = drafts[i % drafts.length];
    check(d.text, { context: d.context });
  });
  r.memoryAfter2000 = memory(wasm);
  r.draftsP50Us = percentile(draftTimes, 50);
  r.draftsP95Us = percentile(draftTimes, 95);

  const t280 = timeEach(500, () => check(post280, post));
  r.post280P50Us = percentile(t280, 50);
  r.post280P95Us = percentile(t280, 95);
  const t2000 = timeEach(100, () => check(post2000, post));
  r.post2000P50Us = percentile(t2000, 50);
  r.post2000P95Us = percentile(t2000, 95);

  const pieces = [...drafts.map((d) => d.text), ...notes];
  for (const [name, size, runs] of [['mixed100k', 100_000, 9], ['mixed1m', 1_000_000, 5]]) {
    const big = mixed(pieces, size);
    // Once untimed: the first check of a paste builds automaton states for text not seen before, and its
    // code may still run in V8's baseline tier; the ratio of the two sizes is about the steady cost.
    check(big, post);
    const times = timeEach(runs, () => check(big, post));
    r[`${name}Ms`] = percentile(times, 50) / 1000;
  }
  r.memoryAfterPastes = memory(wasm);
  return r;
}

// @ts-ignore
window.results = run().catch((e) => ({ error: String(e && e.stack ? e.stack : e) }));

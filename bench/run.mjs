// @ts-check
// Collects every benchmark figure into one table: criterion's native results (run first by
// `./build.sh bench`), the wasm core in headless Chromium, sizes, and optionally the Presidio comparison.
//
//   node bench/run.mjs [--pkg DIR] [--presidio FILE] [--out FILE]
//
// Writes the figures to target/bench/results.json (or --out) as well. `./build.sh test` runs it too
// (bench/harness.test.mjs), so the harness cannot rot between benchmark runs.
import { createServer } from 'node:http';
import { readFileSync, existsSync, mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, extname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { benchRows, missingFigures, renderTable } from './table.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const PKG = resolve(arg('--pkg') ?? join(ROOT, 'target/pkg'));
const PRESIDIO = arg('--presidio');
const OUT = resolve(arg('--out') ?? join(ROOT, 'target/bench/results.json'));

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves the page, bench/data and the built core on 127.0.0.1, a free port. */
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file;
    if (path === '/' || path === '/browser.html') file = join(BENCH, 'browser.html');
    else if (path === '/browser.js') file = join(BENCH, 'browser.js');
    else if (path.startsWith('/pkg/')) file = join(PKG, path.slice(5));
    else if (path.startsWith('/data/')) file = join(BENCH, 'data', path.slice(6));
    if (!file || file.includes('..') || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'text/plain; charset=utf-8',
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function browserBench() {
  const server = await serve();
  // @ts-ignore
  const { port } = server.address();
  const profile = mkdtempSync(join(tmpdir(), 'postguard-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info',
      '--js-flags=--expose-gc'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/browser.html`);
    const results = await page.evaluate(() => /** @type {any} */ (window).results, undefined, { timeout: 300_000 });
    if (results.error) throw new Error(results.error);
    return results;
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Criterion's median (ns) for `group/name`, or null when the native benches have not run. */
function criterion(id) {
  const file = join(ROOT, 'target/criterion', id, 'new/estimates.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).median.point_estimate;
}

function sizes() {
  const wasm = readFileSync(join(PKG, 'postguard_bg.wasm'));
  const zip = join(ROOT, 'dist/postguard-chrome.zip');
  return { wasmRaw: wasm.length, wasmGzip: gzipSync(wasm, { level: 9 }).length, zip: existsSync(zip) ? readFileSync(zip).length : null };
}

const native = {
  post280: criterion('check/post280'),
  post2000: criterion('check/post2000'),
  drafts40: criterion('check/drafts40'),
  mixed100k: criterion('paste/mixed100k'),
  mixed1m: criterion('paste/mixed1m'),
};
const web = await browserBench();
const missing = missingFigures(web);
if (missing.length) throw new Error(`the benchmark page did not measure ${missing.join(', ')}`);
const size = sizes();
const presidio = PRESIDIO && existsSync(PRESIDIO) ? JSON.parse(readFileSync(PRESIDIO, 'utf8')) : null;

console.log(renderTable(benchRows({ native, web, size, presidio })));
console.log(`\nwasm timer resolution ${web.timerResolutionUs} µs; post280 verdict ${web.post280Verdict}.`);

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify({ native, web, size, presidio }, null, 2) + '\n');

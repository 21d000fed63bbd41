// Shared pieces of the end-to-end tests: the extension under test, a local fixture server on a free
// 127.0.0.1 port, and headless Chromium with the extension loaded (TOOLCHAIN.md's launch args).

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const EXTENSION = path.resolve(process.env.POSTGUARD_EXTENSION ?? path.join(ROOT, 'dist/chrome-test'));
const DEFAULT_EXTENSION = EXTENSION;
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const BUILD_DIR = path.join(HERE, '.build');

/** Risky and clean drafts. The SSN finding is guaranteed by the core. */
export const RISKY = 'Patient SSN 219-09-9999 needs a callback';
export const SSN = '219-09-9999';
export const CLEAN = 'See everyone at the staff picnic on Saturday';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.map': 'application/json' };

/**
 * Serve tests/e2e/fixtures (and bundled editors from tests/e2e/.build) on 127.0.0.1, port 0.
 * Paths under /strict/ are the same files served with `Content-Security-Policy: script-src 'self'`,
 * which makes the content script fall back to the background worker.
 */
export async function startServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let p = decodeURIComponent(url.pathname);
    const strict = p.startsWith('/strict/');
    if (strict) p = p.slice('/strict'.length);
    const file = p.startsWith('/build/') ? path.join(BUILD_DIR, p.slice('/build/'.length)) : path.join(HERE, 'fixtures', p);
    const base = p.startsWith('/build/') ? BUILD_DIR : path.join(HERE, 'fixtures');
    if (!file.startsWith(base) || !existsSync(file)) { res.writeHead(404); res.end('not found'); return; }
    /** @type {Record<string, string>} */
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (strict) headers['content-security-policy'] = "script-src 'self'";
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    /** @param {string} p */
    url: (p) => `http://127.0.0.1:${port}${p.startsWith('/') ? p : `/${p}`}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * Serve tests/e2e/fixtures over HTTPS (a throw-away self-signed certificate) for the given host names:
 * with `args` (host mapping to 127.0.0.1) pages load as https://x.com:PORT/..., which exercises the real
 * site adapters without leaving this machine.
 * @param {string[]} hosts
 */
export async function startHttpsServer(hosts) {
  const dir = mkdtempSync(path.join(tmpdir(), 'postguard-tls-'));
  const gen = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=postguard-e2e',
    '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`openssl failed: ${gen.stderr}`);
  const tls = { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  const root = path.join(HERE, 'fixtures');
  const server = createHttpsServer(tls, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !existsSync(file)) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    /** @param {string} host @param {string} p */
    url: (host, p) => `https://${host}:${port}${p}`,
    /** Chromium flags that resolve `hosts` to this server and accept its certificate. */
    args: [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`, '--ignore-certificate-errors'],
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * Launch Chromium with the built extension and a fresh profile.
 * @param {{lang?: string, executablePath?: string, args?: string[], extension?: string, worker?: boolean}} [options]
 *   UI language (chrome.i18n follows it); another browser binary; extra Chromium flags; another unpacked
 *   extension directory; `worker: false` for an extension whose service worker cannot start (not waited for;
 *   `worker` is then null)
 */
export async function launch(options = {}) {
  const lang = options.lang ?? 'en-US';
  const ext = options.extension ?? DEFAULT_EXTENSION;
  if (!existsSync(path.join(ext, 'manifest.json')) || !existsSync(path.join(ext, 'pkg', 'postguard_bg.wasm'))) {
    throw new Error(`no built extension at ${ext}: run ./build.sh first (or set POSTGUARD_EXTENSION)`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'postguard-e2e-'));
  let context;
  let worker;
  try {
    context = await chromium.launchPersistentContext(profile, {
      headless: true,
      executablePath: options.executablePath ?? CHROMIUM,
      viewport: { width: 1000, height: 700 },
      args: ['--headless=new', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`,
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', `--lang=${lang}`, ...(options.args ?? [])],
      locale: lang,
    });
    worker = options.worker === false
      ? null
      : context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 15000 });
  } catch (error) {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const extensionId = worker ? new URL(worker.url()).host : EXTENSION_ID;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Let the page run pending tasks and a frame (a condition, not a fixed sleep). */
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** @param {import('playwright-core').Page} page */
export async function submissions(page) {
  return page.$$eval('#submissions li', (items) => items.map((li) => li.textContent ?? ''));
}

/**
 * Wait until the badge shows `n` findings.
 * @param {import('playwright-core').Page} page
 * @param {number} n
 */
export async function waitForBadge(page, n, timeout = 10000) {
  await page.waitForSelector(`[data-postguard="badge"][data-count="${n}"]`, { state: 'attached', timeout });
}

/** @param {import('playwright-core').Page} page */
export async function overlayOpen(page) {
  return page.evaluate(() => document.querySelector('[data-postguard="overlay"]') !== null);
}

/** The extension's fixed id (the manifest's `key`), which IT's policy files name. */
export const EXTENSION_ID = 'ffhfkflheiiljfllagemfjpedfmdbabh';

/** Whether this process may bind-mount in a private mount namespace (root, not in a locked-down container). */
export function canIsolate() {
  if (process.getuid?.() !== 0) return false;
  const a = mkdtempSync(path.join(tmpdir(), 'postguard-ns-'));
  const b = mkdtempSync(path.join(tmpdir(), 'postguard-ns-'));
  try {
    return spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" "$1"', a, b]).status === 0;
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
}

/**
 * Launch Chromium with `policy` installed as IT would (/etc/chromium/policies/managed, 3rdparty for the
 * fixed id), in a private mount namespace: a temporary directory is bound over /etc/chromium for that
 * browser only, so the real /etc is never touched.
 * @param {object} policy
 * @param {Parameters<typeof launch>[0]} [options]
 */
export async function launchWithPolicy(policy, options = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'postguard-policy-'));
  const etc = path.join(dir, 'etc-chromium');
  mkdirSync(path.join(etc, 'policies', 'managed'), { recursive: true });
  if (existsSync('/etc/chromium/master_preferences')) copyFileSync('/etc/chromium/master_preferences', path.join(etc, 'master_preferences'));
  writeFileSync(path.join(etc, 'policies', 'managed', 'postguard.json'),
    JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
  const wrapper = path.join(dir, 'chromium');
  writeFileSync(wrapper, `#!/bin/sh\nexec unshare -m --propagation private sh -c 'mount --bind "$0" /etc/chromium && exec "$@"' '${etc}' '${options.executablePath ?? CHROMIUM}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  let browser;
  try {
    browser = await launch({ ...options, executablePath: wrapper });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...browser,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

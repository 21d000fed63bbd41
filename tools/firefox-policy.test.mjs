// The Firefox build, deployed the way docs/deploy.md tells IT to: Firefox ESR reads
// docs/policies/firefox-policies.json (install_url pointed at the local build), force-installs PostGuard,
// and hands the `3rdparty.Extensions.<add-on id>` policy to chrome.storage.managed. The background script
// (an ES module with the wasm core) then answers checks under that policy.
//
//   node --test tools/firefox-policy.test.mjs        (run by ./build.sh test)
//
// Needs: dist/firefox and dist/postguard-firefox.zip (./build.sh), Firefox ESR, GECKODRIVER. geckodriver and
// Firefox run in their own mount namespace with a temporary directory bound over its distribution/ folder, so the real
// system's policies are never touched; that needs root (as CI has), the test is skipped otherwise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GECKO_ID } from './firefox-manifest.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const XPI = path.join(ROOT, 'dist/postguard-firefox.zip');
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(process.env.HOME ?? '/root', '.cargo/bin/geckodriver');
const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((f) => existsSync(f));
const UUID = '3d3f7d2a-6a43-4c4b-9d55-0d1f0f1e2a01';

/** The folder Firefox reads distribution/policies.json from (a symlink on Debian). */
function distributionDir() {
  if (!FIREFOX) return undefined;
  const binary = realpathSync(spawnSync('sh', ['-c', `readlink -f "$(command -v ${FIREFOX})"`]).stdout.toString().trim());
  // Debian's /usr/bin/firefox-esr is a script that execs /usr/lib/firefox-esr/firefox-esr.
  for (const dir of ['/usr/lib/firefox-esr', '/usr/lib/firefox', path.dirname(binary)]) {
    const dist = path.join(dir, 'distribution');
    if (existsSync(dist)) return realpathSync(dist);
  }
  return undefined;
}

const DISTRIBUTION = distributionDir();
const why =
  process.getuid?.() !== 0 ? 'needs root for a private mount namespace'
  : spawnSync('unshare', ['-m', 'true']).status !== 0 ? 'unshare -m is not available'
  : !FIREFOX ? 'Firefox ESR is not installed (apt-get install firefox-esr)'
  : !existsSync(GECKODRIVER) ? `geckodriver not found at ${GECKODRIVER}`
  : !existsSync(XPI) ? 'dist/postguard-firefox.zip is missing; run ./build.sh'
  : !DISTRIBUTION ? "Firefox's distribution folder was not found"
  : false;

/** @returns {Promise<number>} a free local port */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('Firefox: force-installed by policies.json, configured through 3rdparty', { timeout: 180000, skip: why }, () => {
  /** @type {string} */ let dir;
  /** @type {import('node:child_process').ChildProcess} */ let driver;
  /** @type {string} */ let base;
  /** @type {string} */ let session;
  /** @type {any} */ let policy;

  /** One WebDriver command; returns its value. */
  async function wd(method, url, body) {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${url}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }

  /** Runs `fn` (source of an async function) in the current page and returns what it resolves to. */
  function run(fn, ...args) {
    return wd('POST', `/session/${session}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        (${fn})(...Array.from(arguments).slice(0, -1)).then((v) => done({ ok: v }), (e) => done({ error: String(e) }));`,
      args,
    }).then((r) => {
      if (r.error) throw new Error(r.error);
      return r.ok;
    });
  }

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'postguard-firefox-'));
    const dist = path.join(dir, 'distribution');
    spawnSync('cp', ['-R', DISTRIBUTION, dist]);
    const xpi = path.join(dir, 'postguard.xpi');
    copyFileSync(XPI, xpi);
    const example = JSON.parse(readFileSync(path.join(ROOT, 'docs/policies/firefox-policies.json'), 'utf8'));
    example.policies.ExtensionSettings[GECKO_ID].install_url = `file://${xpi}`;
    policy = example.policies['3rdparty'].Extensions[GECKO_ID];
    writeFileSync(path.join(dist, 'policies.json'), JSON.stringify(example, null, 2));

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // geckodriver (and the Firefox it starts) in a private mount namespace that sees our distribution/.
    driver = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" "$1" && shift && exec "$@"',
      dist, DISTRIBUTION, GECKODRIVER, '--port', String(port), '--log', 'error', '--allow-system-access'], { stdio: ['ignore', 'ignore', 'inherit'] });
    for (let i = 0; ; i++) {
      try {
        await wd('GET', '/status');
        break;
      } catch (e) {
        if (i > 100) throw e;
        await sleep(100);
      }
    }
    const created = await wd('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary: FIREFOX,
            args: ['-headless'],
            prefs: {
              // The build is not signed by Mozilla; ESR lets a policy-installed add-on through with this.
              'xpinstall.signatures.required': false,
              // A known moz-extension:// host for the add-on's pages.
              'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
            },
          },
        },
      },
    });
    session = created.sessionId;
  });

  after(async () => {
    if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
    driver?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs privileged code in Firefox's parent process (WebDriver may not navigate to extension pages). */
  async function inChrome(script) {
    await wd('POST', `/session/${session}/moz/context`, { context: 'chrome' });
    try {
      return await wd('POST', `/session/${session}/execute/async`, { script, args: [] });
    } finally {
      await wd('POST', `/session/${session}/moz/context`, { context: 'content' });
    }
  }

  /** What Firefox says about its policies and the add-on, once the policy install has happened. */
  async function installed() {
    for (let i = 0; ; i++) {
      const state = await inChrome(`const done = arguments[0];
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)}).then((addon) => done({
          policies: Object.keys(Services.policies.getActivePolicies() ?? {}),
          addon: addon && { active: addon.isActive, version: addon.version },
        }), (e) => done({ error: String(e) }));`);
      if (state.addon?.active) return state;
      if (i > 60) throw new Error(`PostGuard was not installed by policy: ${JSON.stringify(state)}`);
      await sleep(500);
    }
  }

  /** Opens one of the add-on's pages in a new tab and makes it the current browsing context. */
  async function openExtensionPage(page) {
    await installed();
    const url = `moz-extension://${UUID}/${page}`;
    await inChrome(`const done = arguments[0];
      const win = Services.wm.getMostRecentWindow('navigator:browser');
      win.gBrowser.selectedTab = win.gBrowser.addTab(${JSON.stringify(url)},
        { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      done(true);`);
    const handles = await wd('GET', `/session/${session}/window/handles`);
    await wd('POST', `/session/${session}/window`, { handle: handles[handles.length - 1] });
    for (let i = 0; ; i++) {
      const id = await wd('POST', `/session/${session}/execute/sync`, {
        script: 'return location.href.startsWith("moz-extension:") && document.readyState === "complete" ? chrome.runtime.id : null',
        args: [],
      }).catch(() => null);
      if (id) return id;
      if (i > 40) throw new Error(`PostGuard's ${page} did not load`);
      await sleep(250);
    }
  }

  test('the add-on is installed by policy with its gecko id', async () => {
    const state = await installed();
    assert.ok(state.policies.includes('ExtensionSettings') && state.policies.includes('3rdparty'), JSON.stringify(state));
    assert.equal(await openExtensionPage('options/options.html'), GECKO_ID);
    const manifest = await run(async () => chrome.runtime.getManifest());
    // Firefox reports the normalized manifest: full URLs, absent keys as null.
    assert.equal(manifest.background.type, 'module');
    assert.deepEqual(manifest.background.scripts, [`moz-extension://${UUID}/background.js`]);
  });

  test('chrome.storage.managed holds the 3rdparty policy from policies.json', async () => {
    await openExtensionPage('options/options.html');
    const managed = await run(async () => chrome.storage.managed.get(null));
    assert.deepEqual(managed, policy);
  });

  test('the background module checks drafts with the wasm core under the managed policy', async () => {
    await openExtensionPage('options/options.html');
    const answer = await run(async (text) => {
      const managed = await chrome.storage.managed.get(null);
      return chrome.runtime.sendMessage({ kind: 'check', text, options: { context: 'post' }, policy: JSON.stringify(managed) });
    }, 'Follow-up for RCH-123456, call us at (217) 555-0142');
    assert.equal(answer.ok, true, JSON.stringify(answer));
    const report = answer.value;
    assert.equal(report.verdict, 'block', JSON.stringify(report));
    const mrn = report.findings.find((f) => f.identifier === 'rch_mrn');
    assert.ok(mrn, `the custom identifier is found: ${JSON.stringify(report)}`);
    assert.equal(mrn.text, 'RCH-123456');
    assert.ok(!report.findings.some((f) => f.text.includes('555-0142')), "the organization's phone is not flagged");
  });
});

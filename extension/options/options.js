// @ts-check
// Options: the settings in effect (IT's managed policy over the user's own), which ones IT set and locked,
// the problems the core finds in the managed policy, the organization profile, the custom identifiers,
// and a "try it" box that runs the real core on text typed there. That text is never stored, sent or logged.

import { fillI18n } from './i18n-dom.js';
import { resolveSettings } from '../content/settings.js';
import { initSites } from './sites.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {string} key @param {string|string[]} [subs] */
const msg = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

/**
 * Every policy key (docs/deploy.md), its default, and the `locked` entry that covers it.
 * @type {{key: string, lock: string, fallback: unknown}[]}
 */
const KEYS = [
  { key: 'mode', lock: 'mode', fallback: 'warn' },
  { key: 'block_severity', lock: 'block_severity', fallback: 'high' },
  { key: 'allow_post_anyway', lock: 'allow_post_anyway', fallback: true },
  { key: 'require_reason', lock: 'require_reason', fallback: false },
  { key: 'disabled_kinds', lock: 'disabled_kinds', fallback: [] },
  { key: 'severity_overrides', lock: 'severity_overrides', fallback: {} },
  { key: 'custom_identifiers', lock: 'custom_identifiers', fallback: [] },
  { key: 'clinical_terms', lock: 'clinical_terms', fallback: [] },
  { key: 'sites.disabled', lock: 'sites', fallback: [] },
  { key: 'sites.extra', lock: 'sites', fallback: [] },
  { key: 'organization', lock: 'organization', fallback: {} },
  { key: 'media_check', lock: 'media_check', fallback: 'care_context' },
  { key: 'locked', lock: '', fallback: [] },
];
const ORG_FIELDS = ['names', 'addresses', 'phones', 'domains', 'staff'];

/**
 * @param {Record<string, any>} obj
 * @param {string} dotted
 * @returns {{present: boolean, value: unknown}}
 */
function lookup(obj, dotted) {
  /** @type {any} */
  let cur = obj;
  for (const part of dotted.split('.')) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur) || !(part in cur)) return { present: false, value: undefined };
    cur = cur[part];
  }
  return { present: true, value: cur };
}

/**
 * "path: message" → {path, message}.
 * @param {string} problem
 */
function splitProblem(problem) {
  const i = problem.indexOf(': ');
  return i < 0 ? { path: '$', message: problem } : { path: problem.slice(0, i), message: problem.slice(i + 2) };
}

/** @param {unknown} value */
function show(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {string} [text]
 */
function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
}

/** @type {any} the wasm core, once loaded */
let core = null;
/** @type {Promise<any>|null} */
let loading = null;

function loadCore() {
  loading ??= (async () => {
    const mod = await import(chrome.runtime.getURL('pkg/postguard.js'));
    await mod.default({ module_or_path: chrome.runtime.getURL('pkg/postguard_bg.wasm') });
    core = mod;
    return mod;
  })();
  return loading;
}

/** @returns {Promise<Record<string, any>>} */
async function managedPolicy() {
  try {
    return (await chrome.storage.managed.get(null)) ?? {};
  } catch {
    return {}; // no managed storage (unmanaged browser)
  }
}

/** @type {Record<string, unknown>} the policy the try-it box checks under */
let tryPolicy = {};

async function render() {
  /** @type {[Record<string, any>, Record<string, any>]} */
  const [managed, user] = await Promise.all([managedPolicy(), chrome.storage.sync.get(null).catch(() => ({}))]);
  const settings = resolveSettings('', managed, user);
  const lockedKeys = Array.isArray(managed.locked) ? managed.locked.filter((/** @type {unknown} */ k) => typeof k === 'string') : [];
  const managedKeys = Object.keys(managed);
  $('managed').hidden = managedKeys.length === 0;

  /** @type {{path: string, message: string}[]|null} null when the core could not load */
  let problems = null;
  try {
    const mod = await loadCore();
    problems = Array.from(mod.configure(managed) ?? []).map((p) => splitProblem(String(p)));
    tryPolicy = settings.policy;
    mod.configure(tryPolicy);
  } catch {
    problems = null;
  }
  const rejected = (/** @type {string} */ path) => (problems ?? []).some((p) => p.path === path);

  // The user's own mode; IT's block mode or a lock on "mode" wins (resolveSettings enforces the same).
  const modeLocked = lockedKeys.includes('mode') || managed.mode === 'block';
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name="mode"]'))) {
    input.checked = input.value === settings.mode;
    input.disabled = modeLocked;
  }
  $('mode-locked').hidden = !modeLocked;

  // When a photo or video gets the checklist: the user's choice, only asking more often than IT's value, none
  // when IT locked it (resolveSettings says the same).
  const mediaLocked = lockedKeys.includes('media_check');
  const asking = ['off', 'care_context', 'always'];
  const itMedia = asking.includes(managed.media_check) ? asking.indexOf(managed.media_check) : -1;
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name="media_check"]'))) {
    input.checked = input.value === settings.mediaCheck;
    input.disabled = mediaLocked || asking.indexOf(input.value) < itMedia;
  }
  $('media-locked').hidden = !mediaLocked;

  // Every setting: its value in effect and where it comes from.
  const body = /** @type {HTMLElement} */ ($('effective').querySelector('tbody'));
  body.replaceChildren();
  for (const { key, lock, fallback } of KEYS) {
    const { present, value } = lookup(managed, key);
    let source = 'default';
    let effective = fallback;
    if (present && rejected(key)) source = 'rejected';
    else if (present) { source = 'it'; effective = value; }
    if (key === 'mode') {
      effective = settings.mode;
      if (!(present && managed.mode === settings.mode) && settings.mode !== fallback) source = 'user';
    }
    if (key === 'media_check' && !(present && managed.media_check === settings.mediaCheck) && settings.mediaCheck !== effective) {
      source = 'user'; effective = settings.mediaCheck;
    }
    if (key === 'organization' && !present && user.organization && typeof user.organization === 'object') {
      source = 'user'; effective = user.organization;
    }
    if (key === 'custom_identifiers' && source === 'it' && Array.isArray(value)) {
      // Only the identifiers the core accepted are in effect (the rest are listed below with their problem).
      effective = value.filter((_c, i) => !(problems ?? []).some((p) => p.path.startsWith(`custom_identifiers[${i}]`)))
        .map((/** @type {any} */ c) => (c && typeof c.id === 'string' ? c.id : '?'));
    }
    const isLocked = lock !== '' && lockedKeys.includes(lock);
    const row = el('tr', { 'data-key': key, 'data-source': source, 'data-locked': String(isLocked) });
    const sourceCell = el('td');
    sourceCell.append(el('span', { class: `tag ${source}` }, msg(`optionsSource_${source}`)));
    if (isLocked) sourceCell.append(el('span', { class: 'tag locked' }, msg('optionsLocked')));
    row.append(el('td', {}, key), el('td', { class: 'value' }, show(effective)), sourceCell);
    body.append(row);
  }

  // Problems IT's policy has, by path.
  const list = $('problems');
  list.replaceChildren();
  $('problems-core').hidden = problems !== null;
  $('problems-none').hidden = !(problems && problems.length === 0);
  for (const p of problems ?? []) {
    const item = el('li', { 'data-path': p.path });
    item.append(el('code', {}, p.path), document.createTextNode(`: ${p.message}`));
    list.append(item);
  }

  // The organization profile in effect.
  const orgValue = lookup(managed, 'organization').present && !rejected('organization') ? managed.organization : user.organization;
  const org = orgValue && typeof orgValue === 'object' ? orgValue : {};
  const dl = $('organization');
  dl.replaceChildren();
  let any = false;
  for (const field of ORG_FIELDS) {
    const values = Array.isArray(org[field]) ? org[field].filter((/** @type {unknown} */ v) => typeof v === 'string') : [];
    if (!values.length) continue;
    any = true;
    dl.append(el('dt', {}, msg(`optionsOrg_${field}`)));
    const dd = el('dd', { 'data-field': field });
    dd.textContent = values.join(' · ');
    dl.append(dd);
  }
  $('org-none').hidden = any;

  // Custom identifiers, each with whether the core accepted it.
  const customs = Array.isArray(managed.custom_identifiers) ? managed.custom_identifiers : [];
  const table = $('custom');
  const tbody = /** @type {HTMLElement} */ (table.querySelector('tbody'));
  tbody.replaceChildren();
  table.hidden = customs.length === 0;
  $('custom-none').hidden = customs.length > 0;
  customs.forEach((/** @type {any} */ c, /** @type {number} */ i) => {
    const prefix = `custom_identifiers[${i}]`;
    const own = (problems ?? []).filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`));
    const id = c && typeof c.id === 'string' ? c.id : '';
    const row = el('tr', { 'data-index': String(i), 'data-id': id, 'data-status': own.length ? 'rejected' : 'active' });
    const labelCell = el('td', {}, c && typeof c.label === 'string' && c.label ? c.label : id);
    labelCell.append(el('div', { class: 'note' }, id));
    const status = el('td', { class: own.length ? 'problem' : '' },
      own.length ? own.map((p) => `${p.path}: ${p.message}`).join('; ') : msg('optionsCustomActive'));
    row.append(labelCell, el('td', { class: 'value' }, c && typeof c.pattern === 'string' ? c.pattern : ''),
      el('td', {}, c && typeof c.severity === 'string' ? c.severity : 'high'), status);
    tbody.append(row);
  });
  runTry();
}

/** Check what is in the try-it box with the real core. Nothing of it is stored or logged. */
function runTry() {
  const box = /** @type {HTMLTextAreaElement} */ ($('try'));
  const out = $('try-findings');
  const verdict = $('try-verdict');
  out.replaceChildren();
  if (!core) { verdict.textContent = core === null && loading ? msg('optionsCoreUnavailable') : ''; box.disabled = !core; return; }
  box.disabled = false;
  const text = box.value;
  if (!text.trim()) { verdict.textContent = ''; verdict.removeAttribute('data-verdict'); return; }
  /** @type {{verdict: string, findings: {kind: string, severity: string, text: string, identifier?: string, message: string, suggestion?: string}[]}} */
  let report;
  try {
    report = core.check(text, { context: /** @type {HTMLSelectElement} */ ($('try-context')).value });
  } catch {
    verdict.textContent = msg('optionsCoreUnavailable');
    return;
  }
  verdict.setAttribute('data-verdict', report.verdict);
  verdict.textContent = msg('optionsTryVerdict', [report.verdict, String(report.findings.length)]);
  for (const f of report.findings) {
    const item = el('li', { class: f.severity, 'data-kind': f.kind, 'data-severity': f.severity, ...(f.identifier ? { 'data-identifier': f.identifier } : {}) });
    item.append(el('span', { class: 'words' }, `“${f.text}”`), document.createTextNode(` — ${f.message}`));
    if (f.suggestion) item.append(el('div', { class: 'note' }, msg('overlaySuggestion', f.suggestion)));
    out.append(item);
  }
}

function main() {
  fillI18n(document);
  $('try').setAttribute('aria-label', msg('optionsTry'));
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name="mode"]'))) {
    input.addEventListener('change', async () => {
      if (input.disabled) return;
      await chrome.storage.sync.set({ mode: input.value });
      $('status').textContent = msg('optionsSaved');
    });
  }
  /** @type {ReturnType<typeof setTimeout>|undefined} */
  let timer;
  const soon = () => { clearTimeout(timer); timer = setTimeout(runTry, 150); };
  $('try').addEventListener('input', soon);
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name="media_check"]'))) {
    input.addEventListener('change', async () => {
      if (input.disabled) return;
      await chrome.storage.sync.set({ media_check: input.value });
      $('status').textContent = msg('optionsSaved');
    });
  }
  $('try-context').addEventListener('change', runTry);
  chrome.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed' || area === 'sync') render().catch(() => {});
  });
  Promise.all([render(), initSites()])
    .then(() => document.body.setAttribute('data-ready', 'true'), () => document.body.setAttribute('data-ready', 'error'));
}
main();

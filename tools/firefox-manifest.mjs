#!/usr/bin/env node
// Turns the Chrome manifest (extension/manifest.json as copied to dist/chrome) into the Firefox one.
//
//   node tools/firefox-manifest.mjs IN_MANIFEST OUT_MANIFEST
//
// What changes, and why (MDN manifest.json reference and browser-compat-data):
// - background: Firefox has no extension service workers; it runs `background.scripts` as an event
//   page. `type: "module"` is kept: Firefox loads module background scripts since 112.
// - browser_specific_settings.gecko: the add-on id IT's policies.json names (3rdparty.Extensions.<id>,
//   ExtensionSettings.<id>), the lowest Firefox with everything used here, and the data collection
//   declaration (PostGuard sends nothing anywhere).
// - `key`, `minimum_chrome_version` and the `storage.managed_schema` key are Chrome-only (Firefox reads
//   managed settings from policies.json without a schema; the extension validates what it receives).
// Everything else is left exactly as in the Chrome build.
import { readFileSync, writeFileSync } from 'node:fs';

export const GECKO_ID = 'postguard@postguard.dev';
// Firefox 140 is the oldest supported ESR: it has MV3, module background scripts (112), 'wasm-unsafe-eval' in
// extension pages (102) and data_collection_permissions (140).
export const GECKO_MIN_VERSION = '140.0';

/**
 * @param {Record<string, any>} chrome  the Chrome manifest
 * @returns {Record<string, any>} the Firefox manifest
 */
export function firefoxManifest(chrome) {
  const manifest = structuredClone(chrome);
  if (manifest.manifest_version !== 3) throw new Error('expected a Manifest V3 extension');

  const background = manifest.background ?? {};
  if (background.service_worker) {
    manifest.background = { scripts: [background.service_worker] };
    if (background.type) manifest.background.type = background.type;
  }

  delete manifest.key;
  delete manifest.minimum_chrome_version;
  if (manifest.storage) {
    delete manifest.storage.managed_schema;
    if (Object.keys(manifest.storage).length === 0) delete manifest.storage;
  }

  // Put browser_specific_settings right after the version, where reviewers look for it.
  const ordered = {};
  for (const [key, value] of Object.entries(manifest)) {
    ordered[key] = value;
    if (key === 'version') {
      ordered.browser_specific_settings = {
        gecko: {
          id: GECKO_ID,
          strict_min_version: GECKO_MIN_VERSION,
          data_collection_permissions: { required: ['none'] },
        },
      };
    }
  }
  return ordered;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node tools/firefox-manifest.mjs IN_MANIFEST OUT_MANIFEST');
    process.exit(2);
  }
  const manifest = firefoxManifest(JSON.parse(readFileSync(input, 'utf8')));
  writeFileSync(output, JSON.stringify(manifest, null, 2) + '\n');
}

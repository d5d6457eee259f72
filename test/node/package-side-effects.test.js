// @ts-check
/// <reference types="node" />
/**
 * package.json's `sideEffects` tells bundlers which files of dist/ may not be dropped when an app uses none
 * of their exports: the entries and the `define-<tag>` chunks, which hold the package's only side effects
 * (`defineElement(...)` at the top level; see DEFINE_SOURCES in scripts/build.mjs). Every other chunk must be
 * free of them, so that an app bundles only the elements it uses: `PasskeyRegister` alone from
 * `passkey-elements/react` brings neither the link admin nor the list. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHUNKS = join(ROOT, 'dist/chunks');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The tags a file defines at its top level (a call at the start of a line, as esbuild and Rollup print it). */
const definedIn = (/** @type {string} */ code) =>
  [...code.matchAll(/^defineElement\("([a-z0-9-]+)"/gm)].map((match) => match[1] ?? '');

describe('side effects of the built package', () => {
  const chunks = readdirSync(CHUNKS).filter((file) => file.endsWith('.js'));

  it('defines each tag in its own define-<tag> chunk, and in no other chunk', () => {
    /** @type {Record<string, string[]>} */
    const defines = {};
    for (const file of chunks) {
      const tags = definedIn(readFileSync(join(CHUNKS, file), 'utf8'));
      if (tags.length) defines[file.replace(/-[\w-]{8}\.js$/, '')] = tags;
    }
    assert.deepEqual(defines, {
      'define-passkey-register': ['passkey-register'],
      'define-u2f-register': ['u2f-register'],
      'define-registration-link-admin': ['registration-link-admin'],
      'define-authenticator-list': ['authenticator-list'],
    });
  });

  it('lists the define chunks and the entries as its only files with side effects', () => {
    assert.ok(pkg.sideEffects.includes('./dist/chunks/define-*.js'));
    assert.ok(!pkg.sideEffects.some((/** @type {string} */ glob) => glob === './dist/chunks/*.js'));
  });

  it('lets a bundler drop what an app does not use: PasskeyRegister alone from passkey-elements/react', async () => {
    const app = join(tmpdir(), `passkey-elements-react-one-${process.pid}`);
    rmSync(app, { recursive: true, force: true });
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(app, 'node_modules', 'passkey-elements'), 'dir');
    writeFileSync(
      join(app, 'main.js'),
      `import { PasskeyRegister } from 'passkey-elements/react';\nwindow.PasskeyRegister = PasskeyRegister;\n`,
    );
    writeFileSync(join(app, 'index.html'), '<script type="module" src="./main.js"></script>');
    try {
      const output = /** @type {import('vite').Rollup.RollupOutput} */ (
        await build({
          root: app,
          configFile: false,
          logLevel: 'error',
          build: { write: false, rollupOptions: { external: ['react'] } },
        })
      );
      // What loads up front: the entry and its static imports (the lazy chunks hold the other languages'
      // catalogs, every family of texts in each).
      const chunks = output.output.filter((item) => item.type === 'chunk');
      const upFront = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
      for (const file of upFront) {
        for (const imported of chunks.find((chunk) => chunk.fileName === file)?.imports ?? []) {
          upFront.add(imported);
        }
      }
      const code = chunks
        .filter((chunk) => upFront.has(chunk.fileName))
        .map((chunk) => chunk.code)
        .join('\n');
      assert.match(code, /"passkey-register"|`passkey-register`|'passkey-register'/, 'the element it uses');
      // The tags and English texts of the others (their classes would carry them).
      for (const other of [
        'u2f-register',
        'registration-link-admin',
        'authenticator-list',
        'Copy link',
        'Delete',
      ]) {
        assert.ok(!code.includes(other), `no ${other}`);
      }
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});

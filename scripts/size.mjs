// @ts-check
/**
 * `npm run size`: minified and gzip bytes of what a page loads, against the budgets of the performance
 * issue, and what each dependency costs. Exits non-zero when a budget is exceeded (CI runs it).
 */
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const KB = 1024;
const BUDGETS = {
  'all-in-one (dist/passkey-elements.js)': 20 * KB,
  '<passkey-register> alone, lit external': 6 * KB,
  'one language chunk (German), on demand': 1.5 * KB,
};

/**
 * Bundles `contents` (an entry module's source) the way the build does, and measures it.
 * @param {string} contents
 * @param {{ external?: string[] }} [options]
 */
async function measure(contents, { external = [] } = {}) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    // As the build does: languages and the AAGUID list are chunks loaded on demand, not part of the load.
    splitting: true,
    outdir: 'size-out',
    write: false,
    metafile: true,
    external,
    logLevel: 'error',
  });
  const files = new Map(result.outputFiles.map((file) => [file.path.split('size-out/')[1], file.contents]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint);
  // What the page loads up front: the entry and the chunks it imports statically.
  const loaded = new Set();
  const visit = (/** @type {string | undefined} */ name) => {
    if (!name || loaded.has(name)) return;
    loaded.add(name);
    for (const dependency of outputs[name]?.imports ?? []) {
      if (dependency.kind === 'import-statement' && !dependency.external) visit(dependency.path);
    }
  };
  visit(entry);
  const code = Buffer.concat(
    [...loaded].map((name) => files.get(name.split('size-out/')[1] ?? '') ?? new Uint8Array()),
  );
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const LIT = ['lit', 'lit/*', '@lit/*'];
/** @type {[string, { min: number, gzip: number }][]} */
const rows = [
  ['all-in-one (dist/passkey-elements.js)', await measure(`import './src/index.ts';`)],
  [
    '<passkey-register> alone, lit external',
    await measure(`import './src/passkey-register.ts';`, { external: LIT }),
  ],
  ['<u2f-register> alone, lit external', await measure(`import './src/u2f-register.ts';`, { external: LIT })],
  [
    '<registration-link-admin> alone, lit external',
    await measure(`import './src/registration-link-admin.ts';`, { external: LIT }),
  ],
  ['backends only', await measure(`export * from './src/backends.ts';`)],
  [
    'dependency: lit (LitElement, html, css, decorators)',
    await measure(`export * from 'lit'; export * from 'lit/decorators.js';`),
  ],
  [
    'dependency: @simplewebauthn/browser (startRegistration)',
    await measure(
      `export { startRegistration, browserSupportsWebAuthn, WebAuthnAbortService } from '@simplewebauthn/browser';`,
    ),
  ],
  [
    'one language chunk (German), on demand',
    await measure(`export { de } from './src/i18n/de.ts';`, { external: [] }),
  ],
  [
    'dependency: lean-qr (nano generate + toSvgPath)',
    await measure(`export { generate } from 'lean-qr/nano'; export { toSvgPath } from 'lean-qr/extras/svg';`),
  ],
];

const pad = (/** @type {string} */ text, /** @type {number} */ width) => text.padEnd(width);
const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(2)} KB`;
console.log(`${pad('what', 58)}${pad('minified', 12)}${pad('gzip', 12)}budget (gzip)`);
let failed = false;
for (const [name, size] of rows) {
  const budget = BUDGETS[/** @type {keyof typeof BUDGETS} */ (name)];
  const verdict =
    budget === undefined ? '' : size.gzip <= budget ? `≤ ${kb(budget)} ok` : `> ${kb(budget)} OVER`;
  if (budget !== undefined && size.gzip > budget) failed = true;
  console.log(`${pad(name, 58)}${pad(kb(size.min), 12)}${pad(kb(size.gzip), 12)}${verdict}`);
}
if (failed) {
  console.error('\nA size budget is exceeded.');
  process.exit(1);
}

// @ts-check
/**
 * `npm run size`: minified and gzip bytes of what a page loads, against the budgets of the performance
 * issue, and what each dependency costs. Exits non-zero when a budget is exceeded (CI runs it).
 */
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const KB = 1024;
/** Budgets of the performance issue, on what loads up front: CI fails when one is exceeded. */
const BUDGETS = {
  'all-in-one (dist/passkey-elements.js)': 20 * KB,
  'German for <passkey-register>, on demand': 1.5 * KB,
  '<passkey-register> alone, lit external': 6 * KB,
};

/**
 * Bundles `contents` (an entry module's source) the way the build does, and measures it: what a page loads
 * up front (the entry and the chunks it imports statically), and the code chunks the elements load after
 * their first render (the ZITADEL adapters, the ceremony, the QR code) — each gzipped as the file it is.
 * Language catalogs and the AAGUID list load only when asked for and are not counted.
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
    splitting: true,
    outdir: 'size-out',
    write: false,
    metafile: true,
    external,
    logLevel: 'error',
  });
  const files = new Map(result.outputFiles.map((file) => [file.path.split('size-out/')[1], file.contents]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === 'entry.ts');
  const onDemand = (/** @type {string} */ name) =>
    name !== entry &&
    Object.keys(outputs[name]?.inputs ?? {}).every((input) => /^src\/i18n\/(?!en\/)/.test(input));
  /** @param {string | undefined} name @param {Set<string>} into @param {boolean} dynamic */
  const visit = (name, into, dynamic) => {
    if (!name || into.has(name) || upFront.has(name) || onDemand(name)) return;
    into.add(name);
    for (const dependency of outputs[name]?.imports ?? []) {
      if (dependency.external) continue;
      if (dependency.kind === 'import-statement') visit(dependency.path, into, dynamic);
      else if (dynamic && dependency.kind === 'dynamic-import') visit(dependency.path, into, dynamic);
    }
  };
  /** @type {Set<string>} */
  const upFront = new Set();
  visit(entry, upFront, false);
  /** @type {Set<string>} */
  const later = new Set();
  for (const name of upFront) {
    for (const dependency of outputs[name]?.imports ?? []) {
      if (dependency.kind === 'dynamic-import' && !dependency.external) visit(dependency.path, later, true);
    }
  }
  const bytes = (/** @type {string} */ name) =>
    files.get(name.split('size-out/')[1] ?? '') ?? new Uint8Array();
  const upFrontCode = Buffer.concat([...upFront].map(bytes));
  return {
    min: upFrontCode.length,
    gzip: gzipSync(upFrontCode, { level: 9 }).length,
    laterGzip: [...later].reduce((sum, name) => sum + gzipSync(bytes(name), { level: 9 }).length, 0),
  };
}

const LIT = ['lit', 'lit/*', '@lit/*'];
/** @type {[string, { min: number, gzip: number, laterGzip: number }][]} */
const rows = [
  ['all-in-one (dist/passkey-elements.js)', await measure(`import './src/passkey-elements.ts';`)],
  [
    '<passkey-register> alone, lit external',
    await measure(`import './src/passkey-register.ts';`, { external: LIT }),
  ],
  ['<u2f-register> alone, lit external', await measure(`import './src/u2f-register.ts';`, { external: LIT })],
  [
    '<registration-link-admin> alone, lit external',
    await measure(`import './src/registration-link-admin.ts';`, { external: LIT }),
  ],
  [
    '<authenticator-list> alone, lit external',
    await measure(`import './src/authenticator-list.ts';`, { external: LIT }),
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
    'German for <passkey-register>, on demand',
    await measure(
      `export { common } from './src/i18n/de/common.ts'; export { registration } from './src/i18n/de/registration.ts';`,
    ),
  ],
  [
    'dependency: lean-qr (nano generate + toSvgPath)',
    await measure(`export { generate } from 'lean-qr/nano'; export { toSvgPath } from 'lean-qr/extras/svg';`),
  ],
];

const pad = (/** @type {string} */ text, /** @type {number} */ width) => text.padEnd(width);
const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(2)} KB`;
console.log(
  `${pad('what', 58)}${pad('minified', 12)}${pad('gzip', 12)}${pad('budget (gzip)', 18)}after first render (gzip)`,
);
let failed = false;
for (const [name, size] of rows) {
  const budget = BUDGETS[/** @type {keyof typeof BUDGETS} */ (name)];
  let verdict = '';
  if (budget !== undefined) verdict = size.gzip <= budget ? `≤ ${kb(budget)} ok` : `> ${kb(budget)} OVER`;
  if (budget !== undefined && size.gzip > budget) failed = true;
  const later = size.laterGzip ? `+ ${kb(size.laterGzip)}` : '';
  console.log(`${pad(name, 58)}${pad(kb(size.min), 12)}${pad(kb(size.gzip), 12)}${pad(verdict, 18)}${later}`);
}
if (failed) {
  console.error('\nA size budget is exceeded.');
  process.exit(1);
}

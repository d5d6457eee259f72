// @ts-check
/**
 * How `dist/passkey-elements.js` is built: one self-contained, minified ES module for a
 * `<script type="module">` tag, with chunks beside it (the ZITADEL adapters, the ceremony, the QR code, the
 * languages other than English) that it loads when first needed. Shared by scripts/build.mjs and the Vite
 * demo, which serves the same bundle at /dist/ for demo/plain.html.
 */
import { fileURLToPath } from 'node:url';

/** @satisfies {import('esbuild').BuildOptions} */
export const scriptTagBundle = /** @type {const} */ ({
  entryPoints: { 'passkey-elements': fileURLToPath(new URL('../src/passkey-elements.ts', import.meta.url)) },
  outdir: fileURLToPath(new URL('../dist', import.meta.url)),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
  legalComments: 'none',
  logLevel: 'warning',
  minify: true,
  splitting: true,
  chunkNames: 'passkey-elements-chunks/[name]-[hash]',
});

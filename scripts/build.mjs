// @ts-check
/**
 * `npm run build`: the outputs listed in ../shared/API.md.
 * - dist/passkey-elements.js  one minified ES module for a <script type="module"> tag, chunks beside it
 * - dist/index.js, dist/<element>.js, dist/backends.js  package entries with lit etc. left as bare imports
 * - dist/jsx.js, dist/vue.js  empty: their .d.ts add the tags to React's JSX and Vue's GlobalComponents
 * - dist/proxy.js  the server-side proxy: one module, no imports at all (Node, Deno, Bun, Workers)
 * - dist/**.d.ts  type declarations (tsc)
 * - custom-elements.json  the Custom Elements Manifest, from the JSDoc (checked in; CI checks it is current)
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { buildScriptTag } from './script-tag-bundle.mjs';

const common = /** @type {const} */ ({
  bundle: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  legalComments: 'none',
  logLevel: 'warning',
  // The text of lit's css`` and html`` templates, which esbuild (and a user's bundler) would ship as written.
  plugins: /** @type {import('esbuild').Plugin[]} */ ([minifyTemplatesPlugin()]),
});

rmSync('dist', { recursive: true, force: true });

await Promise.all([
  // One file up front; the ZITADEL adapters, the ceremony, the QR code and the languages other than English
  // are chunks the bundle loads from beside itself when first needed.
  buildScriptTag(),
  esbuild.build({
    ...common,
    entryPoints: {
      index: 'src/index.ts',
      'passkey-register': 'src/passkey-register.ts',
      'u2f-register': 'src/u2f-register.ts',
      'registration-link-admin': 'src/registration-link-admin.ts',
      'authenticator-list': 'src/authenticator-list.ts',
      backends: 'src/backends.ts',
      react: 'src/react.ts',
      // Server rendering with @lit-labs/ssr (an optional peer): shares the element chunks with the entries above.
      ssr: 'src/ssr.ts',
      // Types only (JSX and Vue template types); empty modules, so that importing them cannot break a build.
      jsx: 'src/jsx.ts',
      vue: 'src/vue.ts',
    },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: [
      'lit',
      'lit/*',
      '@lit/*',
      '@lit-labs/*',
      '@simplewebauthn/browser',
      'lean-qr',
      'lean-qr/*',
      'react',
    ],
  }),
  // Server-side: its own build, so it shares no chunk with the elements and imports nothing.
  esbuild.build({
    ...common,
    entryPoints: { proxy: 'src/proxy.ts' },
    outdir: 'dist',
    platform: 'neutral',
  }),
]);

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync('npx', ['cem', 'analyze', '--quiet'], { stdio: 'inherit' });

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
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { rollup } from 'rollup';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { ADAPTER_CHUNK, buildScriptTag, chunksBySource } from './script-tag-bundle.mjs';

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

/**
 * The sources whose whole work is to define a tag (`defineElement(...)` at the top level): the only code of
 * the package with side effects. esbuild moves each into a chunk when several entries import it (the root
 * and the element's own entry); those chunks are named `define-<tag>`, and package.json's `sideEffects`
 * lists them and the entries alone, so that a bundler may drop every other chunk an app does not use (an
 * app with `PasskeyRegister` from `passkey-elements/react` bundles no other element). test/node/package-side-effects.test.js
 * checks that no other file of dist/ defines a tag.
 */
const DEFINE_SOURCES = {
  'src/passkey-register.ts': 'define-passkey-register',
  'src/u2f-register.ts': 'define-u2f-register',
  'src/registration-link-admin.ts': 'define-registration-link-admin',
  'src/authenticator-list.ts': 'define-authenticator-list',
};

/**
 * The package entries, lit and the other dependencies left as bare imports for the user's bundler. esbuild
 * cuts the shared code into a chunk per set of entries that use it; a Rollup pass then keeps the v2 adapter,
 * the HTTP client and its JSON parsing in one chunk (esbuild's cut gave three files, a bundler keeps them
 * apart: three requests before a v2 registration's first call instead of one).
 */
async function buildPackageEntries() {
  const entryPoints = {
    index: 'src/index.ts',
    'passkey-register': 'src/passkey-register.ts',
    'u2f-register': 'src/u2f-register.ts',
    'registration-link-admin': 'src/registration-link-admin.ts',
    'authenticator-list': 'src/authenticator-list.ts',
    backends: 'src/backends.ts',
    // The texts alone (en, loadMessages …): no element entry carries the texts of the others.
    messages: 'src/messages.ts',
    react: 'src/react.ts',
    // Server rendering with @lit-labs/ssr (an optional peer): shares the element chunks with the entries above.
    ssr: 'src/ssr.ts',
    // Types only (JSX and Vue template types); empty modules, so that importing them cannot break a build.
    jsx: 'src/jsx.ts',
    vue: 'src/vue.ts',
  };
  const outdir = resolve('dist');
  const split = await esbuild.build({
    ...common,
    entryPoints,
    outdir,
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
    write: false,
    metafile: true,
  });
  const modules = new Map(split.outputFiles.map((file) => [file.path, file.text]));
  const chunkOf = chunksBySource(split.metafile, ADAPTER_CHUNK);
  // The entries that define a tag stay entries; the shared chunk with the definition is named.
  for (const [path, chunk] of chunksBySource(split.metafile, DEFINE_SOURCES, { entries: false })) {
    chunkOf.set(path, chunk);
  }
  const bundle = await rollup({
    input: Object.fromEntries(Object.keys(entryPoints).map((name) => [name, join(outdir, `${name}.js`)])),
    preserveEntrySignatures: 'strict',
    plugins: [
      {
        name: 'esbuild-output',
        resolveId: (specifier, importer) => {
          if (!importer) return specifier;
          return specifier.startsWith('.')
            ? join(dirname(importer), specifier)
            : { id: specifier, external: true };
        },
        load: (id) => modules.get(id) ?? null,
      },
    ],
    onwarn(warning) {
      if (warning.code === 'EMPTY_BUNDLE') return; // jsx.js and vue.js: types only, empty on purpose
      throw new Error(`package build: ${warning.message}`);
    },
  });
  const { output } = await bundle.generate({
    format: 'es',
    entryFileNames: '[name].js',
    // Every other file of esbuild's stays a chunk of its own: Rollup would otherwise pull a manual chunk's
    // dependencies into it (the errors, which every element imports, into the adapter's chunk).
    manualChunks: (id) =>
      chunkOf.get(id) ?? (id.startsWith(join(outdir, 'chunks')) ? basename(id, '.js') : undefined),
    chunkFileNames: (chunk) => `chunks/${chunk.name.replace(/-[A-Z0-9]{8}$/, '')}-[hash].js`,
  });
  await bundle.close();
  for (const chunk of output) {
    if (chunk.type !== 'chunk') throw new Error(`package build: unexpected asset ${chunk.fileName}`);
    mkdirSync(dirname(join(outdir, chunk.fileName)), { recursive: true });
    writeFileSync(join(outdir, chunk.fileName), chunk.code);
  }
}

await Promise.all([
  // One file up front; the ZITADEL adapters, the ceremony, the QR code and the languages other than English
  // are chunks the bundle loads from beside itself when first needed.
  buildScriptTag(),
  buildPackageEntries(),
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

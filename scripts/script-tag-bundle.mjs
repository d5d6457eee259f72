// @ts-check
/**
 * How `dist/passkey-elements.js` is built: one minified ES module for a `<script type="module">` tag that
 * holds everything the elements need to render (lit, the four element classes, English), with chunks beside
 * it (the ZITADEL adapters, one per API generation, the ceremony, the QR code, the languages other than
 * English) that it loads when first needed. Used by scripts/build.mjs; the Vite demo serves the one-pass
 * esbuild output of `scriptTagBundle` at /dist/ for demo/plain.html.
 *
 * Two passes, because esbuild's code splitting puts what the entry shares with a chunk (lit, the errors, the
 * element base) into shared chunks that the entry imports — files the browser can only ask for once the
 * entry has arrived, a second round trip before the button. Rollup, given esbuild's output, keeps in the
 * entry every module the entry loads anyway and lets the chunks import it from the entry: one file up front.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { rollup } from 'rollup';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

/**
 * The v2 adapter, the HTTP client and its JSON parsing: one chunk in every build (see `CHUNK_OF_SOURCE`).
 * @type {Record<string, string>}
 */
export const ADAPTER_CHUNK = {
  'src/backends/http.ts': 'zitadel-v2',
  'src/backends/json.ts': 'zitadel-v2',
  'src/backends/zitadel-v2.ts': 'zitadel-v2',
};

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
  // The text of lit's css`` and html`` templates (see minify-templates.mjs); Rollup's pass reads the result.
  plugins: /** @type {import('esbuild').Plugin[]} */ ([minifyTemplatesPlugin()]),
});

/**
 * Where Rollup's pass puts a module of esbuild's output (a file of the first pass) by the sources it holds,
 * so that a v2 registration loads few files after the entry: the abort controller every element's requests
 * use (0.3 KB) rides in the entry, which is loaded anyway; the HTTP client and its JSON parsing ride with
 * the v2 adapter, which every v2 registration loads (v3alpha builds on the v2 adapter; a v1 page downloads
 * the v2 adapter with the client, 1.3 KB). Anything else is cut as esbuild cut it: by who loads it.
 */
const CHUNK_OF_SOURCE = {
  'src/internal/shared/ceremony-controller.ts': 'passkey-elements',
  ...ADAPTER_CHUNK,
};

/**
 * @param {import('esbuild').Metafile} metafile
 * @param {Record<string, string>} chunkOfSource the Rollup chunk of a source, by its path from the repository root
 * @param {{ entries?: boolean }} [options] `entries: false` places only shared chunks: an entry file (one
 *   that names a listed source as its entry point) stays where it is
 * @returns {Map<string, string>} the Rollup chunk of each esbuild output file that holds a listed source
 */
export function chunksBySource(metafile, chunkOfSource, { entries = true } = {}) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  /** @type {Map<string, string>} */
  const chunkOf = new Map();
  for (const [output, { inputs, entryPoint }] of Object.entries(metafile.outputs)) {
    if (entryPoint && !entries) continue;
    // A module loaded by import() may be a stub that re-exports from a shared file: it goes where its source goes.
    for (const input of [...Object.keys(inputs), ...(entryPoint ? [entryPoint] : [])]) {
      const chunk = chunkOfSource[input];
      if (chunk === undefined) continue;
      const path = join(root, output);
      const earlier = chunkOf.get(path);
      if (earlier !== undefined && earlier !== chunk) {
        throw new Error(`${output} holds sources of two chunks, ${earlier} and ${chunk}`);
      }
      chunkOf.set(path, chunk);
    }
  }
  const missing = Object.keys(chunkOfSource).filter(
    (source) => !Object.values(metafile.outputs).some(({ inputs }) => source in inputs),
  );
  // A source renamed or gone: its line in the table would place nothing, silently.
  if (missing.length) throw new Error(`no output holds ${missing.join(', ')}`);
  return chunkOf;
}

/**
 * Builds the script-tag bundle and its chunks, and writes them into dist/ unless `write` is false.
 * @param {{ write?: boolean }} [options]
 * @returns {Promise<{ path: string, code: string }[]>} the files, by absolute path
 */
export async function buildScriptTag({ write = true } = {}) {
  const split = await esbuild.build({ ...scriptTagBundle, minify: false, write: false, metafile: true });
  const modules = new Map(split.outputFiles.map((file) => [file.path, file.text]));
  const chunkOf = chunksBySource(split.metafile, CHUNK_OF_SOURCE);
  chunkOf.set(join(scriptTagBundle.outdir, 'passkey-elements.js'), 'passkey-elements');
  const bundle = await rollup({
    input: join(scriptTagBundle.outdir, 'passkey-elements.js'),
    // The entry may export more than its own exports: the chunks import what it holds from it.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      {
        name: 'esbuild-output',
        resolveId: (specifier, importer) => (importer ? join(dirname(importer), specifier) : specifier),
        load: (id) => modules.get(id) ?? null,
      },
    ],
    onwarn(warning) {
      throw new Error(`script-tag bundle: ${warning.message}`);
    },
  });
  const { output } = await bundle.generate({
    format: 'es',
    entryFileNames: '[name].js',
    manualChunks: (id) => chunkOf.get(id),
    // esbuild's names carry its hash of the first pass; the file is named by the hash of what it holds now.
    chunkFileNames: (chunk) => `passkey-elements-chunks/${chunk.name.replace(/-[A-Z0-9]{8}$/, '')}-[hash].js`,
  });
  await bundle.close();
  const files = await Promise.all(
    output.map(async (chunk) => {
      if (chunk.type !== 'chunk') throw new Error(`script-tag bundle: unexpected asset ${chunk.fileName}`);
      const { code } = await esbuild.transform(chunk.code, {
        minify: true,
        format: 'esm',
        target: 'es2022',
        legalComments: 'none',
      });
      return { path: join(scriptTagBundle.outdir, chunk.fileName), code };
    }),
  );
  if (write) {
    for (const file of files) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.code);
    }
  }
  return files;
}

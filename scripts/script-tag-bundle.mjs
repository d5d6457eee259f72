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
 * Builds the script-tag bundle and its chunks, and writes them into dist/ unless `write` is false.
 * @param {{ write?: boolean }} [options]
 * @returns {Promise<{ path: string, code: string }[]>} the files, by absolute path
 */
export async function buildScriptTag({ write = true } = {}) {
  const split = await esbuild.build({ ...scriptTagBundle, minify: false, write: false });
  const modules = new Map(split.outputFiles.map((file) => [file.path, file.text]));
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

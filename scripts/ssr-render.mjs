// @ts-check
/**
 * Renders kit elements on the server from the current source, for the demo's server-rendered page and the
 * SSR browser test: bundles `src/ssr.ts` with esbuild (lit and @lit-labs/* left as packages, so the renderer
 * and the elements share one lit) into node_modules/.cache, then renders.
 *
 *   node scripts/ssr-render.mjs '[["passkey-register", {"user-id": "1"}]]'   prints the HTML of each, in order
 *
 * One process per call: lit's server DOM shim stays out of the dev and test servers' own process.
 */
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = new URL('..', import.meta.url);
const outfile = new URL('node_modules/.cache/passkey-elements/ssr.mjs', root).pathname;
mkdirSync(new URL('.', pathToFileURL(outfile)).pathname, { recursive: true });
await esbuild.build({
  entryPoints: [new URL('src/ssr.ts', root).pathname],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  tsconfig: new URL('tsconfig.json', root).pathname,
  external: ['lit', 'lit/*', '@lit/*', '@lit-labs/*', '@simplewebauthn/browser', 'lean-qr', 'lean-qr/*'],
  logLevel: 'warning',
});
/** @type {{ renderElement: (tag: string, attributes: Record<string, string | boolean>) => Promise<string> }} */
const { renderElement } = await import(pathToFileURL(outfile).href);
const requests = /** @type {[string, Record<string, string | boolean>][]} */ (
  JSON.parse(process.argv[2] ?? '[]')
);
const rendered = [];
for (const [tag, attributes] of requests) rendered.push(await renderElement(tag, attributes));
process.stdout.write(JSON.stringify(rendered));

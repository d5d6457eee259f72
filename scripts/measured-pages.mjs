// @ts-check
/**
 * The pages `npm run size` and `npm run bench` measure, built as users build them: the script tag loads
 * `dist/passkey-elements.js` as `npm run build` made it; every package entry is bundled by Vite from an app
 * that imports it, with the package linked into the app's node_modules as an install would put it; the
 * floor (bench/floor.ts: lit and `startRegistration` doing the same two requests) is bundled by Vite the
 * same way. A page with a `<passkey-register>` (or the floor's button) carries `page`, its HTML.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { createZitadelMock } from '../mock/zitadel-mock.js';
import { TOKENS, USERS } from '../mock/seed.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const WORK = join(tmpdir(), `passkey-elements-pages-${process.pid}`);
/** lit as the apps of the Vite runtime's paths import it (by path: their node_modules hold only the kit). */
const LIT = join(ROOT, 'node_modules/lit/index.js');

/**
 * A measured path: its files by URL path, and which of them load up front.
 * @typedef {{ name: string, files: Map<string, Uint8Array>, upFront: string[], page?: string }} Path
 * `page`: the HTML of a page with a button that registers a passkey.
 */

export const FLOOR = 'floor (lit + startRegistration, bench/floor.ts)';

/**
 * What Vite itself adds up front to an app that loads anything lazily (its modulepreload polyfill and its
 * preload helper), measured as the difference of two apps that bundle lit: one that also makes one `import()`,
 * and one without it and without the polyfill. A package entry bundled by Vite carries that runtime, the
 * script tag does not; `npm run size` compares the two with it added to the script tag.
 */
export const VITE_RUNTIME = "lit and one import() with Vite's runtime for lazy chunks";
export const VITE_BARE = "lit alone, Vite's runtime off";

/**
 * The files a module imports statically (`import … from`, `import "…"`, `export … from`), resolved against
 * its URL path: what the browser must fetch before the module runs. Minified esbuild output, so a regex reads it.
 * @param {string} path @param {string} code
 */
function staticImports(path, code) {
  const found = [];
  for (const match of code.matchAll(/\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["']([^"']+)["']/g)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('.')) found.push(new URL(specifier, `http://x${path}`).pathname);
  }
  return found;
}

/** @param {string} entry @param {(path: string) => string[]} importsOf */
function closure(entry, importsOf) {
  const seen = new Set([entry]);
  for (const path of seen) for (const dependency of importsOf(path)) seen.add(dependency);
  return [...seen];
}

/** @param {string} dir @returns {Promise<string[]>} */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** The script tag: dist/passkey-elements.js and its chunks, served from /dist/. */
async function scriptTagPath() {
  /** @type {Map<string, Uint8Array>} */
  const files = new Map();
  for (const file of await filesUnder(DIST)) {
    if (file.endsWith('.js')) files.set(`/dist/${relative(DIST, file)}`, readFileSync(file));
  }
  const entry = '/dist/passkey-elements.js';
  const upFront = closure(entry, (path) =>
    staticImports(path, Buffer.from(files.get(path) ?? []).toString()),
  );
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>script tag</title>
<script type="module" src="${entry}"></script></head><body>
<passkey-register user-id="${USERS.alice.id}"></passkey-register>
<script type="module">${pageScript('passkey-register')}</script></body></html>`;
  return { name: 'script tag (dist/passkey-elements.js)', files, upFront, page };
}

/** What the kit's pages do besides loading the kit: hand the element its token, note the success. */
function pageScript(/** @type {string} */ tag) {
  return `const element = document.querySelector('${tag}');
element.token = '${TOKENS.alice}';
element.addEventListener('registration-success', () => (window.registered = true));`;
}

/**
 * An app that imports an entry of the package, bundled by Vite into /<slug>/.
 * @param {{ name: string, slug: string, main: string, body?: string, external?: string[], modules?: Record<string, string>, polyfill?: boolean }} app
 * `modules`: more files of the app beside main.js, by name; `polyfill: false` turns Vite's modulepreload polyfill off.
 */
async function viteApp({ name, slug, main, body = '', external = [], modules = {}, polyfill = true }) {
  const root = join(WORK, slug);
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(root, 'node_modules', 'passkey-elements'), 'dir');
  writeFileSync(join(root, 'main.js'), main);
  for (const [file, code] of Object.entries(modules)) writeFileSync(join(root, file), code);
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${slug}</title>
<script type="module" src="./main.js"></script></head><body>${body}</body></html>`,
  );
  const output = /** @type {import('vite').Rollup.RollupOutput} */ (
    await build({
      root,
      base: `/${slug}/`,
      configFile: false,
      logLevel: 'error',
      build: { outDir: 'out', write: false, rollupOptions: { external }, modulePreload: { polyfill } },
    })
  );
  /** @type {Map<string, Uint8Array>} */
  const files = new Map();
  /** @type {Map<string, string[]>} */
  const imports = new Map();
  let entry = '';
  let page = '';
  for (const item of output.output) {
    const path = `/${slug}/${item.fileName}`;
    if (item.type === 'chunk') {
      files.set(path, Buffer.from(item.code));
      imports.set(
        path,
        item.imports.map((file) => `/${slug}/${file}`),
      );
      if (item.isEntry) entry = path;
    } else if (item.fileName === 'index.html') {
      page = String(item.source);
    }
  }
  const upFront = closure(entry, (path) => imports.get(path) ?? []);
  return { name, files, upFront, ...(body ? { page } : {}) };
}

/** The files of a page that do not load in a browser: their size is what a bundler or server adds. */
function builtFiles(/** @type {string} */ name, /** @type {string[]} */ paths) {
  /** @type {Map<string, Uint8Array>} */
  const files = new Map(paths.map((path) => [`/${path}`, readFileSync(join(ROOT, path))]));
  return { name, files, upFront: [...files.keys()] };
}

/**
 * Builds every path (`registering` only: those with a page that registers); dist/ must be current.
 * @param {{ registering?: boolean }} [options]
 * @returns {Promise<Path[]>}
 */
export async function buildPaths({ registering = false } = {}) {
  if (!existsSync(join(DIST, 'index.js')) || !existsSync(join(DIST, 'passkey-elements.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first.');
  }
  const newestSource = Math.max(
    ...(await filesUnder(join(ROOT, 'src'))).map((file) => statSync(file).mtimeMs),
  );
  if (newestSource > statSync(join(DIST, 'index.js')).mtimeMs) {
    console.warn(
      'Warning: src/ changed after the last `npm run build`; these are the sizes of the old dist/.\n',
    );
  }

  rmSync(WORK, { recursive: true, force: true });
  const registerBody = `<passkey-register user-id="${USERS.alice.id}"></passkey-register>`;
  const kitMain = (/** @type {string} */ specifier) =>
    `import '${specifier}';\n${pageScript('passkey-register')}\n`;
  /** @type {Path[]} */
  const paths = [];
  try {
    paths.push(await scriptTagPath());
    // One at a time: the machine is shared, and Vite builds are quick.
    for (const app of [
      {
        name: "import 'passkey-elements'",
        slug: 'root',
        main: kitMain('passkey-elements'),
        body: registerBody,
      },
      {
        name: "import 'passkey-elements/passkey-register.js'",
        slug: 'passkey-register',
        main: kitMain('passkey-elements/passkey-register.js'),
        body: registerBody,
      },
      {
        name: "import 'passkey-elements/u2f-register.js'",
        slug: 'u2f-register',
        main: `import 'passkey-elements/u2f-register.js';`,
      },
      {
        name: "import 'passkey-elements/registration-link-admin.js'",
        slug: 'registration-link-admin',
        main: `import 'passkey-elements/registration-link-admin.js';`,
      },
      {
        name: "import 'passkey-elements/authenticator-list.js'",
        slug: 'authenticator-list',
        main: `import 'passkey-elements/authenticator-list.js';`,
      },
      {
        name: "import * from 'passkey-elements/backends'",
        slug: 'backends',
        main: `import * as backends from 'passkey-elements/backends';\nwindow.backends = backends;`,
      },
      {
        name: "import * from 'passkey-elements/messages'",
        slug: 'messages',
        main: `import * as messages from 'passkey-elements/messages';\nwindow.messages = messages;`,
      },
      {
        name: "import { PasskeyRegister } from 'passkey-elements/react'",
        slug: 'react-one',
        main: `import { PasskeyRegister } from 'passkey-elements/react';\nwindow.PasskeyRegister = PasskeyRegister;`,
        external: ['react'],
      },
      {
        name: "import * from 'passkey-elements/react' (react external)",
        slug: 'react',
        main: `import * as react from 'passkey-elements/react';\nwindow.react = react;`,
        external: ['react'],
      },
      {
        name: VITE_RUNTIME,
        slug: 'vite-runtime',
        main: `import { LitElement } from '${LIT}';\nwindow.lit = LitElement;\nvoid import('./lazy.js');`,
        modules: { 'lazy.js': 'export default 1;' },
      },
      {
        name: VITE_BARE,
        slug: 'vite-bare',
        main: `import { LitElement } from '${LIT}';\nwindow.lit = LitElement;`,
        polyfill: false,
      },
      {
        name: FLOOR,
        slug: 'floor',
        main: `import { FloorRegister } from '${join(ROOT, 'bench/floor.ts')}';\ncustomElements.define('floor-register', FloorRegister);`,
        body: '<floor-register></floor-register>',
      },
    ]) {
      if (!registering || app.body) paths.push(await viteApp(app));
    }
  } finally {
    rmSync(WORK, { recursive: true, force: true });
  }
  if (!registering) {
    paths.push(
      builtFiles("import 'passkey-elements/jsx', 'passkey-elements/vue' (types only)", [
        'dist/jsx.js',
        'dist/vue.js',
      ]),
      builtFiles('passkey-elements/proxy (server side)', ['dist/proxy.js']),
    );
  }
  return paths;
}

/**
 * Serves the paths' files and pages (`/page/<index in pages>`) with the mock ZITADEL on the same origin; JS
 * gzipped where the browser accepts it, as a CDN or web server sends it.
 * @param {Path[]} pages
 */
export async function servePages(pages) {
  const mock = createZitadelMock();
  /** @type {Map<string, Uint8Array>} */
  const served = new Map();
  /** @type {Map<string, string>} */
  const html = new Map();
  for (const path of pages) {
    for (const [url, bytes] of path.files) served.set(url, bytes);
    html.set(`/page/${pages.indexOf(path)}`, path.page ?? '');
  }
  /** @type {Map<string, Buffer>} */
  const zipped = new Map();
  const gzipped = (/** @type {string} */ url, /** @type {Uint8Array} */ bytes) => {
    if (!zipped.has(url)) zipped.set(url, gzipSync(bytes, { level: 9 }));
    return zipped.get(url);
  };
  const server = createServer(async (req, res) => {
    if (await mock.handle(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost').pathname;
    const bytes = served.get(url);
    if (bytes && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      res
        .writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' })
        .end(gzipped(url, bytes));
    } else if (bytes) res.writeHead(200, { 'content-type': 'text/javascript' }).end(bytes);
    else if (html.has(url)) res.writeHead(200, { 'content-type': 'text/html' }).end(html.get(url));
    else res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, 'localhost', () => done(undefined)));
  const address = server.address();
  const origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    mock,
    origin,
    pageOf: (/** @type {Path} */ path) => `${origin}/page/${pages.indexOf(path)}`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

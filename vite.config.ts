import { execFile } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { TOKENS, USERS } from './mock/seed.js';
import { createZitadelMock } from './mock/zitadel-mock.js';
import { createProxy, nodeHandler } from './src/proxy.js';
import { scriptTagBundle } from './scripts/script-tag-bundle.mjs';

/**
 * ZITADEL's own login pages for registration links: Login v1's (where v1 links lead), Login v2's under
 * ZITADEL (where v2 and v3alpha links without a template lead) and a Login v2 of its own (`/passkey/set`). In the demo, the kit's landing page stands in for each, with the same query; its
 * asset URLs are absolute, so it works under any path.
 */
const LOGIN_PAGES = ['/ui/login/login/passwordless/init', '/ui/v2/login/passkey/set', '/passkey/set'];

function loginPageStandIn(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  const path = req.url?.split(/[?#]/)[0];
  const page = LOGIN_PAGES.find((candidate) => path === candidate);
  if (page && req.url) req.url = `/register.html${req.url.slice(page.length)}`;
  next();
}

/** The demo's pretend sign-in: which user (or admin) this browser is, from a cookie the demo pages set. */
function demoCookie(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The server-side piece every real deployment needs (`passkey-elements/proxy`), in front of the mock:
 * - `/zitadel` holds the login client's token (ZITADEL's IAM_LOGIN_CLIENT role): a link's landing page
 *   starts with its code and verifies through it, and a signed-in admin creates v2 / v3alpha links;
 * - `/zitadel-manager` holds a user manager's token: the signed-in user's own passkeys and security keys
 *   with no token in the browser (the session mode of the Register page), and v1 links, which need
 *   `user.credential.write`. The session also keeps the user's own token on the server (`sessionToken`), as
 *   an app that signed the user in with ZITADEL does: the user's calls go upstream as theirs.
 * The demo's "session" is a cookie the pages set themselves; a real app reads its own session instead.
 */
function proxies(origin: () => string) {
  const tokenOfUser = new Map<string, string>(
    Object.entries(USERS).map(([name, user]) => [user.id, TOKENS[name as keyof typeof USERS]]),
  );
  const session = {
    sessionUser: (request: Request) => demoCookie(request, 'demo-user'),
    sessionToken: (request: Request) => tokenOfUser.get(demoCookie(request, 'demo-user') ?? ''),
    authorizeAdmin: (request: Request) => demoCookie(request, 'demo-role') === 'admin',
  };
  const mount = (prefix: string, serviceToken: string) => {
    let handler: ReturnType<typeof nodeHandler> | undefined;
    return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
      handler ??= nodeHandler(createProxy({ upstream: origin(), serviceToken, prefix, ...session }));
      handler(req, res, next);
    };
  };
  return [mount('/zitadel', TOKENS.loginClient), mount('/zitadel-manager', TOKENS.admin)];
}

/** Mounts the mock ZITADEL on Vite's own server, with the proxies in front, so the demo needs nothing else. */
function zitadelMock(): Plugin {
  const mock = createZitadelMock();
  const mountAll = (server: ViteDevServer | PreviewServer) => {
    const origin = () => {
      const address = server.httpServer?.address();
      return address && typeof address === 'object'
        ? `http://localhost:${address.port}`
        : 'http://localhost:5173';
    };
    server.middlewares.use(loginPageStandIn);
    for (const proxy of proxies(origin)) server.middlewares.use(proxy);
    server.middlewares.use(mock.middleware());
  };
  return {
    name: 'zitadel-mock',
    configureServer: mountAll,
    configurePreviewServer: mountAll,
  };
}

/**
 * `/ssr.html`: a page whose elements are rendered on the server with `passkey-elements/ssr`
 * (scripts/ssr-render.mjs, in its own process, from the current source) and hydrated by demo/ssr.ts.
 */
function serverRenderedPage(): Plugin {
  const page = (elements: string[]) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Server-rendered — Acme Cloud (passkey-elements demo)</title>
    <link rel="icon" href="/favicon.svg" />
    <link rel="stylesheet" href="/demo.css" />
    <script type="module" src="/ssr.ts"></script>
  </head>
  <body>
    <header class="app-bar"><div class="app-bar-inner"><a class="brand" href="/">Acme Cloud</a>
      <nav aria-label="Demo pages"><a href="/">Security</a><a href="/admin.html">Admin</a><a href="/outbox.html">Outbox</a><a href="/react.html">React</a><a href="/vue.html">Vue</a><a href="/plain.html">Plain HTML</a><a href="/ssr.html" aria-current="page">Server-rendered</a></nav>
    </div></header>
    <main class="page">
      <div class="page-header">
        <p class="breadcrumb">Demo › Server-rendered</p>
        <h1>Rendered on the server</h1>
        <p>These elements arrived as HTML with declarative shadow DOM (<code>passkey-elements/ssr</code>): the
        button is on screen before any script runs, and the browser hydrates it in place.</p>
      </div>
      <section class="card"><h2>Passkeys</h2>${elements[0]}</section>
      <section class="card"><h2>Your passkeys and security keys</h2>${elements[1]}</section>
      <details class="devtools" id="devtools"></details>
    </main>
  </body>
</html>`;
  const render = (): Promise<string[]> =>
    new Promise((done, fail) => {
      const requests = [
        ['passkey-register', { 'user-id': USERS.carol.id }],
        ['authenticator-list', { 'user-id': USERS.carol.id }],
      ];
      execFile(
        process.execPath,
        [resolve(import.meta.dirname, 'scripts/ssr-render.mjs'), JSON.stringify(requests)],
        (error, stdout, stderr) =>
          error ? fail(new Error(stderr || error.message)) : done(JSON.parse(stdout)),
      );
    });
  return {
    name: 'server-rendered-page',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/ssr.html') return next();
        render()
          .then((elements) => server.transformIndexHtml(req.url ?? '/ssr.html', page(elements)))
          .then((html) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(html);
          }, next);
      });
    },
  };
}

const BUNDLE_PATH = '/dist/';
const BUNDLE_ENTRY = `${BUNDLE_PATH}passkey-elements.js`;

/**
 * Serves `/dist/passkey-elements.js` and its chunks for demo/plain.html, built by esbuild exactly as
 * `npm run build` builds them (scripts/script-tag-bundle.mjs) but in memory, from the current source: so
 * the page works straight after `npm install`, shows what was last saved, and leaves dist/ alone. Rebuilt
 * whenever the entry is requested; the chunks then come from that same build.
 */
function scriptTagBundleServer(): Plugin {
  let build: Promise<Map<string, Uint8Array>> | undefined;
  const rebuild = async () => {
    const result = await esbuild.build({ ...scriptTagBundle, write: false });
    const files = new Map<string, Uint8Array>();
    for (const file of result.outputFiles)
      files.set(relative(scriptTagBundle.outdir, file.path), file.contents);
    return files;
  };
  const serve = async (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const path = req.url?.split('?')[0] ?? '';
    if (!path.startsWith(BUNDLE_PATH)) return next();
    try {
      if (path === BUNDLE_ENTRY || !build) build = rebuild();
      const file = (await build).get(path.slice(BUNDLE_PATH.length));
      if (!file) return next();
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(file);
    } catch (error) {
      build = undefined;
      next(error);
    }
  };
  return {
    name: 'script-tag-bundle',
    configureServer(server) {
      server.middlewares.use((req, res, next) => void serve(req, res, next));
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => void serve(req, res, next));
    },
  };
}

export default defineConfig({
  root: 'demo',
  plugins: [zitadelMock(), scriptTagBundleServer(), serverRenderedPage()],
  // /ssr.html is made by a middleware, so Vite's scan of the HTML files would not find ssr.ts's imports
  // (the hydrate support): name it, so every dependency is bundled at start, not found mid-visit with a reload.
  optimizeDeps: { entries: ['*.html', 'ssr.ts'] },
  server: {
    host: 'localhost',
    // WebAuthn needs a secure context and an RP ID that fits: http://localhost is both.
    port: 5173,
    open: process.env.CI || process.env.NO_OPEN ? false : '/',
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-demo'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'demo/index.html'),
        admin: resolve(import.meta.dirname, 'demo/admin.html'),
        outbox: resolve(import.meta.dirname, 'demo/outbox.html'),
        react: resolve(import.meta.dirname, 'demo/react.html'),
        vue: resolve(import.meta.dirname, 'demo/vue.html'),
        plain: resolve(import.meta.dirname, 'demo/plain.html'),
        register: resolve(import.meta.dirname, 'demo/register.html'),
      },
    },
  },
});

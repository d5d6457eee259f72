import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { createZitadelMock } from './mock/zitadel-mock.js';
import { scriptTagBundle } from './scripts/script-tag-bundle.mjs';

/**
 * ZITADEL's own login page for registration links (where v1 links and template-less emails lead). In the
 * demo, the kit's landing page stands in for it, with the same query.
 */
const LOGIN_PASSWORDLESS_INIT = '/ui/login/login/passwordless/init';

function loginPageStandIn(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  if (req.url?.startsWith(LOGIN_PASSWORDLESS_INIT))
    req.url = `/register.html${req.url.slice(LOGIN_PASSWORDLESS_INIT.length)}`;
  next();
}

/** Mounts the mock ZITADEL on Vite's own server, so the demo needs nothing else. */
function zitadelMock(): Plugin {
  const mock = createZitadelMock();
  return {
    name: 'zitadel-mock',
    configureServer(server) {
      server.middlewares.use(loginPageStandIn);
      server.middlewares.use(mock.middleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(loginPageStandIn);
      server.middlewares.use(mock.middleware());
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
  plugins: [zitadelMock(), scriptTagBundleServer()],
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

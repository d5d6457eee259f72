import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { createZitadelMock } from './mock/zitadel-mock.js';

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

export default defineConfig({
  root: 'demo',
  plugins: [zitadelMock()],
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
        register: resolve(import.meta.dirname, 'demo/register.html'),
      },
    },
  },
});

// @ts-check
/**
 * `passkey-elements/proxy` in front of the mock on the test server, as a real deployment puts it in front of
 * ZITADEL (and as vite.config.ts does for the demo):
 * - `/zitadel`: the login client's token — a link's landing page starts with its code and verifies; an
 *   admin (cookie `test-role=admin`) creates v2 / v3alpha links;
 * - `/zitadel-manager`: a user manager's token — the session's own user (cookie `test-user=<id>`) manages
 *   their passkeys with no token in the browser; an admin creates v1 links.
 * The proxy's TypeScript source is bundled with esbuild when the config loads, so tests run the current code.
 */
import * as esbuild from 'esbuild';
import { TOKENS } from '../../mock/seed.js';

const { outputFiles } = await esbuild.build({
  entryPoints: [new URL('../../src/proxy.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const [bundle] = outputFiles;
if (!bundle) throw new Error('esbuild built no proxy bundle');
/** @type {typeof import('../../src/proxy.js')} */
const { createProxy, nodeHandler } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.contents).toString('base64')}`
);

/** @param {Request} request @param {string} name */
function cookie(request, name) {
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const policy = {
  sessionUser: (/** @type {Request} */ request) => cookie(request, 'test-user'),
  authorizeAdmin: (/** @type {Request} */ request) => cookie(request, 'test-role') === 'admin',
};

const MOUNTS = /** @type {const} */ ([
  ['/zitadel', TOKENS.loginClient],
  ['/zitadel-manager', TOKENS.admin],
]);

/**
 * A Koa middleware for @web/test-runner's `middleware` list. The upstream is the test server itself (the
 * mock answers there), on the origin the request came to.
 */
export function proxyMiddleware() {
  /** @type {Map<string, ReturnType<typeof nodeHandler>>} */
  const handlers = new Map();
  /** @param {string} prefix @param {string} token @param {string} origin */
  const handlerFor = (prefix, token, origin) => {
    const key = `${prefix} ${origin}`;
    let handler = handlers.get(key);
    if (!handler) {
      handler = nodeHandler(createProxy({ upstream: origin, serviceToken: token, prefix, ...policy }));
      handlers.set(key, handler);
    }
    return handler;
  };
  /**
   * @param {{ path: string, origin: string, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, respond?: boolean }} ctx
   * @param {() => Promise<unknown>} next
   */
  return async (ctx, next) => {
    const mount = MOUNTS.find(([prefix]) => ctx.path === prefix || ctx.path.startsWith(`${prefix}/`));
    if (!mount) return next();
    const handler = handlerFor(mount[0], mount[1], ctx.origin);
    ctx.respond = false;
    await new Promise((resolve, reject) => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      handler(ctx.req, ctx.res, (/** @type {unknown} */ error) =>
        error ? reject(error) : resolve(undefined),
      );
    });
    if (!ctx.res.headersSent) {
      ctx.respond = true;
      await next();
    }
  };
}

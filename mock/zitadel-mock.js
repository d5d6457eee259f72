// @ts-check
/// <reference types="node" />
/**
 * An in-memory ZITADEL for the kit's tests, demo and benchmarks: a plain Node request handler that
 * answers ZITADEL's registration APIs the way ZITADEL's grpc-gateway does, plus control endpoints
 * under `/__mock/`. See `mock/README.md`.
 *
 * @example
 *   const mock = createZitadelMock();
 *   http.createServer(async (req, res) => {
 *     if (!(await mock.handle(req, res))) res.writeHead(404).end();
 *   }).listen(8080);
 */

import { randomBytes } from 'node:crypto';
import { callerName, identifyCaller } from './auth.js';
import { CONFIG_KEYS, checkConfig } from './config.js';
import { controlRoutes } from './control.js';
import { applyCors } from './cors.js';
import { ApiError, Errors, MockUsageError } from './errors.js';
import { createFaultQueue, injectFault, parseFault } from './faults.js';
import { delay, matchRoute, parseRequestUrl, readBody, sendJson } from './http.js';
import { createStore } from './store.js';
import { v1Routes } from './v1.js';
import { v2Routes } from './v2.js';
import { v3alphaRoutes } from './v3alpha.js';

/** The path prefixes of ZITADEL's APIs that the mock owns; anything else falls through. */
const API_PREFIXES = ['/v2/', '/resources/v3alpha/', '/management/v1/'];
const CONTROL_PREFIX = '/__mock/';
const HOUR_MS = 60 * 60 * 1000;

/**
 * @typedef {import('./config.js').V3alphaMode} V3alphaMode
 * @typedef {import('./config.js').MockConfig} MockConfig
 * @typedef {import('./config.js').LoggedRequest} LoggedRequest
 * @typedef {{
 *   codeTtlMs?: number,
 *   latencyMs?: number,
 *   v3alpha?: V3alphaMode,
 *   now?: () => number,
 *   logger?: MockLogger,
 * }} ZitadelMockOptions
 *   `codeTtlMs`: how long registration codes live (default 1 hour); `latencyMs`: delay before every
 *   API answer, for benchmarks (default 0); `v3alpha`: see V3alphaMode; `now`: the clock (default
 *   `Date.now`); `logger`: told one line per API request (never a token).
 * @typedef {{ info?: (message: string) => void, error?: (message: string, error?: unknown) => void }} MockLogger
 */

/**
 * What a route handler gets.
 * @typedef {{
 *   req: import('node:http').IncomingMessage,
 *   params: Record<string, string>,
 *   query: URLSearchParams,
 *   body: string,
 *   caller: import('./auth.js').Caller,
 *   store: import('./store.js').Store,
 *   config: Readonly<MockConfig>,
 * }} ApiContext
 */

/** Every API generation's routes, in matching order. Their paths do not overlap, so order only matters within a table. */
const API_ROUTES = [...v2Routes, ...v3alphaRoutes, ...v1Routes];
const KNOWN_RPCS = [...new Set(API_ROUTES.map((route) => route.rpc))];

/**
 * @param {ZitadelMockOptions} [options]
 */
export function createZitadelMock(options = {}) {
  const { now = Date.now, logger } = options;
  /** @type {MockConfig} */
  const initialConfig = checkConfig({ codeTtlMs: HOUR_MS, latencyMs: 0, v3alpha: 'unimplemented' }, options);
  let config = { ...initialConfig };
  const store = createStore({ now });
  const faults = createFaultQueue();
  /** @type {LoggedRequest[]} */
  let requestLog = [];
  /** Responses a `hang` fault holds open; ended on reset so nothing leaks between tests. */
  const hungResponses = new Set();

  /**
   * Answers a request if it is for ZITADEL's APIs or the control endpoints.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>} false, with `res` untouched, when the path is not the mock's
   */
  async function handle(req, res) {
    const { path, query, searchParams } = parseRequestUrl(req.url);
    if (path.startsWith(CONTROL_PREFIX)) {
      await answerControl(req, res, path);
      return true;
    }
    if (!API_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
    // Preflights are answered by ZITADEL's CORS layer before any API handler: never logged or faulted.
    if (applyCors(req, res)) return true;
    await answerApi(req, res, path, query, searchParams);
    return true;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} path
   * @param {Record<string, string | string[]>} query for the log
   * @param {URLSearchParams} searchParams for the handler
   */
  async function answerApi(req, res, path, query, searchParams) {
    const method = req.method ?? 'GET';
    const match = matchRoute(API_ROUTES, method, path);
    const route = typeof match === 'object' ? match.route : undefined;
    const caller = identifyCaller(req.headers.authorization, store.principal);
    /** @type {string} */
    let body = '';
    /** @type {unknown} */
    let bodyError;
    try {
      body = await readBody(req);
    } catch (error) {
      bodyError = error;
    }
    requestLog.push({
      rpc: route?.rpc ?? null,
      method,
      path,
      query,
      headers: pickHeaders(req),
      hasAuthorization: req.headers.authorization !== undefined,
      tokenOwner: callerName(caller),
      body: bodyForLog(body),
    });

    await delay(config.latencyMs);
    const fault = route && faults.take(route.rpc);
    if (fault && !fault.afterHandling && (await injectFault(fault, req, res, holdOpen))) {
      logger?.info?.(`${method} ${path} → fault (${route.rpc})`);
      return;
    }

    /** @type {{ status: number, body: unknown }} */
    let answer;
    try {
      if (bodyError) throw bodyError;
      if (match === undefined) throw Errors.routeNotFound();
      if (match === 'method-not-allowed') throw Errors.methodNotAllowed();
      const result = await match.route.handler({
        req,
        params: match.params,
        query: searchParams,
        body,
        caller,
        store,
        config,
      });
      answer = { status: result.status ?? 200, body: result.body };
    } catch (error) {
      if (!(error instanceof ApiError)) logger?.error?.(`mock crashed on ${method} ${path}`, error);
      const apiError = error instanceof ApiError ? error : Errors.internal();
      answer = { status: apiError.status, body: apiError };
    }
    // A fault after handling: what the handler did stays done, only its answer is lost.
    if (fault?.afterHandling && (await injectFault(fault, req, res, holdOpen))) {
      logger?.info?.(`${method} ${path} → handled, then fault (${route?.rpc})`);
      return;
    }
    sendJson(res, answer.status, answer.body);
    logger?.info?.(`${method} ${path} → ${res.statusCode}${route ? ` (${route.rpc})` : ''}`);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} path
   */
  async function answerControl(req, res, path) {
    const match = matchRoute(controlRoutes, req.method ?? 'GET', path);
    if (typeof match !== 'object') {
      const status = match === 'method-not-allowed' ? 405 : 404;
      sendJson(res, status, { error: `no control endpoint ${req.method} ${path}` });
      return;
    }
    try {
      const text = await readBody(req);
      /** @type {unknown} */
      let body;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          throw new MockUsageError('the body is not JSON');
        }
      }
      sendJson(res, 200, match.route.handler(mock, body) ?? null);
    } catch (error) {
      if (!(error instanceof MockUsageError)) throw error;
      sendJson(res, 400, { error: error.message });
    }
  }

  /** @param {import('node:http').ServerResponse} res */
  function holdOpen(res) {
    hungResponses.add(res);
    res.on('close', () => hungResponses.delete(res));
  }

  function snapshot() {
    /** @type {Record<string, number>} */
    const requests = {};
    for (const { rpc } of requestLog) if (rpc) requests[rpc] = (requests[rpc] ?? 0) + 1;
    return { ...store.snapshot(), requests };
  }

  const mock = {
    handle,

    /**
     * A connect-style middleware, for Vite's `server.middlewares.use(...)`.
     * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (error?: unknown) => void) => void}
     */
    middleware() {
      return (req, res, next) => {
        handle(req, res).then((handled) => {
          if (!handled) next();
        }, next);
      };
    },

    /**
     * A Koa-style middleware, for @web/test-runner's and @web/dev-server's `middleware` option.
     * @returns {(ctx: { req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, respond?: boolean }, next: () => Promise<unknown>) => Promise<void>}
     */
    koa() {
      return async (ctx, next) => {
        // `respond = false` tells Koa the response is ours: it must not write its own.
        if (await handle(ctx.req, ctx.res)) ctx.respond = false;
        else await next();
      };
    },

    /** Back to the seed: users, codes, outbox, request log, faults and config as at creation. */
    reset() {
      store.reset();
      faults.clear();
      requestLog = [];
      config = { ...initialConfig };
      for (const res of hungResponses) res.destroy();
      hungResponses.clear();
    },

    /** What the demo shows and tests read: users with their authenticators, codes, outbox, counts per rpc. */
    get state() {
      return snapshot();
    },

    /** @returns {LoggedRequest[]} the API requests since the last reset, oldest first */
    get requests() {
      return requestLog.map((entry) => ({ ...entry }));
    },

    clearRequests() {
      requestLog = [];
    },

    /** @returns {import('./store.js').Email[]} the emails ZITADEL would have sent */
    get outbox() {
      return store.outbox;
    },

    /** @returns {MockConfig} */
    get config() {
      return { ...config };
    },

    /**
     * Changes `codeTtlMs`, `latencyMs` and/or `v3alpha` until the next reset.
     * @param {{ [key: string]: unknown } & Partial<MockConfig>} changes
     * @returns {MockConfig}
     */
    configure(changes) {
      const known = /** @type {readonly string[]} */ (CONFIG_KEYS);
      const unknown = Object.keys(changes).filter((key) => !known.includes(key));
      if (unknown.length) throw new MockUsageError(`unknown config field "${unknown[0]}"`);
      config = checkConfig(config, changes);
      return { ...config };
    },

    /**
     * Makes a registration code for a user, as CreatePasskeyRegistrationLink with returnCode would.
     * @param {string} userId
     * @param {number} [ttlMs] default: the configured `codeTtlMs`
     */
    createCode(userId, ttlMs = config.codeTtlMs) {
      if (!store.user(userId)) throw new MockUsageError(`no user ${userId}`);
      if (!(Number.isFinite(ttlMs) && ttlMs >= 0)) throw new MockUsageError('ttlMs must be a number ≥ 0');
      const code = store.issueCode(userId, ttlMs);
      return { id: code.id, code: code.code, expiresAt: new Date(code.expiresAt).toISOString() };
    },

    /**
     * Stores a verified passkey or U2F key for a user, as if registered on another device: for tests of what
     * lists and deletes in a browser without Web Authentication (WebKitGTK). Not a ZITADEL call; its
     * credential is a random id without a key, so nothing can sign in with it.
     * @param {string} userId
     * @param {{ kind?: unknown, name?: unknown, rpID?: unknown }} [registration]
     */
    addRegistered(userId, { kind = 'passkey', name = '', rpID = 'localhost' } = {}) {
      const user = store.user(userId);
      if (!user) throw new MockUsageError(`no user ${userId}`);
      if (kind !== 'passkey' && kind !== 'u2f') throw new MockUsageError('kind must be passkey or u2f');
      if (typeof name !== 'string' || typeof rpID !== 'string') {
        throw new MockUsageError('name and rpID must be strings');
      }
      const authenticator = store.startAuthenticator(user, { kind, challenge: '', rpID });
      store.completeAuthenticator(authenticator, name, {
        credentialId: randomBytes(16).toString('base64url'),
        publicKey: '',
        counter: 0,
        transports: kind === 'passkey' ? ['internal'] : ['usb'],
        aaguid: '00000000-0000-0000-0000-000000000000',
        userVerified: kind === 'passkey',
      });
      return { ...authenticator };
    },

    /**
     * Queues a fault for the next matching request(s).
     * @param {unknown} fault an `import('./faults.js').FaultSpec`, checked
     */
    addFault(fault) {
      faults.add(parseFault(fault, KNOWN_RPCS));
    },

    clearFaults() {
      faults.clear();
    },

    /** The faults still queued. */
    get faults() {
      return faults.list();
    },
  };
  return mock;
}

/** @typedef {ReturnType<typeof createZitadelMock>} ZitadelMock */

/**
 * The headers tests care about; never Authorization.
 * @param {import('node:http').IncomingMessage} req
 */
function pickHeaders(req) {
  /** @type {LoggedRequest['headers']} */
  const headers = {};
  for (const name of /** @type {const} */ (['host', 'origin', 'content-type', 'x-zitadel-orgid'])) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/**
 * The body as JSON when it is JSON, else the raw text (so a test can see what was really sent).
 * @param {string} text
 */
function bodyForLog(text) {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { RegistrationError } from '../core/errors.js';
import { ANSWER_HEADERS, refusal, type Refusal } from './answers.js';
import { idFieldNames, matchRoute, upstreamPath, type ProxyRoute } from './routes.js';

/** Larger request bodies are refused with 413; the kit's largest (a verify with its attestation) is a few KiB. */
export const BODY_LIMIT = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

/** The only request headers sent upstream besides the authorization the policy chose; never a cookie. */
const FORWARDED_HEADERS = ['accept', 'accept-language', 'content-type', 'x-zitadel-orgid'];
/**
 * The only response headers passed back from upstream, besides its JSON content-type: whatever else an
 * upstream (or a box in front of it) adds — cookies, redirects, CORS, CSP, Clear-Site-Data — is not the
 * app's to receive on its own origin.
 */
const PASSED_RESPONSE_HEADERS = ['date', 'retry-after'];
export interface ProxyOptions {
  /** The ZITADEL instance, e.g. `https://my-instance.zitadel.cloud`; may end in a path of its own. */
  upstream: string;
  /**
   * A service user's token (the token itself, without `Bearer `), added only where the policy allows it.
   * A function is called for each such request (e.g. to refresh a short-lived token).
   */
  serviceToken: string | (() => string | Promise<string>);
  /** The signed-in user's ZITADEL id from the page's own session (e.g. its cookie); enables self-service. */
  sessionUser?: (request: Request) => string | undefined | Promise<string | undefined>;
  /**
   * The signed-in user's own ZITADEL access token (the token itself), where the page's server keeps one in
   * its session — never in the browser. Self-service requests for `sessionUser`'s user then go upstream
   * with it instead of the service token, so ZITADEL checks them as the user's own (self-management needs
   * no role; the service user then needs no user-manager role for them). Needs `sessionUser`.
   */
  sessionToken?: (request: Request) => string | undefined | Promise<string | undefined>;
  /**
   * The origins of pages on other origins that may call the proxy (`https://app.example.com`): a request
   * other than GET that a browser marks as sent from another site or origin (`Sec-Fetch-Site`, else
   * `Origin`) is refused with 403 unless its `Origin` is listed. Pages on the proxy's own origin need
   * nothing here. The proxy sends no CORS headers: a page on another origin also needs CORS middleware.
   */
  allowedOrigins?: readonly string[];
  /**
   * May this request create this registration link? Without it, link creation is refused with 403. It is
   * told whose link and where (`target`): the proxy's service token may act on every user it can reach, so
   * check that this admin may manage this user (and organization) before saying yes.
   */
  authorizeAdmin?: (request: Request, target: AdminTarget) => boolean | Promise<boolean>;
  /** The path the proxy is mounted at (e.g. `/zitadel`), stripped before matching and forwarding. */
  prefix?: string;
  /** How long the upstream may take to answer, in ms (default 10 000); then 504. */
  timeout?: number;
  /** The fetch to call upstream with (default: the global one). */
  fetch?: typeof fetch;
  /** Told one line per request: method, RPC, decision, status. Never a token, a code, an id or a body. */
  log?: (line: string) => void;
}

/** What an admin request would act on, as `authorizeAdmin` is told. */
export interface AdminTarget {
  /** The user id of the path (whose registration link). */
  readonly userId: string;
  /** The RPC, e.g. `CreatePasskeyRegistrationLink`, `SendPasswordlessRegistration`. */
  readonly rpc: string;
  /** The `x-zitadel-orgid` header the request sends upstream (management v1's organization), if any. */
  readonly orgId?: string;
}

/** A proxy: a Fetch API handler, for any runtime that has `Request` and `Response`. */
export type ZitadelProxy = (request: Request) => Promise<Response>;

/** The policies that add the service token, as logged. */
const SERVICE_GRANTS = ['code', 'verify', 'session', 'admin'] as const;
type ServiceGrant = (typeof SERVICE_GRANTS)[number];
const isServiceGrant = (value: string): value is ServiceGrant =>
  (SERVICE_GRANTS as readonly string[]).includes(value);

/** What `nodeHandler` needs to know about a proxy before it reads a request's body. */
export interface ProxyInternals {
  /** Is this a path the proxy answers (below its prefix, a kit route with this method)? */
  handles(method: string, pathname: string): boolean;
  /** Is this path below the proxy's prefix? */
  isBelowPrefix(pathname: string): boolean;
  /** Answers with a refusal and logs it, as the proxy itself would. */
  refuse(method: string, kind: Refusal): Response;
}

/** The internals of each proxy made by `createProxy`, out of sight of its users. */
export const internals = new WeakMap<ZitadelProxy, ProxyInternals>();

function invalid(message: string): RegistrationError {
  return new RegistrationError('invalid-input', `createProxy: ${message}`);
}

function checkOptions(options: ProxyOptions) {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    throw invalid('upstream must be an absolute http(s) URL');
  }
  if (upstream.protocol !== 'https:' && upstream.protocol !== 'http:') {
    throw invalid('upstream must be an absolute http(s) URL');
  }
  if (upstream.search || upstream.hash || upstream.username || upstream.password) {
    throw invalid('upstream may not carry a query, a fragment or credentials');
  }
  const { serviceToken } = options;
  if (typeof serviceToken !== 'function' && (typeof serviceToken !== 'string' || serviceToken === '')) {
    throw invalid('serviceToken must be a non-empty string or a function');
  }
  if (options.sessionToken !== undefined) {
    if (typeof options.sessionToken !== 'function') throw invalid('sessionToken must be a function');
    if (typeof options.sessionUser !== 'function') throw invalid('sessionToken needs sessionUser');
  }
  const allowedOrigins = new Set<string>();
  for (const origin of options.allowedOrigins ?? []) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed?.origin !== origin)
      throw invalid(`allowedOrigins: "${origin}" is not an origin like https://app.example.com`);
    allowedOrigins.add(origin);
  }
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  if (prefix !== '' && !prefix.startsWith('/')) throw invalid('prefix must start with "/"');
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeout) && timeout > 0)) throw invalid('timeout must be a positive number of ms');
  const fetchUpstream = options.fetch ?? globalThis.fetch;
  if (typeof fetchUpstream !== 'function') throw invalid('this runtime has no fetch; pass one as `fetch`');
  return {
    upstream: upstream.href.replace(/\/+$/, ''),
    serviceToken,
    allowedOrigins,
    prefix,
    timeout,
    fetchUpstream,
  };
}

/** The media type of a content-type header, without parameters (`application/json; charset=utf-8`). */
function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Reads at most `BODY_LIMIT` bytes; `undefined` when there are more. */
async function readLimited(body: ReadableStream<Uint8Array>): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

type ReadBody = { json?: Record<string, unknown> } | { refused: Refusal };

/**
 * The request body as a JSON object, checked: within the limit, JSON, an object, and not naming a field
 * the path sets. It is sent upstream re-serialized, so ZITADEL parses exactly what the policy read.
 */
async function readJsonBody(request: Request, route: ProxyRoute): Promise<ReadBody> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > BODY_LIMIT) return { refused: 'too-large' };
  const bytes = request.body ? await readLimited(request.body) : new Uint8Array(0);
  if (bytes === undefined) return { refused: 'too-large' };
  if (bytes.byteLength === 0) return route.body === 'json' ? { refused: 'not-json' } : {};
  if (mediaType(request.headers.get('content-type')) !== 'application/json') return { refused: 'not-json' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { refused: 'not-json' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { refused: 'bad-body' };
  const json = parsed as Record<string, unknown>;
  if (idFieldNames(route).some((name) => Object.hasOwn(json, name))) return { refused: 'bad-body' };
  return { json };
}

/** A query parameter the route does not take (an id the path sets among them: `userId=…`, `user_id.x=…`). */
function queryOutsideRoute(search: URLSearchParams, route: ProxyRoute): boolean {
  return [...search.keys()].some((key) => !route.query.includes(key));
}

/**
 * Whether the browser says this request comes from a page on another origin: `Sec-Fetch-Site` where it is
 * sent (every current browser), else an `Origin` other than the request's own. A request with neither
 * comes from no browser page (a server, a CLI) or from a browser too old to tell, whose cookies a
 * cross-site form could still not send as JSON.
 */
function fromAnotherOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  // The host alone: behind TLS termination, the request's own URL may say http where the page says https.
  try {
    return new URL(origin).host !== new URL(request.url).host;
  } catch {
    return true; // `null` (a sandboxed frame, a privacy redirect): no origin to trust
  }
}

/** The request's own credentials, where it brings a bearer token; any other scheme (Basic) stays here. */
function bearerOf(request: Request): string | undefined {
  const own = request.headers.get('authorization')?.trim();
  return own && /^bearer\s+\S/i.test(own) ? own : undefined;
}

/**
 * Whether a verify's refusal tells apart a user ZITADEL does not have (404) from one with no registration
 * pending (500 `WEBAU-5M9so`): anyone may send a verify, so the proxy answers both alike (`not-pending`), and
 * user ids cannot be probed through its service token. The kit reads either as `verification-failed`.
 */
async function revealsUser(response: Response): Promise<boolean> {
  if (response.status === 404) return true;
  if (response.status !== 500) return false;
  return (await response.clone().text()).includes('(WEBAU-5M9so)');
}

/** A one-time code as v2 RegisterPasskey and v3alpha StartWebAuthNRegistration carry it: `code: {id, code}`. */
function carriesCode(json: Record<string, unknown> | undefined): boolean {
  const code = json?.code;
  if (typeof code !== 'object' || code === null) return false;
  const { id, code: secret } = code as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof secret === 'string' && secret !== '';
}

/**
 * A Fetch API handler that forwards the kit's own ZITADEL calls and adds a service token only where it is
 * safe: a registration start with a one-time code, the verify of a started registration, the signed-in
 * user's own self-service (`sessionUser`), and link creation that `authorizeAdmin` allows. A request that
 * brings its own `Authorization` is forwarded with it. See the README's "Server-side proxy" and SECURITY.md.
 * @throws {RegistrationError} `invalid-input` for options that cannot work (checked once, here)
 */
export function createProxy(options: ProxyOptions): ZitadelProxy {
  const config = checkOptions(options);
  const { sessionUser, sessionToken, authorizeAdmin, log } = options;

  function below(pathname: string): string | undefined {
    if (config.prefix === '') return pathname;
    return pathname.startsWith(`${config.prefix}/`) ? pathname.slice(config.prefix.length) : undefined;
  }

  function write(line: string) {
    try {
      log?.(line);
    } catch {
      // A failing logger must not change the answer.
    }
  }

  function answer(method: string, rpc: string, decision: string, response: Response): Response {
    write(`${method} ${rpc} ${decision} ${response.status}`);
    return response;
  }

  /** Which policy lets the service token be added to this request, or why none does. */
  async function grant(
    request: Request,
    route: ProxyRoute,
    userId: string,
    json: Record<string, unknown> | undefined,
  ): Promise<ServiceGrant | Refusal> {
    if (route.policy === 'verify') return 'verify';
    if (route.policy === 'code-start' && carriesCode(json)) return 'code';
    if (route.policy === 'admin') {
      if (!authorizeAdmin) return 'not-admin';
      const orgId = request.headers.get('x-zitadel-orgid') ?? undefined;
      const target: AdminTarget = { userId, rpc: route.rpc, ...(orgId === undefined ? {} : { orgId }) };
      return (await authorizeAdmin(request, Object.freeze(target))) === true ? 'admin' : 'not-admin';
    }
    const user = sessionUser ? await sessionUser(request) : undefined;
    if (typeof user !== 'string' || user === '') return 'unauthenticated';
    return user === userId ? 'session' : 'not-own-user';
  }

  async function serviceAuthorization(): Promise<string> {
    const token =
      typeof config.serviceToken === 'function' ? await config.serviceToken() : config.serviceToken;
    if (typeof token !== 'string' || token === '') throw new Error('no service token');
    return `Bearer ${token}`;
  }

  /** The session user's own token, when `sessionToken` gives one. */
  async function sessionAuthorization(request: Request): Promise<string | undefined> {
    const token = sessionToken ? await sessionToken(request) : undefined;
    if (token === undefined || token === '') return undefined;
    if (typeof token !== 'string') throw new Error('no session token');
    return `Bearer ${token}`;
  }

  async function forward(
    request: Request,
    target: string,
    authorization: string,
    json: Record<string, unknown> | undefined,
  ): Promise<Response | Refusal> {
    const headers = new Headers();
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    try {
      headers.set('authorization', authorization);
    } catch {
      // A service token fetch cannot send; not quoted.
      return 'failed';
    }
    if (json) headers.set('content-type', 'application/json');
    else headers.delete('content-type');

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, config.timeout);
    const onClientGone = () => controller.abort();
    request.signal?.addEventListener('abort', onClientGone, { once: true });
    try {
      const upstream = await config.fetchUpstream(target, {
        method: request.method,
        headers,
        ...(json ? { body: JSON.stringify(json) } : {}),
        redirect: 'manual',
        signal: controller.signal,
      });
      if (upstream.type === 'opaqueredirect' || (upstream.status >= 300 && upstream.status < 400)) {
        await upstream.body?.cancel().catch(() => undefined);
        return 'redirect';
      }
      const body = await upstream.arrayBuffer();
      const passed = new Headers(ANSWER_HEADERS);
      for (const name of PASSED_RESPONSE_HEADERS) {
        const value = upstream.headers.get(name);
        if (value !== null) passed.set(name, value);
      }
      // ZITADEL answers JSON; anything else is passed as text, which no browser renders as a page.
      const type = upstream.headers.get('content-type');
      const isJson = mediaType(type) === 'application/json';
      passed.set('content-type', isJson && type !== null ? type : 'text/plain; charset=utf-8');
      const empty = body.byteLength === 0 || [204, 205, 304].includes(upstream.status);
      return new Response(empty ? null : body, { status: upstream.status, headers: passed });
    } catch {
      // Never the error itself: it could quote the request.
      return timedOut ? 'timeout' : 'unreachable';
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onClientGone);
    }
  }

  const proxy: ZitadelProxy = async (request) => {
    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    const path = below(url.pathname);
    const match = path === undefined ? undefined : matchRoute(method, path);
    if (!match) return answer(method, '-', 'not-found', refusal('not-found'));
    const { route, ids } = match;
    const refuse = (kind: Refusal) => answer(method, route.rpc, kind, refusal(kind));
    if (!ids) return refuse('bad-id');
    if (queryOutsideRoute(url.searchParams, route)) return refuse('bad-query');
    if (method !== 'GET' && fromAnotherOrigin(request)) {
      const origin = request.headers.get('origin');
      if (origin === null || !config.allowedOrigins.has(origin)) return refuse('cross-origin');
    }
    const body = await readJsonBody(request, route).catch((): ReadBody => ({ refused: 'not-json' }));
    if ('refused' in body) return refuse(body.refused);

    let decision: ServiceGrant | 'own-token' | 'session-token';
    let authorization: string;
    const { json } = body;
    try {
      const own = bearerOf(request);
      if (own !== undefined) {
        decision = 'own-token';
        authorization = own;
      } else {
        const granted = await grant(request, route, Object.values(ids)[0] as string, json);
        if (!isServiceGrant(granted)) return refuse(granted);
        decision = granted;
        const users = granted === 'session' ? await sessionAuthorization(request) : undefined;
        if (users !== undefined) {
          decision = 'session-token';
          authorization = users;
        } else {
          authorization = await serviceAuthorization();
        }
      }
    } catch {
      // A callback or the token function failed: say so without quoting anything.
      return refuse('failed');
    }

    const target = `${config.upstream}${upstreamPath(route, ids)}${url.search}`;
    const result = await forward(request, target, authorization, json);
    if (typeof result === 'string') return refuse(result);
    if (decision === 'verify' && (await revealsUser(result))) return refuse('not-pending');
    return answer(method, route.rpc, decision, result);
  };

  internals.set(proxy, {
    handles: (method, pathname) => {
      const path = below(pathname);
      return path !== undefined && matchRoute(method.toUpperCase(), path) !== undefined;
    },
    isBelowPrefix: (pathname) => below(pathname) !== undefined,
    refuse: (method, kind) => answer(method.toUpperCase(), '-', kind, refusal(kind)),
  });
  return proxy;
}

import { refusal } from './answers.js';
import { BODY_LIMIT, internals, type ZitadelProxy } from './create-proxy.js';

/**
 * The parts of node's `IncomingMessage` the handler reads (so users need no `@types/node`). `body` is
 * read when a body parser (Express's `express.json()`) has consumed the stream already.
 */
export interface NodeRequest extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  readableEnded?: boolean;
}

/** The parts of node's `ServerResponse` the handler writes. */
export interface NodeResponse {
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  end(chunk?: Uint8Array): unknown;
  readonly headersSent?: boolean;
}

export type NodeNext = (error?: unknown) => void;

/** The request headers a `Request` does not take from a node request: the connection's own. */
const CONNECTION_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
]);
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const encoder = new TextEncoder();

/** A segment that WHATWG URLs would silently resolve away (`.`, `..`, `%2e%2E`, …). */
function hasDotSegment(rawPath: string): boolean {
  return rawPath.split('/').some((segment) => {
    const dots = segment.toLowerCase().replaceAll('%2e', '.');
    return dots === '.' || dots === '..';
  });
}

/** The body as a body parser left it, or `undefined` when the stream is still there to read. */
function parsedBody(req: NodeRequest): Uint8Array<ArrayBuffer> | undefined {
  if (!req.readableEnded || req.body === undefined) return undefined;
  if (req.body instanceof Uint8Array) return new Uint8Array(req.body);
  return encoder.encode(typeof req.body === 'string' ? req.body : JSON.stringify(req.body));
}

/**
 * Collects at most one byte more than the proxy accepts, so a huge body costs no memory: the proxy then
 * answers 413. `drain` reads and discards the rest once the answer is out, as node does with a body no one
 * read, so the client can finish sending and read the answer.
 */
async function collect(
  req: NodeRequest,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; drain: () => Promise<void> }> {
  const iterator = req[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size <= BODY_LIMIT) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = new Uint8Array(Math.min(size, BODY_LIMIT + 1));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.byteLength - offset);
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  async function drain() {
    while (!done) done = (await iterator.next()).done === true;
  }
  return { bytes, drain };
}

function toRequest(
  req: NodeRequest,
  url: URL,
  method: string,
  body: Uint8Array<ArrayBuffer> | undefined,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || CONNECTION_HEADERS.has(name.toLowerCase())) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    } catch {
      // A header fetch cannot carry: dropped, as no kit route needs it.
    }
  }
  const hasBody = body !== undefined && body.byteLength > 0 && method !== 'GET' && method !== 'HEAD';
  return new Request(url, { method, headers, ...(hasBody ? { body } : {}) });
}

async function send(res: NodeResponse, response: Response): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Adapts a proxy to `node:http`, Express / Connect and Vite middleware: `(req, res, next?)`. A request the
 * proxy does not answer (not below its prefix, or not a kit route) goes to `next()` when there is one, so
 * the proxy can sit in front of other middleware; without `next` it is answered 404.
 */
export function nodeHandler(
  proxy: ZitadelProxy,
): (req: NodeRequest, res: NodeResponse, next?: NodeNext) => void {
  const known = internals.get(proxy);

  async function handle(req: NodeRequest, res: NodeResponse, next: NodeNext | undefined): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = req.url ?? '/';
    const host = req.headers.host;
    const origin = `http://${typeof host === 'string' && HOST.test(host) ? host : 'localhost'}`;
    // A path is read as a path: `new URL('//x/zitadel/…', origin)` would take `x` for a host, and the
    // proxy would answer a path that middleware mounted at `/zitadel` never saw.
    const url = raw.startsWith('/') ? new URL(`${origin}${raw}`) : new URL(raw, origin);
    const rawPath = raw.startsWith('/') ? (raw.split(/[?#]/)[0] ?? '') : url.pathname;
    if (known) {
      // Refused here: the Request's URL would no longer show these segments. A URL reads `\` as `/`, so a
      // path with one may name a route (or the prefix) in a spelling path-based middleware never saw.
      const suspicious = rawPath.includes('\\') || hasDotSegment(rawPath);
      const ours = known.isBelowPrefix(rawPath.replaceAll('\\', '/')) || known.handles(method, url.pathname);
      if (suspicious && ours) return send(res, known.refuse(method, 'bad-id'));
      if (!known.handles(method, url.pathname) && next) return next();
    }
    const parsed = parsedBody(req);
    const collected = parsed || method === 'GET' || method === 'HEAD' ? undefined : await collect(req);
    await send(res, await proxy(toRequest(req, url, method, parsed ?? collected?.bytes)));
    await collected?.drain();
  }

  return (req, res, next) => {
    handle(req, res, next).catch((error: unknown) => {
      if (next) next(error);
      else if (!res.headersSent) void send(res, refusal('failed'));
    });
  };
}

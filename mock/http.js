// @ts-check
/// <reference types="node" />
/**
 * Small HTTP helpers over Node's `IncomingMessage` / `ServerResponse`, shared by the API route tables
 * and the control endpoints. No framework: the mock must mount under Vite (connect), Koa and a bare
 * `http.createServer` alike.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { Errors } from './errors.js';

/** grpc's default maximum receive size; ZITADEL keeps it. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * A route: `pattern` is a path with `:name` segments, e.g. `/v2/users/:userId/passkeys`.
 * `rpc` names the operation in ZITADEL's words (the request log, faults and counters use it).
 * @template Context
 * @typedef {{
 *   method: string,
 *   pattern: string,
 *   rpc: string,
 *   handler: (context: Context) => Promise<RouteResult> | RouteResult,
 * }} Route
 */

/** @typedef {{ status?: number, body: unknown }} RouteResult */

/**
 * Finds the route for a request. Routes are tried in order, so a literal segment
 * (`.../passkeys/registration_link`) must come before a parameter in the same place
 * (`.../passkeys/:passkeyId`), as grpc-gateway's registration order makes it win there.
 *
 * @template {{ method: string, pattern: string }} R
 * @param {readonly R[]} routes
 * @param {string} method
 * @param {string} path
 * @returns {{ route: R, params: Record<string, string> } | 'method-not-allowed' | undefined}
 */
export function matchRoute(routes, method, path) {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? 'method-not-allowed' : undefined;
}

/**
 * @param {string} pattern
 * @param {string} path
 * @returns {Record<string, string> | undefined}
 */
function matchPattern(pattern, path) {
  const expected = pattern.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return undefined;
  /** @type {Record<string, string>} */
  const params = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] ?? '';
    if (segment.startsWith(':')) {
      const decoded = decodePathSegment(value);
      if (!decoded) return undefined;
      params[segment.slice(1)] = decoded;
    } else if (segment !== value) {
      return undefined;
    }
  }
  return params;
}

/** @param {string} segment */
function decodePathSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // malformed %-escape: no route matches, as in grpc-gateway
  }
}

/**
 * Reads the whole request body as text.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<string>}
 */
export async function readBody(req, limit = MAX_BODY_BYTES) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    // Keep reading (and dropping) so the client is not left writing into a closed socket.
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw Errors.messageTooLarge(size, limit);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
export function sendJson(res, status, body) {
  sendRaw(res, status, JSON.stringify(body), 'application/json');
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} body
 * @param {string} contentType
 */
export function sendRaw(res, status, body, contentType) {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    // ZITADEL's NoCacheInterceptor: API answers are never cached.
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** @param {number} ms */
export async function delay(ms) {
  if (ms > 0) await sleep(ms);
}

/**
 * The `Host` header's host name, without port; what ZITADEL takes as the domain the request came on.
 * @param {import('node:http').IncomingMessage} req
 */
export function requestHostname(req) {
  const host = req.headers.host ?? 'localhost';
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return 'localhost';
  }
}

/**
 * The origins a browser on this host could report: the `Origin` header when sent, and the host over
 * http and https (the mock may sit behind a TLS-terminating dev server).
 * @param {import('node:http').IncomingMessage} req
 */
export function requestOrigins(req) {
  const host = req.headers.host ?? 'localhost';
  const origins = new Set([`http://${host}`, `https://${host}`]);
  const origin = req.headers.origin;
  if (origin) origins.add(origin);
  return [...origins];
}

/**
 * The scheme and host this request came on, e.g. `http://localhost:8000`, for links ZITADEL builds.
 * @param {import('node:http').IncomingMessage} req
 */
export function requestBaseUrl(req) {
  const forwarded = req.headers['x-forwarded-proto'];
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  const scheme =
    typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : encrypted ? 'https' : 'http';
  return `${scheme}://${req.headers.host ?? 'localhost'}`;
}

/**
 * Splits a request URL into path and query. `query` is for the request log: one value as a string, a
 * repeated parameter (`states=A&states=B`) as an array; `searchParams` keeps every value in order, as
 * grpc-gateway reads them.
 * @param {string | undefined} url
 */
export function parseRequestUrl(url) {
  const parsed = new URL(url ?? '/', 'http://mock.invalid');
  /** @type {Record<string, string | string[]>} */
  const query = {};
  for (const key of new Set(parsed.searchParams.keys())) {
    const values = parsed.searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return { path: parsed.pathname, query, searchParams: parsed.searchParams };
}

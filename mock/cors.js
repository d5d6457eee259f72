// @ts-check
/// <reference types="node" />
/**
 * CORS as ZITADEL answers it: its API handlers sit behind `rs/cors` with
 * `middleware.DefaultCORSOptions` (internal/api/http/middleware/cors_interceptor.go): every origin is
 * allowed and echoed, credentials are allowed, and only a fixed list of request headers may be sent.
 * A preflight the options do not allow gets no CORS headers, so the browser refuses the real request.
 */

/** `DefaultCORSOptions.AllowedHeaders` (rs/cors always adds `Origin`). */
const ALLOWED_HEADERS = new Set([
  'origin',
  'content-type',
  'accept',
  'accept-language',
  'authorization',
  'x-zitadel-orgid',
  'x-user-agent',
  'x-grpc-web',
  'x-requested-with',
  'connect-protocol-version',
  'connect-timeout-ms',
  'grpc-timeout',
]);
const ALLOWED_METHODS = new Set(['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** `DefaultCORSOptions.ExposedHeaders`. */
const EXPOSED_HEADERS = 'Location, Content-Length, Grpc-Status, Grpc-Message, Grpc-Status-Details-Bin';

/**
 * Answers a CORS preflight, or adds the CORS headers to the response of a real request.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @returns {boolean} true when the request was a preflight and has been answered
 */
export function applyCors(req, res) {
  const origin = req.headers.origin;
  const requestedMethod = req.headers['access-control-request-method'];
  if (req.method === 'OPTIONS' && typeof requestedMethod === 'string') {
    res.setHeader('vary', ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers']);
    const requestedHeaders = req.headers['access-control-request-headers'] ?? '';
    const headers = requestedHeaders
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean);
    if (
      origin &&
      ALLOWED_METHODS.has(requestedMethod.toUpperCase()) &&
      headers.every((name) => ALLOWED_HEADERS.has(name))
    ) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-methods', requestedMethod.toUpperCase());
      if (headers.length > 0) res.setHeader('access-control-allow-headers', requestedHeaders);
      res.setHeader('access-control-allow-credentials', 'true');
    }
    // rs/cors answers every preflight itself, 204 No Content, allowed or not.
    res.writeHead(204).end();
    return true;
  }
  res.setHeader('vary', 'Origin');
  if (origin && ALLOWED_METHODS.has((req.method ?? 'GET').toUpperCase())) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    res.setHeader('access-control-allow-credentials', 'true');
  }
  return false;
}

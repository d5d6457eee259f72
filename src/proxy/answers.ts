/**
 * The proxy's own answers, in ZITADEL's error shape `{code, message}` (gRPC code; protojson leaves the
 * empty `details` out). None of them carries anything from the request or from a token.
 */

/** Each refusal: HTTP status, gRPC code, message. */
export const REFUSALS = {
  'not-found': [404, 5, 'Not Found'],
  'bad-id': [400, 3, 'an id in the path is empty, "." or "..", or holds a "/" or a "\\"'],
  'bad-query': [400, 3, 'the query names a parameter this route does not take'],
  'bad-body': [400, 3, 'the body must be a JSON object and may not set a field that only the path may set'],
  'too-large': [413, 8, 'the request body is larger than 64 KiB'],
  'not-json': [415, 3, 'the request body must be JSON (content-type application/json)'],
  'cross-origin': [
    403,
    7,
    "a request from another origin (createProxy's allowedOrigins lists the accepted ones)",
  ],
  unauthenticated: [401, 16, 'auth header missing'],
  'not-own-user': [403, 7, 'the signed-in user may only manage their own authenticators'],
  'not-admin': [403, 7, 'this request may not create registration links'],
  'not-pending': [404, 5, 'no registration of this user is pending'],
  failed: [500, 13, 'the proxy could not prepare the request'],
  redirect: [502, 14, 'the upstream answered with a redirect, which the proxy does not follow'],
  unreachable: [502, 14, 'the upstream could not be reached'],
  timeout: [504, 4, 'the upstream did not answer in time'],
} as const satisfies Record<string, readonly [number, number, string]>;

export type Refusal = keyof typeof REFUSALS;

/**
 * On every answer, the proxy's own and upstream's: never kept by a cache (answers hold one-time codes,
 * links and a user's authenticators), and never read as anything but their declared type.
 */
export const ANSWER_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

export function refusal(kind: Refusal): Response {
  const [status, code, message] = REFUSALS[kind];
  return new Response(JSON.stringify({ code, message }), {
    status,
    headers: { 'content-type': 'application/json', ...ANSWER_HEADERS },
  });
}

/**
 * The only requests the proxy forwards: the routes the kit's adapters call (`src/backends/zitadel-*.ts`),
 * each with its method, as ZITADEL's protos declare them (`google.api.http` in `@zitadel/proto` 1.3.1).
 * Kept as data so it can be read against the adapters and the protos line by line.
 */

/**
 * Who may have the service token added when a request brings no `Authorization` of its own:
 * - `code-start`: a registration start that carries a one-time code; without one it is `self-service`;
 * - `verify`: the verify of a started registration (only the holder of its challenge can pass it);
 * - `self-service`: only for `sessionUser(request)`'s own user id;
 * - `admin`: only when `authorizeAdmin(request)` says yes.
 */
export type PolicyClass = 'code-start' | 'verify' | 'self-service' | 'admin';

export interface ProxyRoute {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** ZITADEL's path; `{name}` is one id segment, the first one is always the user's id. */
  readonly pattern: string;
  /** The RPC's name in ZITADEL's protos. */
  readonly rpc: string;
  readonly policy: PolicyClass;
  /**
   * `json`: the request must carry a JSON object — every route whose proto maps a body, and every POST the
   * kit sends one on (a cross-site page cannot send JSON without a CORS preflight, which the proxy refuses);
   * `none`: a body is optional (GET, DELETE, and the read-only ListAuthenticationFactors).
   */
  readonly body: 'json' | 'none';
  /**
   * The query parameters the route takes, by the names ZITADEL's gateway reads (JSON name and proto name):
   * the request fields its proto binds to neither the path nor the body, and that the kit sends. Any other
   * parameter is refused (400), so a request cannot reach a field the policy never read.
   */
  readonly query: readonly string[];
}

type RouteExtras = Partial<Pick<ProxyRoute, 'query'>>;

const route = (
  method: ProxyRoute['method'],
  pattern: string,
  rpc: string,
  policy: PolicyClass,
  body: ProxyRoute['body'],
  { query = [] }: RouteExtras = {},
): ProxyRoute =>
  Object.freeze({
    method,
    pattern,
    rpc,
    policy,
    body,
    query: Object.freeze(query),
  });

/** v3alpha's `instance` and `organization` request fields, which its gateway reads from the query. */
const V3ALPHA_INSTANCE = ['instance.id', 'instance.domain'];
const V3ALPHA_CONTEXT = [
  ...V3ALPHA_INSTANCE,
  'organization.orgId',
  'organization.org_id',
  'organization.orgDomain',
  'organization.org_domain',
];

/**
 * A literal segment wins over an id in the same place (`…/passkeys/registration_link` is link creation,
 * not the verify of a passkey called "registration_link"), as in ZITADEL's gateway.
 */
export const proxyRoutes: readonly ProxyRoute[] = Object.freeze([
  // zitadel.user.v2.UserService
  route('POST', '/v2/users/{userId}/passkeys', 'RegisterPasskey', 'code-start', 'json'),
  route('POST', '/v2/users/{userId}/passkeys/{passkeyId}', 'VerifyPasskeyRegistration', 'verify', 'json'),
  route(
    'POST',
    '/v2/users/{userId}/passkeys/registration_link',
    'CreatePasskeyRegistrationLink',
    'admin',
    'json',
  ),
  route('POST', '/v2/users/{userId}/passkeys/_search', 'ListPasskeys', 'self-service', 'json'),
  route('DELETE', '/v2/users/{userId}/passkeys/{passkeyId}', 'RemovePasskey', 'self-service', 'none'),
  // RegisterU2F has no code field: always a start without a code.
  route('POST', '/v2/users/{userId}/u2f', 'RegisterU2F', 'self-service', 'json'),
  route('POST', '/v2/users/{userId}/u2f/{u2fId}', 'VerifyU2FRegistration', 'verify', 'json'),
  route('DELETE', '/v2/users/{userId}/u2f/{u2fId}', 'RemoveU2F', 'self-service', 'none'),
  route(
    'POST',
    '/v2/users/{userId}/authentication_factors/_search',
    'ListAuthenticationFactors',
    'self-service',
    'none',
    // Its http rule binds no body: the filters are repeated query parameters.
    { query: ['authFactors', 'auth_factors', 'states'] },
  ),
  route(
    'GET',
    '/v2/users/{userId}/authentication_methods',
    'ListAuthenticationMethodTypes',
    'self-service',
    'none',
  ),
  // zitadel.resources.user.v3alpha.ZITADELUsers
  route('GET', '/resources/v3alpha/users/{id}', 'GetUser', 'self-service', 'none', {
    query: V3ALPHA_INSTANCE,
  }),
  route('POST', '/resources/v3alpha/users/{id}/webauthn', 'StartWebAuthNRegistration', 'code-start', 'json', {
    query: V3ALPHA_CONTEXT,
  }),
  route(
    'POST',
    '/resources/v3alpha/users/{id}/webauthn/{webAuthNId}/_verify',
    'VerifyWebAuthNRegistration',
    'verify',
    'json',
    { query: V3ALPHA_CONTEXT },
  ),
  route(
    'POST',
    '/resources/v3alpha/users/{id}/webauthn/registration_link',
    'CreateWebAuthNRegistrationLink',
    'admin',
    'json',
  ),
  route(
    'DELETE',
    '/resources/v3alpha/users/{id}/webauthn/{webAuthNId}',
    'RemoveWebAuthNAuthenticator',
    'self-service',
    'none',
    { query: V3ALPHA_CONTEXT },
  ),
  // zitadel.management.v1.ManagementService
  route(
    'POST',
    '/management/v1/users/{userId}/passwordless/_link',
    'AddPasswordlessRegistration',
    'admin',
    'json',
  ),
  route(
    'POST',
    '/management/v1/users/{userId}/passwordless/_send_link',
    'SendPasswordlessRegistration',
    'admin',
    'json',
  ),
]);

export interface RouteMatch {
  readonly route: ProxyRoute;
  /** The decoded ids, by name, in path order; `undefined` when one of them is not a plain segment. */
  readonly ids?: Readonly<Record<string, string>>;
}

const PARAMETER = /^\{(\w+)\}$/;
const patterns = proxyRoutes.map((entry) => ({ entry, segments: entry.pattern.split('/') }));

/** Decodes one raw path segment; `undefined` when it is malformed, empty, `.`, `..` or holds a `/` or a `\`. */
function decodeId(raw: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded === '' || decoded === '.' || decoded === '..' || /[/\\]/.test(decoded)) return undefined;
  return decoded;
}

/** The route whose segments a raw path fits, a literal segment taking precedence over an id in its place. */
function bestRoute(
  method: string,
  actual: readonly string[],
): { entry: ProxyRoute; raw: [string, string][] } | undefined {
  let best: { entry: ProxyRoute; literals: number; raw: [string, string][] } | undefined;
  for (const { entry, segments } of patterns) {
    if (entry.method !== method || segments.length !== actual.length) continue;
    const raw: [string, string][] = [];
    let literals = 0;
    const fits = segments.every((expected, index) => {
      const value = actual[index] as string;
      const name = PARAMETER.exec(expected)?.[1];
      if (name === undefined) {
        literals += 1;
        return expected === value;
      }
      raw.push([name, value]);
      return true;
    });
    if (fits && (!best || literals > best.literals)) best = { entry, literals, raw };
  }
  return best;
}

/**
 * The route a method and a raw (still encoded) path below the prefix belong to, or `undefined`. When the
 * path has the route's shape but an id that is not a plain segment, the match has no `ids`; so too when an
 * id, as upstream will read it, spells a literal of another route (`registration%5Flink` decodes to the
 * `registration_link` of link creation): upstream must reach the route the policy was chosen for.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const best = bestRoute(method, rawPath.split('/'));
  if (!best) return undefined;
  const ids: Record<string, string> = {};
  for (const [name, value] of best.raw) {
    const decoded = decodeId(value);
    if (decoded === undefined) return { route: best.entry };
    ids[name] = decoded;
  }
  const upstream = bestRoute(method, upstreamPath(best.entry, ids).split('/'));
  if (upstream?.entry !== best.entry) return { route: best.entry };
  return { route: best.entry, ids };
}

/** The names a path id goes by in a request message: its JSON name and its proto name (`webAuthNId`, `web_auth_n_id`). */
export function idFieldNames(route: ProxyRoute): string[] {
  return [...route.pattern.matchAll(/\{(\w+)\}/g)].flatMap(([, name = '']) => [
    name,
    name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
  ]);
}

/** The path to send upstream: the route's literals and each id encoded afresh (one canonical spelling). */
export function upstreamPath(
  route: Pick<ProxyRoute, 'pattern'>,
  ids: Readonly<Record<string, string>>,
): string {
  return route.pattern.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name] as string));
}

import { RegistrationError, errorCodeForStatus } from '../core/errors.js';
import { DEFAULT_TIMEOUT_MS } from './defaults.js';
import type { BackendConfig } from './types.js';

export { DEFAULT_TIMEOUT_MS };

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the base URL, starting with `/`; segments already encoded. */
  path: string;
  /** Query parameters; a list is a repeated parameter (`?states=A&states=B`), as grpc-gateway reads them. */
  query?: Record<string, string | readonly string[] | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface HttpClient {
  /** Sends the request and resolves with the parsed JSON object of a 2xx answer. */
  request(request: HttpRequest): Promise<Record<string, unknown>>;
}

/**
 * Whether an id can be one path segment: URL parsing removes `.` and turns `..` into "one level up",
 * so `/v2/users/{id}/passkeys` with the id `..` is `POST /v2/passkeys`, and a passkey id `..` in
 * `DELETE /v2/users/{userId}/passkeys/{id}` deletes the user. `encodeURIComponent` leaves dots alone but
 * encodes `%`, so after it only `.` and `..` themselves are dot segments (`%2E` becomes `%252E`); an
 * empty id would move the rest of the path up a segment. Broken UTF-16 cannot go in a URL at all.
 */
export function isPathId(value: string): boolean {
  if (value === '' || value === '.' || value === '..') return false;
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Encodes one path segment (a user id, a code id, a passkey id) handed in by the page. An id that
 * cannot be exactly one segment is refused before any request.
 */
export function segment(value: string): string {
  if (!isPathId(value)) {
    throw new RegistrationError(
      'invalid-input',
      value === '' || value === '.' || value === '..'
        ? `An id in the path cannot be ${value === '' ? 'empty' : `"${value}"`}`
        : 'An id in the path is not valid text',
    );
  }
  return encodeURIComponent(value);
}

/**
 * Checks `base-url` and returns it without trailing slashes. Allowed: `''` (this page's origin), a path
 * on this origin (`/zitadel`, a proxy) or an absolute `http:` / `https:` URL with an optional path. A
 * query or fragment would swallow the API path, credentials would travel in every request, any other
 * scheme (`javascript:`, `data:`, `blob:`, `file:`) or a host in disguise (`//host`, `/\host`, a tab
 * inside `//`) would send the requests somewhere the page did not mean. The message never repeats the
 * value: it may hold a password.
 */
export function checkBaseUrl(baseUrl: string): string {
  const refuse = (why: string) => new RegistrationError('invalid-input', `base-url ${why}`);
  if (typeof baseUrl !== 'string') throw refuse('must be a string');
  if (baseUrl === '') return '';
  // Control characters, spaces and backslashes are dropped or read as "/" by URL parsing.
  if ([...baseUrl].some((char) => char <= ' ' || char === '\u007f' || char === '\\')) {
    throw refuse('must not contain spaces, control characters or backslashes');
  }
  if (baseUrl.includes('?')) throw refuse('must not have a query (?…): the API path goes after it');
  if (baseUrl.includes('#')) throw refuse('must not have a fragment (#…): the API path goes after it');
  if (baseUrl.startsWith('//')) {
    throw refuse('must not start with "//" (another host): write the scheme, https://host');
  }
  let origin = '';
  let path = baseUrl;
  if (!baseUrl.startsWith('/')) {
    const scheme = /^https?:\/\//i.exec(baseUrl);
    if (!scheme) {
      throw refuse('must be empty, a path starting with "/", or an http: or https: URL (https://host/path)');
    }
    const authority = baseUrl.slice(scheme[0].length).split('/')[0] ?? '';
    if (authority.includes('@')) {
      throw refuse('must not contain credentials (user:password@): the proxy or the token authenticates');
    }
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw refuse('is not a valid URL');
    }
    origin = url.origin;
    path = url.pathname;
    // The parser has resolved dot segments in url.pathname: look for them in what was written.
    if (hasDotSegment(baseUrl.slice(scheme[0].length + authority.length))) {
      throw refuse('must not contain "." or ".." segments');
    }
  } else if (hasDotSegment(baseUrl)) {
    throw refuse('must not contain "." or ".." segments');
  }
  return `${origin}${path}`.replace(/\/+$/, '');
}

function hasDotSegment(path: string): boolean {
  return path.split('/').some((part) => /^(?:\.|%2e){1,2}$/i.test(part));
}

export function joinUrl(baseUrl: string, path: string, query?: HttpRequest['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of typeof value === 'string' ? [value] : (value ?? [])) {
      if (item !== '') params.append(key, item);
    }
  }
  const search = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

async function resolveToken(config: BackendConfig): Promise<string | undefined> {
  const { token } = config;
  if (typeof token !== 'function') return token || undefined;
  try {
    return (await token()) || undefined;
  } catch (cause) {
    throw new RegistrationError('unauthenticated', 'The token function failed', { cause });
  }
}

/** Reads ZITADEL's error body `{code, message, details}`; anything else yields nothing. */
async function readErrorBody(response: Response): Promise<{ grpcCode?: number; message?: string }> {
  try {
    const body: unknown = JSON.parse(await response.text());
    if (typeof body !== 'object' || body === null) return {};
    const { code, message } = body as Record<string, unknown>;
    return {
      ...(Number.isInteger(code) ? { grpcCode: code as number } : {}),
      ...(typeof message === 'string' ? { message: message.slice(0, 500) } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * The request's headers. A value fetch cannot send (a control character or a character beyond Latin-1,
 * e.g. in `org-id` or the token) is the caller's input at fault: a typed error, not a TypeError.
 */
function buildHeaders(
  what: string,
  headers: Record<string, string | undefined>,
  json: boolean,
  token: string | undefined,
): Headers {
  const result = new Headers({ accept: 'application/json' });
  for (const [name, value] of Object.entries(headers)) {
    if (!value) continue;
    try {
      result.set(name, value);
    } catch (cause) {
      throw new RegistrationError('invalid-input', `${what}: the ${name} header cannot carry this value`, {
        cause,
      });
    }
  }
  if (json) result.set('content-type', 'application/json');
  if (token) {
    try {
      result.set('authorization', `Bearer ${token}`);
    } catch {
      // No cause: it could quote the token.
      throw new RegistrationError('unauthenticated', `${what}: the token cannot be sent in a header`);
    }
  }
  return result;
}

/**
 * Ties the caller's signal and the timeout to one fetch. The reason tells which of the two fired, so an
 * abort by the element (`aborted`) is not mistaken for a slow server (`network`).
 */
function linkSignals(outer: AbortSignal | undefined, timeout: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The request timed out', 'TimeoutError'));
  }, timeout);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits for the token, or for the signal: a token function that never settles cannot hold a request. */
function tokenWithin(config: BackendConfig, signal: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    // A token that arrives after the abort settles a promise nobody waits for: it is dropped.
    resolveToken(config)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The client every ZITADEL adapter talks through. `api` names the API in an `unsupported` error (a 501,
 * gRPC UNIMPLEMENTED), so the element can say which API this server does not offer.
 */
export function createHttpClient(config: BackendConfig, api?: string): HttpClient {
  let baseUrl: string;
  let invalidBaseUrl: RegistrationError | undefined;
  try {
    baseUrl = checkBaseUrl(config.baseUrl ?? '');
  } catch (error) {
    // Refused on every request rather than here, so an element sees it as the outcome of its action.
    baseUrl = '';
    invalidBaseUrl = error as RegistrationError;
  }
  const timeout = config.timeout ?? DEFAULT_TIMEOUT_MS;

  return {
    async request({ method, path, query, headers = {}, body, signal }) {
      const what = `${method} ${path}`;
      if (signal?.aborted) throw new RegistrationError('aborted', `${what} was aborted`);
      if (invalidBaseUrl) throw invalidBaseUrl;
      // One timeout and one abort cover the whole request: waiting for the token, then the fetch.
      const link = linkSignals(signal, timeout);

      try {
        let token: string | undefined;
        try {
          token = await tokenWithin(config, link.signal);
        } catch (cause) {
          if (cause instanceof RegistrationError) throw cause;
          throw failure(cause);
        }
        const requestHeaders = buildHeaders(what, headers, body !== undefined, token);

        let response: Response;
        try {
          response = await fetch(joinUrl(baseUrl, path, query), {
            method,
            headers: requestHeaders,
            credentials: config.credentials ?? 'same-origin',
            // A redirect would re-send the token and the body (a one-time code) to wherever it points.
            redirect: 'manual',
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            signal: link.signal,
          });
        } catch (cause) {
          throw failure(cause);
        }

        if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
          throw new RegistrationError(
            'bad-response',
            `${what} answered with a redirect, which the kit does not follow`,
            response.status ? { status: response.status } : {},
          );
        }

        if (!response.ok) {
          const { grpcCode, message } = await readErrorBody(response);
          const code = errorCodeForStatus(response.status, grpcCode);
          throw new RegistrationError(
            code,
            `${what} answered ${response.status}${message ? `: ${message}` : ''}`,
            {
              status: response.status,
              ...(grpcCode === undefined ? {} : { grpcCode }),
              ...(message === undefined ? {} : { serverMessage: message }),
              ...(code === 'unsupported' && api ? { api } : {}),
            },
          );
        }
        let text: string;
        try {
          text = await response.text();
        } catch (cause) {
          throw failure(cause);
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (cause) {
          throw new RegistrationError('bad-response', `${what} answered with a body that is not JSON`, {
            status: response.status,
            cause,
          });
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          throw new RegistrationError('bad-response', `${what} answered with JSON that is not an object`, {
            status: response.status,
          });
        }
        return parsed as Record<string, unknown>;
      } finally {
        link.dispose();
      }

      function failure(cause: unknown): RegistrationError {
        if (link.timedOut()) {
          return new RegistrationError('network', `${what} timed out after ${timeout} ms`, { cause });
        }
        if (signal?.aborted) return new RegistrationError('aborted', `${what} was aborted`, { cause });
        return new RegistrationError('network', `${what} failed: the server could not be reached`, {
          cause,
        });
      }
    },
  };
}

import { RegistrationError, errorCodeForStatus } from '../internal/errors.js';
import { DEFAULT_TIMEOUT_MS } from './defaults.js';
import type { BackendConfig } from './types.js';

export { DEFAULT_TIMEOUT_MS };

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the base URL, starting with `/`; segments already encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface HttpClient {
  /** Sends the request and resolves with the parsed JSON object of a 2xx answer. */
  request(request: HttpRequest): Promise<Record<string, unknown>>;
}

/** Encodes one path segment (a user id, a passkey id). Broken UTF-16 cannot go in a URL: a typed error. */
export function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch (cause) {
    throw new RegistrationError('invalid-input', 'An id in the path is not valid text', { cause });
  }
}

export function joinUrl(baseUrl: string, path: string, query?: HttpRequest['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.append(key, value);
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

export function createHttpClient(config: BackendConfig): HttpClient {
  const baseUrl = config.baseUrl ?? '';
  const timeout = config.timeout ?? DEFAULT_TIMEOUT_MS;

  return {
    async request({ method, path, query, headers = {}, body, signal }) {
      const what = `${method} ${path}`;
      if (signal?.aborted) throw new RegistrationError('aborted', `${what} was aborted`);
      const token = await resolveToken(config);
      const requestHeaders = buildHeaders(what, headers, body !== undefined, token);
      const link = linkSignals(signal, timeout);

      try {
        let response: Response;
        try {
          response = await fetch(joinUrl(baseUrl, path, query), {
            method,
            headers: requestHeaders,
            credentials: config.credentials ?? 'same-origin',
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            signal: link.signal,
          });
        } catch (cause) {
          throw failure(cause);
        }

        if (!response.ok) {
          const { grpcCode, message } = await readErrorBody(response);
          throw new RegistrationError(
            errorCodeForStatus(response.status, grpcCode),
            `${what} answered ${response.status}${message ? `: ${message}` : ''}`,
            {
              status: response.status,
              ...(grpcCode === undefined ? {} : { grpcCode }),
              ...(message === undefined ? {} : { serverMessage: message }),
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

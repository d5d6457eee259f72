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

/** Encodes one path segment (a user id, a passkey id). */
export const segment = (value: string): string => encodeURIComponent(value);

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
      const link = linkSignals(signal, timeout);
      const requestHeaders = new Headers({ accept: 'application/json' });
      for (const [name, value] of Object.entries(headers)) {
        if (value) requestHeaders.set(name, value);
      }
      if (body !== undefined) requestHeaders.set('content-type', 'application/json');
      if (token) requestHeaders.set('authorization', `Bearer ${token}`);

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

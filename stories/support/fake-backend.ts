/**
 * Scripted `RegistrationBackend`s for the stories: each call answers what the story says, after an optional
 * delay, and nothing reaches the network. A story hands one to an element through its `backend` property.
 */
import {
  RegistrationError,
  type AuthenticatorList,
  type ChangeDetails,
  type CreatedLink,
  type ErrorCode,
  type RegistrationBackend,
  type StartedRegistration,
  type VerifiedRegistration,
} from '../../src/index.js';

/** An answer that never comes (until the element aborts the request): the element stays where it is. */
export const pending = Symbol('pending');

/** What one call does: resolve with a value, reject with an error, or hang. */
export type Answer<T> = T | Error | typeof pending;

export interface FakeBackendScript {
  /** Named in messages, like "ZITADEL v2". */
  label?: string;
  /** Milliseconds before each answer, so a person watching sees every state go by. */
  delay?: number;
  /** Leave a method out and the backend lacks it, as ZITADEL v1 lacks registration. */
  startRegistration?: Answer<StartedRegistration>;
  verifyRegistration?: Answer<VerifiedRegistration>;
  createLink?: Answer<CreatedLink>;
  listAuthenticators?: Answer<AuthenticatorList>;
  removeAuthenticator?: Answer<{ details?: ChangeDetails }>;
}

/** A backend whose methods answer as scripted; the requests it got are kept in `requests`. */
export interface FakeBackend extends RegistrationBackend {
  readonly requests: { method: string; request: unknown }[];
}

export function fakeBackend(script: FakeBackendScript): FakeBackend {
  const delay = script.delay ?? 0;
  const requests: FakeBackend['requests'] = [];
  const method =
    <Request, T>(name: string, answer: Answer<T>) =>
    (request: Request, signal: AbortSignal): Promise<T> => {
      requests.push({ method: name, request });
      return respond(answer, signal, delay);
    };
  return {
    label: script.label ?? 'Fake backend',
    requests,
    ...(script.startRegistration === undefined
      ? {}
      : { startRegistration: method('startRegistration', script.startRegistration) }),
    ...(script.verifyRegistration === undefined
      ? {}
      : { verifyRegistration: method('verifyRegistration', script.verifyRegistration) }),
    ...(script.createLink === undefined ? {} : { createLink: method('createLink', script.createLink) }),
    ...(script.listAuthenticators === undefined
      ? {}
      : { listAuthenticators: method('listAuthenticators', script.listAuthenticators) }),
    ...(script.removeAuthenticator === undefined
      ? {}
      : { removeAuthenticator: method('removeAuthenticator', script.removeAuthenticator) }),
  };
}

function respond<T>(answer: Answer<T>, signal: AbortSignal, delay: number): Promise<T> {
  return new Promise((resolve, reject) => {
    // Like fetch: an aborted request rejects, so reset() and removing the element end the story cleanly.
    const aborted = () => new RegistrationError('aborted', 'The request was aborted');
    if (signal.aborted) return reject(aborted());
    if (answer === pending) {
      signal.addEventListener('abort', () => reject(aborted()), { once: true });
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      if (answer instanceof Error) reject(answer);
      else resolve(answer);
    }, delay);
    const abort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}

function randomBase64Url(length: number): string {
  const data = crypto.getRandomValues(new Uint8Array(length));
  return btoa(String.fromCharCode(...data))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** What ZITADEL v2 answers on success. */
export const details: ChangeDetails = {
  sequence: '42',
  changeDate: '2026-11-22T10:00:00Z',
  resourceOwner: '2000',
};

/**
 * A started registration as ZITADEL sends it: creation options wrapped in `publicKey`, for the page's own
 * host as relying party, with a fresh challenge each time.
 */
export function started(options: { kind?: 'passkey' | 'u2f' } = {}): StartedRegistration {
  const u2f = options.kind === 'u2f';
  return {
    id: u2f ? '3000111' : '3000100',
    details,
    options: {
      publicKey: {
        challenge: randomBase64Url(32),
        rp: { id: location.hostname, name: 'Example Inc.' },
        user: { id: 'MjAwMDEwMA', name: 'ada@example.com', displayName: 'Ada Lovelace' },
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        timeout: 300000,
        attestation: 'none',
        authenticatorSelection: u2f
          ? { authenticatorAttachment: 'cross-platform', userVerification: 'discouraged' }
          : { residentKey: 'required', userVerification: 'required' },
      },
    },
  };
}

/** A start answer with a 2xx status whose options are not creation options: the element says bad-response. */
export const startedWithoutOptions: StartedRegistration = {
  id: '3000100',
  options: { publicKey: { rp: { name: 'Example Inc.' } } },
};

export const verified: VerifiedRegistration = { details };

/** An error as the ZITADEL backends throw it for an HTTP answer. */
export function httpError(code: ErrorCode, status: number, grpcCode?: number): RegistrationError {
  return new RegistrationError(code, `HTTP ${status}`, {
    status,
    ...(grpcCode === undefined ? {} : { grpcCode }),
    serverMessage: 'answer of the fake backend',
  });
}

/** An error as the ZITADEL backends throw it when fetch fails or times out. */
export function networkError(): RegistrationError {
  return new RegistrationError('network', 'Failed to fetch', { cause: new TypeError('Failed to fetch') });
}

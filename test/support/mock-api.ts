/** The mock ZITADEL's control endpoints (`mock/README.md`), served on the test server's own origin. */

import type { LoggedRequest as MockLoggedRequest, MockConfig } from '../../mock/config.js';
import type { FaultSpec } from '../../mock/faults.js';
import type { Email } from '../../mock/store.js';
import type { ZitadelMock } from '../../mock/zitadel-mock.js';

// The mock's own JSDoc types (`import type` only: none of its Node modules reaches the browser).
export type { MockConfig, V3alphaMode } from '../../mock/config.js';

/** A fault as `POST /__mock/faults` takes it (`mock/faults.js`). */
export type MockFault = FaultSpec;

/** What `GET /__mock/state` answers: the mock's `state` (`mock/store.js` snapshot plus request counts). */
export type MockState = ZitadelMock['state'];

export type MockUser = MockState['users'][number];

/** An authenticator as the state shows it: `kind` is `passkey` / `u2f` (v2) or `webauthn` (v3alpha). */
export type MockAuthenticator = MockUser['authenticators'][number];

/** A mail ZITADEL would have sent (`GET /__mock/outbox`). */
export type MockEmail = Email;

/** A code as `POST /__mock/codes` answers it (`expiresAt` an ISO timestamp). */
export type MockCode = ReturnType<ZitadelMock['createCode']>;

/** The mock's own log entry; `rpc` is set for the requests the tests read (those to a known route). */
export type LoggedRequest = MockLoggedRequest & { rpc: string };

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__mock/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`mock ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const mockApi = {
  reset: () => control<unknown>('POST', 'reset'),
  state: () => control<MockState>('GET', 'state'),
  createCode: (userId: string, ttlMs?: number) =>
    control<MockCode>('POST', 'codes', { userId, ...(ttlMs ? { ttlMs } : {}) }),
  /** Stores a READY passkey or U2F key for a user, as if registered on another device (no ceremony). */
  addRegistered: (userId: string, registration: { kind?: 'passkey' | 'u2f'; name?: string } = {}) =>
    control<MockAuthenticator>('POST', 'authenticators', { userId, ...registration }),
  fault: (fault: MockFault) => control<unknown>('POST', 'faults', fault),
  clearFaults: () => control<unknown>('DELETE', 'faults'),
  requests: () => control<LoggedRequest[]>('GET', 'requests'),
  /** The mails ZITADEL would have sent, oldest first. */
  outbox: () => control<MockEmail[]>('GET', 'outbox'),
  /**
   * Changes the mock's settings until the next reset, e.g. `configure({ v3alpha: 'implemented' })` to
   * serve v3alpha as the protos describe instead of ZITADEL v4's 501.
   */
  configure: (changes: Partial<MockConfig>) => control<MockConfig>('POST', 'config', changes),
  /** A user's authenticators, started registrations (NOT_READY) included, as ZITADEL keeps them. */
  async authenticatorsOf(userId: string): Promise<MockAuthenticator[]> {
    const user = (await mockApi.state()).users.find((u) => u.id === userId);
    if (!user) throw new Error(`mock has no user ${userId}`);
    return user.authenticators;
  },
  /** A user's verified authenticators (AUTH_FACTOR_STATE_READY). */
  async registeredOf(userId: string): Promise<MockAuthenticator[]> {
    return (await mockApi.authenticatorsOf(userId)).filter((a) => a.state === 'AUTH_FACTOR_STATE_READY');
  },
};

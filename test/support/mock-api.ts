/** The mock ZITADEL's control endpoints (`mock/README.md`), served on the test server's own origin. */

import type { LoggedRequest as MockLoggedRequest, MockConfig } from '../../mock/config.js';

export type { MockConfig, V3alphaMode } from '../../mock/config.js';

export interface MockFault {
  rpc: string;
  status?: number;
  body?: string;
  contentType?: string;
  delayMs?: number;
  drop?: boolean;
  hang?: boolean;
  times?: number;
  /** Handle the request for real (its changes kept), then answer with the fault instead. */
  afterHandling?: boolean;
}

export interface MockAuthenticator {
  id: string;
  kind: 'passkey' | 'u2f';
  name: string;
  state: string;
  credentialId: string;
}

export interface MockUser {
  id: string;
  userName: string;
  orgId: string;
  authenticators: MockAuthenticator[];
}

export interface MockState {
  users: MockUser[];
  codes: { id: string; userId: string; used: boolean }[];
}

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
    control<{ id: string; code: string }>('POST', 'codes', { userId, ...(ttlMs ? { ttlMs } : {}) }),
  fault: (fault: MockFault) => control<unknown>('POST', 'faults', fault),
  clearFaults: () => control<unknown>('DELETE', 'faults'),
  requests: () => control<LoggedRequest[]>('GET', 'requests'),
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

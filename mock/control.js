// @ts-check
/**
 * The control endpoints under `/__mock/`: a thin JSON layer over the mock's own methods, for browser
 * tests and the demo, which cannot call them directly. No authentication: the mock is a test double.
 */

import { MockUsageError } from './errors.js';

/** @typedef {import('./zitadel-mock.js').ZitadelMock} ZitadelMock */
/**
 * @typedef {{
 *   method: string,
 *   pattern: string,
 *   handler: (mock: ZitadelMock, body: unknown) => unknown,
 * }} ControlRoute
 */

/** @param {unknown} body */
function asObject(body) {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MockUsageError('the body must be a JSON object');
  }
  return /** @type {Record<string, unknown>} */ (body);
}

/** @type {readonly ControlRoute[]} */
export const controlRoutes = Object.freeze([
  {
    method: 'POST',
    pattern: '/__mock/reset',
    handler: (mock) => {
      mock.reset();
      return mock.state;
    },
  },
  { method: 'GET', pattern: '/__mock/state', handler: (mock) => mock.state },
  {
    method: 'POST',
    pattern: '/__mock/codes',
    handler: (mock, body) => {
      const { userId, ttlMs } = asObject(body);
      if (typeof userId !== 'string') throw new MockUsageError('userId must be a string');
      if (ttlMs !== undefined && typeof ttlMs !== 'number')
        throw new MockUsageError('ttlMs must be a number');
      return mock.createCode(userId, ttlMs);
    },
  },
  {
    method: 'POST',
    pattern: '/__mock/authenticators',
    handler: (mock, body) => {
      const { userId, ...registration } = asObject(body);
      if (typeof userId !== 'string') throw new MockUsageError('userId must be a string');
      return mock.addRegistered(userId, registration);
    },
  },
  { method: 'GET', pattern: '/__mock/config', handler: (mock) => mock.config },
  { method: 'POST', pattern: '/__mock/config', handler: (mock, body) => mock.configure(asObject(body)) },
  { method: 'GET', pattern: '/__mock/faults', handler: (mock) => mock.faults },
  {
    method: 'POST',
    pattern: '/__mock/faults',
    handler: (mock, body) => {
      mock.addFault(body);
      return mock.faults;
    },
  },
  {
    method: 'DELETE',
    pattern: '/__mock/faults',
    handler: (mock) => {
      mock.clearFaults();
      return mock.faults;
    },
  },
  { method: 'GET', pattern: '/__mock/requests', handler: (mock) => mock.requests },
  {
    method: 'DELETE',
    pattern: '/__mock/requests',
    handler: (mock) => {
      mock.clearRequests();
      return mock.requests;
    },
  },
  { method: 'GET', pattern: '/__mock/outbox', handler: (mock) => mock.outbox },
]);

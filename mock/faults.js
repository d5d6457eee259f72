// @ts-check
/// <reference types="node" />
/**
 * Injected faults: the next request(s) to an rpc get a chosen failure instead of (or, with `delayMs`
 * alone, before) the real answer. This is how tests reach the kit's network, server and bad-response
 * paths without a flaky network.
 */

import { grpcCodeForHttpStatus, MockUsageError } from './errors.js';
import { delay, sendRaw } from './http.js';

/**
 * @typedef {{
 *   rpc: string,
 *   status?: number,
 *   body?: string,
 *   contentType?: string,
 *   delayMs?: number,
 *   drop?: boolean,
 *   hang?: boolean,
 *   times?: number,
 *   afterHandling?: boolean,
 * }} FaultSpec
 *   `status`/`body`/`contentType`: answer this instead (status defaults to 500, body to a
 *   grpc-gateway error for the status); `drop`: destroy the socket without answering; `hang`: never
 *   answer; `delayMs`: wait first (alone, the real answer follows); `times`: how many requests get it
 *   (default 1); `afterHandling`: the request is handled for real first (its changes are kept) and the
 *   fault replaces only its answer, as a server that stored a credential and then failed to say so.
 */

/** @typedef {Required<Pick<FaultSpec, 'rpc' | 'times'>> & FaultSpec} Fault */

const FIELD_TYPES = /** @type {const} */ ({
  rpc: 'string',
  status: 'number',
  body: 'string',
  contentType: 'string',
  delayMs: 'number',
  drop: 'boolean',
  hang: 'boolean',
  times: 'number',
  afterHandling: 'boolean',
});

/**
 * Checks a fault as given to the control endpoint or `addFault`, so a typo fails the test that made it
 * instead of silently injecting nothing.
 * @param {unknown} input
 * @param {readonly string[]} knownRpcs
 * @returns {Fault}
 */
export function parseFault(input, knownRpcs) {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MockUsageError('a fault is a JSON object');
  }
  for (const [key, value] of Object.entries(input)) {
    const expected = FIELD_TYPES[/** @type {keyof typeof FIELD_TYPES} */ (key)];
    if (!expected) throw new MockUsageError(`unknown fault field "${key}"`);
    if (typeof value !== expected) throw new MockUsageError(`fault field "${key}" must be a ${expected}`);
  }
  const fault = /** @type {FaultSpec} */ (input);
  if (!knownRpcs.includes(fault.rpc)) {
    throw new MockUsageError(`unknown rpc "${fault.rpc}"; known: ${knownRpcs.join(', ')}`);
  }
  if (
    fault.status !== undefined &&
    !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)
  ) {
    throw new MockUsageError('fault status must be an HTTP status from 200 to 599');
  }
  if (fault.delayMs !== undefined && !(fault.delayMs >= 0)) throw new MockUsageError('delayMs must be ≥ 0');
  const times = fault.times ?? 1;
  if (!(Number.isInteger(times) && times >= 1)) throw new MockUsageError('times must be an integer ≥ 1');
  return { ...fault, times };
}

export function createFaultQueue() {
  /** @type {Fault[]} */
  let queue = [];
  return {
    /** @param {Fault} fault */
    add(fault) {
      queue.push({ ...fault });
    },
    /**
     * The first fault queued for the rpc, counted as used once.
     * @param {string} rpc
     * @returns {Fault | undefined}
     */
    take(rpc) {
      const fault = queue.find((candidate) => candidate.rpc === rpc);
      if (!fault) return undefined;
      fault.times -= 1;
      if (fault.times === 0) queue = queue.filter((candidate) => candidate !== fault);
      return fault;
    },
    clear() {
      queue = [];
    },
    list() {
      return queue.map((fault) => ({ ...fault }));
    },
  };
}

/**
 * Plays a fault on a request.
 * @param {Fault} fault
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {(res: import('node:http').ServerResponse) => void} holdOpen keeps a hung response to end on reset
 * @returns {Promise<boolean>} whether the fault took the request over (false: answer for real)
 */
export async function injectFault(fault, req, res, holdOpen) {
  await delay(fault.delayMs ?? 0);
  if (fault.drop) {
    req.socket.destroy();
    return true;
  }
  if (fault.hang) {
    holdOpen(res);
    return true;
  }
  if (fault.status === undefined && fault.body === undefined && fault.contentType === undefined) return false;
  const status = fault.status ?? 500;
  const body =
    fault.body ?? JSON.stringify({ code: grpcCodeForHttpStatus(status), message: 'injected fault' });
  sendRaw(res, status, body, fault.contentType ?? 'application/json');
  return true;
}

// @ts-check
/// <reference types="node" />
/**
 * Runs the mock on an ephemeral port of 127.0.0.1 and calls it as a browser would, with fetch.
 */

import http from 'node:http';
import { createZitadelMock } from '../../mock/zitadel-mock.js';

/**
 * @typedef {{
 *   body?: unknown,
 *   rawBody?: string,
 *   token?: string,
 *   headers?: Record<string, string>,
 *   signal?: AbortSignal,
 * }} CallOptions
 *   `body` is sent as JSON; `rawBody` as is; `token` as `Authorization: Bearer …`.
 */

/** Status code a request gets when the mock lets it fall through. */
export const FALLTHROUGH_STATUS = 418;

/**
 * @param {import('../../mock/zitadel-mock.js').ZitadelMockOptions} [options]
 */
export async function startMock(options) {
  const mock = createZitadelMock(options);
  const server = http.createServer((req, res) => {
    mock.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(FALLTHROUGH_STATUS).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const origin = `http://127.0.0.1:${address.port}`;

  /**
   * @param {string} method
   * @param {string} path
   * @param {CallOptions} [options]
   */
  async function call(method, path, { body, rawBody, token, headers = {}, signal } = {}) {
    const response = await fetch(origin + path, {
      method,
      headers: {
        ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal,
    });
    const text = await response.text();
    // Tests read answers field by field and assert each; the assertions are the type check here.
    /** @type {any} */
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  return {
    mock,
    origin,
    call,
    /** @param {string} path @param {CallOptions} [options] */
    post: (path, options) => call('POST', path, options),
    /** @param {string} path @param {CallOptions} [options] */
    get: (path, options) => call('GET', path, options),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startMock>>} MockServer */

/** A fake clock for code expiry: starts at a fixed instant, moves only when told. */
export function fakeClock(start = Date.parse('2025-01-01T00:00:00Z')) {
  let time = start;
  return {
    now: () => time,
    /** @param {number} ms */
    advance(ms) {
      time += ms;
    },
  };
}

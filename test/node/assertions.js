// @ts-check
/// <reference types="node" />
/**
 * Assertions on the mock's error answers, shared by the node test files.
 */

import assert from 'node:assert/strict';

const ERROR_DETAIL_TYPE = 'type.googleapis.com/zitadel.v1.ErrorDetail';

/**
 * Asserts a ZITADEL error answer: HTTP status, gRPC code, message, and the ErrorDetail carrying the id.
 * @param {{ status: number, json: any, headers: Headers }} response
 * @param {number} status
 * @param {number} code
 * @param {RegExp} message
 */
export function assertZitadelError(response, status, code, message) {
  assert.equal(response.status, status, JSON.stringify(response.json));
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.equal(response.json.code, code);
  assert.match(response.json.message, message);
  const id = /\(([A-Z]+-[A-Za-z0-9]+)\)$/.exec(response.json.message)?.[1];
  assert.ok(id, `message "${response.json.message}" ends in an error id`);
  assert.deepEqual(response.json.details, [
    { '@type': ERROR_DETAIL_TYPE, id, message: response.json.message.replace(` (${id})`, '') },
  ]);
}

/**
 * Asserts an error raised before ZITADEL's own code (gateway, interceptors, validation): no details, and
 * no `details` key at all, since protojson leaves an empty list out.
 * @param {{ status: number, json: any }} response
 * @param {number} status
 * @param {number} code
 * @param {RegExp} message
 */
export function assertBareError(response, status, code, message) {
  assert.equal(response.status, status, JSON.stringify(response.json));
  assert.deepEqual(Object.keys(response.json), ['code', 'message'], JSON.stringify(response.json));
  assert.equal(response.json.code, code);
  assert.match(response.json.message, message);
}

/**
 * The exact body ZITADEL's interceptor sends without an Authorization header.
 * @param {{ status: number, json: any }} response
 */
export function assertAuthHeaderMissing(response) {
  assert.equal(response.status, 401, JSON.stringify(response.json));
  assert.deepEqual(response.json, { code: 16, message: 'auth header missing' });
}

// @ts-check
/// <reference types="node" />
/**
 * The mock's management v1 passwordless-link endpoints, through HTTP as the kit sees them.
 * Run with `node --test test/node/`.
 */

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ORGS, TOKENS, UNKNOWN_USER_ID, USERS } from '../../mock/seed.js';
import { durationJson } from '../../mock/v1.js';
import { assertAuthHeaderMissing, assertBareError, assertZitadelError } from './assertions.js';
import { fakeClock, startMock } from './mock-server.js';

const ALICE = USERS.alice.id;
const CAROL = USERS.carol.id;
const linkPath = (/** @type {string} */ userId) => `/management/v1/users/${userId}/passwordless/_link`;
const sendPath = (/** @type {string} */ userId) => `/management/v1/users/${userId}/passwordless/_send_link`;

/** @type {import('./mock-server.js').MockServer} */
let server;
before(async () => {
  server = await startMock();
});
after(() => server.close());
beforeEach(() => server.mock.reset());

/**
 * The query of a login-UI link, after checking where it points.
 * @param {string} link
 */
function loginLinkQuery(link) {
  const url = new URL(link);
  assert.equal(`${url.origin}${url.pathname}`, `${server.origin}/ui/login/login/passwordless/init`);
  assert.deepEqual([...url.searchParams.keys()], ['userID', 'orgID', 'codeID', 'code']);
  return Object.fromEntries(url.searchParams);
}

describe('AddPasswordlessRegistration', () => {
  it('answers ObjectDetails with creationDate, the login UI link and the expiration as a Duration', async () => {
    const response = await server.post(linkPath(ALICE), {
      body: {},
      token: TOKENS.admin,
      headers: { 'x-zitadel-orgid': USERS.alice.orgId },
    });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.deepEqual(Object.keys(response.json), ['details', 'link', 'expiration']);
    const { details, link, expiration } = response.json;
    assert.deepEqual(Object.keys(details), ['sequence', 'creationDate', 'resourceOwner']);
    assert.match(details.sequence, /^\d+$/);
    assert.equal(new Date(details.creationDate).toISOString(), details.creationDate);
    assert.equal(details.resourceOwner, USERS.alice.orgId);
    assert.equal(expiration, '3600s');
    const query = loginLinkQuery(link);
    const [code] = server.mock.state.codes;
    assert.deepEqual(query, { userID: ALICE, orgID: USERS.alice.orgId, codeID: code?.id, code: query.code });
    assert.match(query.code ?? '', /^[A-Z0-9]{12}$/);
    assert.deepEqual(server.mock.outbox, [], 'nothing is sent');
  });

  it('makes a code that v2 RegisterPasskey takes, once, for as long as codeTtlMs', async () => {
    const clock = fakeClock();
    const timed = await startMock({ now: clock.now, codeTtlMs: 90_500 });
    try {
      const response = await timed.post(linkPath(ALICE), { token: TOKENS.admin });
      assert.equal(response.json.expiration, '90.500s');
      const url = new URL(response.json.link);
      const code = { id: url.searchParams.get('codeID'), code: url.searchParams.get('code') };
      clock.advance(90_499);
      const registered = await timed.post(`/v2/users/${ALICE}/passkeys`, {
        body: { code },
        token: TOKENS.loginClient,
      });
      assert.equal(registered.status, 200, JSON.stringify(registered.json));
      const again = await timed.post(`/v2/users/${ALICE}/passkeys`, {
        body: { code },
        token: TOKENS.loginClient,
      });
      assertZitadelError(again, 400, 3, /COMMAND-Eeb2a/);
    } finally {
      await timed.close();
    }
  });

  it('ignores the body, as the rpc binds none', async () => {
    const response = await server.post(linkPath(ALICE), { rawBody: 'not json', token: TOKENS.admin });
    assert.equal(response.status, 200, JSON.stringify(response.json));
  });

  it('answers 404 when x-zitadel-orgid names another organization, and takes any user without it', async () => {
    const other = await server.post(linkPath(ALICE), {
      body: {},
      token: TOKENS.admin,
      headers: { 'x-zitadel-orgid': ORGS.globex.id },
    });
    assertZitadelError(other, 404, 5, /^User could not be found \(COMMAND-uXHNj\)$/);
    assert.deepEqual(server.mock.state.codes, [], 'no code made');
    const carol = await server.post(linkPath(CAROL), { body: {}, token: TOKENS.admin });
    assert.equal(carol.status, 200);
    assert.equal(carol.json.details.resourceOwner, USERS.carol.orgId);
    const unknown = await server.post(linkPath(UNKNOWN_USER_ID), { body: {}, token: TOKENS.admin });
    assertZitadelError(unknown, 404, 5, /User could not be found/);
  });

  it('needs user.credential.write (an admin, a login client): user tokens get 403, no token 401', async () => {
    const own = await server.post(linkPath(ALICE), { body: {}, token: TOKENS.alice });
    assertZitadelError(own, 403, 7, /^No matching permissions found \(AUTH-5mWD2\)$/);
    const other = await server.post(linkPath(ALICE), { body: {}, token: TOKENS.bob });
    assertZitadelError(other, 403, 7, /^No matching permissions found \(AUTH-5mWD2\)$/);
    const loginClient = await server.post(linkPath(ALICE), { body: {}, token: TOKENS.loginClient });
    assert.equal(loginClient.status, 200);
    assertAuthHeaderMissing(await server.post(linkPath(ALICE), { body: {} }));
    const unknown = await server.post(linkPath(ALICE), { body: {}, token: 'nobodys-token' });
    assertZitadelError(unknown, 401, 16, /AUTH-7fs1e/);
  });

  it('validates the user id length', async () => {
    const response = await server.post(linkPath('1'.repeat(201)), { body: {}, token: TOKENS.admin });
    assertBareError(
      response,
      400,
      3,
      /^invalid AddPasswordlessRegistrationRequest\.UserId: value length must be between 1 and 200 runes, inclusive$/,
    );
  });
});

describe('SendPasswordlessRegistration', () => {
  it('emails the login UI link and answers ObjectDetails', async () => {
    const response = await server.post(sendPath(ALICE), { body: {}, token: TOKENS.admin });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.deepEqual(Object.keys(response.json), ['details']);
    assert.deepEqual(Object.keys(response.json.details), ['sequence', 'creationDate', 'resourceOwner']);
    const [email] = (await server.get('/__mock/outbox')).json;
    assert.equal(email.to, USERS.alice.userName);
    assert.equal(email.userId, ALICE);
    const query = loginLinkQuery(email.link);
    assert.equal(query.codeID, server.mock.state.codes[0]?.id);
  });

  it('decodes the body, needs user.write and honours x-zitadel-orgid', async () => {
    assertBareError(
      await server.post(sendPath(ALICE), { rawBody: '{', token: TOKENS.admin }),
      400,
      3,
      /^proto: syntax error/,
    );
    assertZitadelError(
      await server.post(sendPath(ALICE), { body: {}, token: TOKENS.alice }),
      403,
      7,
      /AUTH-5mWD2/,
    );
    assertZitadelError(
      await server.post(sendPath(ALICE), { body: {}, token: TOKENS.loginClient }),
      403,
      7,
      /AUTH-5mWD2/,
    );
    assertAuthHeaderMissing(await server.post(sendPath(ALICE), { body: {} }));
    const other = await server.post(sendPath(ALICE), {
      body: {},
      token: TOKENS.admin,
      headers: { 'x-zitadel-orgid': ORGS.globex.id },
    });
    assertZitadelError(other, 404, 5, /User could not be found/);
    assert.deepEqual(server.mock.outbox, []);
  });
});

describe('durationJson', () => {
  it('writes a google.protobuf.Duration as protojson does', () => {
    assert.equal(durationJson(3_600_000), '3600s');
    assert.equal(durationJson(0), '0s');
    assert.equal(durationJson(1_500), '1.500s');
    assert.equal(durationJson(1.25), '0.001250s');
    assert.equal(durationJson(0.000001), '0.000000001s');
  });
});

// @ts-check
/// <reference types="node" />
/**
 * The mock's v2 U2F endpoints and the passkey / U2F list and remove endpoints, through HTTP as the kit
 * sees them. Run with `node --test test/node/`.
 */

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { TOKENS, UNKNOWN_USER_ID, USERS } from '../../mock/seed.js';
import { assertAuthHeaderMissing, assertBareError, assertZitadelError } from './assertions.js';
import { startMock } from './mock-server.js';
import { createCredential, createSecurityKeyCredential } from './software-authenticator.js';

const ALICE = USERS.alice.id;
const BOB = USERS.bob.id;
const u2fPath = (/** @type {string} */ userId) => `/v2/users/${userId}/u2f`;
const passkeysPath = (/** @type {string} */ userId) => `/v2/users/${userId}/passkeys`;
const methodsPath = (/** @type {string} */ userId) => `/v2/users/${userId}/authentication_methods`;

/** @type {import('./mock-server.js').MockServer} */
let server;
before(async () => {
  server = await startMock();
});
after(() => server.close());
beforeEach(() => server.mock.reset());

/**
 * @param {string} userId
 * @param {import('./mock-server.js').CallOptions} [options]
 */
async function startU2F(userId, options = { body: {}, token: TOKENS.alice }) {
  const response = await server.post(u2fPath(userId), options);
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return response.json;
}

/**
 * Registers a security key (U2F) for Alice, for real.
 * @param {string} [name]
 */
async function registerU2F(name = 'YubiKey') {
  const started = await startU2F(ALICE);
  const publicKeyCredential = createSecurityKeyCredential(
    started.publicKeyCredentialCreationOptions.publicKey,
    {
      origin: server.origin,
    },
  );
  const response = await server.post(`${u2fPath(ALICE)}/${started.u2fId}`, {
    body: { publicKeyCredential, tokenName: name },
    token: TOKENS.alice,
  });
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return { id: /** @type {string} */ (started.u2fId), credential: publicKeyCredential };
}

/** Registers a passkey for Alice, for real. */
async function registerPasskey(name = 'Laptop') {
  const started = (await server.post(passkeysPath(ALICE), { body: {}, token: TOKENS.alice })).json;
  const publicKeyCredential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
    origin: server.origin,
  });
  const response = await server.post(`${passkeysPath(ALICE)}/${started.passkeyId}`, {
    body: { publicKeyCredential, passkeyName: name },
    token: TOKENS.alice,
  });
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return /** @type {string} */ (started.passkeyId);
}

const authenticatorsOf = (/** @type {string} */ userId) =>
  server.mock.state.users.find((user) => user.id === userId)?.authenticators ?? [];

describe('RegisterU2F', () => {
  it("answers details, a u2f id and the options ZITADEL's createUserU2F asks for", async () => {
    const started = await startU2F(ALICE, { body: { domain: 'example.com' }, token: TOKENS.alice });
    assert.match(started.details.sequence, /^\d+$/);
    assert.equal(started.details.resourceOwner, USERS.alice.orgId);
    assert.equal(new Date(started.details.changeDate).toISOString(), started.details.changeDate);
    assert.match(started.u2fId, /^\d{18}$/);
    const options = started.publicKeyCredentialCreationOptions.publicKey;
    assert.deepEqual(options.rp, { id: 'example.com', name: 'ZITADEL' });
    // UV required, no attachment, no resident key: go-webauthn's selection as ZITADEL fills it.
    assert.deepEqual(options.authenticatorSelection, { userVerification: 'required' });
    assert.deepEqual(options.excludeCredentials, []);
    assert.equal(options.attestation, 'none');
    assert.equal(options.timeout, 300000);
  });

  it('takes the relying party from the Host when no domain is given', async () => {
    const started = await startU2F(ALICE);
    assert.equal(started.publicKeyCredentialCreationOptions.publicKey.rp.id, '127.0.0.1');
  });

  it('excludes the user’s verified U2F keys, not their passkeys', async () => {
    const key = await registerU2F();
    await registerPasskey();
    const started = await startU2F(ALICE);
    assert.deepEqual(started.publicKeyCredentialCreationOptions.publicKey.excludeCredentials, [
      { id: key.credential.id, type: 'public-key', transports: ['usb'] },
    ]);
    const passkey = (await server.post(passkeysPath(ALICE), { body: {}, token: TOKENS.alice })).json;
    assert.equal(
      passkey.publicKeyCredentialCreationOptions.publicKey.excludeCredentials.length,
      1,
      'a passkey registration excludes only the passkey',
    );
  });

  it('needs a token, even with a code: there is no code flow for U2F', async () => {
    assertAuthHeaderMissing(await server.post(u2fPath(ALICE), { body: {} }));
    const code = server.mock.createCode(ALICE);
    assertAuthHeaderMissing(await server.post(u2fPath(ALICE), { body: { code } }));
  });

  it('lets a login client start for any user: it may write every user’s credentials (IAM_LOGIN_CLIENT)', async () => {
    const started = await startU2F(ALICE, { body: {}, token: TOKENS.loginClient });
    assert.equal(started.details.resourceOwner, USERS.alice.orgId);
  });

  it('answers 403 for another user without user.credential.write; a user manager starts (ZITADEL ≥ 2.66)', async () => {
    assertZitadelError(
      await server.post(u2fPath(ALICE), { body: {}, token: TOKENS.bob }),
      403,
      7,
      /^No matching permissions found \(AUTH-AWfge\)$/,
    );
    const byAdmin = await startU2F(ALICE, { body: {}, token: TOKENS.admin });
    assert.equal(byAdmin.details.resourceOwner, USERS.alice.orgId);
    const own = await startU2F(BOB, { body: {}, token: TOKENS.bob });
    assert.equal(own.details.resourceOwner, USERS.bob.orgId);
  });

  it('answers 404 for an unknown user, and 400 for a domain that is not a string', async () => {
    const unknown = await server.post(u2fPath(UNKNOWN_USER_ID), { body: {}, token: TOKENS.admin });
    assertZitadelError(unknown, 404, 5, /User could not be found/);
    const wrong = await server.post(u2fPath(ALICE), { body: { domain: 1 }, token: TOKENS.alice });
    assertBareError(wrong, 400, 3, /invalid value for string field domain/);
  });
});

describe('VerifyU2FRegistration', () => {
  /**
   * @param {string} u2fId
   * @param {import('./mock-server.js').CallOptions} options
   */
  const verify = (u2fId, options) => server.post(`${u2fPath(ALICE)}/${u2fId}`, options);

  it('stores a key that proved only presence, as kind u2f', async () => {
    const key = await registerU2F('YubiKey 5C');
    const [stored] = authenticatorsOf(ALICE);
    assert.deepEqual(
      {
        id: stored?.id,
        kind: stored?.kind,
        name: stored?.name,
        state: stored?.state,
        credentialId: stored?.credentialId,
        userVerified: stored?.userVerified,
      },
      {
        id: key.id,
        kind: 'u2f',
        name: 'YubiKey 5C',
        state: 'AUTH_FACTOR_STATE_READY',
        credentialId: key.credential.id,
        userVerified: false,
      },
    );
  });

  it('answers 500 WEBAU-3Vb9s for a credential that fails verification, and keeps it pending', async () => {
    const started = await startU2F(ALICE);
    const options = started.publicKeyCredentialCreationOptions.publicKey;
    const forged = createSecurityKeyCredential(options, { origin: 'https://evil.example' });
    const rejected = await verify(started.u2fId, {
      body: { publicKeyCredential: forged, tokenName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(rejected, 500, 13, /^Error on create credentials \(WEBAU-3Vb9s\)$/);
    assert.equal(authenticatorsOf(ALICE)[0]?.state, 'AUTH_FACTOR_STATE_NOT_READY');
    const genuine = createSecurityKeyCredential(options, { origin: server.origin });
    const accepted = await verify(started.u2fId, {
      body: { publicKeyCredential: genuine, tokenName: 'Key' },
      token: TOKENS.alice,
    });
    assert.equal(accepted.status, 200, 'a retry succeeds');
  });

  it('answers 500 WEBAU-sEr8c for something that is not a credential', async () => {
    const started = await startU2F(ALICE);
    const response = await verify(started.u2fId, {
      body: { publicKeyCredential: { type: 'public-key', id: 'x' }, tokenName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(response, 500, 13, /WEBAU-sEr8c/);
  });

  it('validates the body: credential required, tokenName 1 to 200 characters', async () => {
    const started = await startU2F(ALICE);
    const cases = [
      [
        { tokenName: 'Key' },
        /^invalid VerifyU2FRegistrationRequest\.PublicKeyCredential: value is required$/,
      ],
      [
        { publicKeyCredential: { id: 'x' } },
        /^invalid VerifyU2FRegistrationRequest\.TokenName: value length/,
      ],
      [{ publicKeyCredential: { id: 'x' }, tokenName: 'k'.repeat(201) }, /TokenName: value length/],
    ];
    for (const [body, message] of cases) {
      assertBareError(
        await verify(started.u2fId, { body, token: TOKENS.alice }),
        400,
        3,
        /** @type {RegExp} */ (message),
      );
    }
  });

  it('needs the token of the user (or user.write or a login client) and a pending key', async () => {
    const started = await startU2F(ALICE);
    const body = { publicKeyCredential: { id: 'x' }, tokenName: 'Key' };
    assertAuthHeaderMissing(await verify(started.u2fId, { body }));
    assertZitadelError(await verify(started.u2fId, { body, token: TOKENS.bob }), 403, 7, /AUTH-Bohd2/);
    // A pending passkey is no pending key: the two are apart in ZITADEL.
    const bobsPath = `${u2fPath(BOB)}/`;
    const passkey = (await server.post(passkeysPath(BOB), { body: {}, token: TOKENS.bob })).json;
    assertZitadelError(
      await server.post(`${bobsPath}${passkey.passkeyId}`, { body, token: TOKENS.bob }),
      500,
      13,
      /^WebAuthN Token could not be found \(WEBAU-5M9so\)$/,
    );
  });

  it("lets a login client verify the user's started key", async () => {
    const started = await startU2F(ALICE);
    const publicKeyCredential = createSecurityKeyCredential(
      started.publicKeyCredentialCreationOptions.publicKey,
      {
        origin: server.origin,
      },
    );
    const response = await verify(started.u2fId, {
      body: { publicKeyCredential, tokenName: 'Key' },
      token: TOKENS.loginClient,
    });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.equal(authenticatorsOf(ALICE)[0]?.state, 'AUTH_FACTOR_STATE_READY');
  });

  it('cannot verify the same key twice: 500 WEBAU-5M9so, as ZITADEL finds no pending token', async () => {
    const key = await registerU2F();
    const response = await verify(key.id, {
      body: { publicKeyCredential: key.credential, tokenName: 'Again' },
      token: TOKENS.alice,
    });
    assertZitadelError(response, 500, 13, /^WebAuthN Token could not be found \(WEBAU-5M9so\)$/);
  });
});

describe('ListPasskeys', () => {
  it('lists the verified passkeys as {id, state, name} with list details', async () => {
    const passkeyId = await registerPasskey('Laptop');
    await registerU2F();
    await server.post(passkeysPath(ALICE), { body: {}, token: TOKENS.alice }); // pending, not listed
    const response = await server.post(`${passkeysPath(ALICE)}/_search`, { body: {}, token: TOKENS.alice });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.deepEqual(response.json.result, [
      { id: passkeyId, state: 'AUTH_FACTOR_STATE_READY', name: 'Laptop' },
    ]);
    assert.equal(response.json.details.totalResult, '1');
    assert.match(response.json.details.processedSequence, /^\d+$/);
    assert.equal(new Date(response.json.details.timestamp).toISOString(), response.json.details.timestamp);
  });

  it('leaves out an empty result and a zero total, as protojson does', async () => {
    const response = await server.post(`${passkeysPath(BOB)}/_search`, { body: {}, token: TOKENS.bob });
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.json), ['details']);
    assert.equal('totalResult' in response.json.details, false);
  });

  it("answers an unknown user with an empty list, as ZITADEL's search does", async () => {
    const response = await server.post(`${passkeysPath(UNKNOWN_USER_ID)}/_search`, {
      body: {},
      token: TOKENS.admin,
    });
    assert.equal(response.status, 200);
    assert.equal(response.json.result, undefined);
  });

  it('needs the user’s token or user.write', async () => {
    assertBareError(
      await server.post(`${passkeysPath(ALICE)}/_search`, { body: {} }),
      401,
      16,
      /auth header/,
    );
    const other = await server.post(`${passkeysPath(ALICE)}/_search`, { body: {}, token: TOKENS.bob });
    assertZitadelError(other, 403, 7, /AUTH-Bohd2/);
    const loginClient = await server.post(`${passkeysPath(ALICE)}/_search`, {
      body: {},
      token: TOKENS.loginClient,
    });
    assertZitadelError(loginClient, 403, 7, /AUTH-Bohd2/);
    const admin = await server.post(`${passkeysPath(ALICE)}/_search`, { body: {}, token: TOKENS.admin });
    assert.equal(admin.status, 200);
  });
});

describe('RemovePasskey and RemoveU2F', () => {
  it('remove an authenticator of their kind and answer details', async () => {
    const passkeyId = await registerPasskey();
    const key = await registerU2F();
    const removed = await server.call('DELETE', `${passkeysPath(ALICE)}/${passkeyId}`, {
      token: TOKENS.alice,
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.json));
    assert.equal(removed.json.details.resourceOwner, USERS.alice.orgId);
    assert.deepEqual(
      authenticatorsOf(ALICE).map((a) => a.id),
      [key.id],
    );
    const u2f = await server.call('DELETE', `${u2fPath(ALICE)}/${key.id}`, { token: TOKENS.alice });
    assert.equal(u2f.status, 200);
    assert.deepEqual(authenticatorsOf(ALICE), []);
  });

  it('answer 404 COMMAND-DAfb2 for an id of the other kind, an unknown id or one removed already', async () => {
    const passkeyId = await registerPasskey();
    const key = await registerU2F();
    const cases = [
      `${passkeysPath(ALICE)}/${key.id}`,
      `${u2fPath(ALICE)}/${passkeyId}`,
      `${u2fPath(ALICE)}/310999999999999999`,
    ];
    for (const path of cases) {
      assertZitadelError(
        await server.call('DELETE', path, { token: TOKENS.alice }),
        404,
        5,
        /^WebAuthN Token could not be found \(COMMAND-DAfb2\)$/,
      );
    }
    await server.call('DELETE', `${u2fPath(ALICE)}/${key.id}`, { token: TOKENS.alice });
    const again = await server.call('DELETE', `${u2fPath(ALICE)}/${key.id}`, { token: TOKENS.alice });
    assert.equal(again.status, 404);
  });

  it('remove a pending registration too', async () => {
    const started = await startU2F(ALICE);
    const response = await server.call('DELETE', `${u2fPath(ALICE)}/${started.u2fId}`, {
      token: TOKENS.alice,
    });
    assert.equal(response.status, 200);
  });

  it('need the user’s token or user.write, and a known user', async () => {
    const passkeyId = await registerPasskey();
    const path = `${passkeysPath(ALICE)}/${passkeyId}`;
    assertBareError(await server.call('DELETE', path), 401, 16, /auth header missing/);
    assertZitadelError(await server.call('DELETE', path, { token: TOKENS.bob }), 403, 7, /AUTH-Bohd2/);
    assertZitadelError(
      await server.call('DELETE', path, { token: TOKENS.loginClient }),
      403,
      7,
      /AUTH-Bohd2/,
    );
    const unknown = await server.call('DELETE', `${u2fPath(UNKNOWN_USER_ID)}/1`, { token: TOKENS.admin });
    assertZitadelError(unknown, 404, 5, /User could not be found/);
    assert.equal((await server.call('DELETE', path, { token: TOKENS.admin })).status, 200);
  });
});

describe('ListAuthenticationFactors', () => {
  const factorsPath = (/** @type {string} */ userId) => `/v2/users/${userId}/authentication_factors/_search`;

  it('lists the verified U2F keys as {state, u2f: {id, name}}, no passkeys', async () => {
    const key = await registerU2F('YubiKey');
    await registerPasskey();
    await startU2F(ALICE); // pending: not READY, not listed by default
    const response = await server.post(factorsPath(ALICE), { token: TOKENS.alice });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.deepEqual(response.json, {
      result: [{ state: 'AUTH_FACTOR_STATE_READY', u2f: { id: key.id, name: 'YubiKey' } }],
    });
  });

  it('filters by authFactors and states from the query, each repeatable', async () => {
    const key = await registerU2F('YubiKey');
    const pending = await startU2F(ALICE);
    const u2fReady = await server.post(
      `${factorsPath(ALICE)}?authFactors=U2F&states=AUTH_FACTOR_STATE_READY`,
      { token: TOKENS.alice },
    );
    assert.deepEqual(u2fReady.json.result, [
      { state: 'AUTH_FACTOR_STATE_READY', u2f: { id: key.id, name: 'YubiKey' } },
    ]);
    const both = await server.post(
      `${factorsPath(ALICE)}?states=AUTH_FACTOR_STATE_READY&states=AUTH_FACTOR_STATE_NOT_READY`,
      { token: TOKENS.alice },
    );
    assert.deepEqual(
      both.json.result,
      [
        { state: 'AUTH_FACTOR_STATE_READY', u2f: { id: key.id, name: 'YubiKey' } },
        { state: 'AUTH_FACTOR_STATE_NOT_READY', u2f: { id: pending.u2fId } },
      ],
      'a pending key has no name, and protojson leaves the empty name out',
    );
    const otpOnly = await server.post(`${factorsPath(ALICE)}?auth_factors=OTP&auth_factors=OTP_EMAIL`, {
      token: TOKENS.alice,
    });
    assert.equal(otpOnly.status, 200);
    assert.deepEqual(otpOnly.json, {}, 'no OTP factors: result left out');
  });

  it('reads no body: the http rule binds none', async () => {
    await registerU2F();
    const response = await server.post(factorsPath(ALICE), {
      rawBody: '{"authFactors": ["OTP"], not json',
      token: TOKENS.alice,
    });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.equal(response.json.result.length, 1);
  });

  it('refuses an unknown enum name in the query as grpc-gateway does', async () => {
    const response = await server.post(`${factorsPath(ALICE)}?authFactors=PASSKEY`, { token: TOKENS.alice });
    assertBareError(response, 400, 3, /^"PASSKEY" is not a valid value$/);
  });

  it('needs the user’s token or user.write; a login client gets 403', async () => {
    assertAuthHeaderMissing(await server.post(factorsPath(ALICE)));
    assertZitadelError(await server.post(factorsPath(ALICE), { token: TOKENS.bob }), 403, 7, /AUTH-Bohd2/);
    assertZitadelError(
      await server.post(factorsPath(ALICE), { token: TOKENS.loginClient }),
      403,
      7,
      /AUTH-Bohd2/,
    );
    assert.equal((await server.post(factorsPath(ALICE), { token: TOKENS.admin })).status, 200);
    const unknown = await server.post(factorsPath(UNKNOWN_USER_ID), { token: TOKENS.admin });
    assert.deepEqual(unknown.json, {}, 'an unknown user is an empty list');
  });
});

describe('ListAuthenticationMethodTypes', () => {
  it('names the kinds of verified authenticators the user has, in enum order', async () => {
    await registerU2F();
    await registerPasskey();
    const response = await server.get(methodsPath(ALICE), { token: TOKENS.alice });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.deepEqual(response.json.authMethodTypes, [
      'AUTHENTICATION_METHOD_TYPE_PASSKEY',
      'AUTHENTICATION_METHOD_TYPE_U2F',
    ]);
    assert.equal(response.json.details.totalResult, '2');
  });

  it('leaves authMethodTypes out when there are none (pending ones do not count)', async () => {
    await startU2F(ALICE);
    const response = await server.get(methodsPath(ALICE), { token: TOKENS.alice });
    assert.equal(response.status, 200);
    assert.equal(response.json.authMethodTypes, undefined);
  });

  it('filters by domainQuery.domain and validates it', async () => {
    await registerPasskey(); // on 127.0.0.1
    const other = await server.get(`${methodsPath(ALICE)}?domainQuery.domain=example.com`, {
      token: TOKENS.alice,
    });
    assert.equal(other.json.authMethodTypes, undefined);
    const same = await server.get(`${methodsPath(ALICE)}?domain_query.domain=127.0.0.1`, {
      token: TOKENS.alice,
    });
    assert.deepEqual(same.json.authMethodTypes, ['AUTHENTICATION_METHOD_TYPE_PASSKEY']);
    const noDomain = await server.get(`${methodsPath(ALICE)}?domainQuery.includeWithoutDomain=true`, {
      token: TOKENS.alice,
    });
    assertBareError(
      noDomain,
      400,
      3,
      /^invalid ListAuthenticationMethodTypesRequest\.DomainQuery: embedded message failed validation \| caused by: invalid DomainQuery\.Domain: value length/,
    );
    const notBool = await server.get(`${methodsPath(ALICE)}?domainQuery.includeWithoutDomain=yes`, {
      token: TOKENS.alice,
    });
    assertBareError(notBool, 400, 3, /^strconv\.ParseBool: parsing "yes": invalid syntax$/);
  });

  it('needs the user’s token or user.write', async () => {
    assertBareError(await server.get(methodsPath(ALICE)), 401, 16, /auth header missing/);
    assertZitadelError(await server.get(methodsPath(ALICE), { token: TOKENS.bob }), 403, 7, /AUTH-Bohd2/);
  });
});

describe('POST /__mock/authenticators (a registration made on another device, for list tests)', () => {
  it('stores a READY passkey that ListPasskeys lists and RemovePasskey deletes', async () => {
    const stored = await server.post('/__mock/authenticators', { body: { userId: ALICE, name: 'Phone' } });
    assert.equal(stored.status, 200, JSON.stringify(stored.json));
    assert.equal(stored.json.state, 'AUTH_FACTOR_STATE_READY');
    assert.equal(stored.json.kind, 'passkey');
    const listed = await server.post(`${passkeysPath(ALICE)}/_search`, { body: {}, token: TOKENS.alice });
    assert.deepEqual(listed.json.result, [
      { id: stored.json.id, state: 'AUTH_FACTOR_STATE_READY', name: 'Phone' },
    ]);
    const removed = await server.call('DELETE', `${passkeysPath(ALICE)}/${stored.json.id}`, {
      token: TOKENS.alice,
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.json));
    assert.deepEqual(authenticatorsOf(ALICE), []);
  });

  it('stores a U2F key that ListAuthenticationFactors lists', async () => {
    const stored = await server.post('/__mock/authenticators', {
      body: { userId: ALICE, kind: 'u2f', name: 'YubiKey' },
    });
    assert.equal(stored.status, 200, JSON.stringify(stored.json));
    const listed = await server.post(`/v2/users/${ALICE}/authentication_factors/_search`, {
      body: {},
      token: TOKENS.alice,
    });
    assert.equal(listed.status, 200, JSON.stringify(listed.json));
    assert.equal(listed.json.result?.[0]?.u2f?.id, stored.json.id);
    assert.equal(listed.json.result?.[0]?.u2f?.name, 'YubiKey');
  });

  it('refuses an unknown user and an unknown kind', async () => {
    const unknown = await server.post('/__mock/authenticators', { body: { userId: UNKNOWN_USER_ID } });
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.error, /no user/);
    const kind = await server.post('/__mock/authenticators', { body: { userId: ALICE, kind: 'webauthn' } });
    assert.equal(kind.status, 400);
    assert.match(kind.json.error, /kind/);
  });
});

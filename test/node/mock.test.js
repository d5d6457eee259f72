// @ts-check
/// <reference types="node" />
/**
 * The ZITADEL mock, specified through HTTP as the kit sees it. Run with `node --test test/node/`.
 */

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import { TOKENS, UNKNOWN_USER_ID, USERS } from '../../mock/seed.js';
import { createZitadelMock } from '../../mock/zitadel-mock.js';
import { assertAuthHeaderMissing, assertBareError, assertZitadelError } from './assertions.js';
import { FALLTHROUGH_STATUS, fakeClock, startMock } from './mock-server.js';
import { createCredential } from './software-authenticator.js';

const ALICE = USERS.alice.id;
const BOB = USERS.bob.id;
const passkeys = (/** @type {string} */ userId) => `/v2/users/${userId}/passkeys`;
const linkPath = (/** @type {string} */ userId) => `/v2/users/${userId}/passkeys/registration_link`;
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
async function startRegistration(userId, options = { body: {}, token: TOKENS.alice }) {
  const response = await server.post(passkeys(userId), options);
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return response.json;
}

/** @param {string} userId */
async function returnedCode(userId) {
  const response = await server.post(linkPath(userId), { body: { returnCode: {} }, token: TOKENS.admin });
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return /** @type {{ id: string, code: string }} */ (response.json.code);
}

describe('seed', () => {
  it('imports nothing, so browser tests can load it', async () => {
    const source = await readFile(new URL('../../mock/seed.js', import.meta.url), 'utf8');
    assert.doesNotMatch(source, /^\s*import\s/m);
  });
});

describe('RegisterPasskey', () => {
  it('answers details, a passkey id and creation options wrapped in publicKey', async () => {
    const started = await startRegistration(ALICE, {
      body: { domain: 'example.com' },
      token: TOKENS.alice,
    });
    assert.match(started.details.sequence, /^\d+$/);
    assert.equal(new Date(started.details.changeDate).toISOString(), started.details.changeDate);
    assert.equal(started.details.resourceOwner, USERS.alice.orgId);
    assert.match(started.passkeyId, /^\d{18}$/);
    const options = started.publicKeyCredentialCreationOptions.publicKey;
    assert.match(options.challenge, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
    assert.deepEqual(options.rp, { id: 'example.com', name: 'ZITADEL' });
    assert.deepEqual(options.user, {
      id: Buffer.from(ALICE).toString('base64url'),
      name: USERS.alice.userName,
      displayName: USERS.alice.displayName,
    });
    assert.deepEqual(options.authenticatorSelection, {
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'required',
    });
    assert.equal(options.timeout, 300000);
    assert.equal(options.attestation, 'none');
    assert.deepEqual(options.excludeCredentials, []);
    assert.ok(
      options.pubKeyCredParams.some((/** @type {any} */ p) => p.alg === -7 && p.type === 'public-key'),
    );
    assert.equal('hints' in options, false, 'no members go-webauthn would not send');
  });

  it('takes the relying party from the Host when no domain is given', async () => {
    const started = await startRegistration(ALICE);
    assert.equal(started.publicKeyCredentialCreationOptions.publicKey.rp.id, '127.0.0.1');
  });

  it('asks for the authenticator attachment the enum names, by name or number', async () => {
    const cases = [
      ['PASSKEY_AUTHENTICATOR_PLATFORM', 'platform'],
      ['PASSKEY_AUTHENTICATOR_CROSS_PLATFORM', 'cross-platform'],
      [2, 'cross-platform'],
      ['PASSKEY_AUTHENTICATOR_UNSPECIFIED', undefined],
    ];
    for (const [authenticator, attachment] of cases) {
      const started = await startRegistration(ALICE, { body: { authenticator }, token: TOKENS.alice });
      const selection = started.publicKeyCredentialCreationOptions.publicKey.authenticatorSelection;
      assert.equal(selection.authenticatorAttachment, attachment, String(authenticator));
    }
  });

  it('rejects an unknown authenticator name while decoding', async () => {
    const response = await server.post(passkeys(ALICE), {
      body: { authenticator: 'PASSKEY_AUTHENTICATOR_USB' },
      token: TOKENS.alice,
    });
    assertBareError(
      response,
      400,
      3,
      /invalid value for enum field authenticator: "PASSKEY_AUTHENTICATOR_USB"/,
    );
  });

  it('rejects a body that is not JSON', async () => {
    const response = await server.post(passkeys(ALICE), { rawBody: '{"domain":', token: TOKENS.alice });
    assertBareError(response, 400, 3, /^proto: syntax error/);
  });

  it('rejects a code whose id or secret is empty or longer than 200 characters', async () => {
    const cases = [
      [
        { id: '', code: 'x' },
        /invalid RegisterPasskeyRequest\.Code: embedded message failed validation \| caused by: invalid PasskeyRegistrationCode\.Id: value length must be between 1 and 200 runes, inclusive/,
      ],
      [
        { id: '1', code: 'x'.repeat(201) },
        /PasskeyRegistrationCode\.Code: value length must be between 1 and 200 runes/,
      ],
      [{ id: '1' }, /PasskeyRegistrationCode\.Code: value length/],
    ];
    for (const [code, message] of cases) {
      const response = await server.post(passkeys(ALICE), { body: { code }, token: TOKENS.loginClient });
      assertBareError(response, 400, 3, /** @type {RegExp} */ (message));
    }
  });

  it('counts length in characters, not bytes: a 200-character code id passes validation', async () => {
    const response = await server.post(passkeys(ALICE), {
      body: { code: { id: 'é'.repeat(200), code: 'x' } },
      token: TOKENS.loginClient,
    });
    assertZitadelError(response, 400, 3, /^Code is invalid \(COMMAND-Eeb2a\)$/);
  });

  it('rejects a wrong type while decoding', async () => {
    const response = await server.post(passkeys(ALICE), { body: { domain: 42 }, token: TOKENS.alice });
    assertBareError(response, 400, 3, /invalid value for string field domain/);
  });

  it('reads snake_case field names as protojson does', async () => {
    const code = await returnedCode(ALICE);
    const response = await server.post(passkeys(ALICE), {
      body: { code, authenticator: 'PASSKEY_AUTHENTICATOR_PLATFORM', domain: 'snake.example' },
      token: TOKENS.loginClient,
    });
    assert.equal(response.status, 200);
    const snake = await server.post(passkeys(ALICE), { body: { domain: 'a.example' }, token: TOKENS.alice });
    assert.equal(snake.json.publicKeyCredentialCreationOptions.publicKey.rp.id, 'a.example');
  });

  it("answers 401 without a token, as ZITADEL's interceptor does: exactly its body, no details", async () => {
    const response = await server.post(passkeys(ALICE), { body: {} });
    assertAuthHeaderMissing(response);
    assert.equal(response.text, '{"code":16,"message":"auth header missing"}');
  });

  it('answers 401 without a token even when a valid code comes: the code is not the caller', async () => {
    const code = await returnedCode(ALICE);
    assertAuthHeaderMissing(await server.post(passkeys(ALICE), { body: { code } }));
    assert.equal(server.mock.state.codes[0]?.used, false, 'the code is not used up');
  });

  it('lets a login client start without a code for any user: it may write every user’s credentials', async () => {
    const started = await startRegistration(ALICE, { body: {}, token: TOKENS.loginClient });
    assert.equal(started.details.resourceOwner, USERS.alice.orgId);
  });

  it('answers 401 for an unknown token and for a header that is not Bearer', async () => {
    assertZitadelError(
      await server.post(passkeys(ALICE), { body: {}, token: 'nobodys-token' }),
      401,
      16,
      /^Token is invalid \(AUTH-7fs1e\)$/,
    );
    const basic = await server.post(passkeys(ALICE), {
      body: {},
      headers: { authorization: 'Basic YWxpY2U=' },
    });
    assertZitadelError(basic, 401, 16, /invalid auth header/);
  });

  it('answers 403 when a user acts on another user (no user.credential.write)', async () => {
    const response = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.bob });
    assertZitadelError(response, 403, 7, /^No matching permissions found \(AUTH-AWfge\)$/);
  });

  it('lets a user manager start for another user, with or without a code (ZITADEL ≥ 2.66)', async () => {
    const started = await startRegistration(BOB, { body: {}, token: TOKENS.admin });
    assert.equal(started.details.resourceOwner, USERS.bob.orgId);
    const code = server.mock.createCode(BOB);
    const withCode = await startRegistration(BOB, {
      body: { code: { id: code.id, code: code.code } },
      token: TOKENS.admin,
    });
    assert.equal(withCode.details.resourceOwner, USERS.bob.orgId);
  });

  it('answers 404 for an unknown user without a code', async () => {
    const response = await server.post(passkeys(UNKNOWN_USER_ID), { body: {}, token: TOKENS.admin });
    assert.equal(response.status, 404);
  });

  it('checks the token before the body rules', async () => {
    const response = await server.post(passkeys(ALICE), {
      body: { code: { id: '' } },
      token: 'nobodys-token',
    });
    assert.equal(response.status, 401);
  });
});

describe('registration codes', () => {
  it("authorise a login client's RegisterPasskey for the user, once", async () => {
    const code = await returnedCode(ALICE);
    const first = await server.post(passkeys(ALICE), { body: { code }, token: TOKENS.loginClient });
    assert.equal(first.status, 200, JSON.stringify(first.json));
    assert.equal(server.mock.state.codes.find((c) => c.id === code.id)?.used, true);

    const second = await server.post(passkeys(ALICE), { body: { code }, token: TOKENS.loginClient });
    assertZitadelError(second, 400, 3, /^Code is invalid \(COMMAND-Eeb2a\)$/);
  });

  it("authorise nothing alone: another user's token with the code is refused, and the code survives", async () => {
    const code = await returnedCode(ALICE);
    const response = await server.post(passkeys(ALICE), { body: { code }, token: TOKENS.bob });
    assertZitadelError(response, 403, 7, /AUTH-AWfge/);
    assert.equal(server.mock.state.codes.find((c) => c.id === code.id)?.used, false);
    const own = await server.post(passkeys(ALICE), { body: { code }, token: TOKENS.alice });
    assert.equal(own.status, 200);
  });

  it('still refuse an invalid token that comes with a code', async () => {
    const code = await returnedCode(ALICE);
    const response = await server.post(passkeys(ALICE), { body: { code }, token: 'nobodys-token' });
    assert.equal(response.status, 401);
    assert.equal(server.mock.state.codes[0]?.used, false, 'the code is not used up');
  });

  it("fail alike when wrong, unknown or another user's", async () => {
    const code = await returnedCode(ALICE);
    const attempts = [
      { id: code.id, code: 'WRONGWRONG00' },
      { id: '310999999999999999', code: code.code },
    ];
    for (const attempt of attempts) {
      assertZitadelError(
        await server.post(passkeys(ALICE), { body: { code: attempt }, token: TOKENS.loginClient }),
        400,
        3,
        /Code is invalid/,
      );
    }
    assertZitadelError(
      await server.post(passkeys(BOB), { body: { code }, token: TOKENS.loginClient }),
      400,
      3,
      /Code is invalid/,
    );
    assert.equal(
      (await server.post(passkeys(ALICE), { body: { code }, token: TOKENS.loginClient })).status,
      200,
      'failed tries do not use it up',
    );
  });

  it('expire after codeTtlMs, with the same answer as a wrong code', async () => {
    const clock = fakeClock();
    const timed = await startMock({ now: clock.now, codeTtlMs: 60_000 });
    try {
      const link = await timed.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.admin });
      const code = link.json.code;
      assert.equal(timed.mock.state.codes[0]?.expiresAt, new Date(clock.now() + 60_000).toISOString());
      clock.advance(60_000);
      const response = await timed.post(passkeys(ALICE), { body: { code }, token: TOKENS.loginClient });
      assertZitadelError(response, 400, 3, /^Code is invalid \(COMMAND-Eeb2a\)$/);
    } finally {
      await timed.close();
    }
  });

  it('work until the last millisecond of their life', async () => {
    const clock = fakeClock();
    const timed = await startMock({ now: clock.now });
    try {
      const code = timed.mock.createCode(ALICE, 1_000);
      clock.advance(999);
      assert.equal(
        (await timed.post(passkeys(ALICE), { body: { code }, token: TOKENS.loginClient })).status,
        200,
      );
    } finally {
      await timed.close();
    }
  });

  it('can be made through the control endpoint with their own lifetime', async () => {
    const made = await server.post('/__mock/codes', { body: { userId: ALICE, ttlMs: 5_000 } });
    assert.equal(made.status, 200);
    assert.match(made.json.id, /^\d{18}$/);
    assert.match(made.json.code, /^[A-Z0-9]{12}$/);
    const expiresIn = Date.parse(made.json.expiresAt) - Date.now();
    assert.ok(expiresIn > 4_000 && expiresIn <= 5_000, `expires in ${expiresIn} ms`);
    const unknown = await server.post('/__mock/codes', { body: { userId: UNKNOWN_USER_ID } });
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.error, /no user/);
  });
});

describe('VerifyPasskeyRegistration', () => {
  /**
   * @param {string} passkeyId
   * @param {import('./mock-server.js').CallOptions} options
   */
  const verify = (passkeyId, options) => server.post(`${passkeys(ALICE)}/${passkeyId}`, options);
  /**
   * Alice's answer to a start, made by the software authenticator on the mock's origin, sent to `passkeyId`.
   * @param {{ passkeyId: string, publicKeyCredentialCreationOptions: { publicKey: any } }} started
   * @param {string} passkeyName
   */
  const answer = (started, passkeyName, passkeyId = started.passkeyId) =>
    verify(passkeyId, {
      body: {
        publicKeyCredential: createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
          origin: server.origin,
        }),
        passkeyName,
      },
      token: TOKENS.alice,
    });

  it('stores the passkey when the attestation checks out, and excludes it from the next registration', async () => {
    const started = await startRegistration(ALICE);
    const credential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
      origin: server.origin,
    });
    const response = await verify(started.passkeyId, {
      body: { publicKeyCredential: credential, passkeyName: 'Chrome on Linux' },
      token: TOKENS.alice,
    });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.equal(response.json.details.resourceOwner, USERS.alice.orgId);
    assert.ok(Number(response.json.details.sequence) > Number(started.details.sequence));

    const [passkey] = server.mock.state.users.find((u) => u.id === ALICE)?.authenticators ?? [];
    assert.deepEqual(
      {
        id: passkey?.id,
        kind: passkey?.kind,
        name: passkey?.name,
        state: passkey?.state,
        credentialId: passkey?.credentialId,
      },
      {
        id: started.passkeyId,
        kind: 'passkey',
        name: 'Chrome on Linux',
        state: 'AUTH_FACTOR_STATE_READY',
        credentialId: credential.id,
      },
    );

    const next = await startRegistration(ALICE);
    assert.deepEqual(next.publicKeyCredentialCreationOptions.publicKey.excludeCredentials, [
      { id: credential.id, type: 'public-key', transports: ['internal'] },
    ]);
  });

  it('cannot verify the same registration twice', async () => {
    const started = await startRegistration(ALICE);
    const publicKeyCredential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
      origin: server.origin,
    });
    const body = { publicKeyCredential, passkeyName: 'Key' };
    assert.equal((await verify(started.passkeyId, { body, token: TOKENS.alice })).status, 200);
    assertZitadelError(
      await verify(started.passkeyId, { body, token: TOKENS.alice }),
      500,
      13,
      /^WebAuthN Token could not be found \(WEBAU-5M9so\)$/,
    );
  });

  it('answers 500 as ZITADEL does when the credential is not a credential', async () => {
    const started = await startRegistration(ALICE);
    const response = await verify(started.passkeyId, {
      body: {
        publicKeyCredential: { type: 'public-key', id: 'garbage', note: 'x'.repeat(60) },
        passkeyName: 'Key',
      },
      token: TOKENS.alice,
    });
    assertZitadelError(response, 500, 13, /^Error on parse credential data \(WEBAU-sEr8c\)$/);
  });

  it('answers 500 when the credential fails verification, and leaves the registration pending', async () => {
    const started = await startRegistration(ALICE);
    const options = started.publicKeyCredentialCreationOptions.publicKey;
    const forged = createCredential(options, { origin: 'https://evil.example' });
    const rejected = await verify(started.passkeyId, {
      body: { publicKeyCredential: forged, passkeyName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(rejected, 500, 13, /^Error on create credentials \(WEBAU-3Vb9s\)$/);
    const pending = server.mock.state.users.find((u) => u.id === ALICE)?.authenticators[0];
    assert.equal(pending?.state, 'AUTH_FACTOR_STATE_NOT_READY');

    const genuine = createCredential(options, { origin: server.origin });
    const accepted = await verify(started.passkeyId, {
      body: { publicKeyCredential: genuine, passkeyName: 'Key' },
      token: TOKENS.alice,
    });
    assert.equal(accepted.status, 200, 'a retry with a good credential succeeds');
  });

  it('accepts the origin the browser reports when its host is the RP ID or below it, as ZITADEL does', async () => {
    // A page on another port (or a subdomain), whose verify reaches ZITADEL through a proxy without an Origin.
    for (const [origin, status] of /** @type {const} */ ([
      ['http://localhost:5999', 200],
      ['https://app.localhost', 200],
      ['https://evil.example', 500],
      ['http://app.localhost', 500],
    ])) {
      server.mock.reset();
      const started = await startRegistration(ALICE, { body: { domain: 'localhost' }, token: TOKENS.alice });
      const credential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, { origin });
      const response = await verify(started.passkeyId, {
        body: { publicKeyCredential: credential, passkeyName: 'Key' },
        token: TOKENS.alice,
      });
      assert.equal(response.status, status, `${origin}: ${JSON.stringify(response.json)}`);
    }
  });

  it('requires user verification for passkeys', async () => {
    const started = await startRegistration(ALICE);
    const credential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
      origin: server.origin,
      userVerified: false,
    });
    const response = await verify(started.passkeyId, {
      body: { publicKeyCredential: credential, passkeyName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(response, 500, 13, /WEBAU-3Vb9s/);
  });

  it('accepts the Origin header the browser sent', async () => {
    const started = await startRegistration(ALICE, { body: { domain: 'app.example' }, token: TOKENS.alice });
    const credential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
      origin: 'https://app.example',
    });
    const response = await verify(started.passkeyId, {
      body: { publicKeyCredential: credential, passkeyName: 'Key' },
      token: TOKENS.alice,
      headers: { origin: 'https://app.example' },
    });
    assert.equal(response.status, 200, JSON.stringify(response.json));
  });

  it('lets the login client that started a registration with a code verify it, never without a token', async () => {
    const code = await returnedCode(ALICE);
    const started = await startRegistration(ALICE, { body: { code }, token: TOKENS.loginClient });
    const credential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
      origin: server.origin,
    });
    const body = { publicKeyCredential: credential, passkeyName: 'Key' };
    assertAuthHeaderMissing(await verify(started.passkeyId, { body }));
    const response = await verify(started.passkeyId, { body, token: TOKENS.loginClient });
    assert.equal(response.status, 200, JSON.stringify(response.json));
  });

  it("lets a login client verify a registration the user's own token started", async () => {
    const started = await startRegistration(ALICE);
    const credential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
      origin: server.origin,
    });
    const response = await verify(started.passkeyId, {
      body: { publicKeyCredential: credential, passkeyName: 'Key' },
      token: TOKENS.loginClient,
    });
    assert.equal(response.status, 200, JSON.stringify(response.json));
  });

  it("needs the user's token, user.write or a login client", async () => {
    const started = await startRegistration(ALICE);
    const body = { publicKeyCredential: { id: 'x' }, passkeyName: 'Key' };
    assertAuthHeaderMissing(await verify(started.passkeyId, { body }));
    assertZitadelError(await verify(started.passkeyId, { body, token: TOKENS.bob }), 403, 7, /AUTH-Bohd2/);
  });

  it('validates the body: credential required, name 1 to 200 characters', async () => {
    const started = await startRegistration(ALICE);
    const publicKeyCredential = { id: 'x' };
    const cases = [
      [
        { passkeyName: 'Key' },
        /^invalid VerifyPasskeyRegistrationRequest\.PublicKeyCredential: value is required$/,
      ],
      [
        { publicKeyCredential },
        /^invalid VerifyPasskeyRegistrationRequest\.PasskeyName: value length must be between 1 and 200 runes, inclusive$/,
      ],
      [{ publicKeyCredential, passkeyName: 'k'.repeat(201) }, /PasskeyName: value length/],
      [
        { publicKeyCredential: 'not an object', passkeyName: 'Key' },
        /invalid value for google\.protobuf\.Struct field publicKeyCredential/,
      ],
      [{ publicKeyCredential, passkeyName: 7 }, /invalid value for string field passkeyName/],
    ];
    for (const [body, message] of cases) {
      assertBareError(
        await verify(started.passkeyId, { body, token: TOKENS.alice }),
        400,
        3,
        /** @type {RegExp} */ (message),
      );
    }
  });

  it("keeps one registration pending, as ZITADEL: a new start replaces it, and the path's id is not read", async () => {
    const first = await startRegistration(ALICE);
    const second = await startRegistration(ALICE);
    const replaced = await answer(first, 'First');
    assert.equal(replaced.status, 500, 'the first start was replaced: its challenge no longer verifies');
    const anyId = await answer(second, 'Second', '310999999999999999');
    assert.equal(anyId.status, 200, JSON.stringify(anyId.json));
    assert.deepEqual(
      server.mock.state.users.find((u) => u.id === ALICE)?.authenticators.map((a) => [a.name, a.state]),
      [['Second', 'AUTH_FACTOR_STATE_READY']],
    );
  });

  it('answers 500 WEBAU-5M9so when the user has no registration pending, whatever the id', async () => {
    const response = await verify('310999999999999999', {
      body: { publicKeyCredential: { id: 'x' }, passkeyName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(response, 500, 13, /^WebAuthN Token could not be found \(WEBAU-5M9so\)$/);
  });
});

describe('registration codes', () => {
  it('dies at its third failed check, as in ZITADEL: then the right code is refused too', async () => {
    const code = server.mock.createCode(ALICE);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const wrong = await server.post(passkeys(ALICE), {
        body: { code: { id: code.id, code: 'WRONGWRONG00' } },
        token: TOKENS.loginClient,
      });
      assertZitadelError(wrong, 400, 3, /COMMAND-Eeb2a/);
    }
    const right = await server.post(passkeys(ALICE), {
      body: { code: { id: code.id, code: code.code } },
      token: TOKENS.loginClient,
    });
    assertZitadelError(right, 400, 3, /COMMAND-Eeb2a/);
  });

  it('survives two failed checks', async () => {
    const code = server.mock.createCode(ALICE);
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      await server.post(passkeys(ALICE), {
        body: { code: { id: code.id, code: 'WRONGWRONG00' } },
        token: TOKENS.loginClient,
      });
    }
    const started = await startRegistration(ALICE, {
      body: { code: { id: code.id, code: code.code } },
      token: TOKENS.loginClient,
    });
    assert.equal(typeof started.passkeyId, 'string');
  });
});

describe('CreatePasskeyRegistrationLink', () => {
  it('returns a code when asked to', async () => {
    const response = await server.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.admin });
    assert.equal(response.status, 200);
    assert.equal(response.json.details.resourceOwner, USERS.alice.orgId);
    assert.match(response.json.code.id, /^\d{18}$/);
    assert.match(response.json.code.code, /^[A-Z0-9]{12}$/);
    assert.deepEqual(server.mock.outbox, [], 'nothing is sent');
  });

  it("emails Login v2's link when no medium is given", async () => {
    const response = await server.post(linkPath(BOB), { body: {}, token: TOKENS.admin });
    assert.equal(response.status, 200);
    assert.equal(response.json.code, undefined);
    const [email] = server.mock.outbox;
    assert.equal(email?.to, USERS.bob.userName);
    assert.equal(email?.userId, BOB);
    const link = new URL(email?.link ?? '');
    // ZITADEL's default on an instance with Login v2 required (every new one): Login v2's page.
    assert.equal(`${link.origin}${link.pathname}`, `${server.origin}/ui/v2/login/passkey/set`);
    const [code] = server.mock.state.codes;
    assert.deepEqual(Object.fromEntries(link.searchParams), {
      userId: BOB,
      organization: USERS.bob.orgId,
      codeId: code?.id,
      code: link.searchParams.get('code'),
    });
    const registered = await server.post(passkeys(BOB), {
      body: { code: { id: link.searchParams.get('codeId'), code: link.searchParams.get('code') } },
      token: TOKENS.loginClient,
    });
    assert.equal(registered.status, 200, 'the emailed code registers');
  });

  it("fills the urlTemplate's Go-template fields", async () => {
    const urlTemplate =
      'https://app.example/register?u={{.UserID}}&o={{ .OrgID }}&i={{.CodeID}}&c={{- .Code -}}';
    const response = await server.post(linkPath(ALICE), {
      body: { sendLink: { urlTemplate } },
      token: TOKENS.admin,
    });
    assert.equal(response.status, 200);
    const link = new URL(server.mock.outbox[0]?.link ?? '');
    assert.equal(link.origin + link.pathname, 'https://app.example/register');
    assert.equal(link.searchParams.get('u'), ALICE);
    assert.equal(link.searchParams.get('o'), USERS.alice.orgId);
    assert.equal(link.searchParams.get('i'), server.mock.state.codes[0]?.id);
    assert.match(link.searchParams.get('c') ?? '', /^[A-Z0-9]{12}$/);
  });

  it('refuses a template with a field ZITADEL does not have, before making a code', async () => {
    const response = await server.post(linkPath(ALICE), {
      body: { sendLink: { urlTemplate: 'https://app.example/?n={{.LoginName}}' } },
      token: TOKENS.admin,
    });
    assertZitadelError(response, 400, 3, /^URL Template is invalid \(DOMAIN-ieYa7\)$/);
    assert.deepEqual(server.mock.state.codes, []);
    assert.deepEqual(server.mock.outbox, []);
  });

  it('refuses a template that does not parse', async () => {
    const response = await server.post(linkPath(ALICE), {
      body: { sendLink: { urlTemplate: 'https://app.example/?c={{.Code' } },
      token: TOKENS.admin,
    });
    assertZitadelError(response, 400, 3, /DOMAIN-oGh5e/);
  });

  it('limits the template to 1 to 200 characters', async () => {
    for (const urlTemplate of ['', `https://app.example/${'x'.repeat(181)}`]) {
      const response = await server.post(linkPath(ALICE), {
        body: { sendLink: { urlTemplate } },
        token: TOKENS.admin,
      });
      assertBareError(
        response,
        400,
        3,
        /SendPasskeyRegistrationLink\.UrlTemplate: value length must be between 1 and 200/,
      );
    }
  });

  it('refuses both media at once', async () => {
    const response = await server.post(linkPath(ALICE), {
      body: { sendLink: {}, returnCode: {} },
      token: TOKENS.admin,
    });
    assertBareError(response, 400, 3, /oneof CreatePasskeyRegistrationLinkRequest\.medium is already set/);
  });

  it('needs user.passkey.write: a user may not create links, even for themself', async () => {
    const response = await server.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.alice });
    assertZitadelError(response, 403, 7, /^No matching permissions found \(AUTH-5mWD2\)$/);
    assertBareError(
      await server.post(linkPath(ALICE), { body: { returnCode: {} } }),
      401,
      16,
      /auth header missing/,
    );
  });

  it('answers 404 for an unknown user', async () => {
    const response = await server.post(linkPath(UNKNOWN_USER_ID), {
      body: { returnCode: {} },
      token: TOKENS.admin,
    });
    assertZitadelError(response, 404, 5, /User could not be found/);
  });

  it('makes codes that live as long as configured', async () => {
    await server.post('/__mock/config', { body: { codeTtlMs: 10 } });
    const code = await returnedCode(ALICE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assertZitadelError(
      await server.post(passkeys(ALICE), { body: { code }, token: TOKENS.loginClient }),
      400,
      3,
      /Code is invalid/,
    );
  });
});

describe('routing', () => {
  it("answers grpc-gateway's 404 for unknown paths under the API prefixes", async () => {
    for (const path of ['/v2/users/1/nothing', '/resources/v3alpha/users/1/nothing', '/management/v1/x']) {
      const response = await server.post(path, { body: {}, token: TOKENS.admin });
      assertBareError(response, 404, 5, /^Not Found$/);
    }
  });

  it('answers 405 with code 12 Method Not Allowed for a known path with another method', async () => {
    const response = await server.call('GET', passkeys(ALICE), { token: TOKENS.alice });
    assert.equal(response.status, 405);
    assert.deepEqual(response.json, { code: 12, message: 'Method Not Allowed' });
    const tokenless = await server.call('PUT', `/v2/users/${ALICE}/authentication_factors/_search`);
    assert.equal(tokenless.status, 405, 'routing comes before the token');
  });

  it('answers an unknown route 404 {code: 5, message: "Not Found"} before looking at the token', async () => {
    const response = await server.post('/v2/users/1/nothing');
    assert.equal(response.status, 404);
    assert.deepEqual(response.json, { code: 5, message: 'Not Found' });
  });

  it('prefers the literal registration_link over a passkey id', async () => {
    const response = await server.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.admin });
    assert.ok(response.json.code, 'answered by CreatePasskeyRegistrationLink');
  });

  it('lets every other path fall through untouched', async () => {
    for (const path of ['/', '/index.html', '/v2', '/v3/users', '/__mocked']) {
      assert.equal((await server.get(path)).status, FALLTHROUGH_STATUS, path);
    }
  });

  it('sends JSON that no cache keeps', async () => {
    const ok = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    const failed = await server.post(passkeys(ALICE), { body: {} });
    for (const response of [ok, failed]) {
      assert.equal(response.headers.get('content-type'), 'application/json');
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
  });
});

describe('CORS, as ZITADEL answers it (rs/cors with DefaultCORSOptions)', () => {
  const preflight = (/** @type {string} */ path, /** @type {Record<string, string>} */ headers) =>
    server.call('OPTIONS', path, { headers });

  it('allows a preflight from any origin for the bearer token and JSON, and logs nothing', async () => {
    const response = await preflight(passkeys(ALICE), {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    });
    assert.equal(response.status, 204);
    assert.equal(response.text, '');
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(response.headers.get('access-control-allow-headers'), 'authorization,content-type');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    assert.deepEqual(server.mock.requests, [], 'a preflight is not an API request');
  });

  it('allows x-zitadel-orgid (v1) and DELETE', async () => {
    const response = await preflight(passkeys(ALICE) + '/1', {
      origin: 'https://app.example',
      'access-control-request-method': 'DELETE',
      'access-control-request-headers': 'authorization, x-zitadel-orgid',
    });
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.equal(response.headers.get('access-control-allow-methods'), 'DELETE');
  });

  it('refuses a preflight for a header ZITADEL does not allow: no CORS headers', async () => {
    const response = await preflight(passkeys(ALICE), {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, x-secret',
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('access-control-allow-headers'), null);
  });

  it('echoes the origin on real answers, errors and faults alike', async () => {
    const origin = 'https://app.example';
    const ok = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice, headers: { origin } });
    const denied = await server.post(passkeys(ALICE), { body: {}, headers: { origin } });
    server.mock.addFault({ rpc: 'CreatePasskeyRegistrationLink', status: 503 });
    const faulty = await server.post(linkPath(ALICE), {
      body: { returnCode: {} },
      token: TOKENS.admin,
      headers: { origin },
    });
    assert.deepEqual(
      [ok, denied, faulty].map((response) => response.status),
      [200, 401, 503],
    );
    for (const response of [ok, denied, faulty]) {
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
      assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /Grpc-Message/);
      assert.match(response.headers.get('vary') ?? '', /Origin/);
    }
  });

  it('adds nothing to a request without an Origin header', async () => {
    const response = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('leaves the control endpoints and other paths alone', async () => {
    const control = await preflight('/__mock/state', {
      origin: 'https://app.example',
      'access-control-request-method': 'GET',
    });
    assert.equal(control.headers.get('access-control-allow-origin'), null);
    const other = await preflight('/index.html', {
      origin: 'https://app.example',
      'access-control-request-method': 'GET',
    });
    assert.equal(other.status, FALLTHROUGH_STATUS);
  });
});

describe('request log', () => {
  it('keeps each API request with its rpc, body and caller, never the token', async () => {
    await server.post(passkeys(ALICE), {
      body: { authenticator: 'PASSKEY_AUTHENTICATOR_PLATFORM' },
      token: TOKENS.alice,
      headers: { origin: 'https://app.example', 'x-zitadel-orgid': USERS.alice.orgId },
    });
    await server.post(linkPath(ALICE), { rawBody: 'not json' });
    await server.post('/v2/nothing', { body: {}, token: 'nobodys-token' });

    const log = (await server.get('/__mock/requests')).json;
    const { host } = new URL(server.origin);
    assert.deepEqual(log, [
      {
        rpc: 'RegisterPasskey',
        method: 'POST',
        path: passkeys(ALICE),
        query: {},
        headers: {
          host,
          origin: 'https://app.example',
          'content-type': 'application/json',
          'x-zitadel-orgid': USERS.alice.orgId,
        },
        hasAuthorization: true,
        tokenOwner: 'alice',
        body: { authenticator: 'PASSKEY_AUTHENTICATOR_PLATFORM' },
      },
      {
        rpc: 'CreatePasskeyRegistrationLink',
        method: 'POST',
        path: linkPath(ALICE),
        query: {},
        headers: { host, 'content-type': 'application/json' },
        hasAuthorization: false,
        tokenOwner: null,
        body: 'not json',
      },
      {
        rpc: null,
        method: 'POST',
        path: '/v2/nothing',
        query: {},
        headers: { host, 'content-type': 'application/json' },
        hasAuthorization: true,
        tokenOwner: 'unknown',
        body: {},
      },
    ]);
    assert.doesNotMatch(
      JSON.stringify(server.mock.state) + JSON.stringify(log),
      /access-token|nobodys-token/,
    );
    assert.deepEqual(server.mock.state.requests, { RegisterPasskey: 1, CreatePasskeyRegistrationLink: 1 });
  });

  it("names the login client's token 'login-client' and keeps repeated query parameters as a list", async () => {
    await server.post(`/v2/users/${ALICE}/authentication_factors/_search?authFactors=U2F&states=A&states=B`, {
      token: TOKENS.loginClient,
    });
    const [entry] = server.mock.requests;
    assert.equal(entry?.rpc, 'ListAuthenticationFactors');
    assert.equal(entry?.tokenOwner, 'login-client');
    assert.deepEqual(entry?.query, { authFactors: 'U2F', states: ['A', 'B'] });
    assert.doesNotMatch(JSON.stringify(server.mock.requests), /login-client-token/);
  });

  it('can be cleared on its own', async () => {
    await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.deepEqual((await server.call('DELETE', '/__mock/requests')).json, []);
    assert.equal(server.mock.state.users.find((u) => u.id === ALICE)?.authenticators.length, 1);
  });
});

describe('faults', () => {
  it('answer a chosen status, body and content type instead of the real answer', async () => {
    const queued = await server.post('/__mock/faults', {
      body: {
        rpc: 'RegisterPasskey',
        status: 502,
        body: '<html>bad gateway</html>',
        contentType: 'text/html',
      },
    });
    assert.equal(queued.status, 200);
    const faulty = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.equal(faulty.status, 502);
    assert.equal(faulty.headers.get('content-type'), 'text/html');
    assert.equal(faulty.text, '<html>bad gateway</html>');
    const real = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.equal(real.status, 200, 'one request by default');
  });

  it('give a status alone a grpc-gateway body, and can last several requests', async () => {
    server.mock.addFault({ rpc: 'CreatePasskeyRegistrationLink', status: 503, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const response = await server.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.admin });
      assertBareError(response, 503, 14, /injected fault/);
    }
    assert.equal(
      (await server.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.admin })).status,
      200,
    );
  });

  it('can answer 200 with a body that is not what the API promises', async () => {
    server.mock.addFault({ rpc: 'RegisterPasskey', status: 200, body: '{"passkeyId":1}' });
    const response = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, { passkeyId: 1 });
  });

  it('touch only the rpc they name', async () => {
    server.mock.addFault({ rpc: 'VerifyPasskeyRegistration', status: 500 });
    assert.equal((await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice })).status, 200);
    assert.equal(server.mock.faults.length, 1);
  });

  it('drop the connection without an answer', async () => {
    server.mock.addFault({ rpc: 'RegisterPasskey', drop: true });
    await assert.rejects(server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice }), TypeError);
    assert.equal(server.mock.requests.length, 1, 'the request was received and logged');
  });

  it('hang until the caller gives up, and reset ends them', async () => {
    server.mock.addFault({ rpc: 'RegisterPasskey', hang: true });
    await assert.rejects(
      server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice, signal: AbortSignal.timeout(150) }),
      { name: 'TimeoutError' },
    );
    server.mock.addFault({ rpc: 'RegisterPasskey', hang: true });
    const hanging = server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.mock.reset();
    await assert.rejects(hanging, TypeError);
  });

  it('delay the real answer when only delayMs is given', async () => {
    server.mock.addFault({ rpc: 'RegisterPasskey', delayMs: 120 });
    const started = performance.now();
    const response = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.ok(performance.now() - started >= 110, 'slow');
    assert.equal(response.status, 200, 'but real');
    assert.ok(response.json.passkeyId);
  });

  it('are refused when misspelt, so a test cannot inject nothing by mistake', async () => {
    const cases = [
      [{ rpc: 'RegisterPasskeys', status: 500 }, /unknown rpc "RegisterPasskeys"/],
      [{ rpc: 'RegisterPasskey', stauts: 500 }, /unknown fault field "stauts"/],
      [{ rpc: 'RegisterPasskey', status: '500' }, /"status" must be a number/],
      [{ rpc: 'RegisterPasskey', times: 0 }, /times must be an integer ≥ 1/],
    ];
    for (const [body, message] of cases) {
      const response = await server.post('/__mock/faults', { body });
      assert.equal(response.status, 400);
      assert.match(response.json.error, /** @type {RegExp} */ (message));
    }
    assert.deepEqual(server.mock.faults, []);
  });

  it('know every rpc of every API generation, and the request log names them', async () => {
    const rpcs = [
      'RegisterPasskey',
      'VerifyPasskeyRegistration',
      'CreatePasskeyRegistrationLink',
      'ListPasskeys',
      'RemovePasskey',
      'RegisterU2F',
      'VerifyU2FRegistration',
      'RemoveU2F',
      'ListAuthenticationMethodTypes',
      'StartWebAuthNRegistration',
      'VerifyWebAuthNRegistration',
      'CreateWebAuthNRegistrationLink',
      'RemoveWebAuthNAuthenticator',
      'AddPasswordlessRegistration',
      'SendPasswordlessRegistration',
    ];
    for (const rpc of rpcs) {
      const response = await server.post('/__mock/faults', { body: { rpc, status: 503 } });
      assert.equal(response.status, 200, `${rpc}: ${JSON.stringify(response.json)}`);
    }
    const calls = [
      ['POST', `/v2/users/${ALICE}/passkeys/_search`],
      ['DELETE', `/v2/users/${ALICE}/passkeys/1`],
      ['POST', `/v2/users/${ALICE}/u2f`],
      ['POST', `/v2/users/${ALICE}/u2f/1`],
      ['DELETE', `/v2/users/${ALICE}/u2f/1`],
      ['GET', `/v2/users/${ALICE}/authentication_methods`],
      ['POST', `/resources/v3alpha/users/${ALICE}/webauthn?instance.domain=localhost`],
      ['POST', `/resources/v3alpha/users/${ALICE}/webauthn/1/_verify`],
      ['POST', `/resources/v3alpha/users/${ALICE}/webauthn/registration_link`],
      ['DELETE', `/resources/v3alpha/users/${ALICE}/webauthn/1`],
      ['POST', `/management/v1/users/${ALICE}/passwordless/_link`],
      ['POST', `/management/v1/users/${ALICE}/passwordless/_send_link`],
    ];
    for (const [method, path] of calls) {
      const response = await server.call(method ?? 'GET', path ?? '/', { token: TOKENS.admin });
      assert.equal(response.status, 503, `${method} ${path} got the fault`);
    }
    const log = server.mock.requests;
    assert.deepEqual(
      log.map((entry) => entry.rpc),
      rpcs.slice(3),
    );
    assert.deepEqual(log[6]?.query, { 'instance.domain': 'localhost' });
    assert.equal(server.mock.state.requests.ListAuthenticationMethodTypes, 1);
    assert.deepEqual(
      server.mock.faults.map((fault) => fault.rpc),
      ['RegisterPasskey', 'VerifyPasskeyRegistration', 'CreatePasskeyRegistrationLink'],
    );
  });

  it('can all be cleared', async () => {
    server.mock.addFault({ rpc: 'RegisterPasskey', status: 500, times: 3 });
    assert.equal((await server.get('/__mock/faults')).json.length, 1);
    assert.deepEqual((await server.call('DELETE', '/__mock/faults')).json, []);
    assert.equal((await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice })).status, 200);
  });
});

describe('error bodies', () => {
  it('never carry an empty details list: protojson leaves it out', async () => {
    const bare = [
      await server.post(passkeys(ALICE), { body: {} }),
      await server.post(passkeys(ALICE), { rawBody: '{', token: TOKENS.alice }),
      await server.post(passkeys(ALICE), { body: { code: { id: '' } }, token: TOKENS.alice }),
      await server.call('GET', passkeys(ALICE), { token: TOKENS.alice }),
      await server.post('/v2/users/1/nothing'),
      await server.post(`/resources/v3alpha/users/${ALICE}/webauthn`, {
        body: { domain: 'localhost' },
        token: TOKENS.alice,
      }),
    ];
    for (const response of bare) {
      assert.ok(response.status >= 400, response.text);
      assert.doesNotMatch(response.text, /"details"/, response.text);
    }
    server.mock.addFault({ rpc: 'RegisterPasskey', status: 502 });
    const fault = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.deepEqual(fault.json, { code: 13, message: 'injected fault' });
  });

  it("keep ZITADEL's own errors' one ErrorDetail", async () => {
    const response = await server.post(passkeys(ALICE), { body: {}, token: TOKENS.bob });
    assert.deepEqual(response.json, {
      code: 7,
      message: 'No matching permissions found (AUTH-AWfge)',
      details: [
        {
          '@type': 'type.googleapis.com/zitadel.v1.ErrorDetail',
          id: 'AUTH-AWfge',
          message: 'No matching permissions found',
        },
      ],
    });
  });
});

describe('login client', () => {
  it('may create v2 links (user.passkey.write), returned or emailed', async () => {
    const returned = await server.post(linkPath(BOB), {
      body: { returnCode: {} },
      token: TOKENS.loginClient,
    });
    assert.equal(returned.status, 200, returned.text);
    assert.ok(returned.json.code.id);
    const emailed = await server.post(linkPath(BOB), { body: {}, token: TOKENS.loginClient });
    assert.equal(emailed.status, 200, emailed.text);
    assert.equal(server.mock.outbox.length, 1);
  });

  it('may not create links as a user without user.passkey.write', async () => {
    const response = await server.post(linkPath(BOB), { body: { returnCode: {} }, token: TOKENS.bob });
    assertZitadelError(response, 403, 7, /^No matching permissions found \(AUTH-5mWD2\)$/);
  });
});

describe('config', () => {
  it('adds latencyMs before every API answer until reset', async () => {
    const configured = await server.post('/__mock/config', { body: { latencyMs: 100 } });
    assert.deepEqual(configured.json, { codeTtlMs: 3_600_000, latencyMs: 100, v3alpha: 'unimplemented' });
    let started = performance.now();
    await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.ok(performance.now() - started >= 90);

    await server.post('/__mock/reset');
    started = performance.now();
    await server.post(passkeys(ALICE), { body: {}, token: TOKENS.alice });
    assert.ok(performance.now() - started < 90, 'reset restores the options');
  });

  it('refuses values that are not durations', async () => {
    for (const body of [{ latencyMs: -1 }, { codeTtlMs: 'long' }, { latency: 5 }, { v3alpha: 'yes' }]) {
      assert.equal((await server.post('/__mock/config', { body })).status, 400, JSON.stringify(body));
    }
    assert.deepEqual(server.mock.config, { codeTtlMs: 3_600_000, latencyMs: 0, v3alpha: 'unimplemented' });
  });

  it('switches v3alpha between unimplemented (the default, as ZITADEL v4) and implemented', async () => {
    const path = `/resources/v3alpha/users/${ALICE}/webauthn`;
    const body = { domain: 'localhost' };
    const unimplemented = await server.post(path, { body, token: TOKENS.alice });
    assert.equal(unimplemented.status, 501);
    assert.deepEqual(unimplemented.json, {
      code: 12,
      message: 'method StartWebAuthNRegistration not implemented',
    });

    const configured = await server.post('/__mock/config', { body: { v3alpha: 'implemented' } });
    assert.equal(configured.json.v3alpha, 'implemented');
    assert.equal((await server.post(path, { body, token: TOKENS.alice })).status, 200);

    server.mock.configure({ v3alpha: 'unimplemented' });
    assert.equal((await server.post(path, { body, token: TOKENS.alice })).status, 501);
    server.mock.configure({ v3alpha: 'implemented' });
    server.mock.reset();
    assert.equal(server.mock.config.v3alpha, 'unimplemented', 'reset returns to the options');
  });

  it('takes v3alpha from the options, and reset returns to them', async () => {
    const implemented = await startMock({ v3alpha: 'implemented' });
    try {
      implemented.mock.configure({ v3alpha: 'unimplemented' });
      implemented.mock.reset();
      assert.equal(implemented.mock.config.v3alpha, 'implemented');
      const path = `/resources/v3alpha/users/${ALICE}`;
      assert.equal((await implemented.get(path, { token: TOKENS.alice })).status, 200);
    } finally {
      await implemented.close();
    }
    assert.throws(
      () => createZitadelMock({ v3alpha: /** @type {any} */ ('maybe') }),
      /v3alpha must be one of unimplemented, implemented/,
    );
  });
});

describe('reset', () => {
  it('returns to the seed: no authenticators, codes, emails, requests or faults', async () => {
    await startRegistration(ALICE);
    await server.post(linkPath(BOB), { body: {}, token: TOKENS.admin });
    server.mock.addFault({ rpc: 'RegisterPasskey', status: 500 });
    const before = (await server.get('/__mock/state')).json;
    assert.equal(before.outbox.length, 1);

    const reset = await server.post('/__mock/reset');
    assert.equal(reset.status, 200);
    assert.deepEqual(reset.json.codes, []);
    assert.deepEqual(reset.json.outbox, []);
    assert.deepEqual(reset.json.requests, {});
    assert.ok(reset.json.users.every((/** @type {any} */ user) => user.authenticators.length === 0));
    assert.deepEqual(
      reset.json.users.map((/** @type {any} */ user) => user.id),
      [ALICE, BOB, USERS.carol.id],
    );
    assert.deepEqual(server.mock.faults, []);

    const again = await startRegistration(ALICE);
    assert.equal(again.passkeyId, before.users[0].authenticators[0].id, 'ids start over');
  });

  it('answers 404 for unknown control endpoints and 400 for bodies that are not JSON', async () => {
    assert.equal((await server.get('/__mock/nothing')).status, 404);
    assert.equal((await server.post('/__mock/codes', { rawBody: '{' })).status, 400);
  });
});

describe('adapters', () => {
  /**
   * A bodiless GET as the adapters receive it from a framework.
   * @param {string} url
   */
  const request = (url) =>
    /** @type {import('node:http').IncomingMessage} */ (
      /** @type {unknown} */ (Object.assign(Readable.from([]), { url, method: 'GET', headers: {} }))
    );

  it('middleware() calls next only for paths the mock does not serve', async () => {
    const middleware = server.mock.middleware();
    /** @type {unknown[]} */
    const calls = [];
    const res = /** @type {any} */ ({ writeHead() {}, end: () => calls.push('answered') });
    await new Promise((resolve) => {
      middleware(request('/elsewhere'), res, (/** @type {unknown} */ error) =>
        resolve(calls.push(['next', error])),
      );
    });
    assert.deepEqual(calls, [['next', undefined]]);
  });

  it('middleware() passes a crash to next', async () => {
    const middleware = server.mock.middleware();
    const broken = /** @type {any} */ ({
      writeHead() {
        throw new Error('socket gone');
      },
      end() {},
    });
    const error = await new Promise((resolve) => middleware(request('/__mock/state'), broken, resolve));
    assert.match(String(error), /socket gone/);
  });

  it('koa() takes the response over when it answers, else defers to next', async () => {
    const koa = server.mock.koa();
    /** @type {string[]} */
    const written = [];
    const res = /** @type {any} */ ({
      writeHead: () => written.push('head'),
      end: () => written.push('end'),
    });
    const handled = {
      req: request('/__mock/state'),
      res,
      respond: /** @type {boolean | undefined} */ (undefined),
    };
    let nextCalled = false;
    await koa(handled, async () => {
      nextCalled = true;
    });
    assert.equal(handled.respond, false);
    assert.equal(nextCalled, false);
    assert.deepEqual(written, ['head', 'end']);

    const passed = { req: request('/app.js'), res, respond: /** @type {boolean | undefined} */ (undefined) };
    await koa(passed, async () => {
      nextCalled = true;
    });
    assert.equal(nextCalled, true);
    assert.equal(passed.respond, undefined);
  });
});

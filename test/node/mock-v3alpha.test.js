// @ts-check
/// <reference types="node" />
/**
 * The mock's v3alpha WebAuthN endpoints, through HTTP as the kit sees them. Run with `node --test test/node/`.
 */

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { INSTANCE, ORGS, TOKENS, UNKNOWN_USER_ID, USERS } from '../../mock/seed.js';
import { assertAuthHeaderMissing, assertBareError, assertZitadelError } from './assertions.js';
import { fakeClock, startMock } from './mock-server.js';
import { createCredential, createSecurityKeyCredential } from './software-authenticator.js';

const ALICE = USERS.alice.id;
const BOB = USERS.bob.id;
const CAROL = USERS.carol.id;
const base = (/** @type {string} */ userId) => `/resources/v3alpha/users/${userId}/webauthn`;
const linkPath = (/** @type {string} */ userId) => `${base(userId)}/registration_link`;
const verifyPath = (/** @type {string} */ userId, /** @type {string} */ id) =>
  `${base(userId)}/${id}/_verify`;
const DOMAIN = '127.0.0.1';

/** @type {import('./mock-server.js').MockServer} */
let server;
before(async () => {
  server = await startMock({ v3alpha: 'implemented' });
});
after(() => server.close());
beforeEach(() => server.mock.reset());

/**
 * @param {string} userId
 * @param {import('./mock-server.js').CallOptions} [options]
 * @param {string} [query]
 */
async function start(userId, options = { body: { domain: DOMAIN }, token: TOKENS.alice }, query = '') {
  const response = await server.post(base(userId) + query, options);
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return response.json;
}

/**
 * Starts and verifies a registration for real.
 * @param {{ userId?: string, token?: string, type?: string, securityKey?: boolean, query?: string }} [how]
 */
async function register({
  userId = ALICE,
  token = TOKENS.alice,
  type,
  securityKey = false,
  query = '',
} = {}) {
  const started = await start(
    userId,
    { body: { domain: DOMAIN, ...(type ? { authenticatorType: type } : {}) }, token },
    query,
  );
  const options = started.publicKeyCredentialCreationOptions.publicKey;
  const publicKeyCredential = securityKey
    ? createSecurityKeyCredential(options, { origin: server.origin })
    : createCredential(options, { origin: server.origin });
  const response = await server.post(verifyPath(userId, started.webAuthNId) + query, {
    body: { publicKeyCredential, webAuthNName: 'Key' },
    token,
  });
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return { started, credential: publicKeyCredential, verified: response.json };
}

const authenticatorsOf = (/** @type {string} */ userId) =>
  server.mock.state.users.find((user) => user.id === userId)?.authenticators ?? [];

/**
 * @param {any} details
 * @param {string} id
 * @param {string} [orgId]
 */
function assertResourceDetails(details, id, orgId = USERS.alice.orgId) {
  assert.equal(details.id, id);
  assert.equal(new Date(details.changed).toISOString(), details.changed);
  assert.deepEqual(details.owner, { type: 'OWNER_TYPE_ORG', id: orgId });
  assert.equal('sequence' in details || 'resourceOwner' in details, false, 'no v2 fields');
}

describe('StartWebAuthNRegistration', () => {
  it('answers v3alpha details, a webAuthNId and passkey options for the domain given', async () => {
    const started = await start(ALICE, { body: { domain: 'example.com' }, token: TOKENS.alice });
    assert.match(started.webAuthNId, /^\d{18}$/);
    assertResourceDetails(started.details, started.webAuthNId);
    assert.equal(started.details.created, started.details.changed);
    const options = started.publicKeyCredentialCreationOptions.publicKey;
    assert.deepEqual(options.rp, { id: 'example.com', name: 'ZITADEL' });
    assert.deepEqual(options.authenticatorSelection, { userVerification: 'required' });
    assert.equal(options.user.id, Buffer.from(ALICE).toString('base64url'));
  });

  it('asks for the attachment the authenticatorType names, by name or number', async () => {
    const cases = [
      ['WEB_AUTH_N_AUTHENTICATOR_PLATFORM', 'platform'],
      ['WEB_AUTH_N_AUTHENTICATOR_CROSS_PLATFORM', 'cross-platform'],
      [2, 'cross-platform'],
      ['WEB_AUTH_N_AUTHENTICATOR_UNSPECIFIED', undefined],
    ];
    for (const [authenticatorType, attachment] of cases) {
      const started = await start(ALICE, {
        body: { domain: DOMAIN, authenticatorType },
        token: TOKENS.alice,
      });
      const selection = started.publicKeyCredentialCreationOptions.publicKey.authenticatorSelection;
      assert.deepEqual(
        selection,
        { userVerification: 'required', ...(attachment ? { authenticatorAttachment: attachment } : {}) },
        String(authenticatorType),
      );
    }
  });

  it('validates the registration: domain 1 to 200 characters, enum names, code fields', async () => {
    const cases = [
      [
        {},
        /^invalid StartWebAuthNRegistrationRequest\.Registration: embedded message failed validation \| caused by: invalid StartWebAuthNRegistration\.Domain: value length must be between 1 and 200 runes, inclusive$/,
      ],
      [{ domain: 'x'.repeat(201) }, /StartWebAuthNRegistration\.Domain: value length/],
      [
        { domain: DOMAIN, code: { id: '1' } },
        /caused by: invalid StartWebAuthNRegistration\.Code: embedded message failed validation \| caused by: invalid AuthenticatorRegistrationCode\.Code: value length/,
      ],
      [{ domain: DOMAIN, authenticatorType: 'USB' }, /invalid value for enum field authenticatorType: "USB"/],
    ];
    for (const [body, message] of cases) {
      const response = await server.post(base(ALICE), { body, token: TOKENS.alice });
      assertBareError(response, 400, 3, /** @type {RegExp} */ (message));
    }
  });

  it('reads snake_case names, as protojson does', async () => {
    const started = await start(ALICE, {
      body: { domain: DOMAIN, authenticator_type: 'WEB_AUTH_N_AUTHENTICATOR_PLATFORM' },
      token: TOKENS.alice,
    });
    const selection = started.publicKeyCredentialCreationOptions.publicKey.authenticatorSelection;
    assert.equal(selection.authenticatorAttachment, 'platform');
  });

  it('excludes every verified WebAuthN credential of the user, whichever API registered it', async () => {
    const first = await register();
    const next = await start(ALICE);
    assert.deepEqual(
      next.publicKeyCredentialCreationOptions.publicKey.excludeCredentials.map(
        (/** @type {any} */ c) => c.id,
      ),
      [first.credential.id],
    );
  });

  it('needs a token without a code, the user’s own or one with user.write', async () => {
    assertBareError(
      await server.post(base(ALICE), { body: { domain: DOMAIN } }),
      401,
      16,
      /auth header missing/,
    );
    const bob = await server.post(base(ALICE), { body: { domain: DOMAIN }, token: TOKENS.bob });
    assertZitadelError(bob, 403, 7, /AUTH-Bohd2/);
    await start(ALICE, { body: { domain: DOMAIN }, token: TOKENS.admin });
    const unknown = await server.post(base(UNKNOWN_USER_ID), {
      body: { domain: DOMAIN },
      token: TOKENS.admin,
    });
    assertZitadelError(unknown, 404, 5, /User could not be found/);
  });
});

describe('v3alpha instance and organization', () => {
  const query = (/** @type {string} */ text) => `?${text}`;

  it('accept the instance by id or domain (a port is dropped) and the user’s organization by id or domain', async () => {
    const queries = [
      `instance.id=${INSTANCE.id}`,
      `instance.domain=${INSTANCE.domain}`,
      `instance.domain=${INSTANCE.domain}:8080`,
      `organization.orgId=${USERS.alice.orgId}`,
      `organization.org_id=${USERS.alice.orgId}`,
      `organization.orgDomain=${ORGS.acme.domain}`,
      `instance.domain=${INSTANCE.domain}&organization.orgId=${USERS.alice.orgId}`,
      'unknown.field=1',
    ];
    for (const text of queries) {
      const response = await server.post(base(ALICE) + query(text), {
        body: { domain: DOMAIN },
        token: TOKENS.alice,
      });
      assert.equal(response.status, 200, `${text}: ${JSON.stringify(response.json)}`);
    }
  });

  it('answer 404 user not found when the user is not in the organization given', async () => {
    for (const text of [
      `organization.orgId=${ORGS.globex.id}`,
      `organization.orgDomain=${ORGS.globex.domain}`,
    ]) {
      const response = await server.post(base(ALICE) + query(text), {
        body: { domain: DOMAIN },
        token: TOKENS.alice,
      });
      assertZitadelError(response, 404, 5, /^User could not be found \(COMMAND-uXHNj\)$/);
    }
    const carol = await server.post(base(CAROL) + query(`organization.orgId=${ORGS.globex.id}`), {
      body: { domain: DOMAIN },
      token: TOKENS.carol,
    });
    assert.equal(carol.status, 200);
  });

  it('answer 404 instance not found for another instance, before looking at the token', async () => {
    const byDomain = await server.post(base(ALICE) + query('instance.domain=other.example'), {
      body: { domain: DOMAIN },
    });
    assertBareError(
      byDomain,
      404,
      5,
      /^unable to set instance using domain other\.example: ID=QUERY-1kIjX Message=Instance not found\./,
    );
    const byId = await server.post(base(ALICE) + query('instance.id=1'), {
      body: { domain: DOMAIN },
      token: TOKENS.alice,
    });
    assertBareError(byId, 404, 5, /^unable to set instance using id 1: /);
  });

  it('refuse two members of one oneof, and an empty instance', async () => {
    const both = await server.post(base(ALICE) + query(`organization.orgId=1&organization.orgDomain=x`), {
      body: { domain: DOMAIN },
      token: TOKENS.alice,
    });
    assertBareError(both, 400, 3, /^field already set for oneof "property"$/);
    const empty = await server.post(base(ALICE) + query('instance.nothing=1'), {
      body: { domain: DOMAIN },
      token: TOKENS.alice,
    });
    assertBareError(
      empty,
      400,
      3,
      /^invalid StartWebAuthNRegistrationRequest\.Instance: embedded message failed validation \| caused by: invalid Instance\.Property: value is required$/,
    );
  });

  it('apply to verify and remove as well', async () => {
    const { started } = await register();
    const wrongOrg = `organization.orgId=${ORGS.globex.id}`;
    const verify = await server.post(verifyPath(ALICE, started.webAuthNId) + query(wrongOrg), {
      body: { publicKeyCredential: { id: 'x' }, webAuthNName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(verify, 404, 5, /User could not be found/);
    const remove = await server.call('DELETE', `${base(ALICE)}/${started.webAuthNId}${query(wrongOrg)}`, {
      token: TOKENS.alice,
    });
    assertZitadelError(remove, 404, 5, /User could not be found/);
    const instance = await server.call(
      'DELETE',
      `${base(ALICE)}/${started.webAuthNId}?instance.domain=x.example`,
      {
        token: TOKENS.alice,
      },
    );
    assert.equal(instance.status, 404);
    assert.match(instance.json.message, /unable to set instance/);
    assert.equal(authenticatorsOf(ALICE).length, 1, 'nothing removed');
  });
});

describe('v3alpha registration codes', () => {
  it("start a login client's registration once, which the login client verifies; never without a token", async () => {
    const code = server.mock.createCode(BOB);
    const body = { domain: DOMAIN, code: { id: code.id, code: code.code } };
    assertAuthHeaderMissing(await server.post(base(BOB), { body }));
    assert.equal(server.mock.state.codes[0]?.used, false, 'a refused call leaves the code');
    const started = await start(BOB, { body, token: TOKENS.loginClient });
    assert.equal(server.mock.state.codes[0]?.used, true);
    const publicKeyCredential = createCredential(started.publicKeyCredentialCreationOptions.publicKey, {
      origin: server.origin,
    });
    const verifyBody = { publicKeyCredential, webAuthNName: 'Phone' };
    assertAuthHeaderMissing(await server.post(verifyPath(BOB, started.webAuthNId), { body: verifyBody }));
    const verified = await server.post(verifyPath(BOB, started.webAuthNId), {
      body: verifyBody,
      token: TOKENS.loginClient,
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.json));
    assertResourceDetails(verified.json.details, started.webAuthNId, USERS.bob.orgId);

    const again = await server.post(base(BOB), { body, token: TOKENS.loginClient });
    assertZitadelError(again, 400, 3, /^Code is invalid \(COMMAND-Eeb2a\)$/);
  });

  it('are v2’s codes: a code from CreatePasskeyRegistrationLink works here', async () => {
    const link = await server.post(`/v2/users/${BOB}/passkeys/registration_link`, {
      body: { returnCode: {} },
      token: TOKENS.admin,
    });
    await start(BOB, { body: { domain: DOMAIN, code: link.json.code }, token: TOKENS.loginClient });
  });

  it('refuse a login client without a code', async () => {
    const response = await server.post(base(BOB), { body: { domain: DOMAIN }, token: TOKENS.loginClient });
    assertZitadelError(response, 403, 7, /AUTH-Bohd2/);
  });

  it('fail alike when wrong, another user’s or expired, and still refuse a bad token', async () => {
    const code = server.mock.createCode(ALICE);
    const wrong = await server.post(base(ALICE), {
      body: { domain: DOMAIN, code: { id: code.id, code: 'WRONG' } },
      token: TOKENS.loginClient,
    });
    assertZitadelError(wrong, 400, 3, /COMMAND-Eeb2a/);
    const other = await server.post(base(BOB), { body: { domain: DOMAIN, code }, token: TOKENS.loginClient });
    assertZitadelError(other, 400, 3, /COMMAND-Eeb2a/);
    const badToken = await server.post(base(ALICE), {
      body: { domain: DOMAIN, code },
      token: 'nobodys-token',
    });
    assert.equal(badToken.status, 401);
    assert.equal(server.mock.state.codes[0]?.used, false, 'failed tries do not use it up');

    const clock = fakeClock();
    const timed = await startMock({ now: clock.now, v3alpha: 'implemented' });
    try {
      const expiring = timed.mock.createCode(ALICE, 1_000);
      clock.advance(1_000);
      const expired = await timed.post(base(ALICE), {
        body: { domain: DOMAIN, code: expiring },
        token: TOKENS.loginClient,
      });
      assertZitadelError(expired, 400, 3, /^Code is invalid \(COMMAND-Eeb2a\)$/);
    } finally {
      await timed.close();
    }
  });

  it('are not used up when the user is not in the organization given', async () => {
    const code = server.mock.createCode(ALICE);
    const response = await server.post(`${base(ALICE)}?organization.orgId=${ORGS.globex.id}`, {
      body: { domain: DOMAIN, code },
      token: TOKENS.loginClient,
    });
    assert.equal(response.status, 404);
    assert.equal(server.mock.state.codes[0]?.used, false);
  });
});

describe('VerifyWebAuthNRegistration', () => {
  it('stores kind webauthn with the authenticatorType and whether the user was verified', async () => {
    await register({ type: 'WEB_AUTH_N_AUTHENTICATOR_PLATFORM' });
    await register({ type: 'WEB_AUTH_N_AUTHENTICATOR_CROSS_PLATFORM', securityKey: true });
    await register();
    const state = (await server.get('/__mock/state')).json;
    const stored = state.users.find((/** @type {any} */ user) => user.id === ALICE).authenticators;
    assert.deepEqual(
      stored.map((/** @type {any} */ a) => [a.kind, a.authenticatorType, a.userVerified, a.state, a.name]),
      [
        ['webauthn', 'WEB_AUTH_N_AUTHENTICATOR_PLATFORM', true, 'AUTH_FACTOR_STATE_READY', 'Key'],
        ['webauthn', 'WEB_AUTH_N_AUTHENTICATOR_CROSS_PLATFORM', false, 'AUTH_FACTOR_STATE_READY', 'Key'],
        ['webauthn', 'WEB_AUTH_N_AUTHENTICATOR_UNSPECIFIED', true, 'AUTH_FACTOR_STATE_READY', 'Key'],
      ],
    );
  });

  it('answers v3alpha details for the WebAuthN resource', async () => {
    const { started, verified } = await register();
    assertResourceDetails(verified.details, started.webAuthNId);
    assert.equal(verified.details.created, started.details.created);
  });

  it('counts a verified user as a passkey and an unverified one as U2F in v2’s method types', async () => {
    await register({ type: 'WEB_AUTH_N_AUTHENTICATOR_CROSS_PLATFORM', securityKey: true });
    let types = (await server.get(`/v2/users/${ALICE}/authentication_methods`, { token: TOKENS.alice })).json;
    assert.deepEqual(types.authMethodTypes, ['AUTHENTICATION_METHOD_TYPE_U2F']);
    await register();
    types = (await server.get(`/v2/users/${ALICE}/authentication_methods`, { token: TOKENS.alice })).json;
    assert.deepEqual(types.authMethodTypes, [
      'AUTHENTICATION_METHOD_TYPE_PASSKEY',
      'AUTHENTICATION_METHOD_TYPE_U2F',
    ]);
  });

  it('answers 500 as v2 does for a credential that fails, and keeps the registration pending', async () => {
    const started = await start(ALICE);
    const options = started.publicKeyCredentialCreationOptions.publicKey;
    const forged = createCredential(options, { origin: 'https://evil.example' });
    const rejected = await server.post(verifyPath(ALICE, started.webAuthNId), {
      body: { publicKeyCredential: forged, webAuthNName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(rejected, 500, 13, /^Error on create credentials \(WEBAU-3Vb9s\)$/);
    const garbage = await server.post(verifyPath(ALICE, started.webAuthNId), {
      body: { publicKeyCredential: { id: 'x' }, webAuthNName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(garbage, 500, 13, /WEBAU-sEr8c/);
    assert.equal(authenticatorsOf(ALICE)[0]?.state, 'AUTH_FACTOR_STATE_NOT_READY');
  });

  it('validates the verify body and finds only pending v3alpha registrations', async () => {
    const started = await start(ALICE);
    const cases = [
      [
        { webAuthNName: 'Key' },
        /^invalid VerifyWebAuthNRegistrationRequest\.Verify: embedded message failed validation \| caused by: invalid VerifyWebAuthNRegistration\.PublicKeyCredential: value is required$/,
      ],
      [{ publicKeyCredential: { id: 'x' } }, /VerifyWebAuthNRegistration\.WebAuthNName: value length/],
    ];
    for (const [body, message] of cases) {
      assertBareError(
        await server.post(verifyPath(ALICE, started.webAuthNId), { body, token: TOKENS.alice }),
        400,
        3,
        /** @type {RegExp} */ (message),
      );
    }
    const v2 = (await server.post(`/v2/users/${ALICE}/passkeys`, { body: {}, token: TOKENS.alice })).json;
    const response = await server.post(verifyPath(ALICE, v2.passkeyId), {
      body: { publicKeyCredential: { id: 'x' }, webAuthNName: 'Key' },
      token: TOKENS.alice,
    });
    assertZitadelError(response, 500, 13, /^WebAuthN Token could not be found \(WEBAU-5M9so\)$/);
  });

  it('cannot verify the same registration twice: 500 WEBAU-5M9so', async () => {
    const { started, credential: publicKeyCredential } = await register();
    const response = await server.post(verifyPath(ALICE, started.webAuthNId), {
      body: { publicKeyCredential, webAuthNName: 'Again' },
      token: TOKENS.alice,
    });
    assertZitadelError(response, 500, 13, /^WebAuthN Token could not be found \(WEBAU-5M9so\)$/);
  });

  it("needs the user's token, user.write or a login client", async () => {
    const started = await start(ALICE);
    const body = { publicKeyCredential: { id: 'x' }, webAuthNName: 'Key' };
    assertAuthHeaderMissing(await server.post(verifyPath(ALICE, started.webAuthNId), { body }));
    const bob = await server.post(verifyPath(ALICE, started.webAuthNId), { body, token: TOKENS.bob });
    assertZitadelError(bob, 403, 7, /AUTH-Bohd2/);
    const loginClient = await server.post(verifyPath(ALICE, started.webAuthNId), {
      body,
      token: TOKENS.loginClient,
    });
    // Past the permission check: the credential is junk.
    assertZitadelError(loginClient, 500, 13, /WEBAU-sEr8c/);
  });
});

describe('CreateWebAuthNRegistrationLink', () => {
  it('returns a code, with details for the user', async () => {
    const response = await server.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.alice });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assertResourceDetails(response.json.details, ALICE);
    assert.match(response.json.code.id, /^\d{18}$/);
    assert.match(response.json.code.code, /^[A-Z0-9]{12}$/);
    await start(ALICE, { body: { domain: DOMAIN, code: response.json.code }, token: TOKENS.loginClient });
  });

  it("emails the login UI's link, or the urlTemplate's", async () => {
    await server.post(linkPath(BOB), { body: {}, token: TOKENS.admin });
    await server.post(linkPath(BOB), {
      body: { sendLink: { urlTemplate: 'https://app.example/r?u={{.UserID}}&c={{.Code}}' } },
      token: TOKENS.admin,
    });
    const [email, templated] = server.mock.outbox;
    assert.match(
      email?.link ?? '',
      new RegExp(`^${server.origin}/ui/v2/login/passkey/set\\?codeId=\\d+&code=\\w+&userId=${BOB}&`),
    );
    assert.match(templated?.link ?? '', new RegExp(`^https://app\\.example/r\\?u=${BOB}&c=[A-Z0-9]{12}$`));
  });

  it('reads instance and organization from the body and checks them', async () => {
    const ok = await server.post(linkPath(ALICE), {
      body: {
        instance: { domain: INSTANCE.domain },
        organization: { orgId: USERS.alice.orgId },
        returnCode: {},
      },
      token: TOKENS.alice,
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    const otherOrg = await server.post(linkPath(ALICE), {
      body: { organization: { orgDomain: ORGS.globex.domain }, returnCode: {} },
      token: TOKENS.alice,
    });
    assertZitadelError(otherOrg, 404, 5, /User could not be found/);
    const otherInstance = await server.post(linkPath(ALICE), {
      body: { instance: { id: '1' }, returnCode: {} },
      token: TOKENS.alice,
    });
    assertBareError(otherInstance, 404, 5, /^unable to set instance using id 1:/);
    const emptyOrg = await server.post(linkPath(ALICE), {
      body: { organization: {}, returnCode: {} },
      token: TOKENS.alice,
    });
    assertBareError(
      emptyOrg,
      400,
      3,
      /Organization: embedded message failed validation \| caused by: invalid Organization\.Property: value is required$/,
    );
  });

  it('validates the medium and the template', async () => {
    const both = await server.post(linkPath(ALICE), {
      body: { sendLink: {}, returnCode: {} },
      token: TOKENS.alice,
    });
    assertBareError(both, 400, 3, /oneof CreateWebAuthNRegistrationLinkRequest\.medium is already set/);
    const long = await server.post(linkPath(ALICE), {
      body: { sendLink: { urlTemplate: `https://x.example/${'x'.repeat(190)}` } },
      token: TOKENS.alice,
    });
    assertBareError(
      long,
      400,
      3,
      /SendWebAuthNRegistrationLink\.UrlTemplate: value length must be between 1 and 200/,
    );
    const field = await server.post(linkPath(ALICE), {
      body: { sendLink: { urlTemplate: 'https://x.example/{{.LoginName}}' } },
      token: TOKENS.alice,
    });
    assertZitadelError(field, 400, 3, /DOMAIN-ieYa7/);
  });

  it('needs the user themself or user.passkey.write (an admin or a login client)', async () => {
    assertAuthHeaderMissing(await server.post(linkPath(ALICE), { body: { returnCode: {} } }));
    const bob = await server.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.bob });
    assertZitadelError(bob, 403, 7, /AUTH-Bohd2/);
    const loginClient = await server.post(linkPath(ALICE), {
      body: { returnCode: {} },
      token: TOKENS.loginClient,
    });
    assert.equal(loginClient.status, 200, JSON.stringify(loginClient.json));
  });
});

describe('RemoveWebAuthNAuthenticator', () => {
  it('removes a WebAuthN authenticator, pending or verified, and answers details', async () => {
    const { started } = await register();
    const pending = await start(ALICE);
    for (const id of [started.webAuthNId, pending.webAuthNId]) {
      const response = await server.call('DELETE', `${base(ALICE)}/${id}`, { token: TOKENS.alice });
      assert.equal(response.status, 200, JSON.stringify(response.json));
      assertResourceDetails(response.json.details, id);
    }
    assert.deepEqual(authenticatorsOf(ALICE), []);
  });

  it('removes what v2 registered too: v3alpha has one list', async () => {
    const u2f = (await server.post(`/v2/users/${ALICE}/u2f`, { body: {}, token: TOKENS.alice })).json;
    const response = await server.call('DELETE', `${base(ALICE)}/${u2f.u2fId}`, { token: TOKENS.alice });
    assert.equal(response.status, 200);
  });

  it('answers 404 for an id the user does not have, and checks the caller', async () => {
    const { started } = await register();
    assertZitadelError(
      await server.call('DELETE', `${base(ALICE)}/310999999999999999`, { token: TOKENS.alice }),
      404,
      5,
      /COMMAND-DAfb2/,
    );
    const path = `${base(ALICE)}/${started.webAuthNId}`;
    assertAuthHeaderMissing(await server.call('DELETE', path));
    assertZitadelError(await server.call('DELETE', path, { token: TOKENS.bob }), 403, 7, /AUTH-Bohd2/);
    assertZitadelError(
      await server.call('DELETE', path, { token: TOKENS.loginClient }),
      403,
      7,
      /AUTH-Bohd2/,
    );
  });
});

describe('GetUser', () => {
  const userPath = (/** @type {string} */ userId) => `/resources/v3alpha/users/${userId}`;

  it('answers GetUserResponse: the id in details.id (GetUser has no id field), WebAuthN authenticators', async () => {
    const { started } = await register({ type: 'WEB_AUTH_N_AUTHENTICATOR_PLATFORM' });
    const pending = await start(ALICE);
    const response = await server.get(userPath(ALICE), { token: TOKENS.alice });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.deepEqual(Object.keys(response.json.user), ['details', 'authenticators']);
    assert.equal(response.json.user.details.id, ALICE);
    assert.deepEqual(response.json.user.details.owner, { type: 'OWNER_TYPE_ORG', id: USERS.alice.orgId });
    assert.deepEqual(response.json.user.authenticators.webAuthN, [
      { webAuthNId: started.webAuthNId, name: 'Key', isVerified: true, userVerified: true },
      { webAuthNId: pending.webAuthNId },
    ]);
  });

  it('ignores an organization query parameter, as grpc-gateway ignores fields the request lacks', async () => {
    const response = await server.get(`${userPath(ALICE)}?organization.orgId=${ORGS.globex.id}`, {
      token: TOKENS.alice,
    });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.equal(response.json.user.details.id, ALICE);
  });

  it('takes the instance, and needs the user or user.write', async () => {
    const other = await server.get(`${userPath(ALICE)}?instance.id=1`, { token: TOKENS.alice });
    assertBareError(other, 404, 5, /^unable to set instance using id 1: /);
    assertAuthHeaderMissing(await server.get(userPath(ALICE)));
    assertZitadelError(await server.get(userPath(ALICE), { token: TOKENS.bob }), 403, 7, /AUTH-Bohd2/);
    assert.equal((await server.get(userPath(ALICE), { token: TOKENS.admin })).status, 200);
  });
});

describe('v3alpha unimplemented (the default, as ZITADEL v4)', () => {
  /** @type {import('./mock-server.js').MockServer} */
  let v4;
  before(async () => {
    v4 = await startMock();
  });
  after(() => v4.close());

  it('answers 501 method <Rpc> not implemented for every WebAuthN rpc and GetUser', async () => {
    const calls = /** @type {const} */ ([
      ['POST', base(ALICE), { domain: DOMAIN }, 'StartWebAuthNRegistration'],
      [
        'POST',
        verifyPath(ALICE, '1'),
        { publicKeyCredential: { id: 'x' }, webAuthNName: 'K' },
        'VerifyWebAuthNRegistration',
      ],
      ['POST', linkPath(ALICE), { returnCode: {} }, 'CreateWebAuthNRegistrationLink'],
      ['DELETE', `${base(ALICE)}/1`, undefined, 'RemoveWebAuthNAuthenticator'],
      ['GET', `/resources/v3alpha/users/${ALICE}`, undefined, 'GetUser'],
    ]);
    for (const [method, path, body, rpc] of calls) {
      const response = await v4.call(method, path, { body, token: TOKENS.alice });
      assert.equal(response.status, 501, `${rpc}: ${response.text}`);
      assert.deepEqual(response.json, { code: 12, message: `method ${rpc} not implemented` });
    }
    assert.deepEqual(v4.mock.state.users.find((user) => user.id === ALICE)?.authenticators, []);
  });

  it("still runs ZITADEL's interceptors first: a missing token is 401, a bad body 400", async () => {
    assertAuthHeaderMissing(await v4.post(base(ALICE), { body: { domain: DOMAIN } }));
    const invalid = await v4.post(base(ALICE), { body: { domain: '' }, token: TOKENS.alice });
    assertBareError(invalid, 400, 3, /Domain: value length must be between 1 and 200/);
  });
});

describe('v3alpha routing', () => {
  it('prefers the literal registration_link, and answers 405 for a known path with another method', async () => {
    const link = await server.post(linkPath(ALICE), { body: { returnCode: {} }, token: TOKENS.alice });
    assert.ok(link.json.code);
    const response = await server.post(`${base(ALICE)}/123`, { body: {}, token: TOKENS.alice });
    assert.equal(response.status, 405);
    assert.deepEqual(response.json, { code: 12, message: 'Method Not Allowed' });
  });
});

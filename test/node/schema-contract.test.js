// @ts-check
/// <reference types="node" />
/**
 * The contract with ZITADEL's own schemas (`@zitadel/proto` 1.3.1): every request the built adapters
 * (`dist/backends.js`) make, for every operation and option combination the elements produce, must take
 * the route of the rpc's `google.api.http` option and, built as grpc-gateway builds it (path, query,
 * body), parse strictly and meet the `validate.rules`; every answer the mock gives, success or error,
 * must parse strictly against the response message or `google.rpc.Status`. Run `npm run build` first.
 */

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { zitadelBackend } from '../../dist/backends.js';
import { ORGS, TOKENS, USERS } from '../../mock/seed.js';
import { startMock } from './mock-server.js';
import { parseAnswer, parseRequest, parseStatus, routeOf } from './schema/zitadel-schemas.js';
import { createCredential, createSecurityKeyCredential } from './software-authenticator.js';

const ALICE = USERS.alice.id;
const DOMAIN = '127.0.0.1';
const AUTHENTICATORS = /** @type {const} */ (['', 'platform', 'cross-platform']);

/**
 * @typedef {{
 *   api: string,
 *   rpc: string,
 *   method: string,
 *   url: URL,
 *   body: unknown,
 *   status: number,
 *   problems: string[],
 * }} Exchange
 */

/**
 * Adapter requests that break the contract today, found by this suite and reported (src/backends is not
 * this suite's to fix). Each must still occur: once an adapter is fixed, the last test fails and asks
 * for its line here to go.
 */
/**
 * Adapter requests that do not fit the proto yet, each a line to delete once fixed. Empty: the one found
 * (v3alpha GetUser sent `organization.orgId`, which its request does not have) is fixed in the adapter.
 * @type {string[]}
 */
const KNOWN_FINDINGS = [];
/** @type {Set<string>} */
const seenFindings = new Set();

/** @type {import('./mock-server.js').MockServer} */
let server;
const realFetch = globalThis.fetch;
/** @type {Exchange[]} */
let exchanges = [];

before(async () => {
  server = await startMock({ v3alpha: 'implemented' });
  // Every adapter request passes here: checked against the schema, answered by the mock, the answer
  // checked too. Problems are collected, so a test names the operation that made them.
  globalThis.fetch = async (input, init = {}) => {
    const url = new URL(String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' && init.body !== '' ? JSON.parse(init.body) : undefined;
    /** @type {string[]} */
    const problems = [];
    let route;
    try {
      route = parseRequest({ method, url, body }).route;
    } catch (error) {
      problems.push(`request: ${error instanceof Error ? error.message : String(error)}`);
      route = routeOf(method, url.pathname)?.route;
    }
    const response = await realFetch(input, init);
    const text = await response.clone().text();
    if (route) {
      try {
        parseAnswer(route, response.status, text);
      } catch (error) {
        problems.push(`answer: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    exchanges.push({
      api: route?.api ?? '?',
      rpc: route?.method.name ?? '?',
      method,
      url,
      body,
      status: response.status,
      problems,
    });
    return response;
  };
});
after(async () => {
  globalThis.fetch = realFetch;
  await server.close();
});
afterEach(() => {
  exchanges = [];
  server.mock.reset();
  server.mock.configure({ v3alpha: 'implemented' });
});

/**
 * Runs one adapter operation and fails naming it, the API and the proto error of any request or answer
 * that broke the contract; answers the rpcs the operation called.
 * @param {string} label e.g. "v2 startRegistration passkey authenticator=platform"
 * @param {() => Promise<unknown>} operation
 * @param {{ expectFailure?: boolean }} [options]
 */
async function checkOperation(label, operation, { expectFailure = false } = {}) {
  exchanges = [];
  /** @type {unknown} */
  let failure;
  const result = await operation().catch((error) => {
    failure = error;
    return undefined;
  });
  if (!expectFailure && failure) assert.fail(`${label}: the adapter failed: ${String(failure)}`);
  assert.ok(exchanges.length > 0, `${label}: made no request`);
  const problems = exchanges.flatMap((exchange) =>
    exchange.problems.map((problem) => `${label} → ${exchange.api} ${exchange.rpc}: ${problem}`),
  );
  const known = problems.filter((problem) => KNOWN_FINDINGS.some((finding) => problem.includes(finding)));
  for (const finding of known) seenFindings.add(KNOWN_FINDINGS.find((f) => finding.includes(f)) ?? '');
  const unknown = problems.filter((problem) => !known.includes(problem));
  assert.deepEqual(unknown, [], unknown.join('\n'));
  return {
    result,
    rpcs: exchanges.map((exchange) => exchange.rpc),
    statuses: exchanges.map((e) => e.status),
  };
}

/** The configurations the elements build per API (token, and for v3alpha/v1 the organization etc.). */
const CONFIGS = {
  v2: [{ label: '', config: {} }],
  v3alpha: [
    { label: '', config: {} },
    { label: ' instanceDomain+orgId', config: { instanceDomain: 'localhost', orgId: ORGS.acme.id } },
  ],
  v1: [
    { label: '', config: {} },
    { label: ' orgId', config: { orgId: ORGS.acme.id } },
  ],
};

/**
 * @param {'v2' | 'v3alpha' | 'v1'} api
 * @param {object} config
 * @param {string} token
 */
const backendFor = (api, config, token) => zitadelBackend(api, { baseUrl: server.origin, token, ...config });

/**
 * A credential the software authenticator makes for the started registration's options.
 * @param {unknown} options as the adapter returned them
 * @param {'passkey' | 'u2f'} kind
 */
function credentialFor(options, kind) {
  const record = /** @type {any} */ (options);
  const publicKey = record.publicKey ?? record;
  return kind === 'u2f'
    ? createSecurityKeyCredential(publicKey, { origin: server.origin })
    : createCredential(publicKey, { origin: server.origin });
}

for (const api of /** @type {const} */ (['v2', 'v3alpha'])) {
  for (const { label: configLabel, config } of CONFIGS[api]) {
    const name = `${api}${configLabel}`;
    describe(`schema contract: ${name}`, () => {
      for (const kind of /** @type {const} */ (['passkey', 'u2f'])) {
        const authenticators = kind === 'passkey' ? AUTHENTICATORS : /** @type {const} */ (['']);
        for (const authenticator of authenticators) {
          it(`startRegistration and verifyRegistration: ${kind} authenticator='${authenticator}'`, async () => {
            const backend = backendFor(api, config, TOKENS.alice);
            const label = `${name} start ${kind} authenticator='${authenticator}'`;
            const signal = new AbortController().signal;
            const { result } = await checkOperation(label, () =>
              /** @type {any} */ (backend).startRegistration(
                { kind, userId: ALICE, domain: DOMAIN, authenticator },
                signal,
              ),
            );
            const started = /** @type {any} */ (result);
            await checkOperation(`${name} verify ${kind}`, () =>
              /** @type {any} */ (backend).verifyRegistration(
                {
                  kind,
                  userId: ALICE,
                  id: started.id,
                  name: 'Key',
                  credential: credentialFor(started.options, kind),
                },
                signal,
              ),
            );
            // Verifying again: ZITADEL's 500 WEBAU-5M9so, which must be a google.rpc.Status too.
            const again = await checkOperation(
              `${name} verify ${kind} again`,
              () =>
                /** @type {any} */ (backend).verifyRegistration(
                  {
                    kind,
                    userId: ALICE,
                    id: started.id,
                    name: 'Key',
                    credential: credentialFor(started.options, kind),
                  },
                  signal,
                ),
              { expectFailure: true },
            );
            assert.deepEqual(again.statuses, [500]);
          });
        }
      }

      for (const authenticator of AUTHENTICATORS) {
        it(`startRegistration with a code (login client): passkey authenticator='${authenticator}'`, async () => {
          const code = server.mock.createCode(ALICE);
          const backend = backendFor(api, config, TOKENS.loginClient);
          const signal = new AbortController().signal;
          const label = `${name} start passkey with code authenticator='${authenticator}'`;
          const { result } = await checkOperation(label, () =>
            /** @type {any} */ (backend).startRegistration(
              {
                kind: 'passkey',
                userId: ALICE,
                domain: DOMAIN,
                authenticator,
                code: { id: code.id, code: code.code },
              },
              signal,
            ),
          );
          const started = /** @type {any} */ (result);
          await checkOperation(`${name} verify passkey started with code`, () =>
            /** @type {any} */ (backend).verifyRegistration(
              {
                kind: 'passkey',
                userId: ALICE,
                id: started.id,
                name: 'Key',
                credential: credentialFor(started.options, 'passkey'),
                code: { id: code.id, code: code.code },
              },
              signal,
            ),
          );
          const used = await checkOperation(
            `${name} start with a used code`,
            () =>
              /** @type {any} */ (backend).startRegistration(
                {
                  kind: 'passkey',
                  userId: ALICE,
                  domain: DOMAIN,
                  authenticator,
                  code: { id: code.id, code: code.code },
                },
                signal,
              ),
            { expectFailure: true },
          );
          assert.deepEqual(used.statuses, [400]);
        });
      }

      const deliveries = /** @type {const} */ ([
        { delivery: 'return' },
        { delivery: 'email' },
        {
          delivery: 'email',
          urlTemplate: 'https://app.example/register?user={{.UserID}}&id={{.CodeID}}&code={{.Code}}',
        },
      ]);
      for (const link of deliveries) {
        it(`createLink: ${link.delivery}${'urlTemplate' in link ? ' with urlTemplate' : ''}`, async () => {
          const backend = backendFor(api, config, TOKENS.admin);
          await checkOperation(`${name} createLink ${JSON.stringify(link)}`, () =>
            /** @type {any} */ (backend).createLink({ userId: ALICE, ...link }, new AbortController().signal),
          );
        });
      }

      it('listAuthenticators and removeAuthenticator (passkey, u2f), whatever rpcs the adapter calls', async () => {
        const signal = new AbortController().signal;
        const backend = /** @type {any} */ (backendFor(api, config, TOKENS.alice));
        /** @type {Record<string, string>} */
        const ids = {};
        for (const kind of /** @type {const} */ (['passkey', 'u2f'])) {
          const started = await backend.startRegistration(
            { kind, userId: ALICE, domain: DOMAIN, authenticator: '' },
            signal,
          );
          await backend.verifyRegistration(
            {
              kind,
              userId: ALICE,
              id: started.id,
              name: kind,
              credential: credentialFor(started.options, kind),
            },
            signal,
          );
          ids[kind] = started.id;
        }
        const listed = await checkOperation(`${name} listAuthenticators`, () =>
          backend.listAuthenticators({ userId: ALICE }, signal),
        );
        assert.ok(listed.rpcs.length > 0);
        for (const kind of /** @type {const} */ (['passkey', 'u2f'])) {
          await checkOperation(`${name} removeAuthenticator ${kind}`, () =>
            backend.removeAuthenticator({ userId: ALICE, id: ids[kind], kind }, signal),
          );
        }
        const empty = await checkOperation(`${name} listAuthenticators (none left)`, () =>
          backend.listAuthenticators({ userId: ALICE }, signal),
        );
        assert.deepEqual(
          empty.statuses.every((status) => status === 200),
          true,
        );
      });

      it('refusals are google.rpc.Status: no token (401), another user (403)', async () => {
        const signal = new AbortController().signal;
        const request = { kind: 'passkey', userId: ALICE, domain: DOMAIN, authenticator: '' };
        const tokenless = await checkOperation(
          `${name} start without token`,
          () => /** @type {any} */ (backendFor(api, config, '')).startRegistration(request, signal),
          { expectFailure: true },
        );
        assert.deepEqual(tokenless.statuses, [401]);
        const other = await checkOperation(
          `${name} start for another user`,
          () => /** @type {any} */ (backendFor(api, config, TOKENS.bob)).startRegistration(request, signal),
          { expectFailure: true },
        );
        assert.deepEqual(other.statuses, [403]);
      });
    });
  }
}

describe('schema contract: v3alpha unimplemented (ZITADEL v4)', () => {
  it('answers every v3alpha operation with a 501 google.rpc.Status', async () => {
    server.mock.configure({ v3alpha: 'unimplemented' });
    const backend = /** @type {any} */ (backendFor('v3alpha', {}, TOKENS.alice));
    const signal = new AbortController().signal;
    const operations = [
      () =>
        backend.startRegistration(
          { kind: 'passkey', userId: ALICE, domain: DOMAIN, authenticator: '' },
          signal,
        ),
      () => backend.listAuthenticators({ userId: ALICE }, signal),
      () => backend.createLink({ userId: ALICE, delivery: 'return' }, signal),
      () => backend.removeAuthenticator({ userId: ALICE, id: '1', kind: 'passkey' }, signal),
    ];
    for (const [index, operation] of operations.entries()) {
      const { statuses } = await checkOperation(`v3alpha unimplemented #${index}`, operation, {
        expectFailure: true,
      });
      assert.deepEqual(statuses, [501]);
    }
  });
});

for (const { label: configLabel, config } of CONFIGS.v1) {
  describe(`schema contract: v1${configLabel}`, () => {
    for (const delivery of /** @type {const} */ (['return', 'email'])) {
      it(`createLink: ${delivery}`, async () => {
        const backend = /** @type {any} */ (backendFor('v1', config, TOKENS.admin));
        const { rpcs } = await checkOperation(`v1${configLabel} createLink ${delivery}`, () =>
          backend.createLink({ userId: ALICE, delivery }, new AbortController().signal),
        );
        assert.deepEqual(rpcs, [
          delivery === 'return' ? 'AddPasswordlessRegistration' : 'SendPasswordlessRegistration',
        ]);
      });
    }

    it('refusals are google.rpc.Status: a user has no user.credential.write (403)', async () => {
      const backend = /** @type {any} */ (backendFor('v1', config, TOKENS.alice));
      const { statuses } = await checkOperation(
        `v1${configLabel} createLink as a user`,
        () => backend.createLink({ userId: ALICE, delivery: 'return' }, new AbortController().signal),
        { expectFailure: true },
      );
      assert.deepEqual(statuses, [403]);
    });
  });
}

describe('schema contract: v2 ListAuthenticationFactors', () => {
  it("covers the adapter's call once it makes one, else the request the kit plans and the mock's answer", async () => {
    const signal = new AbortController().signal;
    const backend = /** @type {any} */ (backendFor('v2', {}, TOKENS.alice));
    const started = await backend.startRegistration(
      { kind: 'u2f', userId: ALICE, domain: DOMAIN, authenticator: '' },
      signal,
    );
    await backend.verifyRegistration(
      {
        kind: 'u2f',
        userId: ALICE,
        id: started.id,
        name: 'Key',
        credential: credentialFor(started.options, 'u2f'),
      },
      signal,
    );
    const listed = await checkOperation('v2 listAuthenticators', () =>
      backend.listAuthenticators({ userId: ALICE }, signal),
    );
    if (listed.rpcs.includes('ListAuthenticationFactors')) return; // checked above, request and answer
    const planned = `${server.origin}/v2/users/${ALICE}/authentication_factors/_search?authFactors=U2F&states=AUTH_FACTOR_STATE_READY`;
    const { statuses } = await checkOperation('v2 ListAuthenticationFactors (planned request)', () =>
      globalThis.fetch(planned, { method: 'POST', headers: { authorization: `Bearer ${TOKENS.alice}` } }),
    );
    assert.deepEqual(statuses, [200]);
    assert.equal(exchanges[0]?.rpc, 'ListAuthenticationFactors');
  });
});

describe('schema contract: gateway errors', () => {
  it("parses the mock's routing, decoding and validation errors as google.rpc.Status", async () => {
    const calls = /** @type {const} */ ([
      ['GET', `/v2/users/${ALICE}/passkeys`, undefined, 405, 12],
      ['POST', '/v2/users/1/nothing', undefined, 404, 5],
      ['POST', `/v2/users/${ALICE}/passkeys`, '{', 400, 3],
      ['POST', `/v2/users/${ALICE}/passkeys`, '{"code":{"id":""}}', 400, 3],
      ['POST', `/v2/users/${ALICE}/passkeys/registration_link`, '{"returnCode":{}}', 403, 7],
    ]);
    for (const [method, path, body, status, code] of calls) {
      const response = await realFetch(`${server.origin}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKENS.alice}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body }),
      });
      assert.equal(response.status, status, `${method} ${path}`);
      const parsed = /** @type {any} */ (parseStatus(await response.text()));
      assert.equal(parsed.code, code, `${method} ${path}`);
    }
  });
});

describe('schema contract: known findings', () => {
  it('still occur, each of them (remove a line from KNOWN_FINDINGS once its adapter is fixed)', () => {
    assert.deepEqual(
      KNOWN_FINDINGS.filter((finding) => !seenFindings.has(finding)),
      [],
      'these findings no longer occur',
    );
  });
});

describe('schema contract: the checker itself', () => {
  const at = (/** @type {string} */ path) => new URL(`http://zitadel.invalid${path}`);

  it('refuses what ZITADEL would drop or refuse: unknown field, unknown enum, broken rule, no route', () => {
    const cases = /** @type {const} */ ([
      [
        { method: 'POST', url: at(`/v2/users/${ALICE}/passkeys`), body: { authenticatr: 'X' } },
        /key "authenticatr" is unknown/,
      ],
      [
        { method: 'POST', url: at(`/v2/users/${ALICE}/passkeys`), body: { authenticator: 'USB' } },
        /PasskeyAuthenticator/,
      ],
      [
        { method: 'POST', url: at(`/v2/users/${ALICE}/passkeys`), body: { code: { id: '', code: 'x' } } },
        /code\.id: 0 < min_len 1/,
      ],
      [
        { method: 'POST', url: at(`/v2/users/${ALICE}/passkeys/1`), body: { passkeyName: 'x' } },
        /public_key_credential: required/,
      ],
      [{ method: 'PUT', url: at(`/v2/users/${ALICE}/passkeys`), body: {} }, /no rpc/],
      [
        { method: 'POST', url: at(`/v2/users/${ALICE}/passkeys?domain=x`), body: {} },
        /query "domain" on a body "\*" rpc/,
      ],
      [
        { method: 'GET', url: at(`/resources/v3alpha/users/${ALICE}?organization.orgId=1`), body: undefined },
        /has no field "organization"/,
      ],
    ]);
    for (const [request, expected] of cases) {
      assert.throws(() => parseRequest(request), expected, `${request.method} ${request.url}`);
    }
  });

  it('builds path, query (repeated too) and body as grpc-gateway does', () => {
    const { json } = parseRequest({
      method: 'POST',
      url: at(
        `/v2/users/${ALICE}/authentication_factors/_search?authFactors=U2F&states=AUTH_FACTOR_STATE_READY&states=AUTH_FACTOR_STATE_NOT_READY`,
      ),
      body: undefined,
    });
    assert.deepEqual(json, {
      userId: ALICE,
      authFactors: ['U2F'],
      states: ['AUTH_FACTOR_STATE_READY', 'AUTH_FACTOR_STATE_NOT_READY'],
    });
    const start = parseRequest({
      method: 'POST',
      url: at(`/resources/v3alpha/users/${ALICE}/webauthn?instance.domain=localhost`),
      body: { domain: 'localhost' },
    });
    assert.deepEqual(start.json, {
      registration: { domain: 'localhost' },
      id: ALICE,
      instance: { domain: 'localhost' },
    });
  });
});

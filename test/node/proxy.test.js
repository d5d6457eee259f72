// @ts-check
/// <reference types="node" />
/**
 * `passkey-elements/proxy`: its policy against a fake upstream that records every request, its limits,
 * what it never passes on (cookies, set-cookie, tokens), `nodeHandler` over node:http, one journey through
 * the real mock, and a property over arbitrary paths. The source is bundled here with esbuild, so the
 * test needs no `npm run build` and checks the very module the build ships.
 */

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { TOKENS, UNKNOWN_USER_ID, USERS } from '../../mock/seed.js';
import { startMock } from './mock-server.js';
import { createCredential, createSecurityKeyCredential } from './software-authenticator.js';

const SERVICE_TOKEN = 'service-token-never-shown';
const OWN_TOKEN = 'users-own-token-never-shown';
const CODE = { id: '500000000000000001', code: 'one-time-secret-code' };
const ALICE = USERS.alice.id;
const BOB = USERS.bob.id;

const bundle = await esbuild.build({
  entryPoints: [new URL('../../src/proxy.ts', import.meta.url).pathname],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'silent',
});
const source = bundle.outputFiles[0]?.text ?? '';
/** @type {typeof import('../../src/proxy.ts')} */
const { createProxy, nodeHandler, proxyRoutes } = await import(
  `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`
);

/**
 * @typedef {{ method: string, path: string, query: string, headers: http.IncomingHttpHeaders, body: string }} Seen
 * @typedef {(req: http.IncomingMessage, res: http.ServerResponse) => void} Answer
 */

/** A fake ZITADEL that records each request and answers 200 `{"ok":true}` with a cookie, unless told otherwise. */
async function startUpstream() {
  /** @type {Seen[]} */
  const seen = [];
  /** @type {Answer | undefined} */
  let answer;
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const [path = '', query = ''] = (req.url ?? '').split('?');
    seen.push({ method: req.method ?? '', path, query, headers: req.headers, body });
    if (answer) return answer(req, res);
    res.writeHead(200, {
      'content-type': 'application/json',
      'set-cookie': 'zitadel=upstream-session; HttpOnly',
      'access-control-allow-origin': '*',
      'x-upstream': 'yes',
    });
    res.end('{"ok":true}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    seen,
    /** @param {Answer | undefined} next */
    answerWith(next) {
      answer = next;
    },
    reset() {
      seen.length = 0;
      answer = undefined;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

const upstream = await startUpstream();
after(() => upstream.close());

/** Log lines of every proxy made by `proxyFor`, for the "never a token" checks. */
const allLogLines = /** @type {string[]} */ ([]);
/** Every answer the tests saw, for the same checks. */
const allAnswers = /** @type {{ text: string, headers: Headers }[]} */ ([]);

/**
 * A proxy mounted at `/zitadel` in front of the fake upstream (which it reaches below `/api`).
 * @param {Partial<import('../../src/proxy.ts').ProxyOptions>} [options]
 */
function proxyFor(options = {}) {
  const lines = /** @type {string[]} */ ([]);
  const proxy = createProxy({
    upstream: `${upstream.origin}/api/`,
    serviceToken: SERVICE_TOKEN,
    prefix: '/zitadel',
    log: (line) => {
      lines.push(line);
      allLogLines.push(line);
    },
    ...options,
  });

  /**
   * @param {string} method
   * @param {string} path below the prefix
   * @param {{ body?: unknown, rawBody?: string, headers?: Record<string, string>, token?: string }} [init]
   */
  async function call(method, path, { body, rawBody, headers = {}, token } = {}) {
    const response = await proxy(
      new Request(`http://app.example/zitadel${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      }),
    );
    const text = await response.text();
    allAnswers.push({ text, headers: response.headers });
    /** @type {any} */
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
  return { proxy, call, lines };
}

/** The one request upstream saw. */
function onlySeen() {
  assert.equal(upstream.seen.length, 1, `upstream saw ${upstream.seen.length} requests`);
  return /** @type {Seen} */ (upstream.seen[0]);
}

/**
 * @param {{ status: number, json: any, headers: Headers }} response
 * @param {number} status
 * @param {number} code
 * @param {string | RegExp} [message]
 */
function assertRefused(response, status, code, message) {
  assert.equal(response.status, status, JSON.stringify(response.json));
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.equal(response.json.code, code);
  if (typeof message === 'string') assert.equal(response.json.message, message);
  else if (message) assert.match(response.json.message, message);
  assert.deepEqual(Object.keys(response.json).sort(), ['code', 'message'], 'no empty details');
  assert.equal(upstream.seen.length, 0, 'upstream was not contacted');
}

const verifyBody = (/** @type {string} */ nameField) => ({
  publicKeyCredential: { id: 'cred', rawId: 'cred', type: 'public-key', response: {} },
  [nameField]: 'My key',
});

/**
 * One request per kit route, as the adapters send it: [method, path, body?]. The last entries are the two
 * routes the adapters do not call yet (ListAuthenticationFactors, v3alpha GetUser is called by the lists).
 */
const KIT_CALLS = /** @type {const} */ ([
  ['POST', `/v2/users/${ALICE}/passkeys`, 'RegisterPasskey', { domain: 'localhost' }],
  ['POST', `/v2/users/${ALICE}/passkeys/600`, 'VerifyPasskeyRegistration', verifyBody('passkeyName')],
  [
    'POST',
    `/v2/users/${ALICE}/passkeys/registration_link`,
    'CreatePasskeyRegistrationLink',
    { returnCode: {} },
  ],
  ['POST', `/v2/users/${ALICE}/passkeys/_search`, 'ListPasskeys', {}],
  ['DELETE', `/v2/users/${ALICE}/passkeys/600`, 'RemovePasskey', undefined],
  ['POST', `/v2/users/${ALICE}/u2f`, 'RegisterU2F', { domain: 'localhost' }],
  ['POST', `/v2/users/${ALICE}/u2f/700`, 'VerifyU2FRegistration', verifyBody('tokenName')],
  ['DELETE', `/v2/users/${ALICE}/u2f/700`, 'RemoveU2F', undefined],
  ['POST', `/v2/users/${ALICE}/authentication_factors/_search`, 'ListAuthenticationFactors', undefined],
  ['GET', `/v2/users/${ALICE}/authentication_methods`, 'ListAuthenticationMethodTypes', undefined],
  ['GET', `/resources/v3alpha/users/${ALICE}`, 'GetUser', undefined],
  [
    'POST',
    `/resources/v3alpha/users/${ALICE}/webauthn`,
    'StartWebAuthNRegistration',
    { domain: 'localhost' },
  ],
  [
    'POST',
    `/resources/v3alpha/users/${ALICE}/webauthn/800/_verify`,
    'VerifyWebAuthNRegistration',
    verifyBody('webAuthNName'),
  ],
  [
    'POST',
    `/resources/v3alpha/users/${ALICE}/webauthn/registration_link`,
    'CreateWebAuthNRegistrationLink',
    { returnCode: {} },
  ],
  ['DELETE', `/resources/v3alpha/users/${ALICE}/webauthn/800`, 'RemoveWebAuthNAuthenticator', undefined],
  ['POST', `/management/v1/users/${ALICE}/passwordless/_link`, 'AddPasswordlessRegistration', {}],
  ['POST', `/management/v1/users/${ALICE}/passwordless/_send_link`, 'SendPasswordlessRegistration', {}],
]);

/** @param {string} rpc */
function kitCall(rpc) {
  const found = KIT_CALLS.find((entry) => entry[2] === rpc);
  if (!found) throw new Error(`no kit call ${rpc}`);
  const [method, path, , body] = found;
  return { method, path, body };
}

beforeEach(() => upstream.reset());

describe('proxy: which routes it forwards', () => {
  it('has one test call for each route of its table, and each route once', () => {
    assert.deepEqual(
      KIT_CALLS.map(([method, , rpc]) => `${method} ${rpc}`).sort(),
      proxyRoutes.map((route) => `${route.method} ${route.rpc}`).sort(),
    );
  });

  for (const [method, path, rpc, body] of KIT_CALLS) {
    it(`forwards ${rpc} (${method}) with its own Authorization, to the same path below upstream's`, async () => {
      const { call, lines } = proxyFor();
      // A parameter the route takes, where it takes one (v3alpha's instance, the factors' filters).
      const [name] = proxyRoutes.find((route) => route.rpc === rpc)?.query ?? [];
      const query = name === undefined ? '' : `${name}=localhost`;
      const response = await call(method, `${path}${query && `?${query}`}`, { body, token: OWN_TOKEN });
      assert.equal(response.status, 200);
      assert.deepEqual(response.json, { ok: true });
      const seen = onlySeen();
      assert.equal(seen.method, method);
      assert.equal(seen.path, `/api${path}`, 'the prefix is stripped, upstream keeps its own path');
      assert.equal(seen.query, query);
      assert.equal(seen.headers.authorization, `Bearer ${OWN_TOKEN}`);
      assert.equal(seen.body, body === undefined ? '' : JSON.stringify(body));
      assert.deepEqual(lines, [`${method} ${rpc} own-token 200`]);
    });
  }

  /** @type {[string, string, string][]} */
  const OTHERS = [
    ['GET', `/v2/users/${ALICE}`, 'GetUserByID: a ZITADEL route the kit does not call'],
    ['DELETE', `/v2/users/${ALICE}`, 'DeleteUser'],
    ['POST', `/v2/users/${ALICE}/password`, 'SetPassword'],
    ['POST', `/resources/v3alpha/users/${ALICE}/totp`, 'StartTOTPRegistration'],
    ['POST', `/management/v1/users/${ALICE}/passwordless/_search`, 'ListHumanPasswordless'],
    ['GET', `/v2/users/${ALICE}/passkeys`, 'a kit path with the wrong method'],
    ['PUT', `/v2/users/${ALICE}/passkeys/600`, 'a kit path with a method no route has'],
    ['OPTIONS', `/v2/users/${ALICE}/passkeys`, 'a preflight'],
    ['POST', `/v2/users/${ALICE}/passkeys/600/extra`, 'a kit path with one segment more'],
    ['POST', '/__mock/reset', "the mock's control endpoint"],
    ['GET', '/', 'the root'],
  ];
  for (const [method, path, what] of OTHERS) {
    it(`answers 404 in ZITADEL's shape without contacting upstream: ${what}`, async () => {
      const { call, lines } = proxyFor();
      const response = await call(method, path, { token: OWN_TOKEN });
      assertRefused(response, 404, 5, 'Not Found');
      assert.deepEqual(lines, [`${method} - not-found 404`]);
    });
  }

  it('answers 404 for a path outside its prefix, or one that only starts like it', async () => {
    const { proxy } = proxyFor();
    for (const url of [
      'http://app.example/v2/users/1/passkeys',
      'http://app.example/zitadelx/v2/users/1/passkeys',
    ]) {
      const response = await proxy(
        new Request(url, { method: 'POST', body: '{}', headers: { authorization: 'x' } }),
      );
      assert.equal(response.status, 404);
    }
    assert.equal(upstream.seen.length, 0);
  });

  it('takes a literal segment over an id: …/passkeys/registration_link is link creation, not a verify', async () => {
    const { call, lines } = proxyFor();
    const response = await call('POST', `/v2/users/${ALICE}/passkeys/registration_link`, {
      body: { returnCode: {} },
    });
    assertRefused(response, 403, 7);
    assert.deepEqual(lines, ['POST CreatePasskeyRegistrationLink not-admin 403']);
  });

  it('refuses an id that upstream would read as another route’s literal (registration%5Flink is link creation)', async () => {
    const { call, lines } = proxyFor();
    for (const [method, path, body] of /** @type {[string, string, object | undefined][]} */ ([
      ['POST', `/v2/users/${BOB}/passkeys/registration%5Flink`, { returnCode: {} }],
      [
        'POST',
        `/v2/users/${BOB}/passkeys/registration_lin%6B`,
        { sendLink: { urlTemplate: 'https://evil.example' } },
      ],
      ['POST', `/v2/users/${BOB}/passkeys/%5Fsearch`, {}],
    ])) {
      assertRefused(await call(method, path, { body }), 400, 3);
    }
    assert.deepEqual(lines, [
      'POST VerifyPasskeyRegistration bad-id 400',
      'POST VerifyPasskeyRegistration bad-id 400',
      'POST VerifyPasskeyRegistration bad-id 400',
    ]);
  });
});

describe('proxy: requests from pages on other origins', () => {
  const ADMIN_LINK = { body: { returnCode: {} } };
  const linkPath = `/v2/users/${ALICE}/passkeys/registration_link`;
  const trusted = () => proxyFor({ sessionUser: () => ALICE, authorizeAdmin: () => true });

  for (const site of ['cross-site', 'same-site']) {
    it(`refuses with 403 a request other than GET marked Sec-Fetch-Site: ${site}, whatever the session may do`, async () => {
      const { call, lines } = trusted();
      const headers = { 'sec-fetch-site': site, origin: 'https://evil.example' };
      assertRefused(await call('POST', linkPath, { ...ADMIN_LINK, headers }), 403, 7, /another origin/);
      assertRefused(await call('DELETE', `/v2/users/${ALICE}/passkeys/600`, { headers }), 403, 7);
      assertRefused(
        await call('POST', `/v2/users/${ALICE}/authentication_factors/_search`, { headers }),
        403,
        7,
      );
      assert.deepEqual(lines, [
        'POST CreatePasskeyRegistrationLink cross-origin 403',
        'DELETE RemovePasskey cross-origin 403',
        'POST ListAuthenticationFactors cross-origin 403',
      ]);
    });
  }

  it('serves same-origin and user-typed requests, and a GET from anywhere (a read no other site can see)', async () => {
    const { call, lines } = trusted();
    await call('POST', linkPath, { ...ADMIN_LINK, headers: { 'sec-fetch-site': 'same-origin' } });
    await call('POST', linkPath, { ...ADMIN_LINK, headers: { 'sec-fetch-site': 'none' } });
    await call('GET', `/v2/users/${ALICE}/authentication_methods`, {
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    assert.deepEqual(lines, [
      'POST CreatePasskeyRegistrationLink admin 200',
      'POST CreatePasskeyRegistrationLink admin 200',
      'GET ListAuthenticationMethodTypes session 200',
    ]);
  });

  it('reads Origin where a browser sends no Sec-Fetch-Site: its host must be the request’s own', async () => {
    const { call, lines } = trusted();
    // The proxy behind TLS termination sees http://app.example; the page is https://app.example.
    await call('POST', linkPath, { ...ADMIN_LINK, headers: { origin: 'https://app.example' } });
    await call('POST', linkPath, ADMIN_LINK); // no Origin: a server, a CLI
    assert.equal(upstream.seen.length, 2);
    upstream.reset();
    assertRefused(
      await call('POST', linkPath, { ...ADMIN_LINK, headers: { origin: 'https://evil.example' } }),
      403,
      7,
    );
    assertRefused(await call('POST', linkPath, { ...ADMIN_LINK, headers: { origin: 'null' } }), 403, 7);
    assert.deepEqual(lines, [
      'POST CreatePasskeyRegistrationLink admin 200',
      'POST CreatePasskeyRegistrationLink admin 200',
      'POST CreatePasskeyRegistrationLink cross-origin 403',
      'POST CreatePasskeyRegistrationLink cross-origin 403',
    ]);
  });

  it('serves the origins allowedOrigins lists, and only them', async () => {
    const { call, lines } = proxyFor({
      sessionUser: () => ALICE,
      authorizeAdmin: () => true,
      allowedOrigins: ['https://admin.example'],
    });
    const from = (/** @type {string} */ origin) => ({ 'sec-fetch-site': 'same-site', origin });
    await call('POST', linkPath, { ...ADMIN_LINK, headers: from('https://admin.example') });
    assert.equal(upstream.seen.length, 1);
    upstream.reset();
    assertRefused(
      await call('POST', linkPath, { ...ADMIN_LINK, headers: from('https://admin.example:8443') }),
      403,
      7,
    );
    assertRefused(
      await call('POST', linkPath, { ...ADMIN_LINK, headers: { 'sec-fetch-site': 'cross-site' } }),
      403,
      7,
    );
    assert.deepEqual(lines, [
      'POST CreatePasskeyRegistrationLink admin 200',
      'POST CreatePasskeyRegistrationLink cross-origin 403',
      'POST CreatePasskeyRegistrationLink cross-origin 403',
    ]);
  });
});

describe('proxy: the route table against ZITADEL’s protos', async () => {
  const { getOption } = await import('@bufbuild/protobuf');
  const { http: httpRule } = await import('@zitadel/proto/google/api/annotations_pb.js');
  const services = [
    ['', (await import('@zitadel/proto/zitadel/user/v2/user_service_pb.js')).UserService],
    ['', (await import('@zitadel/proto/zitadel/resources/user/v3alpha/user_service_pb.js')).ZITADELUsers],
    ['/management/v1', (await import('@zitadel/proto/zitadel/management_pb.js')).ManagementService],
  ];
  /** Every HTTP binding of the three services: method, path with `{id}` for every parameter, rpc. */
  const bindings = services.flatMap(([base, service]) =>
    /** @type {any} */ (service).methods.flatMap((/** @type {any} */ method) => {
      const rule = getOption(method, httpRule);
      return [rule, ...(rule.additionalBindings ?? [])]
        .filter((/** @type {any} */ binding) => binding.pattern.case && binding.pattern.case !== 'custom')
        .map((/** @type {any} */ binding) => ({
          method: binding.pattern.case.toUpperCase(),
          path: `${base}${binding.pattern.value}`.replace(/\{[^}]+\}/g, '{id}'),
          /** The request fields the path binds, by their proto names (`user_id`). */
          pathFields: [...binding.pattern.value.matchAll(/\{([^}=]+)/g)].map(([, field]) => field),
          body: binding.body,
          rpc: method.name,
        }));
    }),
  );

  it('names each route with the method and path of its RPC, and wants JSON where the RPC maps a body', () => {
    for (const route of proxyRoutes) {
      const binding = bindings.find((candidate) => candidate.rpc === route.rpc);
      assert.ok(binding, `${route.rpc} is an RPC of the protos`);
      assert.equal(route.method, binding.method, route.rpc);
      assert.equal(route.pattern.replace(/\{[^}]+\}/g, '{id}'), binding.path, route.rpc);
      // Stricter than the proto where it maps no body but the kit sends one (AddPasswordlessRegistration).
      if (binding.body !== '') assert.equal(route.body, 'json', `${route.rpc} has a body`);
    }
  });

  it('takes as query parameters only fields of the request that neither its path nor its body binds', () => {
    const methods = services.flatMap(([, service]) => /** @type {any} */ (service).methods);
    for (const route of proxyRoutes) {
      const method = methods.find((candidate) => candidate.name === route.rpc);
      const binding = bindings.find((candidate) => candidate.rpc === route.rpc);
      if (route.query.length > 0)
        assert.notEqual(binding?.body, '*', `${route.rpc} binds every field to its body`);
      for (const name of route.query) {
        /** @type {any} */
        let message = method.input;
        /** @type {string[]} */
        const protoPath = [];
        for (const part of name.split('.')) {
          const field = message?.fields.find(
            (/** @type {any} */ candidate) => candidate.jsonName === part || candidate.name === part,
          );
          assert.ok(field, `${route.rpc} has a field ${name}`);
          assert.notEqual(field.name, binding?.body, `${route.rpc}: ${name} is its body`);
          protoPath.push(field.name);
          message = field.message;
        }
        assert.ok(!binding?.pathFields.includes(protoPath.join('.')), `${route.rpc}: ${name} is in its path`);
      }
    }
  });

  it('forwards no other RPC of these services: each binding reaches its own RPC or nothing', async () => {
    const { call, lines } = proxyFor();
    for (const binding of bindings) {
      if (binding.path.includes('/me/')) continue;
      const path = binding.path.replaceAll('{id}', '123');
      if (!/^\/(v2|resources|management)\//.test(path)) continue;
      lines.length = 0;
      const body = binding.method === 'GET' ? undefined : {};
      const response = await call(binding.method, path, { body, token: OWN_TOKEN });
      if (response.status === 404) continue;
      assert.match(
        lines[0] ?? '',
        new RegExp(`^${binding.method} ${binding.rpc} `),
        `${binding.method} ${path}`,
      );
    }
  });
});

describe('proxy: the policy for requests without their own Authorization', () => {
  it('answers 401 in ZITADEL’s shape where no policy applies', async () => {
    const { call } = proxyFor();
    for (const rpc of ['RegisterPasskey', 'ListPasskeys', 'RemovePasskey', 'GetUser', 'RegisterU2F']) {
      const { method, path, body } = kitCall(rpc);
      const response = await call(method, path, { body });
      assertRefused(response, 401, 16, 'auth header missing');
      assert.equal(response.text, '{"code":16,"message":"auth header missing"}');
    }
  });

  it('treats an empty Authorization header as none', async () => {
    const { call } = proxyFor();
    const response = await call('POST', `/v2/users/${ALICE}/passkeys/_search`, {
      body: {},
      headers: { authorization: '  ' },
    });
    assertRefused(response, 401, 16);
  });

  for (const rpc of ['RegisterPasskey', 'StartWebAuthNRegistration']) {
    it(`adds the service token to ${rpc} with a one-time code`, async () => {
      const { call, lines } = proxyFor();
      const { method, path } = kitCall(rpc);
      const body = { domain: 'localhost', code: CODE };
      const response = await call(method, path, { body });
      assert.equal(response.status, 200);
      const seen = onlySeen();
      assert.equal(seen.headers.authorization, `Bearer ${SERVICE_TOKEN}`);
      assert.deepEqual(JSON.parse(seen.body), body);
      assert.deepEqual(lines, [`POST ${rpc} code 200`]);
    });

    it(`refuses ${rpc} with a code that lacks its id or secret (401)`, async () => {
      const { call } = proxyFor();
      const { method, path } = kitCall(rpc);
      for (const code of [{ id: CODE.id }, { code: CODE.code }, { id: '', code: 'x' }, 'a-string', null]) {
        const response = await call(method, path, { body: { domain: 'localhost', code } });
        assertRefused(response, 401, 16);
      }
    });
  }

  for (const rpc of ['VerifyPasskeyRegistration', 'VerifyU2FRegistration', 'VerifyWebAuthNRegistration']) {
    it(`adds the service token to ${rpc}: only the holder of the challenge can pass it`, async () => {
      const { call, lines } = proxyFor();
      const { method, path, body } = kitCall(rpc);
      const response = await call(method, path, { body });
      assert.equal(response.status, 200);
      assert.equal(onlySeen().headers.authorization, `Bearer ${SERVICE_TOKEN}`);
      assert.deepEqual(lines, [`POST ${rpc} verify 200`]);
    });
  }

  const SELF_SERVICE = proxyRoutes.filter((route) => route.policy !== 'verify' && route.policy !== 'admin');
  it('lists self-service for every start without a code, list, remove and lookup', () => {
    assert.deepEqual(SELF_SERVICE.map((route) => route.rpc).sort(), [
      'GetUser',
      'ListAuthenticationFactors',
      'ListAuthenticationMethodTypes',
      'ListPasskeys',
      'RegisterPasskey',
      'RegisterU2F',
      'RemovePasskey',
      'RemoveU2F',
      'RemoveWebAuthNAuthenticator',
      'StartWebAuthNRegistration',
    ]);
  });

  for (const { rpc } of SELF_SERVICE) {
    it(`adds the service token to ${rpc} for the session's own user, and only for them`, async () => {
      /** @type {Request[]} */
      const asked = [];
      const { call, lines } = proxyFor({
        sessionUser: async (request) => {
          asked.push(request);
          return request.headers.get('cookie') === 'session=alice' ? ALICE : undefined;
        },
      });
      const { method, path, body } = kitCall(rpc);
      const own = await call(method, path, { body, headers: { cookie: 'session=alice' } });
      assert.equal(own.status, 200);
      const seen = onlySeen();
      assert.equal(seen.headers.authorization, `Bearer ${SERVICE_TOKEN}`);
      assert.equal(seen.headers.cookie, undefined, 'the session cookie stays here');
      assert.equal(asked.length, 1);

      upstream.reset();
      const other = await call(method, path.replace(ALICE, BOB), {
        body,
        headers: { cookie: 'session=alice' },
      });
      assertRefused(other, 403, 7);
      const none = await call(method, path, { body });
      assertRefused(none, 401, 16, 'auth header missing');
      assert.deepEqual(lines, [
        `${method} ${rpc} session 200`,
        `${method} ${rpc} not-own-user 403`,
        `${method} ${rpc} unauthenticated 401`,
      ]);
    });
  }

  const ADMIN = proxyRoutes.filter((route) => route.policy === 'admin');
  it('lists link creation, and only it, as admin', () => {
    assert.deepEqual(ADMIN.map((route) => route.rpc).sort(), [
      'AddPasswordlessRegistration',
      'CreatePasskeyRegistrationLink',
      'CreateWebAuthNRegistrationLink',
      'SendPasswordlessRegistration',
    ]);
  });

  for (const { rpc } of ADMIN) {
    it(`adds the service token to ${rpc} only when authorizeAdmin says yes (403 without it or on no)`, async () => {
      const { method, path, body } = kitCall(rpc);
      const withoutCallback = await proxyFor({ sessionUser: () => ALICE }).call(method, path, { body });
      assertRefused(withoutCallback, 403, 7);
      for (const no of [false, undefined, 'yes']) {
        // @ts-expect-error a callback that answers something other than true is a no
        const refused = await proxyFor({ authorizeAdmin: async () => no }).call(method, path, { body });
        assertRefused(refused, 403, 7);
      }
      /** @type {unknown[]} */
      const targets = [];
      const { call, lines } = proxyFor({
        authorizeAdmin: (request, target) => {
          targets.push(target);
          return request.headers.get('cookie') === 'role=admin';
        },
      });
      const allowed = await call(method, path, {
        body,
        headers: { cookie: 'role=admin', 'x-zitadel-orgid': '42' },
      });
      assert.equal(allowed.status, 200);
      const seen = onlySeen();
      assert.equal(seen.headers.authorization, `Bearer ${SERVICE_TOKEN}`);
      assert.equal(seen.headers['x-zitadel-orgid'], '42');
      assert.deepEqual(lines, [`${method} ${rpc} admin 200`]);
      // Told whose link, by which RPC, in which organization: the admin's reach is the app's to check.
      assert.deepEqual(targets, [{ userId: ALICE, rpc, orgId: '42' }]);
    });
  }

  it('forwards a request with its own bearer token unchanged, before any policy', async () => {
    const { call, lines } = proxyFor({ sessionUser: () => BOB, authorizeAdmin: () => false });
    await call('POST', `/v2/users/${ALICE}/passkeys/registration_link`, {
      body: { returnCode: {} },
      token: OWN_TOKEN,
    });
    assert.deepEqual(
      upstream.seen.map((seen) => seen.headers.authorization),
      [`Bearer ${OWN_TOKEN}`],
    );
    assert.deepEqual(lines, ['POST CreatePasskeyRegistrationLink own-token 200']);
  });

  it("never forwards another scheme (a staging site's Basic password the browser adds): the policy decides", async () => {
    const { call, lines } = proxyFor({ sessionUser: () => ALICE });
    const basic = { authorization: 'Basic c3RhZmY6aHVudGVyMg==' };
    await call('POST', `/v2/users/${ALICE}/passkeys/_search`, { body: {}, headers: basic });
    const refused = await call('POST', `/v2/users/${BOB}/passkeys/_search`, { body: {}, headers: basic });
    assert.equal(refused.status, 403);
    assert.deepEqual(
      upstream.seen.map((seen) => seen.headers.authorization),
      [`Bearer ${SERVICE_TOKEN}`],
    );
    assert.deepEqual(lines, ['POST ListPasskeys session 200', 'POST ListPasskeys not-own-user 403']);
  });

  it('calls a serviceToken function for each request that needs the token, and awaits it', async () => {
    let calls = 0;
    const { call } = proxyFor({ serviceToken: async () => `${SERVICE_TOKEN}-${++calls}` });
    const { method, path, body } = kitCall('VerifyPasskeyRegistration');
    await call(method, path, { body });
    await call(method, path, { body });
    await call('POST', `/v2/users/${ALICE}/passkeys/_search`, { body: {}, token: OWN_TOKEN });
    assert.deepEqual(
      upstream.seen.map((seen) => seen.headers.authorization),
      [`Bearer ${SERVICE_TOKEN}-1`, `Bearer ${SERVICE_TOKEN}-2`, `Bearer ${OWN_TOKEN}`],
    );
  });

  it('answers 500 without quoting anything when a callback or the token function fails', async () => {
    const { method, path, body } = kitCall('VerifyPasskeyRegistration');
    const failing = [
      { serviceToken: () => Promise.reject(new Error(`token ${SERVICE_TOKEN} expired`)) },
      { serviceToken: () => '' },
      { serviceToken: () => 'line\nbreak' },
    ];
    for (const options of failing) {
      const response = await proxyFor(options).call(method, path, { body });
      assertRefused(response, 500, 13);
      assert.doesNotMatch(response.text, /expired|break/);
    }
    const session = await proxyFor({
      sessionUser: () => {
        throw new Error('session store down');
      },
    }).call('POST', `/v2/users/${ALICE}/passkeys/_search`, { body: {} });
    assertRefused(session, 500, 13);
    assert.doesNotMatch(session.text, /store/);
  });
});

describe('proxy: limits', () => {
  const { method, path } = kitCall('VerifyPasskeyRegistration');
  /** A verify body of exactly `size` bytes. */
  const bodyOfSize = (/** @type {number} */ size) => {
    const empty = JSON.stringify({ passkeyName: 'k', publicKeyCredential: { pad: '' } });
    return JSON.stringify({
      passkeyName: 'k',
      publicKeyCredential: { pad: 'x'.repeat(size - empty.length) },
    });
  };

  it('forwards a body of 64 KiB and refuses one byte more with 413', async () => {
    const { call } = proxyFor();
    const fits = await call(method, path, {
      rawBody: bodyOfSize(64 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(fits.status, 200);
    assert.equal(onlySeen().body.length, 64 * 1024);
    upstream.reset();
    const tooLarge = await call(method, path, {
      rawBody: bodyOfSize(64 * 1024 + 1),
      headers: { 'content-type': 'application/json' },
    });
    assertRefused(tooLarge, 413, 8);
  });

  it('refuses a body whose content-length says it is too large, without reading it', async () => {
    const { proxy } = proxyFor();
    let pulled = 0;
    const stream = new ReadableStream({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
      },
    });
    const response = await proxy(
      new Request(`http://app.example/zitadel${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024) },
        body: stream,
        // @ts-expect-error node's fetch needs duplex for a stream body; the DOM types do not know it
        duplex: 'half',
      }),
    );
    assert.equal(response.status, 413);
    assert.ok(pulled <= 1, 'the body was not read to its end');
    assert.equal(upstream.seen.length, 0);
  });

  it('refuses with 415 a body that is not JSON: another content-type, not parsable, not UTF-8, or none', async () => {
    const { call } = proxyFor();
    const cases = [
      { rawBody: '{}', headers: { 'content-type': 'text/plain' } },
      { rawBody: '{}', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { rawBody: '{"passkeyName": ', headers: { 'content-type': 'application/json' } },
      { rawBody: '\u00ff', headers: { 'content-type': 'application/json' } },
      { rawBody: '', headers: { 'content-type': 'application/json' } },
    ];
    for (const init of cases) assertRefused(await call(method, path, init), 415, 3);
    const latin1 = await proxyFor().proxy(
      new Request(`http://app.example/zitadel${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
      }),
    );
    assert.equal(latin1.status, 415);
    assert.equal(upstream.seen.length, 0);
  });

  it('refuses with 415 a POST a cross-site page could send without a preflight (a form, no body), even for an admin', async () => {
    const { call } = proxyFor({ authorizeAdmin: () => true, sessionUser: () => ALICE });
    for (const rpc of ['AddPasswordlessRegistration', 'CreatePasskeyRegistrationLink', 'RegisterPasskey']) {
      const { path: target } = kitCall(rpc);
      assertRefused(await call('POST', target), 415, 3);
      assertRefused(
        await call('POST', target, { rawBody: 'a=1', headers: { 'content-type': 'text/plain' } }),
        415,
        3,
      );
    }
  });

  it('accepts a JSON content-type with parameters and sends the body upstream re-serialized', async () => {
    const { call } = proxyFor();
    const response = await call(method, path, {
      rawBody: '{ "passkeyName" : "k",\n "publicKeyCredential": {"id":"c"} }',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    assert.equal(response.status, 200);
    const seen = onlySeen();
    assert.equal(seen.body, '{"passkeyName":"k","publicKeyCredential":{"id":"c"}}');
    assert.equal(seen.headers['content-type'], 'application/json');
  });

  it('refuses with 400 a JSON body that is not an object, or that names an id the path sets', async () => {
    const { call } = proxyFor();
    for (const body of [[], 'text', 42, null, { userId: BOB }, { user_id: BOB }, { passkeyId: '1' }]) {
      assertRefused(await call(method, path, { body, token: OWN_TOKEN }), 400, 3);
    }
    const v3 = kitCall('VerifyWebAuthNRegistration');
    assertRefused(await call(v3.method, v3.path, { body: { web_auth_n_id: '1' }, token: OWN_TOKEN }), 400, 3);
  });

  it('refuses with 400 a query that names an id the path sets', async () => {
    const { call } = proxyFor({ sessionUser: () => ALICE });
    for (const query of ['userId=2', 'user_id=2', 'user_id.x=2', 'id=2']) {
      const rpc = query.startsWith('id') ? 'GetUser' : 'ListAuthenticationMethodTypes';
      const response = await call('GET', `${kitCall(rpc).path}?${query}`);
      assertRefused(response, 400, 3);
    }
  });

  it('forwards the parameters a route takes as they came (v3alpha instance and organization, the factors’ filters)', async () => {
    const { call } = proxyFor({ sessionUser: () => ALICE });
    const filters = 'authFactors=U2F&states=AUTH_FACTOR_STATE_READY&states=AUTH_FACTOR_STATE_NOT_READY';
    await call('POST', `/v2/users/${ALICE}/authentication_factors/_search?${filters}`);
    assert.equal(onlySeen().query, filters);
    upstream.reset();
    const context = 'instance.domain=a%20b&organization.orgId=7';
    await call('DELETE', `/resources/v3alpha/users/${ALICE}/webauthn/800?${context}`);
    assert.equal(onlySeen().query, context);
  });

  it('refuses with 400 any parameter a route does not take: a verify is not told which organization, v2 has no instance', async () => {
    const { call, lines } = proxyFor({ sessionUser: () => ALICE, authorizeAdmin: () => true });
    for (const [rpc, query] of /** @type {[string, string][]} */ ([
      ['VerifyPasskeyRegistration', 'organization.orgId=OTHER'],
      ['ListAuthenticationFactors', 'instance.domain=evil.example'],
      ['GetUser', 'organization.orgId=7'],
      ['CreatePasskeyRegistrationLink', 'sendLink.urlTemplate=https://evil.example'],
      ['SendPasswordlessRegistration', '_method=DELETE'],
      ['RemovePasskey', 'x=1'],
    ])) {
      const { method, path, body } = kitCall(rpc);
      assertRefused(await call(method, `${path}?${query}`, { body }), 400, 3, /does not take/);
    }
    assert.equal(lines.length, 6);
    for (const line of lines) assert.match(line, / bad-query 400$/);
  });

  for (const [what, path] of /** @type {[string, string][]} */ ([
    ['an empty user id', '/v2/users//passkeys/_search'],
    ['an empty passkey id', `/v2/users/${ALICE}/passkeys/`],
    ['an id holding an encoded "/"', `/v2/users/a%2Fb/passkeys/_search`],
    ['an id that decodes to ".."', `/v2/users/${ALICE}/passkeys/%2E%2E%2f`],
    ['an id that is not valid percent-encoding', `/v2/users/%E0%A4%A/passkeys/_search`],
    ['an id holding an encoded "\\"', `/v2/users/a%5Cb/passkeys/_search`],
  ])) {
    it(`answers 400 without contacting upstream for ${what}`, async () => {
      const { call, lines } = proxyFor();
      const response = await call('POST', path, { body: {}, token: OWN_TOKEN });
      assertRefused(response, 400, 3);
      assert.match(lines[0] ?? '', / bad-id 400$/);
    });
  }

  it('sends each id upstream encoded afresh, so upstream reads the id the policy read', async () => {
    const { call } = proxyFor({ sessionUser: () => 'ali ce+é' });
    const response = await call('POST', '/v2/users/ali%20ce+%C3%A9/passkeys/_search', { body: {} });
    assert.equal(response.status, 200);
    assert.equal(onlySeen().path, '/api/v2/users/ali%20ce%2B%C3%A9/passkeys/_search');
  });

  it('answers 504 in ZITADEL’s shape when upstream takes longer than the timeout', async () => {
    upstream.answerWith(() => {
      // Never answers; closeAllConnections ends it.
    });
    const { call, lines } = proxyFor({ timeout: 50 });
    const started = Date.now();
    const response = await call(method, path, { body: verifyBody('passkeyName') });
    assert.equal(response.status, 504);
    assert.deepEqual(response.json, { code: 4, message: 'the upstream did not answer in time' });
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(lines, ['POST VerifyPasskeyRegistration timeout 504']);
  });

  it('answers 502 when upstream cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = /** @type {import('node:net').AddressInfo} */ (closed.address());
    await new Promise((resolve) => closed.close(() => resolve(undefined)));
    const { call } = proxyFor({ upstream: `http://127.0.0.1:${address.port}` });
    const response = await call(method, path, { body: verifyBody('passkeyName') });
    assert.equal(response.status, 502);
    assert.equal(response.json.code, 14);
  });

  it('does not follow a redirect from upstream: 502, and the target is never asked', async () => {
    upstream.answerWith((_req, res) =>
      res.writeHead(302, { location: `${upstream.origin}/elsewhere` }).end(),
    );
    const { call } = proxyFor();
    const response = await call(method, path, { body: verifyBody('passkeyName') });
    assert.equal(response.status, 502);
    assert.equal(response.json.code, 14);
    assert.deepEqual(
      upstream.seen.map((seen) => seen.path),
      [`/api${path}`],
    );
  });
});

describe('proxy: what it passes on and what it keeps back', () => {
  it('sends upstream only accept, accept-language, content-type, authorization and x-zitadel-orgid; Host is upstream’s', async () => {
    const { call } = proxyFor();
    const { method, path, body } = kitCall('VerifyPasskeyRegistration');
    await call(method, path, {
      body,
      headers: {
        cookie: 'session=abc',
        origin: 'http://app.example',
        referer: 'http://app.example/page',
        'x-forwarded-for': '10.0.0.1',
        'x-custom': '1',
        'accept-language': 'de',
        accept: 'application/json',
        'x-zitadel-orgid': '7',
      },
    });
    const { headers } = onlySeen();
    assert.equal(headers.host, new URL(upstream.origin).host);
    for (const name of ['cookie', 'origin', 'referer', 'x-forwarded-for', 'x-custom']) {
      assert.equal(headers[name], undefined, `${name} is not forwarded`);
    }
    assert.equal(headers['accept-language'], 'de');
    assert.equal(headers['x-zitadel-orgid'], '7');
    assert.equal(headers['content-type'], 'application/json');
  });

  it('passes back status, body and content-type, never set-cookie or upstream’s CORS headers', async () => {
    upstream.answerWith((_req, res) => {
      res.writeHead(400, {
        'content-type': 'application/json',
        'set-cookie': ['a=1', 'b=2'],
        'access-control-allow-credentials': 'true',
      });
      res.end('{"code":3,"message":"bad (COMMAND-x)"}');
    });
    const { call } = proxyFor();
    const response = await call('POST', `/v2/users/${ALICE}/passkeys/_search`, {
      body: {},
      token: OWN_TOKEN,
    });
    assert.equal(response.status, 400);
    assert.deepEqual(response.json, { code: 3, message: 'bad (COMMAND-x)' });
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('set-cookie'), null);
    assert.deepEqual(response.headers.getSetCookie(), []);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('passes back only its content-type, date and retry-after, and says no cache may keep the answer', async () => {
    upstream.answerWith((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'max-age=600',
        'retry-after': '3',
        'x-upstream': 'yes',
        location: 'https://evil.example/',
        'clear-site-data': '"cookies"',
        'content-security-policy': "default-src 'none'",
        'strict-transport-security': 'max-age=1',
        refresh: '0; url=https://evil.example/',
      });
      res.end('{"code":{"id":"1","code":"secret"}}');
    });
    const { call } = proxyFor();
    const response = await call('POST', `/v2/users/${ALICE}/passkeys/registration_link`, {
      body: { returnCode: {} },
      token: OWN_TOKEN,
    });
    assert.equal(response.status, 200);
    /** @type {string[]} */
    const names = [];
    response.headers.forEach((_value, name) => names.push(name));
    assert.deepEqual(names.sort(), [
      'cache-control',
      'content-type',
      'date',
      'retry-after',
      'x-content-type-options',
    ]);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('retry-after'), '3');
  });

  it('passes an answer that is not JSON as plain text, never as a page of the app’s origin', async () => {
    upstream.answerWith((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<script>alert(document.cookie)</script>');
    });
    const { call } = proxyFor();
    const response = await call('POST', `/v2/users/${ALICE}/passkeys/_search`, {
      body: {},
      token: OWN_TOKEN,
    });
    assert.equal(response.status, 502);
    assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('writes one line per request, and no token, code or body ever appears in a line or an answer', () => {
    assert.ok(allLogLines.length > 50, `the earlier tests logged (${allLogLines.length} lines)`);
    for (const line of allLogLines) assert.match(line, /^[A-Z]+ [A-Za-z0-9-]+ [a-z-]+ \d{3}$/, line);
    const secrets = [SERVICE_TOKEN, OWN_TOKEN, CODE.code];
    for (const { text, headers } of allAnswers) {
      const values = /** @type {string[]} */ ([]);
      headers.forEach((value, name) => values.push(`${name}: ${value}`));
      const all = `${text} ${values.join('\n')}`;
      for (const secret of secrets) assert.ok(!all.includes(secret), `an answer holds ${secret}`);
    }
  });
});

describe('createProxy: options', () => {
  it('refuses options that cannot work, with a typed error naming the option', () => {
    const base = { upstream: 'https://zitadel.example', serviceToken: 't' };
    /** @type {[object, RegExp][]} */
    const cases = [
      [{ ...base, upstream: 'zitadel.example' }, /upstream/],
      [{ ...base, upstream: 'ftp://zitadel.example' }, /upstream/],
      [{ ...base, upstream: 'https://user:pw@zitadel.example' }, /upstream/],
      [{ ...base, serviceToken: '' }, /serviceToken/],
      [{ ...base, sessionUser: () => 'x', sessionToken: 'a token' }, /sessionToken must be a function/],
      [{ ...base, sessionToken: () => 'a token' }, /sessionToken needs sessionUser/],
      [{ ...base, prefix: 'zitadel' }, /prefix/],
      [{ ...base, timeout: 0 }, /timeout/],
      [{ ...base, timeout: Number.NaN }, /timeout/],
      [{ ...base, allowedOrigins: ['https://app.example/'] }, /allowedOrigins: "https:\/\/app.example\/"/],
      [{ ...base, allowedOrigins: ['app.example'] }, /allowedOrigins/],
      [{ ...base, allowedOrigins: ['*'] }, /allowedOrigins/],
    ];
    for (const [options, message] of cases) {
      assert.throws(
        // @ts-expect-error deliberately wrong options
        () => createProxy(options),
        (/** @type {any} */ error) =>
          error?.name === 'RegistrationError' &&
          error.code === 'invalid-input' &&
          message.test(error.message),
      );
    }
  });

  it('works without a prefix, and with a fetch of its own', async () => {
    /** @type {string[]} */
    const urls = [];
    const proxy = createProxy({
      upstream: 'https://zitadel.example',
      serviceToken: SERVICE_TOKEN,
      fetch: async (url) => {
        urls.push(String(url));
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
    const response = await proxy(
      new Request(`https://app.example/v2/users/${ALICE}/passkeys/1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(verifyBody('passkeyName')),
      }),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(urls, [`https://zitadel.example/v2/users/${ALICE}/passkeys/1`]);
  });

  it('is one module that imports nothing and names no Node or DOM global (Workers, Deno, Bun)', () => {
    assert.doesNotMatch(source, /^\s*import\s/m);
    assert.doesNotMatch(source, /\brequire\(|\bprocess\.|\bBuffer\b|\bdocument\b|\bwindow\b|node:/);
  });
});

/** An http server running `nodeHandler(proxy)`, then `fallback` as the next middleware if `withNext`. */
async function serveNode(
  /** @type {import('../../src/proxy.ts').ZitadelProxy} */ proxy,
  /** @type {{ withNext?: boolean, preParse?: boolean }} */ { withNext = false, preParse = false } = {},
) {
  const handler = nodeHandler(proxy);
  let nextCalls = 0;
  const server = http.createServer(async (req, res) => {
    if (preParse && req.method === 'POST') {
      // What express.json() does before the proxy runs.
      let text = '';
      for await (const chunk of req) text += chunk;
      Object.assign(req, { body: JSON.parse(text) });
    }
    handler(
      req,
      res,
      withNext
        ? () => {
            nextCalls += 1;
            res.writeHead(200, { 'content-type': 'text/plain' }).end('next middleware');
          }
        : undefined,
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  /**
   * A raw request, so the path reaches the server exactly as written (fetch would resolve `..`).
   * @param {string} method @param {string} path @param {{ body?: string | Buffer, headers?: Record<string, string> }} [init]
   */
  function request(method, path, { body, headers = {} } = {}) {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: address.port,
          method,
          path,
          headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
  return {
    request:
      /** @type {(method: string, path: string, init?: { body?: string | Buffer, headers?: Record<string, string> }) => Promise<{ status: number, headers: http.IncomingHttpHeaders, text: string }>} */ (
        request
      ),
    nextCalls: () => nextCalls,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

describe('nodeHandler', () => {
  /** @type {Awaited<ReturnType<typeof serveNode>>} */
  let withNext;
  /** @type {Awaited<ReturnType<typeof serveNode>>} */
  let alone;
  before(async () => {
    withNext = await serveNode(proxyFor().proxy, { withNext: true });
    alone = await serveNode(proxyFor().proxy);
  });
  after(async () => {
    await withNext.close();
    await alone.close();
  });

  it('answers a kit route below the prefix through the proxy, body and headers included', async () => {
    const body = JSON.stringify(verifyBody('passkeyName'));
    const response = await withNext.request('POST', `/zitadel/v2/users/${ALICE}/passkeys/1`, {
      body,
      headers: { cookie: 'a=b' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.text, '{"ok":true}');
    assert.equal(response.headers['set-cookie'], undefined);
    const seen = onlySeen();
    assert.equal(seen.path, `/api/v2/users/${ALICE}/passkeys/1`);
    assert.equal(seen.query, '');
    assert.equal(seen.body, body);
    assert.equal(seen.headers.authorization, `Bearer ${SERVICE_TOKEN}`);
    assert.equal(seen.headers.cookie, undefined);
  });

  it('hands anything else to next(): other paths, other ZITADEL routes below the prefix', async () => {
    for (const [method, path] of /** @type {[string, string][]} */ ([
      ['GET', '/index.html'],
      ['GET', '/zitadelx/v2/users/1/passkeys'],
      ['GET', `/zitadel/v2/users/${ALICE}`],
      ['POST', '/zitadel/__mock/reset'],
    ])) {
      const response = await withNext.request(method, path);
      assert.equal(response.text, 'next middleware', `${method} ${path}`);
    }
    assert.equal(withNext.nextCalls(), 4);
    assert.equal(upstream.seen.length, 0);
  });

  it('answers 404 itself without next', async () => {
    const response = await alone.request('GET', '/index.html');
    assert.equal(response.status, 404);
    assert.equal(response.text, '{"code":5,"message":"Not Found"}');
  });

  it('answers 400 for "." and ".." segments below the prefix, which a URL would resolve away', async () => {
    for (const path of [
      `/zitadel/v2/users/${BOB}/../${ALICE}/passkeys/_search`,
      `/zitadel/v2/users/./passkeys/_search`,
      `/zitadel/v2/users/%2e%2E/passkeys/_search`,
    ]) {
      const response = await withNext.request('POST', path, { body: '{}' });
      assert.equal(response.status, 400, path);
      assert.equal(JSON.parse(response.text).code, 3);
    }
    assert.equal(withNext.nextCalls(), 4, 'not handed on');
    assert.equal(upstream.seen.length, 0);
  });

  it('answers 400 for a backslash, which a URL reads as "/", and for ".." that climbs into the prefix', async () => {
    const before = withNext.nextCalls();
    for (const path of [
      `/zitadel/v2/users/${BOB}\\..\\${ALICE}/passkeys/_search`,
      `/zitadel\\v2\\users\\${BOB}\\%2e%2e\\${ALICE}\\passkeys\\_search`,
      `/other\\..\\zitadel/v2/users/${ALICE}/passkeys/_search`,
      `/other/../zitadel/v2/users/${ALICE}/passkeys/_search`,
      `/zitadel/v2/users/${ALICE}\\passkeys/_search`,
    ]) {
      const response = await withNext.request('POST', path, { body: '{}' });
      assert.equal(response.status, 400, path);
      assert.equal(JSON.parse(response.text).code, 3);
    }
    assert.equal(withNext.nextCalls(), before, 'not handed on');
    assert.equal(upstream.seen.length, 0);
    // Not the proxy's: a backslash elsewhere goes on to next().
    await withNext.request('GET', '/assets\\app.js');
    assert.equal(withNext.nextCalls(), before + 1);
  });

  it('reads a path that starts with "//" as a path, not as a host: middleware at the prefix saw it as it is', async () => {
    const before = withNext.nextCalls();
    const response = await withNext.request('POST', `//x/zitadel/v2/users/${ALICE}/passkeys/_search`, {
      body: '{}',
    });
    assert.equal(response.text, 'next middleware');
    assert.equal(withNext.nextCalls(), before + 1);
    assert.equal(upstream.seen.length, 0);
  });

  it('answers 413 to a 1 MiB body without reading it all, and keeps serving', async () => {
    const response = await alone.request('POST', `/zitadel/v2/users/${ALICE}/passkeys/1`, {
      body: Buffer.alloc(1024 * 1024, 'a'),
    });
    assert.equal(response.status, 413);
    const again = await alone.request('GET', '/zitadel/nothing');
    assert.equal(again.status, 404);
    assert.equal(upstream.seen.length, 0);
  });

  it('takes a body a body parser has already read (express.json())', async () => {
    const parsed = await serveNode(proxyFor().proxy, { preParse: true });
    try {
      const body = JSON.stringify(verifyBody('passkeyName'));
      const response = await parsed.request('POST', `/zitadel/v2/users/${ALICE}/passkeys/1`, { body });
      assert.equal(response.status, 200);
      assert.equal(onlySeen().body, body);
    } finally {
      await parsed.close();
    }
  });
});

describe('proxy: the session user’s own token (sessionToken)', () => {
  it("starts the session user's passkey and security key with the service token, in one request each", async () => {
    const { call, lines } = proxyFor({ sessionUser: () => ALICE });
    for (const kind of ['passkeys', 'u2f']) {
      upstream.reset();
      const body = { domain: 'localhost' };
      const response = await call('POST', `/v2/users/${ALICE}/${kind}`, { body });
      assert.equal(response.status, 200, response.text);
      const seen = onlySeen();
      assert.equal(seen.headers.authorization, `Bearer ${SERVICE_TOKEN}`);
      assert.deepEqual(JSON.parse(seen.body), body, 'no code is added');
    }
    assert.deepEqual(lines, ['POST RegisterPasskey session 200', 'POST RegisterU2F session 200']);
  });

  it('sends every self-service request of the session user with their own token (sessionToken)', async () => {
    /** @type {Request[]} */
    const asked = [];
    const { call, lines } = proxyFor({
      sessionUser: () => ALICE,
      sessionToken: async (request) => {
        asked.push(request);
        return OWN_TOKEN;
      },
    });
    const selfService = proxyRoutes.filter(
      (route) => route.policy === 'self-service' || route.policy === 'code-start',
    );
    for (const { rpc } of selfService) {
      upstream.reset();
      const { method, path, body } = kitCall(rpc);
      const response = await call(method, path, { body });
      assert.equal(response.status, 200, `${rpc}: ${response.text}`);
      assert.equal(onlySeen().headers.authorization, `Bearer ${OWN_TOKEN}`, rpc);
    }
    assert.equal(asked.length, selfService.length);
    assert.deepEqual(
      lines,
      selfService.map(({ method, rpc }) => `${method} ${rpc} session-token 200`),
    );
    // Another user's, or a start with a code, or a verify: as before, the token is never asked for.
    upstream.reset();
    assertRefused(await call('POST', `/v2/users/${BOB}/u2f`, { body: {} }), 403, 7);
    await call('POST', `/v2/users/${ALICE}/passkeys`, { body: { code: CODE } });
    assert.equal(upstream.seen.at(-1)?.headers.authorization, `Bearer ${SERVICE_TOKEN}`);
    assert.equal(asked.length, selfService.length);
  });

  it('falls back to the service token when sessionToken gives none', async () => {
    const { call, lines } = proxyFor({ sessionUser: () => ALICE, sessionToken: () => undefined });
    await call('POST', `/v2/users/${ALICE}/u2f`, { body: {} });
    assert.equal(onlySeen().headers.authorization, `Bearer ${SERVICE_TOKEN}`);
    assert.deepEqual(lines, ['POST RegisterU2F session 200']);
  });

  it('answers 500 without quoting anything when sessionToken fails or gives no string', async () => {
    for (const sessionToken of [
      () => Promise.reject(new Error(`token ${OWN_TOKEN} expired`)),
      () => /** @type {any} */ (42),
    ]) {
      const { call } = proxyFor({ sessionUser: () => ALICE, sessionToken });
      const response = await call('POST', `/v2/users/${ALICE}/passkeys/_search`, { body: {} });
      assertRefused(response, 500, 13);
      assert.doesNotMatch(response.text, new RegExp(OWN_TOKEN));
    }
  });
});

describe('proxy in front of the real mock', () => {
  it('lets a tokenless RegisterPasskey with a code reach the mock with the service token', async () => {
    const server = await startMock();
    const front = await serveNode(
      createProxy({ upstream: server.origin, serviceToken: TOKENS.admin, prefix: '/zitadel' }),
    );
    try {
      const code = server.mock.createCode(ALICE);
      const response = await front.request('POST', `/zitadel/v2/users/${ALICE}/passkeys`, {
        body: JSON.stringify({ code: { id: code.id, code: code.code }, domain: 'localhost' }),
      });
      assert.equal(response.status, 200, response.text);
      assert.equal(typeof JSON.parse(response.text).passkeyId, 'string');
      const [logged] = server.mock.requests;
      assert.equal(logged?.rpc, 'RegisterPasskey');
      assert.equal(logged?.tokenOwner, 'admin');

      const refused = await front.request('POST', `/zitadel/v2/users/${ALICE}/passkeys`, {
        body: JSON.stringify({ domain: 'localhost' }),
      });
      assert.equal(refused.status, 401);
      assert.equal(server.mock.requests.length, 1, 'the refused start never reached the mock');
    } finally {
      await front.close();
      await server.close();
    }
  });
});

describe('proxy in front of the real mock: a signed-in user registers without a token in the browser', () => {
  /** @param {Partial<import('../../src/proxy.ts').ProxyOptions>} options */
  async function front(options) {
    const server = await startMock();
    const served = await serveNode(
      createProxy({
        upstream: server.origin,
        serviceToken: TOKENS.admin,
        prefix: '/zitadel',
        sessionUser: () => ALICE,
        ...options,
      }),
    );
    return {
      server,
      /** @param {string} path @param {unknown} body */
      post: async (path, body) => {
        const response = await served.request('POST', `/zitadel${path}`, { body: JSON.stringify(body) });
        return { status: response.status, text: response.text, json: JSON.parse(response.text) };
      },
      close: async () => {
        await served.close();
        await server.close();
      },
    };
  }

  it('registers a passkey with the service token alone: a user manager may start for the user', async () => {
    const { server, post, close } = await front({});
    try {
      const started = await post(`/v2/users/${ALICE}/passkeys`, { domain: '127.0.0.1' });
      assert.equal(started.status, 200, started.text);
      const credential = createCredential(started.json.publicKeyCredentialCreationOptions.publicKey, {
        origin: server.origin,
      });
      const verified = await post(`/v2/users/${ALICE}/passkeys/${started.json.passkeyId}`, {
        publicKeyCredential: credential,
        passkeyName: 'Laptop',
      });
      assert.equal(verified.status, 200, verified.text);
      assert.deepEqual(
        server.mock.requests.map(({ rpc, tokenOwner }) => `${rpc} ${tokenOwner}`),
        ['RegisterPasskey admin', 'VerifyPasskeyRegistration admin'],
      );
      assert.deepEqual(
        server.mock.state.users.find((user) => user.id === ALICE)?.authenticators.map((a) => a.name),
        ['Laptop'],
      );
    } finally {
      await close();
    }
  });

  it("registers a security key with the user's own token (sessionToken), and with the service token", async () => {
    const { server, post, close } = await front({ sessionToken: () => TOKENS.alice });
    try {
      const started = await post(`/v2/users/${ALICE}/u2f`, { domain: '127.0.0.1' });
      assert.equal(started.status, 200, started.text);
      const credential = createSecurityKeyCredential(
        started.json.publicKeyCredentialCreationOptions.publicKey,
        {
          origin: server.origin,
        },
      );
      const verified = await post(`/v2/users/${ALICE}/u2f/${started.json.u2fId}`, {
        publicKeyCredential: credential,
        tokenName: 'YubiKey',
      });
      assert.equal(verified.status, 200, verified.text);
      assert.deepEqual(
        server.mock.requests.map(({ rpc, tokenOwner }) => `${rpc} ${tokenOwner}`),
        ['RegisterU2F alice', 'VerifyU2FRegistration admin'],
      );
    } finally {
      await close();
    }
    const without = await front({});
    try {
      const started = await without.post(`/v2/users/${ALICE}/u2f`, { domain: '127.0.0.1' });
      assert.equal(started.status, 200, started.text);
      assert.deepEqual(
        without.server.mock.requests.map(({ rpc, tokenOwner }) => `${rpc} ${tokenOwner}`),
        ['RegisterU2F admin'],
      );
    } finally {
      await without.close();
    }
  });

  it('answers a verify for a user ZITADEL does not have as one for a user with nothing pending: ids cannot be probed', async () => {
    const server = await startMock();
    const lines = /** @type {string[]} */ ([]);
    const served = await serveNode(
      createProxy({
        upstream: server.origin,
        serviceToken: TOKENS.loginClient,
        prefix: '/zitadel',
        log: (line) => lines.push(line),
      }),
    );
    try {
      const body = JSON.stringify({ publicKeyCredential: { id: 'x' }, passkeyName: 'Key' });
      const answers = [];
      for (const user of [UNKNOWN_USER_ID, BOB]) {
        const response = await served.request(
          'POST',
          `/zitadel/v2/users/${user}/passkeys/310000000000000001`,
          {
            body,
          },
        );
        answers.push({ status: response.status, text: response.text });
      }
      const direct = [];
      for (const user of [UNKNOWN_USER_ID, BOB]) {
        const response = await fetch(`${server.origin}/v2/users/${user}/passkeys/310000000000000001`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKENS.loginClient}`, 'content-type': 'application/json' },
          body,
        });
        direct.push(response.status);
      }
      assert.deepEqual(direct, [404, 500], 'ZITADEL (the mock) tells them apart');
      assert.deepEqual(answers[0], answers[1]);
      assert.equal(answers[0]?.status, 404);
      assert.deepEqual(lines, [
        'POST VerifyPasskeyRegistration not-pending 404',
        'POST VerifyPasskeyRegistration not-pending 404',
      ]);
    } finally {
      await served.close();
      await server.close();
    }
  });

  it('is refused by the mock as by ZITADEL when another user without user.credential.write starts', async () => {
    const server = await startMock();
    try {
      for (const path of [`/v2/users/${ALICE}/passkeys`, `/v2/users/${ALICE}/u2f`]) {
        const response = await fetch(`${server.origin}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKENS.bob}`, 'content-type': 'application/json' },
          body: '{}',
        });
        assert.equal(response.status, 403);
        assert.match((await response.json()).message, /AUTH-AWfge/);
      }
    } finally {
      await server.close();
    }
  });
});

describe('proxy: any path', () => {
  const segment = fc.oneof(
    fc.constantFrom(
      'v2',
      'users',
      'passkeys',
      'u2f',
      'resources',
      'v3alpha',
      'webauthn',
      '_verify',
      '_search',
    ),
    fc.constantFrom(
      'registration_link',
      'management',
      'v1',
      'passwordless',
      '_link',
      'authentication_methods',
    ),
    fc.constantFrom('', '.', '..', '%2e', '%2F', '%5C', '%', '%zz', ALICE, 'a b', 'é', '?', '#'),
    // Literals spelled with an escape: upstream reads them as the literal.
    fc.constantFrom('registration%5Flink', '%5Fsearch', '%5Fverify', '%5flink', 'passkey%73', 'u2%66'),
    fc.string({ maxLength: 6 }),
  );
  const path = fc.array(segment, { minLength: 1, maxLength: 8 }).map((segments) => `/${segments.join('/')}`);

  it('forwards to exactly one kit route with the same segments, or answers 4xx without contacting upstream', async () => {
    /** @type {{ url: string, method: string }[]} */
    const sent = [];
    const lines = /** @type {string[]} */ ([]);
    const proxy = createProxy({
      upstream: 'https://zitadel.example/base',
      serviceToken: SERVICE_TOKEN,
      prefix: '/zitadel',
      log: (line) => lines.push(line),
      fetch: async (url, init) => {
        sent.push({ url: String(url), method: String(init?.method) });
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'), async (raw, method) => {
        sent.length = 0;
        lines.length = 0;
        let request;
        try {
          request = new Request(`http://app.example/zitadel${raw}`, {
            method,
            headers: { authorization: `Bearer ${OWN_TOKEN}`, 'content-type': 'application/json' },
            ...(method === 'GET' ? {} : { body: '{}' }),
          });
        } catch {
          return; // not a URL at all
        }
        const response = await proxy(request);
        if (sent.length === 0) {
          assert.ok(response.status >= 400 && response.status < 500, `${method} ${raw} → ${response.status}`);
          return;
        }
        assert.equal(sent.length, 1);
        const forwarded = new URL(/** @type {{ url: string }} */ (sent[0]).url);
        const asked = new URL(request.url);
        const decode = (/** @type {string} */ p) => p.split('/').map(decodeURIComponent);
        assert.deepEqual(decode(forwarded.pathname), ['', 'base', ...decode(asked.pathname).slice(2)]);
        assert.equal(forwarded.search, asked.search);
        const rpc = lines[0]?.split(' ')[1];
        const routes = proxyRoutes.filter((route) => route.rpc === rpc && route.method === method);
        assert.equal(routes.length, 1, `${method} ${raw} → ${rpc}`);
        const pattern = /** @type {import('../../src/proxy.ts').ProxyRoute} */ (routes[0]).pattern.split('/');
        const segments = forwarded.pathname.split('/').slice(2);
        assert.equal(segments.length, pattern.length - 1);
        pattern.slice(1).forEach((expected, index) => {
          if (!expected.startsWith('{')) assert.equal(segments[index], expected);
          else assert.ok(!['', '.', '..'].includes(decodeURIComponent(segments[index] ?? '')));
        });
        // No other route of the method has a literal where this one has the id upstream reads.
        for (const other of proxyRoutes) {
          const literals = other.pattern.split('/').slice(1);
          if (other === routes[0] || other.method !== method || literals.length !== segments.length) continue;
          const fits = literals.every(
            (part, index) => part.startsWith('{') || decodeURIComponent(segments[index] ?? '') === part,
          );
          assert.ok(!fits, `${method} ${raw} reaches ${other.rpc} upstream`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * The ZITADEL adapters' requests and answers on the wire, through a page-supplied fetch: each request is
 * the one ZITADEL's protos describe (`@zitadel/proto` 1.3.1: route, body binding, field and query names),
 * and each answer is read as the proto shapes it.
 */
import { expect } from '@open-wc/testing';
import type { AuthenticatorPreference, RegistrationKind } from '../../src/backends/types.js';
import { zitadelV1 } from '../../src/backends/zitadel-v1.js';
import { zitadelV2 } from '../../src/backends/zitadel-v2.js';
import { zitadelV3alpha } from '../../src/backends/zitadel-v3alpha.js';
import { RegistrationError } from '../../src/core/errors.js';

interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

let sent: Sent[] = [];
const realFetch = window.fetch;

/** Replaces fetch: records each request, answers with `respond(path)`. */
function serve(respond: (path: string) => Response | unknown) {
  sent = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    sent.push({
      method: init.method ?? 'GET',
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
    });
    const answer = respond(url.pathname);
    return answer instanceof Response ? answer : Response.json(answer);
  };
}

async function rejection(promise: Promise<unknown> | undefined): Promise<RegistrationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(RegistrationError);
    return error as RegistrationError;
  }
  throw new Error('expected the promise to reject');
}

const signal = () => new AbortController().signal;
const BASE = 'https://id.example.com';

afterEach(() => {
  window.fetch = realFetch;
});

describe('v2 lists security keys with ListAuthenticationFactors', () => {
  const PASSKEYS = {
    result: [{ id: 'pk-1', state: 'AUTH_FACTOR_STATE_READY', name: 'Laptop' }],
  };
  const FACTORS = {
    result: [
      { state: 'AUTH_FACTOR_STATE_READY', u2f: { id: 'key-1', name: 'YubiKey' } },
      { state: 'AUTH_FACTOR_STATE_READY', otp: {} },
      { state: 'AUTH_FACTOR_STATE_NOT_READY', u2f: { id: 'key-2' } },
    ],
  };

  it('asks for READY U2F factors in repeated query parameters, with no body, next to ListPasskeys', async () => {
    serve((path) => (path.endsWith('/passkeys/_search') ? PASSKEYS : FACTORS));
    await zitadelV2({ baseUrl: BASE, token: 't' }).listAuthenticators!({ userId: '100' }, signal());
    expect(sent.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).to.have.members([
      'POST /v2/users/100/passkeys/_search',
      'POST /v2/users/100/authentication_factors/_search?authFactors=U2F&states=AUTH_FACTOR_STATE_READY',
    ]);
    const factors = sent.find((r) => r.url.pathname.includes('authentication_factors'))!;
    // The http rule is `body: ""`: grpc-gateway reads no body, so none is sent.
    expect(factors.body).to.equal(undefined);
    expect(factors.headers.has('content-type')).to.equal(false);
    expect(sent.find((r) => r.url.pathname.endsWith('/passkeys/_search'))!.body).to.equal('{}');
  });

  it('lists each u2f factor as a security key with its id, name and state; unlisted is empty', async () => {
    serve((path) => (path.endsWith('/passkeys/_search') ? PASSKEYS : FACTORS));
    const list = await zitadelV2({ token: 't' }).listAuthenticators!({ userId: '100' }, signal());
    expect(list).to.deep.equal({
      authenticators: [
        { id: 'pk-1', kind: 'passkey', name: 'Laptop', state: 'ready' },
        { id: 'key-1', kind: 'u2f', name: 'YubiKey', state: 'ready' },
        { id: 'key-2', kind: 'u2f', name: '', state: 'not-ready' },
      ],
      unlisted: [],
    });
  });

  it('reads empty answers (proto3 JSON leaves empty lists out) as an empty list', async () => {
    serve(() => ({}));
    const list = await zitadelV2({ token: 't' }).listAuthenticators!({ userId: '100' }, signal());
    expect(list).to.deep.equal({ authenticators: [], unlisted: [] });
    expect(sent.map((r) => r.url.pathname)).not.to.include('/v2/users/100/authentication_methods');
  });

  for (const [label, factors] of [
    ['a result that is not a list', { result: {} }],
    ['a factor that is not an object', { result: ['key'] }],
    ['a u2f that is not an object', { result: [{ u2f: 'key-1' }] }],
    ['a u2f without an id', { result: [{ u2f: { name: 'Key' } }] }],
  ] as const) {
    it(`answers bad-response for ${label}`, async () => {
      serve((path) => (path.endsWith('/passkeys/_search') ? {} : factors));
      const error = await rejection(zitadelV2({ token: 't' }).listAuthenticators!({ userId: '1' }, signal()));
      expect(error.code).to.equal('bad-response');
    });
  }

  it('removes a security key with RemoveU2F, a passkey with RemovePasskey', async () => {
    serve(() => ({ details: { sequence: '3' } }));
    const backend = zitadelV2({ token: 't' });
    const removed = await backend.removeAuthenticator!({ userId: '100', id: 'key-1', kind: 'u2f' }, signal());
    await backend.removeAuthenticator!({ userId: '100', id: 'pk-1', kind: 'passkey' }, signal());
    expect(removed).to.deep.equal({ details: { sequence: '3' } });
    expect(sent.map((r) => `${r.method} ${r.url.pathname} ${r.body ?? 'no body'}`)).to.deep.equal([
      'DELETE /v2/users/100/u2f/key-1 no body',
      'DELETE /v2/users/100/passkeys/pk-1 no body',
    ]);
  });
});

describe('501 / UNIMPLEMENTED is unsupported, naming the API', () => {
  const unimplemented = () =>
    new Response(JSON.stringify({ code: 12, message: 'method StartWebAuthNRegistration not implemented' }), {
      status: 501,
    });

  for (const [factory, label] of [
    [zitadelV3alpha, 'ZITADEL v3alpha'],
    [zitadelV2, 'ZITADEL v2'],
  ] as const) {
    it(`${label}: a 501 on start is unsupported with api "${label}"`, async () => {
      serve(unimplemented);
      const error = await rejection(
        factory({ token: 't' }).startRegistration!(
          { kind: 'passkey', userId: '1', domain: 'localhost', authenticator: '' },
          signal(),
        ),
      );
      expect([error.code, error.api, error.status, error.grpcCode]).to.deep.equal([
        'unsupported',
        label,
        501,
        12,
      ]);
    });
  }

  it('ZITADEL management v1: a 501 on a link is unsupported with its label', async () => {
    serve(unimplemented);
    const error = await rejection(
      zitadelV1({ token: 't' }).createLink!({ userId: '1', delivery: 'return' }, signal()),
    );
    expect([error.code, error.api]).to.deep.equal(['unsupported', 'ZITADEL management v1']);
  });

  it("a 405 with gRPC code 12 (the gateway's wrong method) is unsupported too", async () => {
    serve(() => new Response('{"code":12,"message":"Method Not Allowed"}', { status: 405 }));
    const error = await rejection(
      zitadelV3alpha({ token: 't' }).listAuthenticators!({ userId: '1' }, signal()),
    );
    expect([error.code, error.api]).to.deep.equal(['unsupported', 'ZITADEL v3alpha']);
  });

  it('other errors carry no api', async () => {
    serve(() => new Response('{"code":13,"message":"x"}', { status: 500 }));
    const error = await rejection(
      zitadelV3alpha({ token: 't' }).listAuthenticators!({ userId: '1' }, signal()),
    );
    expect([error.code, error.api]).to.deep.equal(['server', undefined]);
  });
});

describe('v1 SendPasswordlessRegistration has no URL template', () => {
  it('refuses email with a template, with invalid-input, before any request', async () => {
    serve(() => ({}));
    const error = await rejection(
      zitadelV1({ token: 't' }).createLink!(
        { userId: '1', delivery: 'email', urlTemplate: 'https://app.example.com/r?code={{.Code}}' },
        signal(),
      ),
    );
    expect(error.code).to.equal('invalid-input');
    expect(error.message).to.match(/default registration link.*v2/);
    expect(sent).to.deep.equal([]);
  });

  it('sends email without a template, and asks AddPasswordlessRegistration with an empty JSON object (its rule binds none; a proxy takes only JSON)', async () => {
    serve((path) =>
      path.endsWith('/_link') ? { link: 'https://id.example.com/ui/login/x', expiration: '60s' } : {},
    );
    const backend = zitadelV1({ baseUrl: BASE, token: 't', orgId: 'org-1' });
    await backend.createLink!({ userId: '1', delivery: 'email' }, signal());
    await backend.createLink!({ userId: '1', delivery: 'return' }, signal());
    expect(sent.map((r) => `${r.method} ${r.url.pathname} ${r.body ?? 'no body'}`)).to.deep.equal([
      'POST /management/v1/users/1/passwordless/_send_link {}',
      'POST /management/v1/users/1/passwordless/_link {}',
    ]);
    expect(sent.map((r) => r.headers.get('x-zitadel-orgid'))).to.deep.equal(['org-1', 'org-1']);
  });
});

describe('v3alpha GetUser takes no organization', () => {
  it('lists with instance.domain only; start, verify and remove still carry the organization', async () => {
    serve((path) =>
      path.endsWith('/webauthn')
        ? { webAuthNId: 'w-1', publicKeyCredentialCreationOptions: {} }
        : path === '/resources/v3alpha/users/1'
          ? { user: {} }
          : {},
    );
    const backend = zitadelV3alpha({ token: 't', orgId: 'org-1', instanceDomain: 'id.example.com' });
    await backend.listAuthenticators!({ userId: '1' }, signal());
    await backend.startRegistration!({ kind: 'u2f', userId: '1', domain: 'x', authenticator: '' }, signal());
    await backend.removeAuthenticator!({ userId: '1', id: 'w-1', kind: 'u2f' }, signal());
    expect(sent.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).to.deep.equal([
      'GET /resources/v3alpha/users/1?instance.domain=id.example.com',
      'POST /resources/v3alpha/users/1/webauthn?instance.domain=id.example.com&organization.orgId=org-1',
      'DELETE /resources/v3alpha/users/1/webauthn/w-1?instance.domain=id.example.com&organization.orgId=org-1',
    ]);
  });

  it('reads GetUserResponse as the proto shapes it: user.details.id, user.authenticators.webAuthN', async () => {
    serve(() => ({
      user: {
        details: { id: '1', owner: { type: 'OWNER_TYPE_ORG', id: 'org-1' } },
        state: 'USER_STATE_ACTIVE',
        authenticators: {
          usernames: [{ usernameId: 'u', username: 'alice' }],
          webAuthN: [
            { webAuthNId: 'w-1', name: 'Laptop', isVerified: true, userVerified: true },
            { webAuthNId: 'w-2', name: 'Key', isVerified: true },
            { webAuthNId: 'w-3' },
          ],
        },
      },
    }));
    const list = await zitadelV3alpha({ token: 't' }).listAuthenticators!({ userId: '1' }, signal());
    expect(list).to.deep.equal({
      authenticators: [
        { id: 'w-1', kind: 'passkey', name: 'Laptop', state: 'ready' },
        { id: 'w-2', kind: 'u2f', name: 'Key', state: 'ready' },
        { id: 'w-3', kind: 'u2f', name: '', state: 'not-ready' },
      ],
      unlisted: [],
    });
  });
});

describe('enum values are read through own properties only', () => {
  const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  for (const [api, factory] of [
    ['v2', zitadelV2],
    ['v3alpha', zitadelV3alpha],
  ] as const) {
    for (const name of INHERITED) {
      it(`${api}: authenticator="${name}" is invalid-input before any request`, async () => {
        serve(() => ({}));
        const error = await rejection(
          factory({ token: 't' }).startRegistration!(
            { kind: 'passkey', userId: '1', domain: 'x', authenticator: name as AuthenticatorPreference },
            signal(),
          ),
        );
        expect(error.code).to.equal('invalid-input');
        expect(error.message).to.contain(JSON.stringify(name));
        expect(sent).to.deep.equal([]);
      });

      it(`${api}: kind "${name}" is invalid-input before any request, in start, verify and remove`, async () => {
        serve(() => ({}));
        const backend = factory({ token: 't' });
        const kind = name as RegistrationKind;
        for (const call of [
          backend.startRegistration!({ kind, userId: '1', domain: 'x', authenticator: '' }, signal()),
          backend.removeAuthenticator!({ kind, userId: '1', id: '2' }, signal()),
          backend.verifyRegistration!(
            { kind, userId: '1', id: '2', name: 'n', credential: {} as never },
            signal(),
          ),
        ]) {
          expect((await rejection(call)).code).to.equal('invalid-input');
        }
        expect(sent).to.deep.equal([]);
      });
    }

    it(`${api}: each real choice is sent by its proto name`, async () => {
      serve(() => ({ passkeyId: 'p', webAuthNId: 'w', publicKeyCredentialCreationOptions: {} }));
      const backend = factory({ token: 't' });
      for (const authenticator of ['', 'platform', 'cross-platform'] as const) {
        await backend.startRegistration!(
          { kind: 'passkey', userId: '1', domain: 'x', authenticator },
          signal(),
        );
      }
      const field = api === 'v2' ? 'authenticator' : 'authenticatorType';
      const prefix = api === 'v2' ? 'PASSKEY_AUTHENTICATOR' : 'WEB_AUTH_N_AUTHENTICATOR';
      expect(sent.map((r) => (JSON.parse(r.body!) as Record<string, unknown>)[field])).to.deep.equal([
        undefined,
        `${prefix}_PLATFORM`,
        `${prefix}_CROSS_PLATFORM`,
      ]);
    });
  }
});

/**
 * No redirect is followed (issue 15, item 2). A followed 307 re-sends the request as it was: the token
 * to another user's path on the same origin, a one-time code to a foreign origin. Every request of the
 * kit is sent with `redirect: 'manual'`; a 3xx is `bad-response`, and nothing reaches the target.
 *
 * The redirecting server is `test/support/redirects.mjs`, mounted in the test server: as `base-url`,
 * `/__redirect/{status}/{target}` answers every request below it with that status and `Location: target`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { PasskeyRegisterElement } from '../../src/index.js';
import { zitadelV2 } from '../../src/backends/zitadel-v2.js';
import { RegistrationError } from '../../src/core/errors.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { engine } from '../support/engine.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

/** Another origin on the same test server (and the same mock): 127.0.0.1 instead of localhost. */
const OTHER_ORIGIN = `http://127.0.0.1:${location.port}`;

function redirectingBase(status: number, target: string): string {
  const encoded = btoa(target).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `/__redirect/${status}/${encoded}`;
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

const credential = {
  id: 'AQID',
  rawId: 'AQID',
  type: 'public-key' as const,
  response: { clientDataJSON: 'e30', attestationObject: 'AA' },
  clientExtensionResults: {},
};

describe('redirects', () => {
  beforeEach(() => mockApi.reset());

  it("a same-origin 307 does not carry alice's token to bob's passkeys: bad-response, nothing re-sent", async () => {
    const backend = zitadelV2({
      baseUrl: redirectingBase(307, `/v2/users/${USERS.bob.id}/passkeys/pending-1`),
      token: TOKENS.alice,
    });
    const error = await rejection(
      backend.verifyRegistration!(
        { kind: 'passkey', userId: USERS.alice.id, id: 'pending-1', name: 'Laptop', credential },
        new AbortController().signal,
      ),
    );
    expect(error.code).to.equal('bad-response');
    expect(error.message).to.contain('redirect');
    expect(await mockApi.requests()).to.deep.equal([]);
  });

  it('a cross-origin 307 does not re-post the one-time code to the other origin', async () => {
    const { id, code } = await mockApi.createCode(USERS.alice.id);
    const backend = zitadelV2({
      baseUrl: redirectingBase(307, `${OTHER_ORIGIN}/v2/users/${USERS.alice.id}/passkeys`),
      token: TOKENS.admin,
    });
    const error = await rejection(
      backend.startRegistration!(
        {
          kind: 'passkey',
          userId: USERS.alice.id,
          domain: 'localhost',
          authenticator: '',
          code: { id, code },
        },
        new AbortController().signal,
      ),
    );
    expect(error.code).to.equal('bad-response');
    expect(await mockApi.requests()).to.deep.equal([]);
    expect((await mockApi.state()).codes.find((c) => c.id === id)?.used).to.equal(false);
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} on a delete is bad-response and the target is never asked`, async () => {
      const backend = zitadelV2({
        baseUrl: redirectingBase(status, `/v2/users/${USERS.alice.id}`),
        token: TOKENS.alice,
      });
      const error = await rejection(
        backend.removeAuthenticator!(
          { userId: USERS.alice.id, id: 'passkey-1', kind: 'passkey' },
          new AbortController().signal,
        ),
      );
      expect(error.code).to.equal('bad-response');
      expect(await mockApi.requests()).to.deep.equal([]);
    });
  }

  it('a 3xx answer that fetch hands back (a stub, a service worker) is bad-response with its status', async () => {
    const realFetch = window.fetch;
    window.fetch = async () => new Response(null, { status: 307, headers: { location: '/elsewhere' } });
    try {
      const error = await rejection(
        zitadelV2({ token: 't' }).listAuthenticators!({ userId: '1' }, new AbortController().signal),
      );
      expect(error.code).to.equal('bad-response');
      expect(error.status).to.equal(307);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('<passkey-register> reports bad-response when the server redirects its start', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register
        user-id=${USERS.alice.id}
        base-url=${redirectingBase(307, `/v2/users/${USERS.bob.id}/passkeys`)}
      ></passkey-register>`,
    );
    element.token = TOKENS.alice;
    const { detail } = await new RegistrationHarness(element).clickAndWait('registration-error');
    // Without Web Authentication (WebKitGTK) the element stops before any request, with `unsupported`;
    // the client's refusal of redirects is tested above in every engine.
    expect(detail.code).to.equal(engine.hasWebAuthn ? 'bad-response' : 'unsupported');
    expect(await mockApi.requests()).to.deep.equal([]);
  });
});

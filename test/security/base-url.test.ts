/**
 * `base-url` (issue 15, item 3): only `''` (this origin), a path on this origin (`/zitadel`) or an
 * absolute http(s) URL with an optional path prefix. Anything else ends in `invalid-input` before any
 * request, with a message that says what is wrong and never repeats the value (it may hold a password).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createHttpClient } from '../../src/backends/http.js';
import { zitadelV2 } from '../../src/backends/zitadel-v2.js';
import { RegistrationError } from '../../src/core/errors.js';

/** Runs one request over a fetch that records the URL it was given. */
async function requestWith(baseUrl: string) {
  const realFetch = window.fetch;
  const urls: string[] = [];
  window.fetch = async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return Response.json({});
  };
  try {
    const outcome = await createHttpClient({ baseUrl, token: 't' })
      .request({ method: 'POST', path: '/v2/users/1/passkeys', body: {} })
      .then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    return { urls, outcome };
  } finally {
    window.fetch = realFetch;
  }
}

const ACCEPTED: [string, string][] = [
  ['', `${location.origin}/v2/users/1/passkeys`],
  ['/zitadel', `${location.origin}/zitadel/v2/users/1/passkeys`],
  ['/zitadel/', `${location.origin}/zitadel/v2/users/1/passkeys`],
  ['/', `${location.origin}/v2/users/1/passkeys`],
  ['https://id.example.com', 'https://id.example.com/v2/users/1/passkeys'],
  ['https://id.example.com/', 'https://id.example.com/v2/users/1/passkeys'],
  [
    'HTTPS://ID.example.com:8443/proxy/zitadel',
    'https://id.example.com:8443/proxy/zitadel/v2/users/1/passkeys',
  ],
  ['http://localhost:8080', 'http://localhost:8080/v2/users/1/passkeys'],
  ['https://id.example.com/a@b', 'https://id.example.com/a@b/v2/users/1/passkeys'],
];

/** [base-url, what the message must say] */
const REFUSED: [string, RegExp][] = [
  ['javascript:alert(1)', /http: or https:/],
  ['data:text/plain,x', /http: or https:/],
  ['blob:https://id.example.com/0a1b', /http: or https:/],
  ['file:///etc/passwd', /http: or https:/],
  ['ftp://id.example.com', /http: or https:/],
  ['id.example.com', /http: or https:/],
  ['zitadel', /path starting with "\/"/],
  ['localhost:8080', /http: or https:/],
  ['https:id.example.com', /http: or https:/],
  ['https:/id.example.com', /http: or https:/],
  ['//evil.example', /"\/\/"/],
  ['/\\evil.example', /backslash/],
  ['https:\\\\evil.example', /backslash/],
  ['/\t/evil.example', /control characters/],
  [' https://id.example.com', /spaces/],
  ['https://id.example.com\n', /control characters/],
  ['https://user:hunter2@id.example.com', /credentials/],
  ['https://user@id.example.com', /credentials/],
  ['https://@id.example.com', /credentials/],
  ['https://id.example.com/?tenant=1', /query/],
  ['https://id.example.com?', /query/],
  ['/zitadel?x', /query/],
  ['https://id.example.com/#top', /fragment/],
  ['/zitadel#', /fragment/],
  ['https://id.example.com/zitadel/..', /"\." or "\.\."/],
  ['/zitadel/../admin', /"\." or "\.\."/],
  ['/zitadel/%2e%2E/admin', /"\." or "\.\."/],
  ['/./zitadel', /"\." or "\.\."/],
  ['https://', /not a valid URL/],
  ['https://exa mple.com', /spaces/],
];

describe('base-url', () => {
  for (const [baseUrl, url] of ACCEPTED) {
    it(`accepts ${JSON.stringify(baseUrl)} and sends to ${url}`, async () => {
      const { urls, outcome } = await requestWith(baseUrl);
      expect(outcome).to.deep.equal({ ok: true });
      expect(urls.map((u) => new URL(u, location.href).href)).to.deep.equal([url]);
    });
  }

  for (const [baseUrl, message] of REFUSED) {
    it(`refuses ${JSON.stringify(baseUrl)} with invalid-input before any request`, async () => {
      const { urls, outcome } = await requestWith(baseUrl);
      expect(urls).to.deep.equal([]);
      expect(outcome.ok).to.equal(false);
      const { error } = outcome as { error: RegistrationError };
      expect(error).to.be.instanceOf(RegistrationError);
      expect(error.code).to.equal('invalid-input');
      expect(error.message).to.match(message);
    });
  }

  it('never repeats credentials in the message', async () => {
    const { outcome } = await requestWith('https://admin:s3cret-pass@id.example.com/zitadel');
    const { error } = outcome as { error: RegistrationError };
    expect(error.message).not.to.contain('s3cret-pass');
    expect(error.message).not.to.contain('admin');
  });

  it('is refused in every adapter method, so the elements get it too', async () => {
    const backend = zitadelV2({ baseUrl: 'javascript:alert(1)', token: 't' });
    const signal = new AbortController().signal;
    const calls = [
      backend.startRegistration!({ kind: 'passkey', userId: '1', domain: 'x', authenticator: '' }, signal),
      backend.createLink!({ userId: '1', delivery: 'return' }, signal),
      backend.listAuthenticators!({ userId: '1' }, signal),
      backend.removeAuthenticator!({ userId: '1', id: '2', kind: 'u2f' }, signal),
    ];
    for (const result of await Promise.allSettled(calls)) {
      expect(result.status).to.equal('rejected');
      expect((result as PromiseRejectedResult).reason).to.have.property('code', 'invalid-input');
    }
  });

  it('property: any base-url is refused before any request, or sends to its origin below its path', async () => {
    const anyBase = fc.oneof(
      fc.string(),
      fc.webUrl({
        withQueryParameters: true,
        withFragments: true,
        authoritySettings: { withUserInfo: true },
      }),
      fc.webUrl(),
      fc
        .tuple(
          fc.constantFrom('', '/', '//', 'https://', 'http://', 'HTTPS://', 'javascript:', 'data:', ' '),
          fc.constantFrom('', 'id.example.com', 'u:p@h', 'h:1', '\\h', '\th'),
          fc.array(fc.constantFrom('/', 'a', '.', '..', '%2e', '?', '#', '@', ':', '\\', '\n'), {
            maxLength: 5,
          }),
        )
        .map(([scheme, host, rest]) => `${scheme}${host}${rest.join('')}`),
    );
    await fc.assert(
      fc.asyncProperty(anyBase, async (baseUrl) => {
        const { urls, outcome } = await requestWith(baseUrl);
        if (!outcome.ok) {
          expect(urls).to.deep.equal([]);
          expect(outcome.error).to.be.instanceOf(RegistrationError);
          expect((outcome.error as RegistrationError).code).to.equal('invalid-input');
          return;
        }
        const sent = new URL(urls[0]!, location.href);
        // What the page meant: this origin for '' and a path, else the URL's own origin; its path as prefix.
        const meant = new URL(baseUrl || '/', location.href);
        expect(sent.protocol).to.be.oneOf(['http:', 'https:']);
        expect(sent.origin).to.equal(meant.origin);
        expect(sent.username + sent.password).to.equal('');
        expect(sent.search + sent.hash).to.equal('');
        expect(sent.pathname).to.equal(`${meant.pathname.replace(/\/+$/, '')}/v2/users/1/passkeys`);
      }),
      { numRuns: 1000 },
    );
  });
});

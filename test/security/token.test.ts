import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/registration-link-admin.js';
import '../../src/authenticator-list.js';
import type {
  AuthenticatorListElement,
  PasskeyRegisterElement,
  RegistrationLinkAdminElement,
  U2fRegisterElement,
} from '../../src/index.js';
import type { TokenSource } from '../../src/backends/types.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator } from '../support/authenticator.js';
import { LinkAdminHarness, ListHarness, RegistrationHarness, harnessFor } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

/**
 * The API lives on another origin than the page: the test server answers on 127.0.0.1 too, and the mock
 * answers CORS as ZITADEL does. So "only to base-url's origin" can be told apart from "to the page".
 */
const API_ORIGIN = `http://127.0.0.1:${location.port}`;

/** Records every fetch the page makes (URL and Authorization header), and passes it on. */
function recordFetches() {
  const calls: { url: string; authorization: string | null }[] = [];
  const realFetch = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push({ url: request.url, authorization: request.headers.get('authorization') });
    return realFetch(input, init);
  };
  return { calls, restore: () => (window.fetch = realFetch) };
}

/** Records every network request the page makes, whatever made it (fetch, script, image, beacon). */
function recordResources() {
  const urls: string[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) urls.push(entry.name);
  });
  observer.observe({ type: 'resource' });
  return {
    urls,
    stop() {
      for (const entry of observer.takeRecords()) urls.push(entry.name);
      observer.disconnect();
    },
  };
}

/** Records everything written to the console. */
function recordConsole() {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((method) => console[method]);
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    };
  }
  return {
    lines,
    restore: () => methods.forEach((method, index) => (console[method] = saved[index]!)),
  };
}

const KIT_EVENTS = [
  'registration-start',
  'registration-success',
  'registration-error',
  'link-created',
  'link-error',
  'authenticator-removed',
  'list-error',
] as const;

const listItems = (list: AuthenticatorListElement) => new ListHarness(list).items;
const listPart = (list: AuthenticatorListElement, part: string) =>
  new ListHarness(list).required<HTMLButtonElement>(part);

describe('the token', () => {
  useVirtualAuthenticator();
  const SECRET = TOKENS.alice;

  beforeEach(async () => {
    await mockApi.reset();
  });

  for (const [label, as] of [
    ['a string', (token: string): TokenSource => token],
    [
      'a function',
      (token: string): TokenSource =>
        async () =>
          token,
    ],
  ] as const) {
    it(`given as ${label} to all four elements, goes only in the Authorization header to base-url's origin`, async () => {
      const fetches = recordFetches();
      const resources = recordResources();
      const output = recordConsole();
      const details: unknown[] = [];
      const secrets = [SECRET, TOKENS.admin];
      let section: HTMLElement;
      try {
        section = await fixture<HTMLElement>(
          html`<section>
            <passkey-register
              user-id=${USERS.alice.id}
              base-url=${`${API_ORIGIN}/`}
              .token=${as(SECRET)}
            ></passkey-register>
            <u2f-register
              user-id=${USERS.alice.id}
              base-url=${API_ORIGIN}
              .token=${as(SECRET)}
            ></u2f-register>
            <authenticator-list
              user-id=${USERS.alice.id}
              base-url=${API_ORIGIN}
              .token=${as(SECRET)}
            ></authenticator-list>
            <registration-link-admin
              user-id=${USERS.bob.id}
              base-url=${API_ORIGIN}
              link-template="https://app.example.com/register?codeID={{.CodeID}}&code={{.Code}}"
              .token=${as(TOKENS.admin)}
            ></registration-link-admin>
          </section>`,
        );
        for (const type of KIT_EVENTS) section.addEventListener(type, (event) => details.push(event.detail));
        const passkey = section.querySelector('passkey-register') as PasskeyRegisterElement;
        const u2f = section.querySelector('u2f-register') as U2fRegisterElement;
        const list = section.querySelector('authenticator-list') as AuthenticatorListElement;
        const admin = section.querySelector('registration-link-admin') as RegistrationLinkAdminElement;

        // Every element does its work against the other origin: register, list, delete, create a link.
        await new RegistrationHarness(passkey).clickAndWait('registration-success');
        await new RegistrationHarness(u2f).clickAndWait('registration-success');
        await waitUntil(() => listItems(list).length === 1, 'the list shows the passkey', { timeout: 5000 });
        listPart(list, 'delete-button').click();
        await list.updateComplete;
        const removed = oneEvent(list, 'authenticator-removed');
        listPart(list, 'confirm-button').click();
        await removed;
        await new LinkAdminHarness(admin).submitAndWait('link-created');

        // Error paths too: the token must not leak into an error either.
        await mockApi.fault({ rpc: 'RegisterPasskey', status: 401 });
        await new RegistrationHarness(passkey).clickAndWait('registration-error');
        await mockApi.fault({ rpc: 'CreatePasskeyRegistrationLink', status: 401 });
        await new LinkAdminHarness(admin).submitAndWait('link-error');
        await mockApi.fault({ rpc: 'ListPasskeys', status: 401 });
        const listFailed = oneEvent(list, 'list-error');
        await list.refresh().catch(() => undefined);
        await listFailed;

        for (const element of [passkey, u2f, list, admin]) {
          const attributes = element.getAttributeNames().map((name) => element.getAttribute(name));
          for (const secret of secrets) {
            expect(attributes.join(' ')).not.to.contain(secret);
            expect(harnessFor(element).markup).not.to.contain(secret);
          }
        }
        for (const secret of secrets) {
          expect(document.documentElement.outerHTML).not.to.contain(secret);
          expect(location.href).not.to.contain(secret);
          expect(JSON.stringify(details)).not.to.contain(secret);
        }
      } finally {
        fetches.restore();
        resources.stop();
        output.restore();
      }
      for (const secret of secrets) expect(output.lines.join('\n')).not.to.contain(secret);

      // What the page sent, seen from the page: the token only in the Authorization header, only to API_ORIGIN.
      const bearers = secrets.map((secret) => `Bearer ${secret}`);
      const toApi = fetches.calls.filter((call) => new URL(call.url).origin === API_ORIGIN);
      for (const call of fetches.calls) {
        for (const secret of secrets) expect(call.url).not.to.contain(secret);
        if (new URL(call.url).origin === API_ORIGIN) {
          expect(bearers, call.url).to.include(call.authorization);
        } else {
          expect(call.authorization, `no token to ${call.url}`).to.equal(null);
          expect(new URL(call.url).pathname, 'no API call to the page').not.to.match(
            /^\/(v2|management|resources)\//,
          );
        }
      }
      // Every request the page made at all (not only fetches): none to the API on the page's origin,
      // none with a token in its URL, and every one to API_ORIGIN is a fetch recorded above.
      for (const url of resources.urls) {
        for (const secret of secrets) expect(url).not.to.contain(secret);
        if (new URL(url).origin === location.origin) {
          expect(new URL(url).pathname, url).not.to.match(/^\/(v2|management|resources)\//);
        }
      }
      const fetched = toApi.map((call) => call.url);
      const resourcesToApi = resources.urls.filter((url) => new URL(url).origin === API_ORIGIN);
      expect(resourcesToApi).not.to.be.empty;
      // (A fetch aborted by a newer list refresh leaves no resource entry, so there may be fewer.)
      for (const url of resourcesToApi) expect(fetched, url).to.include(url);

      // What the server received: every API request came to API_ORIGIN's host, with the right token.
      const received = await mockApi.requests();
      const fetchedPaths = fetched.map((url) => new URL(url).pathname);
      for (const request of received) {
        expect(fetchedPaths, 'a request the page made through fetch').to.include(request.path);
        expect(request.headers.host, `${request.rpc} came to the API origin`).to.equal(
          new URL(API_ORIGIN).host,
        );
        expect(request.tokenOwner, String(request.rpc)).to.equal(
          request.rpc === 'CreatePasskeyRegistrationLink' ? 'admin' : 'alice',
        );
      }
      expect(new Set(received.map((request) => request.rpc))).to.have.keys([
        'RegisterPasskey',
        'VerifyPasskeyRegistration',
        'RegisterU2F',
        'VerifyU2FRegistration',
        'ListPasskeys',
        'ListAuthenticationFactors',
        'RemovePasskey',
        'CreatePasskeyRegistrationLink',
      ]);
    });
  }

  it('of an administrator never reaches the link, the event or the DOM', async () => {
    const element = await fixture<RegistrationLinkAdminElement>(
      html`<registration-link-admin
        user-id=${USERS.bob.id}
        link-template="https://app.example.com/register?codeID={{.CodeID}}&code={{.Code}}"
      ></registration-link-admin>`,
    );
    element.token = TOKENS.admin;
    const harness = new LinkAdminHarness(element);
    const { detail } = await harness.submitAndWait('link-created');
    expect(JSON.stringify(detail)).not.to.contain(TOKENS.admin);
    expect(harnessFor(element).markup).not.to.contain(TOKENS.admin);
    expect(element.outerHTML).not.to.contain(TOKENS.admin);
  });

  it('is not an attribute: setting one does nothing', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id} token=${SECRET}></passkey-register>`,
    );
    expect(element.token).to.equal(undefined);
    const { detail } = await new RegistrationHarness(element).clickAndWait('registration-error');
    expect(detail.code).to.equal('unauthenticated');
  });
});

describe('from-url', () => {
  const startUrl = location.href;
  afterEach(() => {
    history.replaceState(null, '', startUrl);
    // The tab keeps a link's code (sessionStorage): a later landing page in this tab would find this one.
    sessionStorage.clear();
  });

  it('takes the code out of the address bar by replacing the history entry', async () => {
    history.replaceState(null, '', `${location.pathname}?userID=${USERS.bob.id}&codeID=7&code=SECRET-CODE`);
    const length = history.length;
    const replaced: string[] = [];
    const realReplaceState = history.replaceState.bind(history);
    history.replaceState = (data: unknown, unused: string, url?: string | URL | null) => {
      replaced.push(String(url));
      realReplaceState(data, unused, url);
    };
    try {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url></passkey-register>`,
      );
      expect(element.code).to.equal('SECRET-CODE');
      expect(element.getAttribute('code')).to.equal(null);
    } finally {
      history.replaceState = realReplaceState;
    }
    expect(replaced).to.have.length(1);
    expect(replaced[0]).not.to.contain('SECRET-CODE');
    expect(location.href).not.to.contain('SECRET-CODE');
    expect(location.search).to.equal(`?userID=${USERS.bob.id}`);
    expect(history.length, 'no new history entry').to.equal(length);
  });
});

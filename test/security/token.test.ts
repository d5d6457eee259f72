import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { PasskeyRegisterElement, RegistrationLinkAdminElement } from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { VirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness.js';
import { LinkAdminHarness } from '../support/link-admin-harness.js';
import { mockApi } from '../support/mock-api.js';

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

describe('the token', () => {
  let authenticator: VirtualAuthenticator;
  const SECRET = TOKENS.alice;

  beforeEach(async () => {
    await mockApi.reset();
    authenticator = await VirtualAuthenticator.add();
  });

  afterEach(async () => {
    await authenticator.remove();
  });

  for (const [label, token] of [
    ['a string', SECRET],
    ['a function', async () => SECRET],
  ] as const) {
    it(`given as ${label}, appears only in the Authorization header sent to base-url's origin`, async () => {
      const fetches = recordFetches();
      const output = recordConsole();
      const details: unknown[] = [];
      try {
        const element = await fixture<PasskeyRegisterElement>(
          html`<passkey-register
            user-id=${USERS.alice.id}
            base-url=${`${location.origin}/`}
          ></passkey-register>`,
        );
        element.token = token;
        for (const type of ['registration-start', 'registration-success', 'registration-error'] as const) {
          element.addEventListener(type, (event) => details.push(event.detail));
        }
        const harness = new RegistrationHarness(element);
        await harness.clickAndWait('registration-success');
        // An error path too: the token must not leak into an error either.
        await mockApi.fault({ rpc: 'RegisterPasskey', status: 401 });
        await harness.clickAndWait('registration-error');

        expect(
          element
            .getAttributeNames()
            .map((name) => element.getAttribute(name))
            .join(' '),
        ).not.to.contain(SECRET);
        expect(element.outerHTML).not.to.contain(SECRET);
        expect(element.shadowRoot!.innerHTML).not.to.contain(SECRET);
        expect(document.documentElement.outerHTML).not.to.contain(SECRET);
        expect(location.href).not.to.contain(SECRET);
        expect(JSON.stringify(details)).not.to.contain(SECRET);
      } finally {
        fetches.restore();
        output.restore();
      }
      expect(output.lines.join('\n')).not.to.contain(SECRET);
      const api = fetches.calls.filter((call) => !call.url.includes('/__mock/'));
      expect(api).to.have.length(3);
      for (const call of api) {
        expect(new URL(call.url).origin).to.equal(location.origin);
        expect(call.url).not.to.contain(SECRET);
        expect(call.authorization).to.equal(`Bearer ${SECRET}`);
      }
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
    expect(element.shadowRoot!.innerHTML).not.to.contain(TOKENS.admin);
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
  afterEach(() => history.replaceState(null, '', startUrl));

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

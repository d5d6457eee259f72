/**
 * Text from outside is rendered as inert text where no ceremony is needed: the page's overridden strings,
 * the links and codes a server returns, the names it lists, a v1 link. Runs in every engine; the passkey
 * names shown after registering and a registration's server errors are test/security/inert-text.test.ts.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/registration-link-admin.js';
import '../../src/authenticator-list.js';
import type {
  AuthenticatorListElement,
  PasskeyRegisterElement,
  RegistrationLinkAdminElement,
} from '../../src/index.js';
import type { AuthenticatorInfo, RegistrationBackend } from '../../src/backends/types.js';
import { USERS } from '../../mock/seed.js';
import { LinkAdminHarness, ListHarness, RegistrationHarness, harnessFor } from '../support/harness/index.js';
import { PAYLOADS, failIfAPayloadRuns, injectedElements, settle } from './payloads.js';

describe('text from the page and from a server is rendered as inert text', () => {
  failIfAPayloadRuns();

  it('in overridden strings', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
    );
    for (const payload of PAYLOADS) {
      element.strings = { passkeyButton: payload, passkeyIdle: payload };
      await element.updateComplete;
      const harness = new RegistrationHarness(element);
      expect(harness.button.textContent?.trim()).to.equal(payload);
      expect(injectedElements(harnessFor(element).root)).to.deep.equal([]);
    }
    await settle();
  });

  it('in links and codes a server returns', async () => {
    for (const payload of PAYLOADS) {
      const backend: RegistrationBackend = {
        label: 'a server that returns hostile values',
        async createLink() {
          return {
            code: { id: payload, code: payload },
            details: { resourceOwner: payload },
          };
        },
      };
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin
          user-id=${USERS.bob.id}
          link-template="https://app.example.com/register?userID={{.UserID}}&orgID={{.OrgID}}&codeID={{.CodeID}}&code={{.Code}}"
        ></registration-link-admin>`,
      );
      element.backend = backend;
      const harness = new LinkAdminHarness(element);
      const { detail } = await harness.submitAndWait('link-created');
      const url = new URL(detail.link!);
      // The values stay inside their parameters: the link's shape cannot change.
      expect(url.origin).to.equal('https://app.example.com');
      expect(url.searchParams.get('code')).to.equal(payload);
      expect(url.searchParams.get('orgID')).to.equal(payload);
      expect(harness.link!.textContent).to.equal(detail.link);
      expect(injectedElements(harnessFor(element).root)).to.deep.equal([]);
    }
    await settle();
  });

  it('in authenticator names a server lists, through <authenticator-list> and its delete confirmation', async () => {
    const listed: AuthenticatorInfo[] = PAYLOADS.map((payload, index) => ({
      id: `hostile-${index}`,
      kind: index % 2 === 0 ? 'passkey' : 'u2f',
      name: payload,
      state: index % 3 === 0 ? 'not-ready' : 'ready',
    }));
    const backend: RegistrationBackend = {
      label: 'a server that returns hostile names',
      listAuthenticators: async () => ({ authenticators: [...listed], unlisted: [] }),
      async removeAuthenticator({ id }) {
        listed.splice(
          listed.findIndex((entry) => entry.id === id),
          1,
        );
        return {};
      },
    };
    const list = await fixture<AuthenticatorListElement>(
      html`<authenticator-list user-id=${USERS.alice.id} .backend=${backend}></authenticator-list>`,
    );
    const root = new ListHarness(list).root;
    const items = () => [...root.querySelectorAll<HTMLElement>('[part~="item"]')];
    const part = (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`)!;
    await waitUntil(() => items().length === PAYLOADS.length, 'every hostile name is listed');
    await settle();
    expect(items().map((item) => item.querySelector('[part~="name"]')!.textContent)).to.deep.equal([
      ...PAYLOADS,
    ]);
    expect(
      [...root.querySelectorAll('[part~="delete-button"]')].map((button) =>
        button.getAttribute('aria-label'),
      ),
    ).to.satisfy((labels: string[]) => labels.every((label, index) => label.includes(PAYLOADS[index]!)));
    expect(injectedElements(root)).to.deep.equal([]);

    // Each name is shown again in the confirmation, the removal's status and its event.
    for (const payload of PAYLOADS) {
      const [item] = items();
      expect(item!.querySelector('[part~="name"]')!.textContent).to.equal(payload);
      item!.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
      await list.updateComplete;
      expect(part('confirm').textContent).to.contain(payload);
      expect(part('confirm').getAttribute('aria-label')).to.contain(payload);
      expect(injectedElements(root)).to.deep.equal([]);
      const removed = oneEvent(list, 'authenticator-removed');
      part('confirm-button').click();
      expect((await removed).detail.name).to.equal(payload);
      await list.updateComplete;
      expect(part('status').textContent).to.contain(payload);
      expect(injectedElements(root)).to.deep.equal([]);
    }
    expect(items()).to.deep.equal([]);
    await settle();
  });

  it('in a link built by the server (v1): shown as text, and only if it is https', async () => {
    const link =
      'https://id.example.com/ui/login/login/passwordless/init?note=<img src=x onerror=window.__xss=1>';
    const make = async (returned: string) => {
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin user-id=${USERS.bob.id}></registration-link-admin>`,
      );
      element.backend = { label: 'v1-like', createLink: async () => ({ link: returned }) };
      return new LinkAdminHarness(element);
    };
    const shown = await make(link);
    const { detail } = await shown.submitAndWait('link-created');
    expect(shown.link!.textContent).to.equal(new URL(link).href);
    expect(detail.link).to.equal(new URL(link).href);
    expect(injectedElements(shown.root)).to.deep.equal([]);

    const refused = await make('javascript:window.__xss=1');
    const { detail: error } = await refused.submitAndWait('link-error');
    expect(error.code).to.equal('bad-response');
    expect(refused.link).to.equal(null);
    await settle();
  });
});

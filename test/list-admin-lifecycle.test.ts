import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import '../src/registration-link-admin.js';
import '../src/authenticator-list.js';
import type {
  AuthenticatorListElement,
  RegistrationBackend,
  RegistrationLinkAdminElement,
} from '../src/index.js';
import { en } from '../src/i18n/en.js';
import { loadMessages } from '../src/i18n/load-messages.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { LinkAdminHarness, ListHarness } from './support/harness/index.js';
import { registerPasskey } from './support/register-passkey.js';
import { mockApi } from './support/mock-api.js';

/** Two places on the page; `move` takes the element from one to the other in one task, as a portal does. */
async function twoPlaces(): Promise<{ from: HTMLElement; to: HTMLElement }> {
  const page = await fixture<HTMLDivElement>(
    html`<div>
      <section></section>
      <dialog open></dialog>
    </div>`,
  );
  return { from: page.querySelector('section')!, to: page.querySelector('dialog')! };
}

/** Records the calls a page backend gets, each answered at once. */
function recordingBackend(): { backend: RegistrationBackend; calls: string[] } {
  const calls: string[] = [];
  const backend: RegistrationBackend = {
    label: 'Test backend',
    async listAuthenticators() {
      calls.push('list');
      return { authenticators: [{ id: '1', kind: 'passkey', name: 'Laptop', state: 'ready' }], unlisted: [] };
    },
    async createLink() {
      calls.push('createLink');
      return { code: { id: '7', code: 'SECRET' }, details: { resourceOwner: '2000' } };
    },
  };
  return { backend, calls };
}

const LANDING = 'https://app.example.com/register?userID={{.UserID}}&code={{.Code}}';
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('<authenticator-list> and <registration-link-admin> in the page’s lifecycle', () => {
  beforeEach(async () => {
    await mockApi.reset();
  });

  describe('moved to another parent (disconnect and connect in one task)', () => {
    it('the list keeps its list request: the rows appear, no error', async () => {
      await registerPasskey('Laptop');
      await mockApi.fault({ rpc: 'ListPasskeys', delayMs: 300 });
      const { from, to } = await twoPlaces();
      const element = document.createElement('authenticator-list');
      element.userId = USERS.alice.id;
      element.token = TOKENS.alice;
      const errors: CustomEvent[] = [];
      element.addEventListener('list-error', (event) => errors.push(event));
      from.append(element);
      await element.updateComplete;
      to.append(element);
      const list = new ListHarness(element);
      await list.waitForNames(['Laptop'], 'the list of the request started before the move');
      expect(errors.map((event) => event.detail)).to.deep.equal([]);
      expect((await mockApi.requests()).filter((r) => r.rpc === 'ListPasskeys')).to.have.length(1);
    });

    it('the list keeps its deletion: the event fires and the row goes', async () => {
      await registerPasskey('Laptop');
      const { from, to } = await twoPlaces();
      const element = document.createElement('authenticator-list');
      element.userId = USERS.alice.id;
      element.token = TOKENS.alice;
      from.append(element);
      const list = new ListHarness(element);
      await list.waitForNames(['Laptop']);
      await mockApi.fault({ rpc: 'RemovePasskey', delayMs: 300 });
      const removed = oneEvent(element, 'authenticator-removed');
      await list.confirmDelete('Laptop');
      to.append(element);
      expect((await removed).detail.name).to.equal('Laptop');
      await list.waitForNames([], 'no rows');
      expect(await mockApi.registeredOf(USERS.alice.id)).to.deep.equal([]);
    });

    it('the link admin keeps its request: link-created, not an abort', async () => {
      await mockApi.fault({ rpc: 'CreatePasskeyRegistrationLink', delayMs: 300 });
      const { from, to } = await twoPlaces();
      const element = document.createElement('registration-link-admin');
      element.userId = USERS.bob.id;
      element.linkTemplate = LANDING;
      element.token = TOKENS.admin;
      from.append(element);
      await element.updateComplete;
      const created = element.create();
      to.append(element);
      const result = await created;
      expect(result.link).to.match(/^https:\/\/app\.example\.com\/register\?userID=/);
      await element.updateComplete;
      expect(new LinkAdminHarness(element).link?.href).to.equal(result.link);
    });
  });

  describe('removed before its request goes out', () => {
    it('the list sends nothing after removal', async () => {
      const { backend, calls } = recordingBackend();
      const element = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id="2000100" .backend=${backend}></authenticator-list>`,
      );
      await new ListHarness(element).waitForNames(['Laptop']);
      expect(calls).to.deep.equal(['list']);
      const refreshed = element.refresh();
      element.remove();
      const error = await refreshed.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      await settle();
      expect(calls, 'no list request after removal').to.deep.equal(['list']);
      expect(error).to.have.property('code', 'aborted');
    });

    it('the list, removed during its request and put back later, lists again', async () => {
      const { backend, calls } = recordingBackend();
      const element = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id="2000100" .backend=${backend}></authenticator-list>`,
      );
      const list = new ListHarness(element);
      await list.waitForNames(['Laptop']);
      const parent = element.parentElement!;
      const refreshed = element.refresh().catch(() => undefined);
      element.remove();
      await refreshed;
      await settle();
      parent.append(element);
      await waitUntil(() => calls.length === 2, 'a second list request');
      await waitUntil(() => list.statusText === '', 'loaded');
      expect(list.names).to.deep.equal(['Laptop']);
    });

    it('the link admin sends nothing after removal', async () => {
      const { backend, calls } = recordingBackend();
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin user-id="2000100" .backend=${backend}></registration-link-admin>`,
      );
      const created = element.create();
      element.remove();
      const error = await created.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      await settle();
      expect(calls, 'no createLink after removal').to.deep.equal([]);
      expect(error).to.have.property('code', 'aborted');
    });
  });

  describe('after a lang change, the error is said in the new language', () => {
    it('the list', async () => {
      await mockApi.fault({ rpc: 'ListPasskeys', status: 403 });
      const element = document.createElement('authenticator-list');
      element.userId = USERS.alice.id;
      element.token = TOKENS.alice;
      const failed = oneEvent(element, 'list-error');
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
      expect((await failed).detail.code).to.equal('forbidden');
      const list = new ListHarness(element);
      await element.updateComplete;
      expect(list.messageText).to.contain(en.errors.forbidden);

      element.setAttribute('lang', 'de');
      const de = await loadMessages('de');
      await waitUntil(() => list.messageText.includes(de.errors.forbidden), 'the German message');
      expect(list.messageText).not.to.contain(en.errors.forbidden);
    });

    it('the link admin', async () => {
      await mockApi.fault({ rpc: 'CreatePasskeyRegistrationLink', status: 403 });
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin
          user-id=${USERS.bob.id}
          link-template=${LANDING}
        ></registration-link-admin>`,
      );
      element.token = TOKENS.admin;
      const harness = new LinkAdminHarness(element);
      expect((await harness.submitAndWait('link-error')).detail.code).to.equal('forbidden');
      expect(harness.messageText).to.contain(en.errors.forbidden);

      element.setAttribute('lang', 'de');
      const de = await loadMessages('de');
      await waitUntil(() => harness.messageText.includes(de.errors.forbidden), 'the German message');
      expect(harness.messageText).not.to.contain(en.errors.forbidden);
    });

    it('the link admin’s own sentence for a template on v1', async () => {
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin
          api="v1"
          delivery="email"
          user-id=${USERS.bob.id}
          link-template=${LANDING}
        ></registration-link-admin>`,
      );
      element.token = TOKENS.admin;
      const harness = new LinkAdminHarness(element);
      await harness.submitAndWait('link-error');
      expect(harness.messageText).to.equal(en.linkTemplateV1);

      element.setAttribute('lang', 'de');
      const de = await loadMessages('de');
      await waitUntil(() => harness.messageText === de.linkTemplateV1, 'the German message');
    });
  });
});

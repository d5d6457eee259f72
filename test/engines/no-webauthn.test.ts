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
import { en } from '../../src/i18n/en.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { engine } from '../support/engine.js';
import { LinkAdminHarness, harnessFor } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

/**
 * A browser without Web Authentication, for every element. WebKitGTK (as Debian builds it) really has none;
 * Chromium and Firefox have it, so there these tests take it away for the test's duration — `PublicKeyCredential`
 * and `navigator.credentials` undefined, as in WebKitGTK — and give it back afterwards.
 */
const simulated = engine.hasWebAuthn;

/** The properties a browser without WebAuthn lacks, as they were before the test. */
const removed: { target: object; name: string; own: PropertyDescriptor | undefined }[] = [];

function takeAway(target: object, name: string): void {
  removed.push({ target, name, own: Object.getOwnPropertyDescriptor(target, name) });
  Object.defineProperty(target, name, { value: undefined, configurable: true, writable: true });
}

function giveBack(): void {
  for (const { target, name, own } of removed.splice(0).reverse()) {
    if (own) Object.defineProperty(target, name, own);
    else Reflect.deleteProperty(target, name);
  }
}

const note = (element: HTMLElement) => harnessFor(element).noteText;

const part = (element: HTMLElement, name: string) => harnessFor(element).part(name);

/** The requests the elements sent to ZITADEL (the mock's own control endpoints are not logged). */
const rpcs = async () => (await mockApi.requests()).map((request) => request.rpc);

describe(`without WebAuthn (${engine.name}: ${simulated ? 'simulated' : 'real'})`, () => {
  beforeEach(async () => {
    await mockApi.reset();
    if (simulated) {
      takeAway(window, 'PublicKeyCredential');
      takeAway(navigator, 'credentials');
    }
  });

  afterEach(giveBack);

  it('is the browser the test describes: no PublicKeyCredential, no navigator.credentials', () => {
    expect(typeof window.PublicKeyCredential).to.equal('undefined');
    expect(navigator.credentials).to.equal(undefined);
  });

  for (const tag of ['passkey-register', 'u2f-register'] as const) {
    describe(`<${tag}>`, () => {
      async function registering(): Promise<PasskeyRegisterElement | U2fRegisterElement> {
        const element = document.createElement(tag);
        element.setAttribute('user-id', USERS.alice.id);
        element.token = TOKENS.alice;
        const detected = oneEvent(element, 'capabilities-change');
        await fixture(element);
        await detected;
        await element.updateComplete;
        return element;
      }

      it('says before the click what to do instead, and reflects no capabilities', async () => {
        const element = await registering();
        expect(element.capabilities?.webauthn).to.equal(false);
        expect(element.getAttribute('capabilities')).to.equal('');
        expect(note(element)).to.equal(en.capabilityNoWebAuthn);
        await expect(element).to.be.accessible();
      });

      it('answers a click with `unsupported`, shown to the person, and sends ZITADEL nothing', async () => {
        const element = await registering();
        const failed = oneEvent(element, 'registration-error');
        part(element, 'button')!.click();
        const { detail } = await failed;
        expect(detail.code).to.equal('unsupported');
        await element.updateComplete;
        expect(part(element, 'message')?.textContent).to.contain(en.errors.unsupported);
        expect(await rpcs()).to.deep.equal([]);
      });
    });
  }

  describe('<passkey-register from-url>, the landing page of a link', () => {
    const startUrl = location.href;
    afterEach(() => {
      history.replaceState(null, '', startUrl);
      sessionStorage.clear();
    });

    it('keeps the unspent link in the address bar for another browser, and offers no button', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const link = `userID=${USERS.bob.id}&codeID=${code.id}&code=${code.code}`;
      history.replaceState(null, '', `${location.pathname}?${link}`);
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url base-url="/zitadel"></passkey-register>`,
      );
      expect(location.search, "what an app's “Open in browser” carries").to.equal(`?${link}`);
      expect(element.code).to.equal(code.code);
      expect(part(element, 'button'), 'no button that could only fail').to.equal(null);
      expect(note(element)).to.equal(en.linkNoWebAuthn);
      // The capabilities arriving later change nothing of that.
      await waitUntil(() => element.capabilities, 'the capabilities');
      await element.updateComplete;
      expect(note(element)).to.equal(en.linkNoWebAuthn);
      expect(await rpcs()).to.deep.equal([]);
      await expect(element).to.be.accessible();
    });

    it('still asks for the link where the address carries none', async () => {
      history.replaceState(null, '', `${location.pathname}?userID=${USERS.bob.id}`);
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url base-url="/zitadel"></passkey-register>`,
      );
      expect(note(element)).to.equal(en.linkMissing);
      expect(part(element, 'button')).to.equal(null);
    });
  });

  describe('<authenticator-list>', () => {
    it('lists what ZITADEL has, since a list needs no WebAuthn', async () => {
      const list = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id=${USERS.alice.id}></authenticator-list>`,
      );
      list.token = TOKENS.alice;
      await waitUntil(() => part(list, 'empty'), 'the empty list');
      expect(part(list, 'empty')!.textContent).to.equal(en.listEmpty);
      expect(part(list, 'message')).to.equal(null);
      expect(await rpcs()).to.include('ListPasskeys');
      await expect(list).to.be.accessible();
    });
  });

  describe('<registration-link-admin>', () => {
    it('creates a link for another device, since this one needs no WebAuthn for that', async () => {
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin
          user-id=${USERS.bob.id}
          link-template="https://login.example/passkey?code={{.Code}}"
        ></registration-link-admin>`,
      );
      element.token = TOKENS.admin;
      const { detail } = await new LinkAdminHarness(element).submitAndWait('link-created');
      expect(detail.userId).to.equal(USERS.bob.id);
      expect(note(element)).to.equal('');
      expect(await rpcs()).to.deep.equal(['CreatePasskeyRegistrationLink']);
    });
  });
});

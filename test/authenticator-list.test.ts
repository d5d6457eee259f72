import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import '../src/authenticator-list.js';
import type { AuthenticatorListElement, PasskeyRegisterElement, U2fRegisterElement } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator, engine } from './support/authenticator.js';
import { ListHarness, RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import type { AuthenticatorInfo, RegistrationBackend, RegistrationKind } from '../src/index.js';
import { list as texts } from '../src/i18n/en/list.js';

/** A page backend holding `stored`, which may also report kinds it cannot list; it records deletions. */
function pageBackend(stored: AuthenticatorInfo[], unlisted: RegistrationKind[] = []) {
  const removed: { id: string; kind: RegistrationKind }[] = [];
  const backend: RegistrationBackend = {
    label: 'Test backend',
    listAuthenticators: async () => ({ authenticators: [...stored], unlisted }),
    removeAuthenticator: async ({ id, kind }) => {
      removed.push({ id, kind });
      stored = stored.filter((entry) => entry.id !== id);
      return {};
    },
  };
  return { backend, removed };
}

async function listOf(backend: RegistrationBackend): Promise<ListHarness> {
  const element = await fixture<AuthenticatorListElement>(
    html`<authenticator-list user-id="2000100" .backend=${backend}></authenticator-list>`,
  );
  return new ListHarness(element);
}

/** A page section with a registering element and the list, siblings under one parent. */
async function page(api: 'v2' | 'v3alpha' = 'v2') {
  const parent = await fixture<HTMLDivElement>(
    html`<div>
      <passkey-register api=${api} user-id=${USERS.alice.id}></passkey-register>
      <u2f-register api=${api} user-id=${USERS.alice.id}></u2f-register>
      <authenticator-list api=${api} user-id=${USERS.alice.id}></authenticator-list>
    </div>`,
  );
  const passkey = parent.querySelector('passkey-register') as PasskeyRegisterElement;
  const u2f = parent.querySelector('u2f-register') as U2fRegisterElement;
  const list = parent.querySelector('authenticator-list') as AuthenticatorListElement;
  for (const element of [passkey, u2f, list]) element.token = TOKENS.alice;
  return { passkey, u2f, list };
}

/** Each row as "name | kind | state". */
const items = (list: AuthenticatorListElement) => new ListHarness(list).rows;

const button = (list: AuthenticatorListElement, part: string) =>
  new ListHarness(list).required<HTMLButtonElement>(part);

const says = (list: AuthenticatorListElement, text: string) => {
  const harness = new ListHarness(list);
  return harness.isRendered && harness.text.includes(text);
};

describe('<authenticator-list>', () => {
  const authenticator = useVirtualAuthenticator();
  const signalled: { rpId: string; credentialId: string }[] = [];
  const realSignal = Object.getOwnPropertyDescriptor(PublicKeyCredential, 'signalUnknownCredential');

  beforeEach(async () => {
    await mockApi.reset();
    // The v3alpha cases play v3alpha as the protos describe it (ZITADEL v4 answers 501: test/backends/).
    await mockApi.configure({ v3alpha: 'implemented' });
    signalled.length = 0;
    Object.defineProperty(PublicKeyCredential, 'signalUnknownCredential', {
      value: async (options: { rpId: string; credentialId: string }) => void signalled.push(options),
      configurable: true,
    });
  });

  afterEach(async () => {
    if (realSignal) Object.defineProperty(PublicKeyCredential, 'signalUnknownCredential', realSignal);
    else Reflect.deleteProperty(PublicKeyCredential, 'signalUnknownCredential');
  });

  for (const api of ['v2', 'v3alpha'] as const) {
    it(`${api}: shows a new passkey when a registration-success bubbles up, and deletes it after confirmation`, async () => {
      const { passkey, list } = await page(api);
      await waitUntil(() => says(list, 'No passkeys'), 'an empty list first');

      const { detail } = await new RegistrationHarness(passkey).clickAndWait('registration-success');
      await waitUntil(() => items(list).length === 1, 'the list refreshed itself');
      expect(items(list)).to.deep.equal([`${engine.deviceName} | Passkey | Ready`]);
      await expect(list).to.be.accessible();

      button(list, 'delete-button').click();
      await list.updateComplete;
      expect(new ListHarness(list).textOf('confirm')).to.contain(`Delete “${engine.deviceName}”?`);
      const removed = oneEvent(list, 'authenticator-removed');
      button(list, 'confirm-button').click();
      const event = await removed;
      expect(event.detail).to.include({
        userId: USERS.alice.id,
        id: detail.id,
        kind: 'passkey',
        name: engine.deviceName,
      });
      await list.updateComplete;
      expect(items(list)).to.deep.equal([]);
      expect(await mockApi.authenticatorsOf(USERS.alice.id)).to.deep.equal([]);
      const rpcs = (await mockApi.requests()).map((r) => r.rpc);
      expect(rpcs).to.include(api === 'v2' ? 'RemovePasskey' : 'RemoveWebAuthNAuthenticator');
      // The password manager is told the passkey is gone.
      expect(signalled).to.deep.equal([{ rpId: 'localhost', credentialId: detail.credential.id }]);
    });
  }

  it('keeps the passkey when the confirmation is cancelled', async () => {
    const { passkey, list } = await page();
    await new RegistrationHarness(passkey).clickAndWait('registration-success');
    await waitUntil(() => items(list).length === 1);
    button(list, 'delete-button').click();
    await list.updateComplete;
    button(list, 'cancel-button').click();
    await list.updateComplete;
    expect(items(list)).to.have.length(1);
    expect((await mockApi.requests()).map((r) => r.rpc)).not.to.include('RemovePasskey');
  });

  it('stays quiet while it reloads after a registration here: the registering element says the outcome', async () => {
    const { passkey, list } = await page();
    await waitUntil(() => new ListHarness(list).has('empty'), 'the first listing is done');
    const status = list.shadowRoot!.querySelector('[part~="status"]')!;
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(status.textContent?.trim() ?? ''));
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    await new RegistrationHarness(passkey).clickAndWait('registration-success');
    await waitUntil(
      () => list.shadowRoot!.querySelector('[part~="list"]')?.getAttribute('aria-busy') === 'false',
      'the reload is done',
    );
    await list.updateComplete;
    observer.disconnect();
    expect(said, 'what the list’s live region said').not.to.include(texts.listLoading);
    const listed = (await mockApi.requests()).filter((r) => r.rpc === 'ListPasskeys');
    expect(listed.length, 'it did reload').to.be.at.least(2);
  });

  it('shows a passkey registered on this page that the list does not have yet (ZITADEL’s lists lag its writes)', async () => {
    const { passkey, list } = await page();
    await waitUntil(() => new ListHarness(list).has('empty'), 'the first listing is done');
    // The listing right after the registration comes from a projection that has not caught up.
    await mockApi.fault({ rpc: 'ListPasskeys', status: 200, body: '{"details":{},"result":[]}' });
    const { detail } = await new RegistrationHarness(passkey).clickAndWait('registration-success');
    await waitUntil(() => items(list).length === 1);
    expect(items(list)[0]).to.match(/ \| Passkey \| Ready$/);
    expect((await mockApi.requests()).filter((r) => r.rpc === 'ListPasskeys').length).to.be.at.least(2);
    // Once a listing has it, the server's list speaks for it: one row, not two.
    await list.refresh();
    expect(items(list)).to.have.length(1);
    const [stored] = await mockApi.authenticatorsOf(USERS.alice.id);
    expect(stored?.id).to.equal(detail.id);
  });

  it('v2: lists a security key registered on this page and deletes it with RemoveU2F', async () => {
    await authenticator.replace({ transport: 'usb', hasResidentKey: false });
    const { u2f, list } = await page();
    await new RegistrationHarness(u2f).clickAndWait('registration-success');
    await waitUntil(() => items(list).length === 1);
    // A security key no list knows is named "Security key, <the day it was added>".
    expect(items(list)).to.have.length(1);
    expect(items(list)[0]).to.match(/^Security key, .+ \| Security key \| Ready$/);
    button(list, 'delete-button').click();
    await list.updateComplete;
    const removed = oneEvent(list, 'authenticator-removed');
    button(list, 'confirm-button').click();
    expect((await removed).detail.kind).to.equal('u2f');
    expect((await mockApi.requests()).map((r) => r.rpc)).to.include('RemoveU2F');
  });

  describe('security keys, listed like passkeys', () => {
    const LAPTOP: AuthenticatorInfo = { id: '1', kind: 'passkey', name: 'Laptop', state: 'ready' };
    const KEY: AuthenticatorInfo = { id: '2', kind: 'u2f', name: 'YubiKey', state: 'ready' };

    it('shows a u2f row with its kind, and deletes it as u2f', async () => {
      const { backend, removed } = pageBackend([LAPTOP, KEY]);
      const list = await listOf(backend);
      await list.waitForNames(['Laptop', 'YubiKey']);
      expect(list.rows).to.deep.equal(['Laptop | Passkey | Ready', 'YubiKey | Security key | Ready']);
      expect(list.has('note'), 'a “cannot list them” note').to.equal(false);

      const { detail } = await list.deleteAndWait('YubiKey');
      expect(detail).to.include({ id: '2', kind: 'u2f', name: 'YubiKey' });
      expect(removed).to.deep.equal([{ id: '2', kind: 'u2f' }]);
      expect(list.names).to.deep.equal(['Laptop']);
    });

    it('says it cannot list security keys only when the backend reports them unlisted', async () => {
      const list = await listOf(pageBackend([LAPTOP], ['u2f']).backend);
      await list.waitForNames(['Laptop']);
      expect(list.part('note')?.textContent?.trim()).to.equal(texts.listUnlistedU2f);
    });

    it('v2 on a ZITADEL without ListAuthenticationFactors (before v2.67): lists the passkeys, says it cannot list keys', async () => {
      const { passkey } = await page();
      await new RegistrationHarness(passkey).clickAndWait('registration-success');
      // The gateway's answer to a route it does not have.
      await mockApi.fault({
        rpc: 'ListAuthenticationFactors',
        status: 404,
        body: '{"code":5,"message":"Not Found"}',
      });
      const element = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id=${USERS.alice.id} .token=${TOKENS.alice}></authenticator-list>`,
      );
      const list = new ListHarness(element);
      await list.waitForNames([engine.deviceName]);
      expect(list.part('note')?.textContent?.trim()).to.equal(texts.listUnlistedU2f);
      expect(list.has('message'), 'no error').to.equal(false);
    });

    it('v2: lists a security key registered elsewhere (ListAuthenticationFactors) and deletes it with RemoveU2F', async () => {
      await authenticator.replace({ transport: 'usb', hasResidentKey: false });
      // Registered on another page: this list knows of it only from the server.
      const other = await fixture<U2fRegisterElement>(
        html`<u2f-register user-id=${USERS.alice.id} token-name="YubiKey"></u2f-register>`,
      );
      other.token = TOKENS.alice;
      await new RegistrationHarness(other).clickAndWait('registration-success');
      other.remove();

      const element = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id=${USERS.alice.id} .token=${TOKENS.alice}></authenticator-list>`,
      );
      const list = new ListHarness(element);
      await list.waitForNames(['YubiKey'], 'the security key, from the server');
      expect(list.rows).to.deep.equal(['YubiKey | Security key | Ready']);
      expect(list.has('note'), 'a “cannot list them” note').to.equal(false);
      expect((await list.deleteAndWait('YubiKey')).detail.kind).to.equal('u2f');
      expect((await mockApi.requests()).map((r) => r.rpc)).to.include('RemoveU2F');
      expect(await mockApi.registeredOf(USERS.alice.id)).to.deep.equal([]);
    });
  });

  // Every backend setting changes what the list is read from; the list once missed these two.
  for (const [setting, value] of [
    ['credentials', 'include'],
    ['timeout', 12_345],
  ] as const) {
    it(`reads the list again when ${setting} changes, as for every backend setting`, async () => {
      const list = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id=${USERS.alice.id} .token=${TOKENS.alice}></authenticator-list>`,
      );
      const listed = async () =>
        (await mockApi.requests()).filter((request) => request.rpc === 'ListPasskeys').length;
      await waitUntil(() => list.shadowRoot!.textContent?.includes('No passkeys'), 'the first list');
      expect(await listed(), 'one list request so far').to.equal(1);
      Object.assign(list, { [setting]: value });
      await waitUntil(async () => (await listed()) === 2, `a list request after ${setting} changed`);
    });
  }

  it('reports list-error with a code, and works again', async () => {
    const { list } = await page();
    list.token = 'expired-token';
    const failed = oneEvent(list, 'list-error');
    const { detail } = await failed;
    expect(detail).to.include({ kind: 'list', code: 'unauthenticated' });
    list.token = TOKENS.alice;
    await waitUntil(() => says(list, 'No passkeys'), 'works again');
  });
});

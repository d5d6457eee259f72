import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import '../src/authenticator-list.js';
import type { AuthenticatorInfo, AuthenticatorListElement, RegistrationBackend } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { ListHarness } from './support/harness/index.js';
import { registerPasskey } from './support/register-passkey.js';
import { mockApi } from './support/mock-api.js';

async function aliceList(): Promise<ListHarness> {
  const element = await fixture<AuthenticatorListElement>(
    html`<authenticator-list user-id=${USERS.alice.id} .token=${TOKENS.alice}></authenticator-list>`,
  );
  return new ListHarness(element);
}

/** `promise`, or a failure that says what did not happen within `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)),
  ]);
}

const rpcs = async (rpc: string) => (await mockApi.requests()).filter((request) => request.rpc === rpc);

describe('<authenticator-list> when listing and deleting overlap', () => {
  beforeEach(async () => {
    await mockApi.reset();
  });

  it('completes a deletion that a refresh starts during: the event fires and the row goes', async () => {
    await registerPasskey('Laptop');
    await registerPasskey('Phone');
    const list = await aliceList();
    await list.waitForNames(['Laptop', 'Phone']);
    await mockApi.fault({ rpc: 'RemovePasskey', delayMs: 300 });

    const removed = new Promise<CustomEvent>((resolve) =>
      list.element.addEventListener('authenticator-removed', resolve, { once: true }),
    );
    await list.confirmDelete('Laptop');
    await list.element.updateComplete;
    expect(list.statusText).to.equal('Deleting “Laptop”…');
    const refreshed = list.element.refresh();

    expect((await within(removed, 2000, 'authenticator-removed')).detail.name).to.equal('Laptop');
    await refreshed;
    await list.waitForNames(['Phone'], 'only Phone left');
    expect((await mockApi.registeredOf(USERS.alice.id)).map((a) => a.name)).to.deep.equal(['Phone']);
    expect(await rpcs('RemovePasskey')).to.have.length(1);
  });

  it('keeps the list a refresh brings during a deletion: a passkey registered a moment earlier appears', async () => {
    await registerPasskey('Laptop');
    const list = await aliceList();
    await list.waitForNames(['Laptop']);
    // The registration's success makes the list refresh; its answer comes late.
    await mockApi.fault({ rpc: 'ListPasskeys', delayMs: 400 });
    await registerPasskey('Phone');
    expect(list.names, 'the refresh is still under way').to.deep.equal(['Laptop']);

    const removed = new Promise<CustomEvent>((resolve) =>
      list.element.addEventListener('authenticator-removed', resolve, { once: true }),
    );
    await list.confirmDelete('Laptop');
    await within(removed, 2000, 'authenticator-removed');
    await list.waitForNames(['Phone'], 'Phone, from the refresh that ran during the deletion');
    expect(list.statusText).to.equal('“Laptop” was deleted.');
  });

  it('does not bring back a deleted one with a list fetched before the deletion finished', async () => {
    const laptop: AuthenticatorInfo = { id: '1', kind: 'passkey', name: 'Laptop', state: 'ready' };
    const phone: AuthenticatorInfo = { id: '2', kind: 'passkey', name: 'Phone', state: 'ready' };
    let stored = [laptop, phone];
    let releaseList: () => void = () => undefined;
    let slow = false;
    const backend: RegistrationBackend = {
      label: 'Test backend',
      async listAuthenticators() {
        const snapshot = [...stored];
        if (slow) await new Promise<void>((resolve) => (releaseList = resolve));
        return { authenticators: snapshot, unlisted: [] };
      },
      async removeAuthenticator({ id }) {
        stored = stored.filter((entry) => entry.id !== id);
        return {};
      },
    };
    const element = await fixture<AuthenticatorListElement>(
      html`<authenticator-list user-id="2000100" .backend=${backend}></authenticator-list>`,
    );
    const list = new ListHarness(element);
    await list.waitForNames(['Laptop', 'Phone']);

    slow = true;
    const refreshed = element.refresh();
    await list.deleteAndWait('Laptop');
    releaseList();
    await refreshed;
    await element.updateComplete;
    expect(list.names).to.deep.equal(['Phone']);
  });
});

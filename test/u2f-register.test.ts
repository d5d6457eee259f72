import { expect, fixture, html } from '@open-wc/testing';
import '../src/u2f-register.js';
import type { U2fRegisterElement } from '../src/u2f-register.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import { securityKeyToday } from './support/security-key-name.js';

/** A roaming FIDO2 security key on USB, as a person would plug in. */
const securityKey = { transport: 'usb', hasResidentKey: false, hasUserVerification: false } as const;

async function u2fRegister(userId: string = USERS.alice.id, token: string = TOKENS.alice) {
  const element = await fixture<U2fRegisterElement>(html`<u2f-register user-id=${userId}></u2f-register>`);
  element.token = token;
  return { element, harness: new RegistrationHarness(element) };
}

describe('<u2f-register>', () => {
  useVirtualAuthenticator(securityKey);

  beforeEach(async () => {
    await mockApi.reset();
  });

  it('registers a security key as a second factor with RegisterU2F and VerifyU2FRegistration', async () => {
    const { element, harness } = await u2fRegister();
    expect(harness.button.textContent?.trim()).to.equal('Add a security key');

    const { detail } = await harness.clickAndWait('registration-success');

    expect(detail.kind).to.equal('u2f');
    expect(detail.name).to.equal(securityKeyToday());
    expect(detail.credential.response.transports).to.include('usb');
    const requests = await mockApi.requests();
    expect(requests.map((r) => `${r.rpc} ${r.path}`)).to.deep.equal([
      `RegisterU2F /v2/users/${USERS.alice.id}/u2f`,
      `VerifyU2FRegistration /v2/users/${USERS.alice.id}/u2f/${detail.id}`,
    ]);
    expect(requests[0]!.body).to.deep.equal({ domain: 'localhost' });
    expect(requests[1]!.body).to.deep.equal({
      publicKeyCredential: detail.credential,
      tokenName: securityKeyToday(),
    });
    const [stored] = await mockApi.registeredOf(USERS.alice.id);
    expect(stored).to.include({ id: detail.id, kind: 'u2f', credentialId: detail.credential.id });
    expect(element.state).to.equal('success');
    expect(harness.statusText).to.contain('security key');
  });

  it('stores the token-name given', async () => {
    const { element, harness } = await u2fRegister();
    element.tokenName = 'YubiKey 5C';
    const { detail } = await harness.clickAndWait('registration-success');
    expect(detail.name).to.equal('YubiKey 5C');
    expect((await mockApi.registeredOf(USERS.alice.id))[0]!.name).to.equal('YubiKey 5C');
  });

  it('reports already-registered for a key that is registered already, and works again', async () => {
    const { element, harness } = await u2fRegister();
    await harness.clickAndWait('registration-success');
    const { detail } = await harness.clickAndWait('registration-error');
    expect(detail).to.include({ kind: 'u2f', code: 'already-registered' });
    expect(detail.message).to.equal(
      'This security key is already registered. You can already sign in with it, or use another device.',
    );
    expect(harness.messageText).to.equal(detail.message);
    expect(harness.button.textContent?.trim(), 'another key can still register').to.equal(
      'Use another security key',
    );
    expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(1);

    element.userId = USERS.bob.id;
    element.token = TOKENS.bob;
    await element.updateComplete;
    await harness.clickAndWait('registration-success');
  });

  it('is accessible', async () => {
    const { element } = await u2fRegister();
    await expect(element).to.be.accessible();
  });
});

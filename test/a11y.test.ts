import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { PasskeyRegisterElement } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { VirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness.js';
import { mockApi } from './support/mock-api.js';

describe('accessibility of <passkey-register>', () => {
  let authenticator: VirtualAuthenticator;
  let element: PasskeyRegisterElement;
  let harness: RegistrationHarness;

  beforeEach(async () => {
    await mockApi.reset();
    authenticator = await VirtualAuthenticator.add();
    element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    harness = new RegistrationHarness(element);
  });

  afterEach(async () => {
    await authenticator.remove();
  });

  /** Starts a ceremony and waits until it is in `state`, held there by a hanging step. */
  async function holdIn(state: 'starting' | 'prompting' | 'verifying') {
    if (state === 'starting') await mockApi.fault({ rpc: 'RegisterPasskey', hang: true });
    if (state === 'prompting') await authenticator.setPresence(false);
    if (state === 'verifying') await mockApi.fault({ rpc: 'VerifyPasskeyRegistration', hang: true });
    const pending = element.register().catch(() => undefined);
    await waitUntil(() => element.state === state, `reaches ${state}`);
    await element.updateComplete;
    return pending;
  }

  for (const state of ['starting', 'prompting', 'verifying'] as const) {
    it(`passes axe while ${state}, and the button keeps its accessible name`, async () => {
      const name = harness.button.textContent?.trim();
      const pending = holdIn(state);
      await waitUntil(() => element.state === state);
      await expect(element).to.be.accessible();
      expect(harness.button.textContent?.trim()).to.equal(name);
      expect(harness.button.getAttribute('aria-disabled')).to.equal('true');
      element.reset();
      await pending;
    });
  }

  it('passes axe when idle, after success and after an error', async () => {
    await expect(element).to.be.accessible();
    await harness.clickAndWait('registration-success');
    await expect(element).to.be.accessible();
    await harness.clickAndWait('registration-error');
    await expect(element).to.be.accessible();
  });

  it('works with the keyboard alone, and moves focus to the outcome', async () => {
    harness.button.focus();
    const success = new Promise((resolve) =>
      element.addEventListener('registration-success', resolve, { once: true }),
    );
    await sendKeys({ press: 'Enter' });
    await success;
    await waitUntil(
      () => element.shadowRoot!.activeElement?.getAttribute('part') === 'status',
      'focus on the result',
    );

    harness.button.focus();
    const failure = new Promise((resolve) =>
      element.addEventListener('registration-error', resolve, { once: true }),
    );
    await sendKeys({ press: 'Space' });
    await failure;
    await waitUntil(
      () => element.shadowRoot!.activeElement?.getAttribute('part') === 'message',
      'focus on the error',
    );
  });

  it('announces progress in a polite live region and errors as an alert', async () => {
    const status = element.shadowRoot!.querySelector('[part~="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    await authenticator.setUserVerified(false);
    await harness.clickAndWait('registration-error');
    expect(element.shadowRoot!.querySelector('[part~="message"]')!.getAttribute('role')).to.equal('alert');
  });
});

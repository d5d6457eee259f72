import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../../src/passkey-register.js';
import { RegistrationError } from '../../src/internal/errors.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { VirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness.js';
import { mockApi } from '../support/mock-api.js';

describe('the element’s lifecycle during a ceremony', () => {
  let authenticator: VirtualAuthenticator;
  let element: PasskeyRegisterElement;
  const events: string[] = [];

  beforeEach(async () => {
    await mockApi.reset();
    authenticator = await VirtualAuthenticator.add();
    // Without presence simulation the prompt stays open, as when a person has not touched anything yet.
    await authenticator.setPresence(false);
    element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    events.length = 0;
    for (const type of ['registration-success', 'registration-error'] as const) {
      element.addEventListener(type, (event) => events.push(`${type}:${event.detail.kind}`));
    }
  });

  afterEach(async () => {
    await authenticator.remove();
  });

  it('aborts the open prompt and reports nothing when removed from the page', async () => {
    const pending = element.register().catch((error: unknown) => error);
    await waitUntil(() => element.state === 'prompting', 'the prompt opens');
    element.remove();
    const error = (await pending) as RegistrationError;
    expect(error).to.be.instanceOf(RegistrationError);
    expect(error.code).to.equal('aborted');
    await authenticator.setPresence(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).to.deep.equal([]);
    expect(await authenticator.credentials()).to.deep.equal([]);
    expect((await mockApi.requests()).map((r) => r.rpc)).to.deep.equal(['RegisterPasskey']);
  });

  it('ends an open prompt with aborted on reset(), and works again', async () => {
    const pending = element.register().catch((error: unknown) => error);
    await waitUntil(() => element.state === 'prompting', 'the prompt opens');
    element.reset();
    expect(((await pending) as RegistrationError).code).to.equal('aborted');
    expect(events).to.deep.equal(['registration-error:passkey']);
    expect(element.state).to.equal('idle');
    expect(await authenticator.credentials()).to.deep.equal([]);

    await authenticator.setPresence(true);
    await new RegistrationHarness(element).clickAndWait('registration-success');
  });

  it('runs one ceremony for a double click: one prompt, one pair of requests', async () => {
    await authenticator.setPresence(true);
    const harness = new RegistrationHarness(element);
    const outcome = harness.clickAndWait('registration-success');
    harness.button.click();
    await outcome;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await mockApi.requests()).map((r) => r.rpc)).to.deep.equal([
      'RegisterPasskey',
      'VerifyPasskeyRegistration',
    ]);
    expect(await authenticator.credentials()).to.have.length(1);
    expect(events).to.deep.equal(['registration-success:passkey']);
  });
});

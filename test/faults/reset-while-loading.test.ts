/**
 * reset() while the ceremony's code is still loading: the stopped registration starts nothing once the
 * code is there, and a failed load does not put the reset element into its error state. This file must be
 * the first in its page to load the chunk: each test file runs in a page of its own.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../../src/passkey-register.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

describe('reset() while the ceremony’s code loads', () => {
  useVirtualAuthenticator();

  beforeEach(() => mockApi.reset());

  afterEach(() => executeServerCommand('module:restore'));

  it('a failed load is told as network, and the element stays idle; once loaded, the stopped click starts nothing', async () => {
    await executeServerCommand('module:fail', { path: '/src/internal/registration/registration-driver.ts' });
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    const starts: Event[] = [];
    element.addEventListener('registration-start', (event) => starts.push(event));

    const failed = oneEvent(element, 'registration-error');
    const first = element.register().catch((error: unknown) => error);
    element.reset();
    expect((await failed).detail.code, 'the load failed').to.equal('network');
    await first;
    await element.updateComplete;
    expect(element.state, 'reset() said idle, and the failure came after it').to.equal('idle');

    await executeServerCommand('module:restore');
    const stopped = oneEvent(element, 'registration-error');
    const second = element.register().catch((error: unknown) => error);
    element.reset();
    expect((await stopped).detail.code).to.equal('aborted');
    await second;
    expect(element.state).to.equal('idle');
    expect(starts, 'no registration-start for a stopped click').to.have.length(0);
    expect(await mockApi.requests(), 'nothing sent').to.have.length(0);

    const success = await new RegistrationHarness(element).clickAndWait('registration-success');
    expect(success.detail.userId).to.equal(USERS.alice.id);
    expect(starts).to.have.length(1);
  });
});

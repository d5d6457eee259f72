/**
 * The ceremony's code is a chunk the element loads when it becomes visible or is used. When that load
 * fails (offline, a deploy that removed the chunk), the click ends in a `network` error, and the next
 * click loads it again and succeeds. This file must be the first in its page to load the chunk: each
 * test file runs in a page of its own.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../../src/passkey-register.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

describe('the ceremony’s code cannot be loaded', () => {
  useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
  });

  afterEach(async () => {
    await executeServerCommand('module:restore');
  });

  it('reports network, then loads it again on the next click and registers', async () => {
    await executeServerCommand('module:fail', { path: '/src/internal/registration/registration-driver.ts' });
    const consoleErrors: unknown[] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => consoleErrors.push(args);
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
      );
      element.token = TOKENS.alice;
      const harness = new RegistrationHarness(element);

      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('network');
      expect(detail.message).to.equal(
        'The server could not be reached. Check your connection and try again.',
      );
      expect(element.state).to.equal('error');
      expect(await mockApi.requests()).to.have.length(0);

      await executeServerCommand('module:restore');
      const success = await harness.clickAndWait('registration-success');
      expect(success.detail.userId).to.equal(USERS.alice.id);
      expect(element.state).to.equal('success');
      expect(consoleErrors).to.deep.equal([]);
      expect(unhandled).to.deep.equal([]);
    } finally {
      console.error = realError;
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });
});

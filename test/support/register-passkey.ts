import { fixture, html } from '@open-wc/testing';
import type { PasskeyRegisterElement } from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { withVirtualAuthenticator } from './authenticator.js';
import { RegistrationHarness } from './harness/index.js';

/**
 * Registers a passkey named `name` for alice on an authenticator of its own, as a second device would, so a
 * list has something to show. Needs `../../src/passkey-register.js` (or the index) defined.
 */
export async function registerPasskey(name: string): Promise<void> {
  await withVirtualAuthenticator({}, async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id} passkey-name=${name}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    await new RegistrationHarness(element).clickAndWait('registration-success');
    element.remove();
  });
}

import { fixture, html } from '@open-wc/testing';
import type { PasskeyRegisterElement } from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { engine, withVirtualAuthenticator } from './authenticator.js';
import { RegistrationHarness } from './harness/index.js';
import { mockApi } from './mock-api.js';

/**
 * Registers a passkey named `name` for alice on an authenticator of its own, as a second device would, so a
 * list has something to show. Needs `../../src/passkey-register.js` (or the index) defined. Without Web
 * Authentication (WebKitGTK) no ceremony can run: the mock stores the passkey as another device would have
 * registered it (`POST /__mock/authenticators`), and the list cannot tell the two apart.
 */
export async function registerPasskey(name: string): Promise<void> {
  if (!engine.hasWebAuthn) {
    await mockApi.addRegistered(USERS.alice.id, { name });
    return;
  }
  await withVirtualAuthenticator({}, async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id} passkey-name=${name}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    await new RegistrationHarness(element).clickAndWait('registration-success');
    element.remove();
  });
}

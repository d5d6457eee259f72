import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import '../src/authenticator-list.js';
import type { AuthenticatorListElement, PasskeyRegisterElement } from '../src/index.js';
import { USERS } from '../mock/seed.js';
import { engine } from './support/engine.js';
import { harnessFor } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

/** The element's visible error message, as text. */
const message = (element: HTMLElement) => harnessFor(element).messageText;

describe('a lang change on an ancestor', () => {
  beforeEach(async () => {
    await mockApi.reset();
  });

  it('re-renders an error shown in English in the new language, in the registration and list elements', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="en">
        <passkey-register user-id=${USERS.alice.id}></passkey-register>
        <authenticator-list user-id=${USERS.alice.id}></authenticator-list>
      </div>
    `);
    const register = wrapper.querySelector('passkey-register') as PasskeyRegisterElement;
    const list = wrapper.querySelector('authenticator-list') as AuthenticatorListElement;
    // No token: ZITADEL answers 401 to both. Without Web Authentication (WebKitGTK) the registration
    // stops before any request, with `unsupported`.
    await register.register().catch(() => undefined);
    await list.refresh().catch(() => undefined);
    await waitUntil(() => message(register) && message(list), 'both show an error');
    const english = [message(register), message(list)];

    wrapper.lang = 'de';
    await waitUntil(
      () => message(register) !== english[0] && message(list) !== english[1],
      'both re-render their message once German has loaded',
    );
    expect(message(register)).to.match(
      engine.hasWebAuthn ? /Anmeld|anmeld|Sitzung|Link/ : /Passkeys erstellen/,
    );
    expect(harnessFor(register).statusText).not.to.contain('passkey is');

    wrapper.lang = 'en';
    await waitUntil(
      () => message(register) === english[0] && message(list) === english[1],
      'back in English',
    );
  });
});

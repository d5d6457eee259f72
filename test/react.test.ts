import { expect, waitUntil } from '@open-wc/testing';
// Default imports: React is CommonJS, so its module object is the default export.
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import { PasskeyRegister } from '../src/react.js';
import type { PasskeyRegisterElement, RegistrationSuccessDetail } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { VirtualAuthenticator } from './support/authenticator.js';
import { mockApi } from './support/mock-api.js';

describe('React wrappers', () => {
  let authenticator: VirtualAuthenticator;
  let host: HTMLDivElement;

  beforeEach(async () => {
    await mockApi.reset();
    authenticator = await VirtualAuthenticator.add();
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(async () => {
    host.remove();
    await authenticator.remove();
  });

  it('<PasskeyRegister> passes props as properties and delivers registration-success to onRegistrationSuccess', async () => {
    const successes: RegistrationSuccessDetail[] = [];
    const root = ReactDOMClient.createRoot(host);
    ReactDOM.flushSync(() =>
      root.render(
        React.createElement(PasskeyRegister, {
          userId: USERS.alice.id,
          token: TOKENS.alice,
          passkeyName: 'From React',
          onRegistrationSuccess: (event) => successes.push(event.detail),
        }),
      ),
    );
    const element = host.querySelector('passkey-register') as PasskeyRegisterElement;
    expect(element.userId).to.equal(USERS.alice.id);
    expect(element.getAttribute('token'), 'the token is a property, not an attribute').to.equal(null);
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await waitUntil(() => successes.length === 1, 'onRegistrationSuccess is called');
    expect(successes[0]).to.include({ kind: 'passkey', userId: USERS.alice.id, name: 'From React' });
    root.unmount();
  });
});

import { expect, waitUntil } from '@open-wc/testing';
// Default imports: React is CommonJS, so its module object is the default export.
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import { PasskeyRegister } from '../src/react.js';
import type { PasskeyRegisterElement, RegistrationSuccessDetail } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

describe('React wrappers', () => {
  useVirtualAuthenticator();
  let host: HTMLDivElement;

  beforeEach(async () => {
    await mockApi.reset();
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(async () => {
    host.remove();
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
    new RegistrationHarness(element).button.click();
    await waitUntil(() => successes.length === 1, 'onRegistrationSuccess is called', { timeout: 8000 });
    expect(successes[0]).to.include({ kind: 'passkey', userId: USERS.alice.id, name: 'From React' });
    root.unmount();
  });

  it('has an event prop for every event of each element, as the manifest lists them', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
    };
    const wrappers = await import('../src/react.js');
    const propOf = (event: string) =>
      `on${event.replace(/(^|-)(\w)/g, (_, _dash, letter: string) => letter.toUpperCase())}`;
    const tags: Record<string, keyof typeof wrappers> = {
      'passkey-register': 'PasskeyRegister',
      'u2f-register': 'U2fRegister',
      'registration-link-admin': 'RegistrationLinkAdmin',
      'authenticator-list': 'AuthenticatorList',
    };
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    for (const [tag, wrapper] of Object.entries(tags)) {
      const declared = declarations.find((declaration) => declaration.tagName === tag);
      expect(declared, tag).not.to.equal(undefined);
      const seen: string[] = [];
      const names = (declared!.events ?? []).map(({ name }) => name);
      const rendered = React.createElement(wrappers[wrapper] as React.ElementType, {
        ...Object.fromEntries(names.map((name) => [propOf(name), () => seen.push(name)])),
      });
      const root = ReactDOMClient.createRoot(host);
      ReactDOM.flushSync(() => root.render(rendered));
      const element = host.querySelector(tag)!;
      seen.length = 0;
      for (const name of names) element.dispatchEvent(new CustomEvent(name, { detail: {} }));
      expect(seen, `${wrapper} delivers every event to its prop`).to.deep.equal(names);
      root.unmount();
    }
  });

  it('<PasskeyRegister> delivers capabilities-change to onCapabilitiesChange', async () => {
    let changes = 0;
    const root = ReactDOMClient.createRoot(host);
    ReactDOM.flushSync(() =>
      root.render(
        React.createElement(PasskeyRegister, {
          userId: USERS.alice.id,
          onCapabilitiesChange: () => (changes += 1),
        }),
      ),
    );
    await waitUntil(() => changes === 1, 'onCapabilitiesChange is called');
    root.unmount();
  });

  // What `passkey-elements/jsx` types: React 19 sets a prop as a property where the element has one, else
  // as an attribute, and listens to `on` + the exact event name.
  it('<passkey-register> in React 19 JSX takes attributes, the token as a property and onregistration-success', async () => {
    const successes: RegistrationSuccessDetail[] = [];
    const root = ReactDOMClient.createRoot(host);
    ReactDOM.flushSync(() =>
      root.render(
        React.createElement('passkey-register', {
          'user-id': USERS.alice.id,
          'passkey-name': 'From JSX',
          token: TOKENS.alice,
          'onregistration-success': (event: CustomEvent<RegistrationSuccessDetail>) =>
            successes.push(event.detail),
        }),
      ),
    );
    const element = host.querySelector('passkey-register') as PasskeyRegisterElement;
    expect(element.getAttribute('user-id')).to.equal(USERS.alice.id);
    expect(element.token).to.equal(TOKENS.alice);
    expect(element.getAttribute('token'), 'the token is a property, not an attribute').to.equal(null);
    await element.updateComplete;
    new RegistrationHarness(element).button.click();
    await waitUntil(() => successes.length === 1, 'onregistration-success is called', { timeout: 8000 });
    expect(successes[0]).to.include({ kind: 'passkey', userId: USERS.alice.id, name: 'From JSX' });
    root.unmount();
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/authenticator-list.js';
import type { AuthenticatorListElement } from '../src/authenticator-list.js';
import type { AuthenticatorInfo, RegistrationBackend } from '../src/backends/types.js';
import { ListHarness } from './support/harness/index.js';

/** A page-supplied backend with rows of very different name lengths (no request: the test is about layout). */
const ROWS: AuthenticatorInfo[] = [
  { id: '1', kind: 'passkey', name: 'Pixel', state: 'ready' },
  {
    id: '2',
    kind: 'u2f',
    name: 'The YubiKey in the drawer of the office desk on the third floor, left side',
    state: 'ready',
  },
  { id: '3', kind: 'passkey', name: 'iCloud Keychain', state: 'not-ready' },
];
const backend: RegistrationBackend = {
  label: 'Layout test',
  listAuthenticators: async () => ({ authenticators: ROWS, unlisted: [] }),
  removeAuthenticator: async () => ({}),
};

describe('<authenticator-list> row layout', () => {
  for (const width of [320, 900]) {
    it(`puts every Delete at the same inline end and keeps each row within ${width} px`, async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style=${`width: ${width}px`}><authenticator-list user-id="1"></authenticator-list></div>`,
      );
      const list = wrapper.querySelector('authenticator-list') as AuthenticatorListElement;
      list.backend = backend;
      const harness = new ListHarness(list);
      await waitUntil(() => harness.parts('delete-button').length === 3, 'three rows');
      const buttons = harness.parts('delete-button');
      const ends = buttons.map((button) => Math.round(button.getBoundingClientRect().right));
      expect(new Set(ends).size, `Delete ends at ${ends.join(', ')}`).to.equal(1);
      for (const item of harness.items) {
        expect(item.scrollWidth, 'no row wider than the list').to.be.at.most(item.clientWidth);
        expect(item.getBoundingClientRect().width).to.be.at.most(width);
      }
    });
  }
});

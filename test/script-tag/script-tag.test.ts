import { expect, waitUntil } from '@open-wc/testing';
import type { PasskeyRegisterElement } from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

type PageWindow = Window & typeof globalThis & { pageErrors: string[] };

describe('dist/passkey-elements.js from a script tag on another origin', () => {
  let frame: HTMLIFrameElement;
  useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
    frame = document.createElement('iframe');
    frame.src = '/test/script-tag/page.html';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
  });

  afterEach(async () => {
    frame.remove();
  });

  it('defines every element, twice without an error, speaks the page’s language and registers a passkey', async () => {
    const win = frame.contentWindow as PageWindow;
    for (const tag of ['passkey-register', 'u2f-register', 'registration-link-admin', 'authenticator-list']) {
      await waitUntil(() => win.customElements.get(tag), `${tag} is defined`);
    }
    const element = frame.contentDocument!.querySelector('passkey-register') as PasskeyRegisterElement;
    const harness = new RegistrationHarness(element);
    // German, loaded on demand from beside the bundle, on the other origin.
    await waitUntil(() => harness.textOf('button') === 'Passkey erstellen', 'the German chunk loaded');

    element.token = TOKENS.alice;
    const success = new Promise<CustomEvent>((resolve) =>
      element.addEventListener('registration-success', (event) => resolve(event as CustomEvent), {
        once: true,
      }),
    );
    harness.button.click();
    const { detail } = await success;
    expect(detail.userId).to.equal(USERS.alice.id);
    expect(win.pageErrors).to.deep.equal([]);
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import type { AuthenticatorListElement, PasskeyRegisterElement } from '../src/index.js';
import { USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { ListHarness, RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

/**
 * demo/plain.html as it is, in a frame: its one script tag loads the built `/dist/passkey-elements.js`
 * (`npm test` builds first), its elements are markup, and its few lines of script set the token.
 */
describe('demo/plain.html: the kit from one script tag, the elements in markup', () => {
  let frame: HTMLIFrameElement;
  useVirtualAuthenticator();
  const errors: string[] = [];

  beforeEach(async () => {
    await mockApi.reset();
    errors.length = 0;
    frame = document.createElement('iframe');
    frame.src = '/demo/plain.html';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    frame.contentWindow!.addEventListener('error', (event) => errors.push(String(event.message)));
    frame.contentWindow!.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  });

  afterEach(async () => {
    frame.remove();
  });

  it('registers a passkey for the user in the markup and lists it', async () => {
    const page = frame.contentDocument!;
    const win = frame.contentWindow as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('passkey-register'), 'the bundle defined the elements');
    const element = page.querySelector('passkey-register') as PasskeyRegisterElement;
    const list = page.querySelector('authenticator-list') as AuthenticatorListElement;
    expect(element.userId).to.equal(USERS.carol.id);
    expect(element.token, "the page's script set the token").to.be.a('string');
    expect(element.hasAttribute('token')).to.equal(false);
    await element.updateComplete;

    new RegistrationHarness(element).button.click();

    const status = page.getElementById('last-event')!;
    await waitUntil(() => status.textContent?.includes('registered'), 'the page heard registration-success', {
      timeout: 8000,
    });
    await new ListHarness(list).waitForRows(1, 'the list refreshed itself and shows the new passkey');
    expect(element.state).to.equal('success');
    expect(errors).to.deep.equal([]);
  });
});

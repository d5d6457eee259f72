import { expect, waitUntil } from '@open-wc/testing';
// The browser build of Vue 3 with its template compiler, as a page without a build step would use.
import { createApp, ref } from 'vue/dist/vue.esm-browser.js';
import '../src/index.js';
import '../src/registration-link-admin.js';
import '../src/authenticator-list.js';
import type { PasskeyRegisterElement, RegistrationSuccessDetail } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

describe('Vue 3', () => {
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

  it('binds attributes and properties (.token) and receives registration-success with @registration-success', async () => {
    const successes: RegistrationSuccessDetail[] = [];
    const app = createApp({
      setup() {
        return {
          userId: ref(USERS.alice.id),
          token: ref(TOKENS.alice),
          onSuccess: (event: CustomEvent<RegistrationSuccessDetail>) => successes.push(event.detail),
        };
      },
      template: `<passkey-register :user-id="userId" .token="token" passkey-name="From Vue"
        @registration-success="onSuccess"></passkey-register>`,
    });
    // Vue must leave the kit's tags to the browser.
    app.config.compilerOptions.isCustomElement = (tag: string) =>
      ['passkey-register', 'u2f-register', 'registration-link-admin', 'authenticator-list'].includes(tag);
    app.mount(host);

    const element = host.querySelector('passkey-register') as PasskeyRegisterElement;
    expect(element.userId).to.equal(USERS.alice.id);
    expect(element.token).to.equal(TOKENS.alice);
    expect(element.hasAttribute('token')).to.equal(false);
    await element.updateComplete;
    new RegistrationHarness(element).button.click();
    await waitUntil(() => successes.length === 1, '@registration-success ran');
    expect(successes[0]).to.include({ kind: 'passkey', name: 'From Vue' });
    app.unmount();
  });
});

/**
 * The registration link from end to end: `<registration-link-admin>` creates it on each API, the landing page
 * (`<passkey-register from-url>`) registers with it once, a second use and an expired link fail. A ceremony
 * per link, so WebKitGTK (no Web Authentication) leaves this file out; test/registration-link-admin.test.ts
 * runs everywhere.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import type { ApiGeneration } from '../src/backends/types.js';
import { USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { linkAdmin } from './support/link-admin-fixture.js';
import { mockApi } from './support/mock-api.js';

describe('<registration-link-admin> and the landing page', () => {
  beforeEach(async () => {
    await mockApi.reset();
    await mockApi.configure({ v3alpha: 'implemented' });
  });

  describe('the whole journey', () => {
    const startUrl = location.href;
    useVirtualAuthenticator();
    afterEach(() => {
      history.replaceState(null, '', startUrl);
    });

    /** Opens a link's landing page: its query on this page, and `<passkey-register from-url>`. */
    async function openLanding(link: string, api: ApiGeneration) {
      history.replaceState(null, '', `${location.pathname}${new URL(link).search}`);
      // No token on a landing page: the proxy at /zitadel adds the login client's, as ZITADEL requires.
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url base-url="/zitadel" api=${api}></passkey-register>`,
      );
      return new RegistrationHarness(element);
    }

    // v1 registers nothing itself: its link leads to ZITADEL's login, which registers with the code on v2.
    for (const [api, landingApi] of [
      ['v2', 'v2'],
      ['v3alpha', 'v3alpha'],
      ['v1', 'v2'],
    ] as const) {
      it(`${api}: admin creates a link, the user registers with it once, a second use fails`, async () => {
        const { harness } = await linkAdmin({ api, orgId: USERS.bob.orgId });
        const { detail: created } = await harness.submitAndWait('link-created');

        const landing = await openLanding(created.link!, landingApi);
        expect(location.search).not.to.contain('code');
        const { detail: registered } = await landing.clickAndWait('registration-success');
        expect(registered.userId).to.equal(USERS.bob.id);
        expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(1);

        const again = await openLanding(created.link!, landingApi);
        const { detail: reused } = await again.clickAndWait('registration-error');
        expect(reused.code).to.equal('invalid-code');
        expect(reused.message).to.contain('Ask for a new link');
      });
    }

    it('an expired link ends in invalid-code', async () => {
      await fetch('/__mock/config', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ codeTtlMs: 50 }),
      });
      const { harness } = await linkAdmin();
      const { detail } = await harness.submitAndWait('link-created');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const landing = await openLanding(detail.link!, 'v2');
      const { detail: error } = await landing.clickAndWait('registration-error');
      expect(error.code).to.equal('invalid-code');
    });
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { PasskeyRegisterElement, U2fRegisterElement } from '../src/index.js';
import { INSTANCE, TOKENS, USERS } from '../mock/seed.js';
import { engine, useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import { clickPlatformRegistration } from './support/platform.js';

describe('ZITADEL v3alpha', () => {
  beforeEach(async () => {
    await mockApi.reset();
    // ZITADEL v4 answers these rpcs with 501 (tested in test/backends/); the mock can play them as the protos describe.
    await mockApi.configure({ v3alpha: 'implemented' });
  });

  describe('<passkey-register api="v3alpha">', () => {
    useVirtualAuthenticator();

    it('registers a passkey with StartWebAuthNRegistration and VerifyWebAuthNRegistration', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register
          api="v3alpha"
          user-id=${USERS.alice.id}
          authenticator="platform"
        ></passkey-register>`,
      );
      element.token = TOKENS.alice;
      const detail = await clickPlatformRegistration(new RegistrationHarness(element));

      const requests = await mockApi.requests();
      expect(requests[0]).to.deep.include({
        rpc: 'StartWebAuthNRegistration',
        method: 'POST',
        path: `/resources/v3alpha/users/${USERS.alice.id}/webauthn`,
        body: { domain: 'localhost', authenticatorType: 'WEB_AUTH_N_AUTHENTICATOR_PLATFORM' },
      });
      expect(requests[0]!.query).to.deep.equal({});
      if (!detail) {
        // Firefox on Linux refused the platform choice (clickPlatformRegistration checked how): no verify.
        expect(requests).to.have.length(1);
        return;
      }
      expect(requests.map((r) => `${r.rpc} ${r.method} ${r.path}`)).to.deep.equal([
        `StartWebAuthNRegistration POST /resources/v3alpha/users/${USERS.alice.id}/webauthn`,
        `VerifyWebAuthNRegistration POST /resources/v3alpha/users/${USERS.alice.id}/webauthn/${detail.id}/_verify`,
      ]);
      expect(requests[1]!.body).to.deep.equal({
        publicKeyCredential: detail.credential,
        webAuthNName: engine.deviceName,
      });
      const [stored] = await mockApi.registeredOf(USERS.alice.id);
      expect(stored).to.include({ id: detail.id, credentialId: detail.credential.id });
    });

    it('hands the v3alpha details (id, created, changed, owner) to the success event', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register api="v3alpha" user-id=${USERS.alice.id}></passkey-register>`,
      );
      element.token = TOKENS.alice;
      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-success');
      expect(detail.details).to.have.property('id').that.is.a('string');
      expect(detail.details).to.have.property('changed').that.is.a('string');
      expect(detail.details).to.have.deep.property('owner', {
        type: 'OWNER_TYPE_ORG',
        id: USERS.alice.orgId,
      });
    });

    it('sends instance.domain and organization.orgId as query parameters', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register
          api="v3alpha"
          user-id=${USERS.carol.id}
          org-id=${USERS.carol.orgId}
          instance-domain=${INSTANCE.domain}
        ></passkey-register>`,
      );
      element.token = TOKENS.carol;
      await new RegistrationHarness(element).clickAndWait('registration-success');
      for (const request of await mockApi.requests()) {
        expect(request.query).to.deep.equal({
          'instance.domain': INSTANCE.domain,
          'organization.orgId': USERS.carol.orgId,
        });
      }
    });

    it('reports not-found when the user is not in the organization given', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register
          api="v3alpha"
          user-id=${USERS.carol.id}
          org-id=${USERS.alice.orgId}
        ></passkey-register>`,
      );
      element.token = TOKENS.carol;
      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-error');
      expect(detail.code).to.equal('not-found');
    });

    it('registers with a registration code and no token in the page (the proxy adds the login client’s)', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register
          api="v3alpha"
          base-url="/zitadel"
          user-id=${USERS.bob.id}
          code-id=${code.id}
          code=${code.code}
        ></passkey-register>`,
      );
      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-success');
      const [start, verify] = await mockApi.requests();
      expect(start!.body).to.deep.equal({ domain: 'localhost', code: { id: code.id, code: code.code } });
      expect(start!.tokenOwner).to.equal('login-client');
      expect(verify!.tokenOwner).to.equal('login-client');
      expect((await mockApi.registeredOf(USERS.bob.id))[0]!.id).to.equal(detail.id);
    });

    it('reports invalid-code for a used code', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const make = () =>
        fixture<PasskeyRegisterElement>(
          html`<passkey-register
            api="v3alpha"
            base-url="/zitadel"
            user-id=${USERS.bob.id}
            code-id=${code.id}
            code=${code.code}
          ></passkey-register>`,
        );
      await new RegistrationHarness(await make()).clickAndWait('registration-success');
      const { detail } = await new RegistrationHarness(await make()).clickAndWait('registration-error');
      expect(detail.code).to.equal('invalid-code');
    });
  });

  describe('<u2f-register api="v3alpha">', () => {
    useVirtualAuthenticator({ transport: 'usb', hasResidentKey: false, hasUserVerification: false });

    it('registers a security key as a cross-platform WebAuthN authenticator', async () => {
      const element = await fixture<U2fRegisterElement>(
        html`<u2f-register api="v3alpha" user-id=${USERS.alice.id} token-name="Blue key"></u2f-register>`,
      );
      element.token = TOKENS.alice;
      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-success');
      expect(detail.kind).to.equal('u2f');
      const [start, verify] = await mockApi.requests();
      expect(start!.rpc).to.equal('StartWebAuthNRegistration');
      expect(start!.body).to.deep.equal({
        domain: 'localhost',
        authenticatorType: 'WEB_AUTH_N_AUTHENTICATOR_CROSS_PLATFORM',
      });
      expect(verify!.body).to.deep.equal({
        publicKeyCredential: detail.credential,
        webAuthNName: 'Blue key',
      });
      expect(detail.details).to.have.nested.property('owner.type', 'OWNER_TYPE_ORG');
    });
  });
});

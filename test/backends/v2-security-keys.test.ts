/**
 * v2 lists and deletes security keys against the mock, which answers ListAuthenticationFactors as ZITADEL
 * does: `{result: [{state, u2f: {id, name}}]}`, the list left out when empty. (The mock's route arrives
 * with the mock's own change; until then this file fails on the missing route.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { U2fRegisterElement } from '../../src/index.js';
import { zitadelV2 } from '../../src/backends/zitadel-v2.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

describe('v2 security keys against the mock', () => {
  useVirtualAuthenticator({ transport: 'usb', hasResidentKey: false });

  beforeEach(async () => {
    await mockApi.reset();
  });

  it('lists a registered security key by its u2f id and name, and RemoveU2F deletes it', async () => {
    const element = await fixture<U2fRegisterElement>(
      html`<u2f-register user-id=${USERS.alice.id}></u2f-register>`,
    );
    element.token = TOKENS.alice;
    await new RegistrationHarness(element).clickAndWait('registration-success');
    const [registered] = await mockApi.registeredOf(USERS.alice.id);

    const backend = zitadelV2({ token: TOKENS.alice });
    const signal = new AbortController().signal;
    const list = await backend.listAuthenticators!({ userId: USERS.alice.id }, signal);
    expect(list).to.deep.equal({
      authenticators: [{ id: registered!.id, kind: 'u2f', name: registered!.name, state: 'ready' }],
      unlisted: [],
    });
    const rpcs = (await mockApi.requests()).map((request) => request.rpc);
    expect(rpcs).to.include.members(['ListPasskeys', 'ListAuthenticationFactors']);
    expect(rpcs).not.to.include('ListAuthenticationMethodTypes');

    await backend.removeAuthenticator!({ userId: USERS.alice.id, id: registered!.id, kind: 'u2f' }, signal);
    expect(await mockApi.registeredOf(USERS.alice.id)).to.deep.equal([]);
    expect(
      (await backend.listAuthenticators!({ userId: USERS.alice.id }, signal)).authenticators,
    ).to.deep.equal([]);
  });

  it('on v3alpha a 501 from ZITADEL v4 is unsupported, naming the API', async () => {
    await mockApi.fault({ rpc: 'StartWebAuthNRegistration', status: 501 });
    const element = await fixture<U2fRegisterElement>(
      html`<u2f-register api="v3alpha" user-id=${USERS.alice.id}></u2f-register>`,
    );
    element.token = TOKENS.alice;
    const { detail } = await new RegistrationHarness(element).clickAndWait('registration-error');
    expect(detail.code).to.equal('unsupported');
    expect(detail.message).to.contain('v3alpha');
  });
});

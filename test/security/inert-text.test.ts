/**
 * Text from outside is rendered as inert text in a registration: every hostile payload as the passkey name
 * shown after registering (a real ceremony each), and a server's error messages. The page's strings, the
 * links and names a server returns are test/security/inert-text-links-and-lists.test.ts, which runs in
 * every engine.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { PasskeyRegisterElement } from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness, harnessFor } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';
import { markdownSection, statedNumber } from '../support/readme.js';
import { PAYLOADS, failIfAPayloadRuns, injectedElements, settle } from './payloads.js';

/** The payloads this run rendered as passkey names, one case each, for the README's count. */
const payloadsRun = new Set<string>();

describe('text from outside is rendered as inert text', () => {
  failIfAPayloadRuns();

  beforeEach(async () => {
    await mockApi.reset();
  });

  describe('in a passkey name shown after registering', () => {
    const authenticator = useVirtualAuthenticator();

    PAYLOADS.forEach((payload, index) => {
      it(`payload ${index + 1}: ${payload}`, async () => {
        payloadsRun.add(payload);
        // Each payload gets its own user so one authenticator can hold them all.
        // Each with the user's own token: ZITADEL starts a registration without a code for no one else.
        const users = [
          { ...USERS.alice, token: TOKENS.alice },
          { ...USERS.bob, token: TOKENS.bob },
          { ...USERS.carol, token: TOKENS.carol },
        ];
        const user = users[index % users.length]!;
        if (index >= users.length) {
          await authenticator.replace();
        }
        const element = await fixture<PasskeyRegisterElement>(
          html`<passkey-register user-id=${user.id} passkey-name=${payload}></passkey-register>`,
        );
        element.token = user.token;
        const harness = new RegistrationHarness(element);
        const { detail } = await harness.clickAndWait('registration-success');
        expect(detail.name).to.equal(payload);
        expect(harness.statusText).to.contain(payload);
        await settle();
        expect(injectedElements(harnessFor(element).root)).to.deep.equal([]);
      });
    });
  });

  it('in error messages from the server: never shown, the element shows its own words', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    for (const payload of PAYLOADS) {
      await mockApi.fault({
        rpc: 'RegisterPasskey',
        status: 400,
        body: JSON.stringify({
          code: 3,
          message: payload,
          details: [{ '@type': payload, message: payload }],
        }),
      });
      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-error');
      expect(detail.message).not.to.contain(payload);
      expect(harnessFor(element).markup).not.to.contain(payload);
      expect(injectedElements(harnessFor(element).root)).to.deep.equal([]);
      // invalid-input offers no retry button: the page starts over for the next payload.
      element.reset();
      await element.updateComplete;
    }
    await settle();
  });
});

describe('the documents on hostile text', () => {
  it('state the number of payloads this run rendered', async () => {
    expect(payloadsRun.size).to.equal(PAYLOADS.length);
    const reliability = await markdownSection('Reliability');
    expect(statedNumber(reliability, /\*\*(\d+) hostile payloads\*\*/)).to.equal(payloadsRun.size);
    const guarantees = await markdownSection('What the kit guarantees', '/SECURITY.md');
    expect(statedNumber(guarantees, /inert-text\.test\.ts` \((\d+) payloads\)/)).to.equal(payloadsRun.size);
  });
});

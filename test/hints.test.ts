import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { PasskeyRegisterElement, U2fRegisterElement } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import { clickPlatformRegistration } from './support/platform.js';

/** Records the hints each `navigator.credentials.create()` call receives, then lets it run for real. */
function recordHints() {
  const seen: (readonly string[] | undefined)[] = [];
  const realCreate = navigator.credentials.create.bind(navigator.credentials);
  navigator.credentials.create = (options?: CredentialCreationOptions) => {
    seen.push((options?.publicKey as { hints?: string[] } | undefined)?.hints);
    return realCreate(options);
  };
  return { seen, restore: () => (navigator.credentials.create = realCreate) };
}

describe('WebAuthn hints reach navigator.credentials.create', () => {
  // Each test swaps it for one of the kind it asks for.
  const authenticator = useVirtualAuthenticator();
  let hints: ReturnType<typeof recordHints>;

  beforeEach(async () => {
    await mockApi.reset();
    hints = recordHints();
  });

  afterEach(async () => {
    hints.restore();
  });

  // The virtual authenticator must be of the kind asked for, or the browser waits for another one.
  const passkeyCases: [string, string[] | undefined, 'internal' | 'usb'][] = [
    ['platform', ['client-device'], 'internal'],
    ['cross-platform', ['hybrid'], 'usb'],
    ['', undefined, 'internal'],
  ];
  for (const [authenticatorKind, expected, transport] of passkeyCases) {
    it(`<passkey-register authenticator="${authenticatorKind}"> asks for ${JSON.stringify(expected)}`, async () => {
      await authenticator.replace({ transport });
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register
          user-id=${USERS.alice.id}
          authenticator=${authenticatorKind}
        ></passkey-register>`,
      );
      element.token = TOKENS.alice;
      const harness = new RegistrationHarness(element);
      // The hint reaches the browser in every engine; Firefox on Linux then refuses the platform choice.
      if (authenticatorKind === 'platform') await clickPlatformRegistration(harness);
      else await harness.clickAndWait('registration-success');
      expect(hints.seen).to.deep.equal([expected]);
    });
  }

  it('<u2f-register> asks for the security-key picker', async () => {
    await authenticator.replace({ transport: 'usb', hasResidentKey: false });
    const element = await fixture<U2fRegisterElement>(
      html`<u2f-register user-id=${USERS.alice.id}></u2f-register>`,
    );
    element.token = TOKENS.alice;
    await new RegistrationHarness(element).clickAndWait('registration-success');
    expect(hints.seen).to.deep.equal([['security-key']]);
  });
});

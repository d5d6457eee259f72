import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { PasskeyRegisterElement, U2fRegisterElement } from '../src/index.js';
import { en } from '../src/i18n/en.js';
import { withVirtualAuthenticator } from './support/authenticator.js';
import { harnessFor } from './support/harness/index.js';

type Probe = 'getClientCapabilities' | 'isUserVerifyingPlatformAuthenticatorAvailable';
const saved = new Map<string, PropertyDescriptor | undefined>();

/** Replaces a static method of PublicKeyCredential (or removes it with `undefined`) for one test. */
function stub(name: Probe, value: unknown): void {
  if (!saved.has(name)) saved.set(name, Object.getOwnPropertyDescriptor(PublicKeyCredential, name));
  Object.defineProperty(PublicKeyCredential, name, { value, configurable: true, writable: true });
}

async function connected<T extends PasskeyRegisterElement | U2fRegisterElement>(
  make: () => Promise<T>,
): Promise<T> {
  const element = await make();
  if (!element.capabilities) await oneEvent(element, 'capabilities-change');
  await element.updateComplete;
  return element;
}

const note = (element: HTMLElement) => harnessFor(element).noteText;

describe('capabilities', () => {
  afterEach(async () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(PublicKeyCredential, name, descriptor);
      else Reflect.deleteProperty(PublicKeyCredential, name);
    }
    saved.clear();
  });

  it("reads the browser's getClientCapabilities() and reflects them as an attribute", async () => {
    await withVirtualAuthenticator({}, async () => {
      const element = await connected(() =>
        fixture<PasskeyRegisterElement>(html`<passkey-register></passkey-register>`),
      );
      const expected = await (
        PublicKeyCredential as unknown as { getClientCapabilities(): Promise<Record<string, boolean>> }
      ).getClientCapabilities();
      expect(element.capabilities).to.deep.include({
        webauthn: true,
        platformAuthenticator: expected.userVerifyingPlatformAuthenticator ?? false,
        source: 'getClientCapabilities',
      });
      expect(element.getAttribute('capabilities')?.split(' ')).to.include('webauthn');
    });
  });

  it('explains before the click that this device has no passkey provider, when platform is asked for', async () => {
    stub('getClientCapabilities', async () => ({
      userVerifyingPlatformAuthenticator: false,
      hybridTransport: true,
    }));
    const element = await connected(() =>
      fixture<PasskeyRegisterElement>(html`<passkey-register authenticator="platform"></passkey-register>`),
    );
    expect(element.getAttribute('capabilities')).to.equal('webauthn hybrid');
    expect(note(element)).to.equal(en.capabilityNoPlatform);
    await expect(element).to.be.accessible();
  });

  it('falls back to isUserVerifyingPlatformAuthenticatorAvailable() where getClientCapabilities is missing', async () => {
    stub('getClientCapabilities', undefined);
    stub('isUserVerifyingPlatformAuthenticatorAvailable', async () => false);
    const element = await connected(() =>
      fixture<PasskeyRegisterElement>(html`<passkey-register></passkey-register>`),
    );
    expect(element.capabilities).to.deep.equal({
      webauthn: true,
      platformAuthenticator: false,
      hybrid: undefined,
      source: 'isUserVerifyingPlatformAuthenticatorAvailable',
    });
    expect(element.getAttribute('capabilities')).to.equal('webauthn');
    expect(note(element)).to.equal(en.capabilityOtherDevice);
  });

  it('says nothing extra when this device has a passkey provider', async () => {
    stub('getClientCapabilities', async () => ({ userVerifyingPlatformAuthenticator: true }));
    const element = await connected(() =>
      fixture<PasskeyRegisterElement>(html`<passkey-register></passkey-register>`),
    );
    expect(element.getAttribute('capabilities')).to.equal('webauthn platform');
    expect(note(element)).to.equal('');
  });

  it('treats a failing probe as unknown, never as an error', async () => {
    stub('getClientCapabilities', async () => {
      throw new Error('not allowed');
    });
    stub('isUserVerifyingPlatformAuthenticatorAvailable', async () => {
      throw new Error('not allowed');
    });
    const element = await connected(() =>
      fixture<PasskeyRegisterElement>(html`<passkey-register></passkey-register>`),
    );
    expect(element.capabilities?.platformAuthenticator).to.equal(false);
  });

  it('tells a browser without WebAuthn what to do instead, before the click', async () => {
    const real = window.PublicKeyCredential;
    Object.defineProperty(window, 'PublicKeyCredential', {
      value: undefined,
      configurable: true,
      writable: true,
    });
    try {
      const element = await connected(() =>
        fixture<PasskeyRegisterElement>(html`<passkey-register></passkey-register>`),
      );
      expect(element.capabilities?.webauthn).to.equal(false);
      expect(element.getAttribute('capabilities')).to.equal('');
      expect(note(element)).to.equal(en.capabilityNoWebAuthn);
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', {
        value: real,
        configurable: true,
        writable: true,
      });
    }
  });

  it('a security key does not need a passkey provider on this device', async () => {
    stub('getClientCapabilities', async () => ({ userVerifyingPlatformAuthenticator: false }));
    const element = await connected(() => fixture<U2fRegisterElement>(html`<u2f-register></u2f-register>`));
    expect(note(element)).to.equal('');
  });
});

import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';

import type { PropertyDeclarations } from 'lit';
import { RegistrationElement } from './registration-element.js';

/**
 * Registers a U2F / FIDO security key as a second factor for a ZITADEL user. The user must be
 * authorized, by `token` or by the page's proxy.
 *
 * @tagname u2f-register
 * @summary A button that adds a security key as a second factor in ZITADEL.
 */
export class U2fRegisterElement extends RegistrationElement {
  /** The reactive properties, each documented at its field below (see src/internal/README.md). */
  static override properties: PropertyDeclarations = {
    tokenName: { attribute: 'token-name' },
  };

  protected readonly kind = 'u2f';

  /** Name stored with the security key; when empty, its family ("YubiKey") or "Security key" and the date. */
  tokenName?: string;

  constructor() {
    super();
    // A security key is a roaming authenticator: ask for one, not for this device's passkey provider.
    this.authenticator = 'cross-platform';
  }

  /** Asks the browser for its security-key picker rather than passkey providers. */
  protected override hints(): PublicKeyCredentialHint[] {
    return ['security-key'];
  }

  protected get credentialName(): string | undefined {
    return this.tokenName;
  }

  /**
   * "Security key, 1 Dec 2026": a key travels between computers, so the browser and OS it was added on
   * (a passkey's default name) would say nothing about it later, and would read like a passkey of that
   * device. The day it was added tells two keys apart in the list, beside the family name ("YubiKey")
   * that replaces this default where the key's AAGUID is known.
   */
  protected override defaultName(): string {
    let date: string;
    try {
      date = new Intl.DateTimeFormat(this.language, { dateStyle: 'medium' }).format(new Date());
    } catch {
      // An unknown `lang` value: the date in the browser's own format.
      date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date());
    }
    return this.messages.securityKeyName(date);
  }
}

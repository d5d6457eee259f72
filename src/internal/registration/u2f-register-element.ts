import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import { property } from 'lit/decorators.js';

import { RegistrationElement } from './registration-element.js';

/**
 * Registers a U2F / FIDO security key as a second factor for a ZITADEL user. The user must be
 * authorized, by `token` or by the page's proxy.
 *
 * @tagname u2f-register
 * @summary A button that adds a security key as a second factor in ZITADEL.
 *
 * @event registration-start - Before any request; cancelable. `detail: { kind: "u2f", userId }`.
 * @event registration-success - The security key is registered. `detail: RegistrationSuccessDetail`.
 * @event registration-error - The registration failed. `detail: RegistrationErrorDetail`.
 * @event capabilities-change - The `capabilities` of this browser and device are known.
 *
 * @slot done - Shown after a successful registration: the page's next step.
 *
 * @csspart base - The wrapper of status, message and button.
 * @csspart status - The live region that says what is happening.
 * @csspart message - The error message with what to do next.
 * @csspart actions - The row of the button, the Cancel and the countdown.
 * @csspart button - The button that starts the registration; while busy it says what is happening.
 * @csspart progress - The busy indicator in the button while starting and verifying (still with reduced motion).
 * @csspart cancel - While the browser's prompt is open: stops it; the registration ends with `cancelled`.
 * @csspart countdown - While the prompt is open: the time the browser still waits (mm:ss), from the options' `timeout`.
 * @csspart field - The optional name field (`ask-name`), with its label.
 * @csspart input - The name input.
 * @csspart note - Before the click: what this device cannot do, and what to do instead.
 * @csspart continue - The "Continue" link to `continue-url` after a successful registration, styled as the primary action.
 *
 * @cssprop --pk-accent-color - Background of the button.
 * @cssprop --pk-on-accent-color - Text colour on the button.
 * @cssprop --pk-text-color - Text colour.
 * @cssprop --pk-muted-color - Colour of the status line.
 * @cssprop --pk-error-color - Colour of error messages.
 * @cssprop --pk-success-color - Colour of the success message.
 * @cssprop --pk-radius - Corner radius.
 * @cssprop --pk-spacing - Space between the parts.
 * @cssprop --pk-font-family - Font.
 * @cssprop --pk-progress-color - Colour of the busy indicator (default: the button's text colour).
 * @cssprop --pk-countdown-color - Colour of the countdown (default: `--pk-muted-color`).
 * @cssprop --pk-surface-color - Background with an explicit `theme` (default: `Canvas` of that scheme).
 */
export class U2fRegisterElement extends RegistrationElement {
  protected readonly kind = 'u2f';

  /** Name stored with the security key; when empty, its family ("YubiKey") or "Security key" and the date. */
  @property({ attribute: 'token-name' }) tokenName?: string;

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

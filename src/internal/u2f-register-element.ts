import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import { property } from 'lit/decorators.js';

import {
  RegistrationElement,
  type KindTexts,
  type RegistrationElementMessages,
} from './registration-element.js';

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
 * @csspart button - The button that starts the registration.
 * @csspart field - The optional name field (`ask-name`), with its label.
 * @csspart input - The name input.
 * @csspart note - Before the click: what this device cannot do, and what to do instead.
 * @csspart continue - The "Continue" link to `continue-url`, after a successful registration.
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
 * @cssprop --pk-surface-color - Background with an explicit `theme` (default: `Canvas` of that scheme).
 */
export class U2fRegisterElement extends RegistrationElement {
  protected readonly kind = 'u2f';

  /** Name stored with the security key; derived from the browser and OS when empty. */
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

  protected kindTexts(messages: RegistrationElementMessages): KindTexts {
    return {
      button: messages.u2fButton,
      retryButton: messages.u2fRetryButton,
      anotherButton: messages.u2fAnotherButton,
      idle: messages.u2fIdle,
      prompting: messages.u2fPrompting,
      success: messages.u2fSuccess,
    };
  }
}

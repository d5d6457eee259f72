import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import { isServer, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { RegistrationCode } from '../../backends/types.js';

import { RegistrationError } from '../../core/errors.js';
import { RegistrationElement } from './registration-element.js';
import { readRegistrationLink, removeCodeFromAddressBar } from './link-parameters.js';

/**
 * Registers a passkey for a ZITADEL user: starts the registration at the backend, lets the browser create
 * the credential and has the backend verify it. Also the landing page of a registration link (`from-url`).
 *
 * @tagname passkey-register
 * @summary A button that creates a passkey and registers it with ZITADEL.
 *
 * @event registration-start - Before any request; cancelable. `detail: { kind, userId }`.
 * @event registration-success - The passkey is registered. `detail: RegistrationSuccessDetail`.
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
export class PasskeyRegisterElement extends RegistrationElement {
  protected readonly kind = 'passkey';

  /** Id of the one-time code of a registration link. */
  @property({ attribute: 'code-id' }) codeId?: string;

  /** The one-time code of a registration link: lets a user without a session register. */
  @property() code?: string;

  /**
   * Read the registration link from the page URL — ZITADEL Login v1 names (`userID`, `orgID`, `codeID`,
   * `code`) or Login v2 names (`userId`, `organization`, `id`, `code`), in the query or in the fragment —
   * then remove the code and its id from the address bar and the current history entry, keeping every
   * other parameter. Nothing is sent until the person presses the button.
   */
  @property({ type: Boolean, attribute: 'from-url' }) fromUrl = false;

  /** Name stored with the passkey; derived from the browser and OS when empty. */
  @property({ attribute: 'passkey-name' }) passkeyName?: string;

  protected get credentialName(): string | undefined {
    return this.passkeyName;
  }

  /** This device's passkey provider for `platform`, a phone (or key) for `cross-platform`. */
  protected override hints(): PublicKeyCredentialHint[] {
    if (this.authenticator === 'platform') return ['client-device'];
    if (this.authenticator === 'cross-platform') return ['hybrid'];
    return [];
  }

  protected override registrationCode(): RegistrationCode | undefined {
    const id = this.codeId?.trim();
    const code = this.code?.trim();
    if (!id && !code) return undefined;
    if (!id || !code) {
      throw new RegistrationError('invalid-input', 'code-id and code must be given together');
    }
    return { id, code };
  }

  /**
   * `from-url` on a page whose address carries no link: no button that can only fail, but what to open. A
   * server cannot see the address (the fragment never reaches it): it renders the button, which people
   * arriving by their link then find in place.
   */
  protected override blockedNote(): string {
    if (isServer || !this.fromUrl || this.userId?.trim() || this.code?.trim()) return '';
    return this.messages.linkMissing;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // On a server (`@lit-labs/ssr`) there is no address bar: the browser reads the link when it hydrates.
    if (changed.has('fromUrl') && this.fromUrl && !isServer) this.#readLink();
  }

  #readLink(): void {
    const link = readRegistrationLink(new URL(location.href));
    if (link.userId) this.userId = link.userId;
    if (link.orgId) this.orgId = link.orgId;
    if (link.codeId) this.codeId = link.codeId;
    if (link.code) this.code = link.code;
    removeCodeFromAddressBar(location, history);
  }
}

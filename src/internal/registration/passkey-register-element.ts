import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import { isServer, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { RegistrationCode } from '../../backends/types.js';

import { RegistrationError } from '../../core/errors.js';
import { RegistrationElement } from './registration-element.js';
import { readRegistrationLink, removeCodeFromAddressBar, savedCode } from './link-parameters.js';
import { hasWebAuthn } from './capabilities.js';

/**
 * Registers a passkey for a ZITADEL user: starts the registration at the backend, lets the browser create
 * the credential and has the backend verify it. Also the landing page of a registration link (`from-url`).
 *
 * @tagname passkey-register
 * @summary A button that creates a passkey and registers it with ZITADEL.
 */
export class PasskeyRegisterElement extends RegistrationElement {
  /** The reactive properties, each documented at its field below (see src/internal/README.md). */
  static override properties: PropertyDeclarations = {
    codeId: { attribute: 'code-id' },
    code: {},
    fromUrl: { type: Boolean, attribute: 'from-url' },
    passkeyName: { attribute: 'passkey-name' },
  };

  protected readonly kind = 'passkey';

  /** Id of the one-time code of a registration link. */
  codeId?: string;

  /** The one-time code of a registration link: lets a user without a session register. */
  code?: string;

  /**
   * Read the registration link from the page URL — ZITADEL Login v1 names (`userID`, `orgID`, `codeID`,
   * `code`) or Login v2 names (`userId`, `organization`, `id`, `code`), in the query or in the fragment —
   * then remove the code and its id from the address bar and the current history entry, keeping every
   * other parameter. Nothing is sent until the person presses the button. In a browser without WebAuthn
   * (many in-app browsers) the code stays in the address bar and no button is offered: the link is unspent,
   * and the app's "Open in browser" must carry it to a browser that can register.
   */
  fromUrl = false;

  /** Name stored with the passkey; derived from the browser and OS when empty. */
  passkeyName?: string;

  protected get credentialName(): string | undefined {
    return this.passkeyName;
  }

  /** This device's passkey provider for `platform`, a phone (or key) for `cross-platform`. */
  protected override hints(): PublicKeyCredentialHint[] {
    if (this.authenticator === 'platform') return ['client-device'];
    if (this.authenticator === 'cross-platform') return ['hybrid'];
    return [];
  }

  protected override isLandingPage(): boolean {
    return this.fromUrl;
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
    if (isServer || this.#hydrating || !this.fromUrl) return '';
    const code = this.code?.trim();
    // A user without a code registers only with a session; without one, the link is what is missing.
    if (!code) return this.userId?.trim() && this.hasSession ? '' : this.messages.linkMissing;
    // A click could only fail here, before anything is sent: the person takes the unspent link elsewhere.
    return hasWebAuthn() ? '' : this.messages.linkNoWebAuthn;
  }

  /**
   * The first render hydrates markup the server drew (declarative shadow DOM), which must match it: the
   * server had no address to read, so what the address says (a note in place of the button) comes next.
   */
  #hydrating = false;

  override connectedCallback(): void {
    // A shadow root before Lit made one: the server's.
    if (!this.hasUpdated && this.shadowRoot) this.#hydrating = true;
    super.connectedCallback();
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    if (!this.#hydrating) return;
    this.#hydrating = false;
    // After this update, not inside it.
    queueMicrotask(() => this.requestUpdate());
  }

  constructor() {
    super();
    // The link's code is spent: a reload of the tab must not offer it again.
    this.addEventListener('registration-success', (event) => {
      const { userId } = (event as CustomEvent<{ userId: string }>).detail;
      if (this.fromUrl && this.code) savedCode.forget(userId);
    });
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
    if (link.userId && link.codeId && link.code) {
      savedCode.keep(link.userId, { codeId: link.codeId, code: link.code });
    } else if (link.userId && !link.codeId && !link.code) {
      // The address bar lost the code when the link was first opened in this tab (a reload since).
      const saved = savedCode.read(link.userId);
      if (saved) {
        this.codeId = saved.codeId;
        this.code = saved.code;
      }
    }
    // Where no passkey can be made, the address is how the link reaches a browser that can make one.
    if (hasWebAuthn()) removeCodeFromAddressBar(location, history);
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import type { AuthenticatorPreference, RegistrationCode, RegistrationKind } from '../backends/types.js';
import { common } from '../i18n/en/common.js';
import { registration } from '../i18n/en/registration.js';
import type { CommonMessages, MessageFamily, RegistrationMessages } from '../i18n/messages.js';
import { baseStyles, themeTokens } from '../styles/shared.js';
import type { CeremonyRequest, CeremonyStage } from './ceremony.js';
import { capabilityTokens, detectCapabilities, type Capabilities } from './capabilities.js';
import type { AbortReason } from './ceremony-controller.js';
import { ConfiguredElement, toRegistrationError } from './configured-element.js';
import { RegistrationError } from './errors.js';
import { emit, type RegistrationSuccess } from './events.js';
import { lazyModule } from './lazy.js';
import type { RegistrationDriver } from './registration-driver.js';

export type RegistrationState = 'idle' | CeremonyStage | 'success' | 'error';

/** The texts that differ between a passkey and a security key. */
export interface KindTexts {
  button: string;
  retryButton: string;
  anotherButton: string;
  idle: string;
  prompting: string;
  success: (name: string) => string;
}

const MAX_NAME_LENGTH = 200;

/** The texts of the registration elements. */
export type RegistrationElementMessages = CommonMessages & RegistrationMessages;

const ENGLISH: RegistrationElementMessages = { ...common, ...registration };

/** The driver of the ceremony, with `@simplewebauthn/browser`, loaded with the adapters (see `./lazy.ts`). */
const driverModule = lazyModule('registration ceremony', () => import('./registration-driver.js'));

/**
 * The shared shell of `<passkey-register>` and `<u2f-register>`: configuration, the state machine,
 * the events and the button. `RegistrationDriver` runs the ceremony; this class renders what it reports.
 */
export abstract class RegistrationElement extends ConfiguredElement<RegistrationElementMessages> {
  static override styles = [themeTokens, baseStyles];

  protected readonly messageFamilies: readonly MessageFamily[] = ['common', 'registration'];
  protected readonly english = ENGLISH;

  /** The user who registers. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** The relying-party ID sent to the server as `domain`; defaults to `location.hostname`. */
  @property() domain?: string;

  /** Which kind of authenticator to ask for; empty for any. */
  @property() authenticator: AuthenticatorPreference = '';

  /**
   * Fetch the creation options before the click — when the element becomes visible, on hover or on focus —
   * and again before they expire, so the click opens the browser's prompt at once, inside the user
   * gesture. On by default when a registration code is present.
   */
  @property({ type: Boolean }) prefetch = false;

  /** Show a name field before the prompt; left empty, the provider's or the device's name is used. */
  @property({ type: Boolean, attribute: 'ask-name' }) askName = false;

  @state() private _state: RegistrationState = 'idle';
  @state() private _enteredName = '';
  @state() private _errorMessage = '';
  @state() private _successName = '';
  @state() private _capabilities: Capabilities | undefined;

  #running: Promise<RegistrationSuccess> | undefined;
  #driver: RegistrationDriver | undefined;

  protected abstract readonly kind: RegistrationKind;
  protected abstract kindTexts(messages: RegistrationElementMessages): KindTexts;
  /** The name to store with the credential, from an attribute; empty means derive one. */
  protected abstract get credentialName(): string | undefined;
  /** WebAuthn hints for the browser's picker; none by default. */
  protected hints(): PublicKeyCredentialHint[] {
    return [];
  }

  /** The one-time code of a registration link, where the element has one. */
  protected registrationCode(): RegistrationCode | undefined {
    return undefined;
  }

  /** Where the ceremony is; reflected as the `state` attribute for styling. */
  get state(): RegistrationState {
    return this._state;
  }

  /**
   * What this browser and device can do, found when the element connects (`undefined` until then).
   * Reflected as the `capabilities` attribute: `webauthn`, `platform`, `hybrid` tokens, for
   * `passkey-register:not([capabilities~=platform])` in styles.
   */
  get capabilities(): Capabilities | undefined {
    return this._capabilities;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#setState(this._state);
    void this.#detectCapabilities();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#driver?.discard();
  }

  protected override preloadCode(): void {
    super.preloadCode();
    this.#loadDriver().catch(() => {});
  }

  protected override warmUp(): void {
    super.warmUp();
    // The driver decides whether to fetch ahead (`prefetch`, or a link's code).
    void this.#loadDriver().then(
      (driver) => driver.prefetch(),
      () => {},
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#driver?.changed(changed.keys());
  }

  /** The ceremony's driver, with `@simplewebauthn/browser`: loaded once, then at hand synchronously. */
  async #loadDriver(): Promise<RegistrationDriver> {
    if (this.#driver) return this.#driver;
    const { RegistrationDriver } = await driverModule.load();
    // The name field's placeholder is the default name, known now.
    if (this.askName) this.requestUpdate();
    return (this.#driver ??= new RegistrationDriver({
      element: this,
      kind: this.kind,
      request: () => this.#ceremonyRequest(),
      hasCode: () => this.#hasCode(),
      wantsPrefetch: () => this.#wantsPrefetch(),
      busy: () => this.#busy(),
      failed: () => this._state === 'error',
      resolveBackend: () => this.resolveBackend(),
      stage: (stage) => {
        this._errorMessage = '';
        this.#setState(stage);
      },
      succeeded: (result) => {
        this._successName = result.name;
        this.#setState('success');
      },
      fail: (error, abortReason) => this.#fail(error, abortReason),
    }));
  }

  #hasCode(): boolean {
    try {
      return this.registrationCode() !== undefined;
    } catch {
      return false;
    }
  }

  #wantsPrefetch(): boolean {
    return this.prefetch || this.#hasCode();
  }

  #busy(): boolean {
    return this._state === 'starting' || this._state === 'prompting' || this._state === 'verifying';
  }

  async #detectCapabilities(): Promise<void> {
    const capabilities = await detectCapabilities();
    this._capabilities = capabilities;
    this.setAttribute('capabilities', capabilityTokens(capabilities));
    this.dispatchEvent(new Event('capabilities-change'));
  }

  /** What the person should know before the click, from the capabilities; empty when all is well. */
  protected capabilityNote(): string {
    const capabilities = this._capabilities;
    if (!capabilities) return '';
    const messages = this.messages;
    if (!capabilities.webauthn) return messages.capabilityNoWebAuthn;
    if (this.kind !== 'passkey' || capabilities.platformAuthenticator) return '';
    return this.authenticator === 'platform' ? messages.capabilityNoPlatform : messages.capabilityOtherDevice;
  }

  /**
   * Runs the whole ceremony. Resolves with what the success event carries; rejects with a
   * `RegistrationError` after dispatching `registration-error`. While one runs, returns its promise.
   * Rejects with `aborted` and no event when a `registration-start` listener cancels, or when the element
   * leaves the page mid-ceremony.
   */
  register(): Promise<RegistrationSuccess> {
    this.#running ??= this.#register().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #register(): Promise<RegistrationSuccess> {
    // Loaded when the element became visible, hovered or focused: then nothing is awaited here, and a
    // prefetched click opens the prompt inside its gesture.
    let driver = this.#driver;
    if (!driver) {
      try {
        driver = await this.#loadDriver();
      } catch (caught) {
        throw this.#fail(toRegistrationError(caught));
      }
    }
    return driver.run();
  }

  /** Stops a running ceremony (it ends with `aborted`) and returns to idle. */
  reset(): void {
    this.#driver?.abort('reset');
    this._errorMessage = '';
    this._successName = '';
    this.#setState('idle');
  }

  /** A name from browser and OS, e.g. "Chrome on macOS"; empty until the driver has loaded. */
  protected defaultName(): string {
    const describe = driverModule.loaded?.describeDevice;
    if (!describe) return '';
    const { browser, os } = describe(navigator.userAgent);
    return this.messages.deviceName(browser, os);
  }

  /** What the ceremony needs from the element's settings; throws `invalid-input` for bad ones. */
  #ceremonyRequest(): CeremonyRequest {
    const userId = this.userId?.trim() ?? '';
    if (!userId) throw new RegistrationError('invalid-input', 'The user-id attribute is missing');
    const code = this.registrationCode();
    const given = (this.askName ? this._enteredName.trim() : '') || this.credentialName?.trim();
    return {
      kind: this.kind,
      userId,
      domain: this.domain || location.hostname,
      authenticator: this.authenticator,
      name: (given || this.defaultName()).slice(0, MAX_NAME_LENGTH),
      nameFromProvider: !given,
      hints: this.hints(),
      ...(code ? { code } : {}),
    };
  }

  /** Reports a failure (event, state, message) and returns the error for the promise to reject with. */
  #fail(error: RegistrationError, abortReason?: AbortReason): RegistrationError {
    // A removed element tells no one: the page that removed it has moved on.
    if (abortReason === 'disconnected' || !this.isConnected) {
      this.#setState('idle');
      return error;
    }
    const detail = this.errorDetail(error, this.kind);
    if (abortReason === 'reset') {
      // reset() already returned the element to idle; the event still tells the page why it stopped.
      this.#setState('idle');
    } else {
      this._errorMessage = detail.message;
      this.#setState('error');
    }
    emit(this, 'registration-error', detail);
    return error;
  }

  #setState(next: RegistrationState): void {
    // Where the person was working in the element (the button), the outcome takes the focus, so a
    // screen reader reads it and the keyboard continues from there.
    const moveFocus = (next === 'success' || next === 'error') && this.matches(':focus-within');
    this._state = next;
    if (this.getAttribute('state') !== next) this.setAttribute('state', next);
    if (moveFocus) {
      void this.updateComplete.then(() => {
        this.renderRoot
          .querySelector<HTMLElement>(next === 'error' ? '[part~="message"]' : '[part~="status"]')
          ?.focus();
      });
    }
  }

  #onClick(): void {
    // Failures are reported as events and on screen; the promise is for callers of register().
    this.register().catch(() => {});
  }

  protected statusText(texts: KindTexts): string {
    switch (this._state) {
      case 'idle':
        return texts.idle;
      case 'starting':
        return this.messages.starting;
      case 'prompting':
        return texts.prompting;
      case 'verifying':
        return this.messages.verifying;
      case 'success':
        return texts.success(this._successName);
      case 'error':
        return '';
    }
  }

  protected override render(): TemplateResult {
    const texts = this.kindTexts(this.messages);
    const busy = this.#busy();
    const label =
      this._state === 'error'
        ? texts.retryButton
        : this._state === 'success'
          ? texts.anotherButton
          : texts.button;
    return html`
      <div part="base">
        <p part="status" role="status" aria-live="polite" tabindex="-1">${this.statusText(texts)}</p>
        ${
          this._state === 'idle' && this.capabilityNote()
            ? html`<p part="note">${this.capabilityNote()}</p>`
            : nothing
        }
        ${this._errorMessage ? html`<p part="message" role="alert" tabindex="-1">${this._errorMessage}</p>` : nothing}
        ${
          this.askName && this._state !== 'success'
            ? html`<label part="field"
                >${this.messages.nameLabel}
                <input
                  part="input"
                  name="name"
                  maxlength="200"
                  autocomplete="off"
                  ?readonly=${busy}
                  placeholder=${this.defaultName()}
                  .value=${this._enteredName}
                  @input=${(event: Event) => (this._enteredName = (event.target as HTMLInputElement).value)}
                  @keydown=${(event: KeyboardEvent) => {
                    if (event.key === 'Enter') this.#onClick();
                  }}
              /></label>`
            : nothing
        }
        <button
          part="button"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${this.#onClick}
        >
          ${label}
        </button>
      </div>
    `;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import type { AuthenticatorPreference, RegistrationCode, RegistrationKind } from '../backends/types.js';
import type { RegistrationBackend } from '../backends/types.js';
import { common } from '../i18n/en/common.js';
import { registration } from '../i18n/en/registration.js';
import type { CommonMessages, MessageFamily, RegistrationMessages } from '../i18n/messages.js';
import { baseStyles, themeTokens } from '../styles/shared.js';
import type { CeremonyRequest, CeremonyStage, PreparedRegistration } from './ceremony.js';
import { capabilityTokens, detectCapabilities, type Capabilities } from './capabilities.js';
import { CeremonyController, type AbortReason } from './ceremony-controller.js';
import { ConfiguredElement, toRegistrationError } from './configured-element.js';
import { describeDevice } from './device-name.js';
import { RegistrationError } from './errors.js';
import { emit, type RegistrationStartDetail, type RegistrationSuccess } from './events.js';
import { lazyModule } from './lazy.js';

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

/** The ceremony and `@simplewebauthn/browser`, loaded with the adapters (see `./lazy.ts`). */
const ceremonyModule = lazyModule('registration ceremony', () => import('./ceremony.js'));

/** Options fetched ahead of the click, with what is needed to use them without waiting. */
interface Prefetched {
  backend: RegistrationBackend;
  ceremony: NonNullable<typeof ceremonyModule.loaded>;
  registration: PreparedRegistration;
}

/**
 * The shared shell of `<passkey-register>` and `<u2f-register>`: configuration, the state machine,
 * the events and the button. The ceremony itself is `runRegistration`; this class only drives it.
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

  #ceremony = new CeremonyController(this);
  #running: Promise<RegistrationSuccess> | undefined;
  /** Prefetching has its own controller: it dies with the element, and a click never aborts it. */
  #prefetching = new CeremonyController(this);
  #prepared: Prefetched | undefined;
  #preparing: Promise<void> | undefined;
  #refetchTimer: ReturnType<typeof setTimeout> | undefined;

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
    this.#discardPrepared();
  }

  protected override preloadCode(): void {
    super.preloadCode();
    ceremonyModule.load().catch(() => {});
  }

  protected override warmUp(): void {
    super.warmUp();
    this.#prefetch();
  }

  /** Settings that change what the server would be asked: prepared options for others are thrown away. */
  static readonly #requestProperties = new Set<PropertyKey>([
    'api',
    'baseUrl',
    'orgId',
    'instanceDomain',
    'credentials',
    'token',
    'backend',
    'timeout',
    'userId',
    'domain',
    'authenticator',
    'code',
    'codeId',
  ]);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ([...changed.keys()].some((key) => RegistrationElement.#requestProperties.has(key))) {
      this.#discardPrepared();
    }
  }

  #discardPrepared(): void {
    this.#prefetching.abort('superseded');
    this.#prepared = undefined;
    this.#preparing = undefined;
    clearTimeout(this.#refetchTimer);
  }

  #hasCode(): boolean {
    try {
      return this.registrationCode() !== undefined;
    } catch {
      return false;
    }
  }

  /** Fetches creation options ahead of the click, quietly: failures are reported by the click itself. */
  #prefetch(): void {
    if (!(this.prefetch || this.#hasCode()) || this.#prepared || this.#preparing || this.#busy()) return;
    let request: CeremonyRequest;
    try {
      request = this.#ceremonyRequest();
    } catch {
      return;
    }
    const signal = this.#prefetching.begin();
    const preparing: Promise<void> = Promise.all([this.resolveBackend(), ceremonyModule.load()])
      .then(async ([backend, ceremony]) => {
        const registration = await ceremony.prepareRegistration(backend, request, signal);
        if (signal.aborted) return;
        this.#prepared = { backend, ceremony, registration };
        // A code works once, so its registration is never replaced; without one, fresh options
        // replace these before they expire.
        if (!request.code) {
          this.#refetchTimer = setTimeout(
            () => {
              this.#prepared = undefined;
              this.#prefetch();
            },
            Math.max(registration.expiresAt - Date.now(), 0),
          );
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.#preparing === preparing) this.#preparing = undefined;
        this.#prefetching.end(signal);
      });
    this.#preparing = preparing;
  }

  #busy(): boolean {
    return this._state === 'starting' || this._state === 'prompting' || this._state === 'verifying';
  }

  /**
   * Takes prefetched options, once: a challenge that produced a credential is never used again (the one
   * exception, a link's registration after a dismissed prompt, is kept by `#run`).
   */
  #takePrepared(): Prefetched | undefined {
    const prepared = this.#prepared;
    this.#prepared = undefined;
    clearTimeout(this.#refetchTimer);
    if (!prepared) return undefined;
    return this.#hasCode() || prepared.registration.expiresAt > Date.now() ? prepared : undefined;
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
   */
  register(): Promise<RegistrationSuccess> {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Stops a running ceremony (it ends with `aborted`) and returns to idle. */
  reset(): void {
    this.#ceremony.abort('reset');
    this._errorMessage = '';
    this._successName = '';
    this.#setState('idle');
  }

  /** A name from browser and OS, e.g. "Chrome on macOS". */
  protected defaultName(): string {
    const { browser, os } = describeDevice(navigator.userAgent);
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

  async #run(): Promise<RegistrationSuccess> {
    const kind = this.kind;
    let request: CeremonyRequest;
    try {
      request = this.#ceremonyRequest();
    } catch (caught) {
      throw this.#fail(toRegistrationError(caught, 'invalid-input'), kind);
    }
    const { userId } = request;

    const startDetail: RegistrationStartDetail = { kind, userId };
    if (!emit(this, 'registration-start', startDetail, true)) {
      // The page said no before anything happened: no error to report, the element stays as it was.
      throw new RegistrationError('aborted', 'A registration-start listener cancelled the registration');
    }

    const signal = this.#ceremony.begin();
    this._errorMessage = '';
    let prepared: Prefetched | undefined;
    let credentialSent = false;
    const onStage = (stage: CeremonyStage) => {
      if (stage === 'verifying') credentialSent = true;
      this.#setState(stage);
    };
    try {
      if (this.#preparing) {
        // A prefetch is on its way (and may have used the link's code): wait for it rather than start twice.
        onStage('starting');
        await this.#preparing;
      }
      // With options at hand, nothing is awaited before the prompt: it opens inside the click's gesture.
      prepared = this.#takePrepared();
      if (!prepared) {
        onStage('starting');
        const [backend, ceremony] = await Promise.all([this.resolveBackend(), ceremonyModule.load()]);
        const registration = await ceremony.prepareRegistration(backend, request, signal);
        prepared = { backend, ceremony, registration };
      }
      const { ceremony, backend, registration } = prepared;
      const result = await ceremony.completeRegistration(backend, request, registration, signal, onStage);
      this._successName = result.name;
      this.#setState('success');
      emit(this, 'registration-success', result);
      return result;
    } catch (caught) {
      // Starting with a link's code spends the code (as in ZITADEL). Until a credential has gone to the
      // server, the started registration is the only one this person can finish: keep it for the next
      // try, as ZITADEL's own login page does. Its challenge signed nothing, so offering it again is safe.
      if (prepared && request.code && !credentialSent && this.isConnected) this.#prepared = prepared;
      const error = signal.aborted ? asAborted(caught) : toRegistrationError(caught);
      throw this.#fail(error, kind, signal.aborted ? (signal.reason as AbortReason) : undefined);
    } finally {
      this.#ceremony.end(signal);
      // After a failure the person will likely try again: fresh options (never this ceremony's
      // challenge) are fetched now. After a success, only when they show intent again.
      if (this.isConnected && this._state === 'error' && !request.code)
        queueMicrotask(() => this.#prefetch());
    }
  }

  /** Reports a failure (event, state, message) and returns the error for the promise to reject with. */
  #fail(error: RegistrationError, kind: RegistrationKind, abortReason?: AbortReason): RegistrationError {
    // A removed element tells no one: the page that removed it has moved on.
    if (abortReason === 'disconnected' || !this.isConnected) {
      this.#setState('idle');
      return error;
    }
    const detail = this.errorDetail(error, kind);
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
          this.askName && !busy && this._state !== 'success'
            ? html`<label part="field"
                >${this.messages.nameLabel}
                <input
                  part="input"
                  name="name"
                  maxlength="200"
                  autocomplete="off"
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

function asAborted(error: unknown): RegistrationError {
  const registrationError = toRegistrationError(error);
  return registrationError.code === 'aborted'
    ? registrationError
    : new RegistrationError('aborted', 'The registration was aborted', { cause: error });
}

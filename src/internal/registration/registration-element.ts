import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import type { AuthenticatorPreference, RegistrationCode, RegistrationKind } from '../../backends/types.js';
import { common } from '../../i18n/en/common.js';
import { registration } from '../../i18n/en/registration.js';
import type { CommonMessages, MessageFamily, RegistrationMessages } from '../../i18n/messages.js';
import { registrationStyles } from '../../styles/registration.js';
import { baseStyles, themeTokens } from '../../styles/shared.js';
import type { CeremonyRequest, CeremonyStage, RegistrationResult, StageDetail } from './ceremony.js';
import { capabilityTokens, detectCapabilities, type Capabilities } from './capabilities.js';
import {
  BACKEND_SETTINGS,
  ConfiguredElement,
  changedAny,
  joinSentences,
} from '../shared/configured-element.js';
import { limitName } from './credential-name.js';
import { RegistrationError, toRegistrationError, type ErrorCode } from '../../core/errors.js';
import { emit } from '../shared/events.js';
import type { RegistrationStartDetail, RegistrationSuccess } from './events.js';
import { lazyModule } from '../shared/lazy-modules.js';
import type { RegistrationDriver } from './registration-driver.js';
import type { AuthenticatorRemovedDetail } from '../list/events.js';

export type RegistrationState = 'idle' | CeremonyStage | 'success' | 'error';

/** The texts that differ between a passkey and a security key. */
export interface KindTexts {
  button: string;
  /** The button while the registration starts: what is happening. */
  startingButton: string;
  retryButton: string;
  anotherButton: string;
  /** After `already-registered`: the same, on another device or key. */
  otherDeviceButton: string;
  idle: string;
  prompting: string;
  verifying: string;
  success: (name: string) => string;
}

/**
 * The errors a second try can mend, so the element offers "Try again" after them. After every other error
 * a click would fail the same way: the element offers no button, and its message says what to do instead.
 * `verification-failed` is here because the server refused this credential, not the registration: another
 * try (often with another authenticator) can pass, and with a link's code the pending registration is kept
 * for it, since the spent code cannot start a new one.
 */
const RETRY_HELPS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'cancelled',
  'network',
  'server',
  'bad-response',
  'verification-failed',
  'aborted',
]);

/** What the browser is asked to offer first when this device already holds one (`already-registered`). */
const ANOTHER_DEVICE_HINTS: Record<RegistrationKind, PublicKeyCredentialHint[]> = {
  passkey: ['hybrid', 'security-key'],
  u2f: ['security-key'],
};

/** Settings that change what the server would be asked: what was prepared or failed for others is gone. */
const REQUEST_SETTINGS: readonly PropertyKey[] = [
  ...BACKEND_SETTINGS,
  'userId',
  'domain',
  'authenticator',
  'code',
  'codeId',
];

/** One call of `register()`; `reset()` marks the run it stops (a removal is seen as `!isConnected`). */
interface Run {
  result?: Promise<RegistrationSuccess>;
  reset?: boolean;
}

/** `continue-url` as a link target: `http(s):` or relative, resolved against the page; anything else none. */
function continueHref(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The texts of the registration elements. */
export type RegistrationElementMessages = CommonMessages & RegistrationMessages;

const ENGLISH: RegistrationElementMessages = { ...common, ...registration };

/** The driver of the ceremony, with `@simplewebauthn/browser`, loaded with the adapters (see `../shared/lazy-modules.ts`). */
const driverModule = lazyModule('registration ceremony', () => import('./registration-driver.js'));
/**
 * The shared shell of `<passkey-register>` and `<u2f-register>`: configuration, the state machine,
 * the events and the button. `RegistrationDriver` runs the ceremony this class asks for, and keeps what was
 * started ahead of the click; this class owns the state and dispatches every event.
 *
 * Every outcome offers only what can work next:
 *
 * | outcome | message (what happened, what to do) | button |
 * | --- | --- | --- |
 * | success without a code | the success text | "Create another …" |
 * | success with a link's code | the success text, the `done` slot, "Continue" for `continue-url` | none: the code is spent |
 * | `cancelled`, `network` (timeouts too), `server`, `bad-response` | the error and "try again" | "Try again" |
 * | `verification-failed` | the error, "try again or use another device" | "Try again" (a code's pending registration is kept) |
 * | `already-registered` | "This device already has a passkey …" / "This security key is already registered." | "Use another device" / "Use another security key": the browser offers a phone or a key first |
 * | `invalid-code` | the link is invalid, used or expired: "Ask for a new link." | none |
 * | `unauthenticated` | "Sign in again"; on a landing page (`from-url`) without a session: "This page cannot register without a link." (with a code: the `invalid-code` text) | none |
 * | `unsupported`, `security`, `invalid-input`, `forbidden`, `not-found` | the error and whom to ask or what to use | none |
 * | `aborted` (`reset()`) | none: back to idle | the first button |
 *
 * Where no button is offered, the element returns to idle when the page changes a setting the request
 * depends on (`token`, `user-id`, `code` …) or calls `reset()`.
 *
 * The events, slot, parts and custom properties below are those of both elements (this class renders them),
 * written once here; `ConfiguredElement` adds the ones all four elements share.
 *
 * @event {CustomEvent<RegistrationStartDetail>} registration-start - Before any request; cancelable. `detail.kind`: `passkey` from `<passkey-register>`, `u2f` from `<u2f-register>`.
 * @event {CustomEvent<RegistrationSuccessDetail>} registration-success - The passkey or security key is registered.
 * @event {CustomEvent<RegistrationErrorDetail>} registration-error - The registration failed.
 * @event {Event} capabilities-change - The `capabilities` of this browser and device are known.
 *
 * @slot done - Shown after a successful registration: the page's next step.
 *
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
 * @cssprop --pk-countdown-color - Colour of the countdown (default: `--pk-muted-color`).
 */
export abstract class RegistrationElement extends ConfiguredElement<RegistrationElementMessages> {
  static override styles = [themeTokens, baseStyles, registrationStyles];

  /** The reactive properties, each documented at its field below (see src/internal/README.md). */
  static override properties: PropertyDeclarations = {
    userId: { attribute: 'user-id' },
    domain: {},
    authenticator: {},
    prefetch: { type: Boolean },
    continueUrl: { attribute: 'continue-url' },
    askName: { type: Boolean, attribute: 'ask-name' },
    _state: { state: true, attribute: false },
    _enteredName: { state: true, attribute: false },
    _error: { state: true, attribute: false },
    _successName: { state: true, attribute: false },
    _codeSpent: { state: true, attribute: false },
    _capabilities: { state: true, attribute: false },
    _deadline: { state: true, attribute: false },
    _now: { state: true, attribute: false },
  };

  protected readonly messageFamilies: readonly MessageFamily[] = ['common', 'registration'];
  protected readonly english = ENGLISH;

  /** The user who registers. */
  userId?: string;

  /** The relying-party ID sent to the server as `domain`; defaults to `location.hostname`. */
  domain?: string;

  /** Which kind of authenticator to ask for; empty for any. */
  authenticator: AuthenticatorPreference = '';

  /**
   * Fetch the creation options before the click — when the element becomes visible, on hover or on focus —
   * and again before they expire, so the click opens the browser's prompt at once, inside the user
   * gesture. Never with a registration link's code, even when set: starting a registration spends the
   * code, so a page that is loaded, reloaded, scanned by a mail filter or opened on a second device must
   * send nothing. With a code the start goes out on the person's first press of the button (`pointerdown`,
   * Enter or Space), a moment before the click that opens the prompt.
   */
  prefetch = false;

  /**
   * Where the page goes on after a successful registration: shown as a "Continue" link on success. Only
   * `http:` / `https:` URLs and relative ones; anything else (`javascript:`, `data:` …) shows no link.
   */
  continueUrl?: string;

  /** Show a name field before the prompt; left empty, the provider's or the device's name is used. */
  askName = false;

  private _state: RegistrationState = 'idle';
  private _enteredName = '';
  /** The last failure, kept as the error (not its text), so the message follows a change of language. */
  private _error: RegistrationError | undefined;
  private _successName = '';
  /** The last success spent a link's code: nothing more can be registered with it. */
  private _codeSpent = false;
  private _capabilities: Capabilities | undefined;
  /** While prompting: when the browser gives up on its prompt (epoch ms), where the options said. */
  private _deadline: number | undefined;
  private _now = Date.now();

  #ticking: ReturnType<typeof setInterval> | undefined;

  #run: Run | undefined;
  #driver: RegistrationDriver | undefined;
  /** The next run asks the browser for another device (after `already-registered`): a phone or a key. */
  #anotherDevice = false;

  protected abstract readonly kind: RegistrationKind;
  /** The texts of the element's kind of authenticator: the `passkey…` or the `u2f…` messages. */
  protected kindTexts(messages: RegistrationElementMessages): KindTexts {
    const kind = this.kind;
    return {
      button: messages[`${kind}Button`],
      startingButton: messages[`${kind}StartingButton`],
      retryButton: messages[`${kind}RetryButton`],
      anotherButton: messages[`${kind}AnotherButton`],
      otherDeviceButton: messages[`${kind}OtherDeviceButton`],
      idle: messages[`${kind}Idle`],
      prompting: messages[`${kind}Prompting`],
      // `verifying` speaks of a passkey; a security key has its own.
      verifying: kind === 'u2f' ? messages.u2fVerifying : messages.verifying,
      success: messages[`${kind}Success`],
    };
  }

  /** The name to store with the credential, from an attribute; empty means derive one. */
  protected abstract get credentialName(): string | undefined;
  /** WebAuthn hints for the browser's picker; none by default. */
  protected hints(): PublicKeyCredentialHint[] {
    return [];
  }

  /** Whether the element is a registration link's landing page (`from-url`). */
  protected isLandingPage(): boolean {
    return false;
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
    document.addEventListener('authenticator-removed', this.#onAuthenticatorRemoved);
    void this.#detectCapabilities();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('authenticator-removed', this.#onAuthenticatorRemoved);
    clearInterval(this.#ticking);
    this.#driver?.disconnected();
  }

  /**
   * A list on the same page deleted an authenticator of the same user: what failed here
   * (`already-registered` above all) may work now, so the element offers its button again.
   */
  #onAuthenticatorRemoved = (event: CustomEvent<AuthenticatorRemovedDetail>): void => {
    if (this._state !== 'error') return;
    if (event.detail.userId !== this.userId?.trim()) return;
    // Listened for on the document, like the list's own `registration-success`: the list that deleted
    // must be on this element's page (a list in another frame's document never reaches here anyway).
    const list = event.composedPath()[0];
    if (!(list instanceof Node) || !sharesPage(this, list)) return;
    this._error = undefined;
    this.#setState('idle');
  };

  protected override preloadCode(): void {
    super.preloadCode();
    this.#loadDriver().catch(() => {});
  }

  protected override warmUp(): void {
    super.warmUp();
    this.#startAhead(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changedAny(changed, REQUEST_SETTINGS)) return;
    this.#driver?.discard();
    // An error was about the old settings, a spent code is replaced: with new ones the person may start again.
    if (this._state === 'error' || (this._state === 'success' && this._codeSpent)) {
      this._error = undefined;
      this._codeSpent = false;
      this.#setState('idle');
    }
  }

  /** The ceremony's driver, with `@simplewebauthn/browser`: loaded once, then at hand synchronously. */
  async #loadDriver(): Promise<RegistrationDriver> {
    if (this.#driver) return this.#driver;
    const { RegistrationDriver } = await driverModule.load();
    // The name field's placeholder is the default name, known now.
    if (this.askName) this.requestUpdate();
    return (this.#driver ??= new RegistrationDriver({
      element: this,
      resolveBackend: () => this.resolveBackend(),
      stage: (stage, detail) => {
        this._error = undefined;
        this.#setState(stage, detail);
      },
    }));
  }

  /**
   * Starts a registration ahead of the click, once the driver is at hand: a prefetch where the page asks
   * for one (`prefetch`; the driver never prefetches with a link's code, which only the person may spend),
   * or on the person's press of the button (`pressed`: a link's registration starts then). Nothing while a
   * ceremony runs, for an element that left the page while its code loaded, or for settings the click
   * would report as `invalid-input`. A failed load is the click's to report.
   */
  #startAhead(pressed: boolean): void {
    const start = (driver: RegistrationDriver): void => {
      if (!this.isConnected || this.#busy() || !(pressed || this.prefetch)) return;
      let request: CeremonyRequest;
      try {
        request = this.#ceremonyRequest();
      } catch {
        return;
      }
      if (pressed) driver.activated(request);
      else driver.prefetch(request);
    };
    if (this.#driver) start(this.#driver);
    else void this.#loadDriver().then(start, () => {});
  }

  #hasCode(): boolean {
    try {
      return this.registrationCode() !== undefined;
    } catch {
      return false;
    }
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
    if (this.#run?.result) return this.#run.result;
    const run: Run = {};
    this.#run = run;
    run.result = this.#register(run).finally(() => {
      if (this.#run === run) this.#run = undefined;
    });
    return run.result;
  }

  async #register(run: Run): Promise<RegistrationSuccess> {
    let driver: RegistrationDriver;
    let request: CeremonyRequest;
    try {
      // Loaded when the element became visible, hovered or focused: then nothing is awaited here, and a
      // prefetched click opens the prompt inside its gesture. (A failed load is `network`.)
      driver = this.#driver ?? (await this.#loadDriver());
      // Reset or removed while the driver loaded: nothing starts.
      if (run.reset || !this.isConnected) {
        throw new RegistrationError('aborted', 'Stopped before it started');
      }
      request = this.#ceremonyRequest();
    } catch (caught) {
      throw this.#fail(toRegistrationError(caught, 'invalid-input'), run);
    } finally {
      this.#anotherDevice = false;
    }
    const startDetail: RegistrationStartDetail = { kind: this.kind, userId: request.userId };
    if (!emit(this, 'registration-start', startDetail, true)) {
      // The page said no before anything happened: no error to report, the element stays as it was.
      throw new RegistrationError('aborted', 'registration-start was cancelled');
    }
    let result: RegistrationResult;
    try {
      result = await driver.run(request);
    } catch (caught) {
      const error = this.#fail(toRegistrationError(caught), run);
      // After a failure the person will likely try again: fresh options (never this ceremony's challenge)
      // are fetched now. After a success, only when they show intent again.
      if (this._state === 'error') queueMicrotask(() => this.#startAhead(false));
      throw error;
    }
    this._successName = result.name;
    // The name was this passkey's: "Create another" starts with the field empty again.
    this._enteredName = '';
    this._codeSpent = request.code !== undefined;
    this.#setState('success');
    emit(this, 'registration-success', result);
    return result;
  }

  /**
   * Stops a running ceremony and returns to idle. The stopped ceremony ends with `aborted` at once (its
   * `registration-error` is dispatched now, whatever it was waiting for), and the next `register()`
   * starts a new one.
   */
  reset(): void {
    if (this.#run) this.#run.reset = true;
    this.#run = undefined;
    this.#driver?.abort('reset');
    this._error = undefined;
    this._successName = '';
    this._codeSpent = false;
    this.#setState('idle');
  }

  /**
   * The person pressed the button, a moment before the click: a link's registration starts now, so the
   * click finds its options at hand. (Without a code, the press only makes sure the driver is loading.)
   */
  #onActivate(): void {
    this.#startAhead(true);
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
      name: limitName(given || this.defaultName()),
      nameFromProvider: !given,
      // Another device: the browser offers a phone (hybrid) or a security key first, not this device again.
      hints: this.#anotherDevice ? ANOTHER_DEVICE_HINTS[this.kind] : this.hints(),
      ...(code ? { code } : {}),
    };
  }

  /** Reports a failure (event, state, message) and returns the error for the promise to reject with. */
  #fail(error: RegistrationError, run: Run): RegistrationError {
    // A removed element tells no one: the page that removed it has moved on.
    if (!this.isConnected) {
      this.#setState('idle');
      return error;
    }
    const detail = this.errorDetail(error, this.kind);
    // After reset() the element is idle already (and may run a new ceremony): the event still tells the
    // page why the old one stopped.
    if (!run.reset) {
      this._error = error;
      this.#setState('error');
    }
    emit(this, 'registration-error', detail);
    return error;
  }

  /**
   * As for any element, with what this one knows: the kind of authenticator, whether a session exists, and
   * whether the passkey provider was told to forget a credential the server did not store.
   */
  protected override describeError(error: RegistrationError): string {
    const messages = this.messages;
    if (error.code === 'already-registered' && this.kind === 'u2f') {
      return joinSentences(messages.u2fAlreadyRegistered, messages.hints['already-registered']);
    }
    if (error.code === 'unsupported' && this.#driver?.spentTheLink(error)) {
      // The start spent the link's code, and this browser cannot finish its registration: the person needs
      // a new link, for a browser or device that can.
      return messages.linkRefused;
    }
    if (error.code === 'unsupported' && isNotAllowed(error.cause)) {
      // The ceremony's platform refusal (`refusedPlatform` in ceremony.ts): the browser said no at once.
      return messages.platformRefused;
    }
    if (error.code === 'unauthenticated' && !this.hasSession) {
      // No session was ever there to expire: a landing page registers only with a link's code. Elsewhere
      // the page's sign-in is what is missing, as the list beside it says too.
      if (this.#hasCode())
        return joinSentences(messages.errors['invalid-code'], messages.hints['invalid-code']);
      if (this.isLandingPage()) return messages.registrationNeedsLink;
    }
    // The cases above come before a prompt's answer (a 401 without a session may follow one, but there the
    // person can do nothing here anyway): none says whether a credential was forgotten.
    return joinSentences(super.describeError(error), error.orphanRemoved && messages.orphanRemoved);
  }

  /** What the button offers now; `undefined` where nothing the person can click would work. */
  #buttonLabel(texts: KindTexts): string | undefined {
    switch (this._state) {
      case 'error':
        // This device (or key) holds one already: another one can still register.
        if (this._error?.code === 'already-registered') return texts.otherDeviceButton;
        return this._error && RETRY_HELPS.has(this._error.code) ? texts.retryButton : undefined;
      case 'success':
        return this._codeSpent ? undefined : texts.anotherButton;
      case 'starting':
        return texts.startingButton;
      case 'prompting':
        return this.messages.promptingButton;
      case 'verifying':
        return this.messages.verifyingButton;
      default:
        return texts.button;
    }
  }

  /**
   * Seconds left on the prompt, as digits (mm:ss) that are hidden from screen readers, and a summary in
   * whole minutes for them: it changes once a minute and is not a live region, so nothing is read aloud
   * every second (the status line already said what to do).
   */
  #renderCountdown(): TemplateResult | typeof nothing {
    if (this._state !== 'prompting' || this._deadline === undefined) return nothing;
    const seconds = Math.max(0, Math.ceil((this._deadline - this._now) / 1000));
    const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    return html`<p part="countdown">
      <span aria-hidden="true">${clock}</span
      ><span class="visually-hidden">${this.messages.timeLeft(Math.max(1, Math.ceil(seconds / 60)))}</span>
    </p>`;
  }

  /**
   * What stands in for the button where no click could work before anything happened (the landing page
   * without a link): a note saying what the person needs; empty when the button is offered.
   */
  protected blockedNote(): string {
    return '';
  }

  #setState(next: RegistrationState, detail?: StageDetail): void {
    if (next !== 'prompting') {
      this.#stopCountdown();
    } else {
      if (detail?.timeoutMs) this._deadline = Date.now() + detail.timeoutMs;
      // Also after a move to another place on the page, which paused the ticking.
      if (this._deadline !== undefined) this.#startCountdown();
    }
    if (this._state === 'prompting' && next !== 'prompting') this.#keepFocusOnButton();
    // Where the person was working in the element (the button), the outcome takes the focus.
    if (next === 'success' || next === 'error') {
      this.focusAfterUpdate(next === 'error' ? '[part~="message"]' : '[part~="status"]');
    }
    this._state = next;
    if (this.getAttribute('state') !== next) this.setAttribute('state', next);
  }

  /**
   * Leaving the prompt takes its Cancel away: a focus on it (or elsewhere in the actions row) moves to the
   * button, which stays, busy, so the focus is not dropped to the page and the outcome can still take it.
   */
  #keepFocusOnButton(): void {
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    if (!focused?.closest('[part~="actions"]') || focused.matches('[part~="button"]')) return;
    this.renderRoot.querySelector<HTMLElement>('[part~="button"]')?.focus();
  }

  #startCountdown(): void {
    this._now = Date.now();
    clearInterval(this.#ticking);
    this.#ticking = setInterval(() => (this._now = Date.now()), 1000);
  }

  #stopCountdown(): void {
    clearInterval(this.#ticking);
    this.#ticking = undefined;
    this._deadline = undefined;
  }

  /** The person stopped the prompt: the ceremony ends with `cancelled`, and "Try again" is offered. */
  #onCancel(): void {
    this.#driver?.abort('cancelled');
  }

  /** Escape on any of the element's controls while the prompt is open: the same as its Cancel. */
  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this._state !== 'prompting') return;
    // Handled here: an enclosing dialog must not close on the same key.
    event.preventDefault();
    this.#onCancel();
  }

  #onClick(): void {
    if (this._state === 'error' && this._error?.code === 'already-registered') this.#anotherDevice = true;
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
        return texts.verifying;
      case 'success':
        return texts.success(this._successName);
      case 'error':
        return '';
    }
  }

  #onButtonKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' || event.key === ' ') this.#onActivate();
  }

  #renderDone(): TemplateResult {
    const href = continueHref(this.continueUrl);
    return html`<slot name="done"></slot>${
        href ? html`<a part="continue" href=${href}>${this.messages.continueLink}</a>` : nothing
      }`;
  }

  protected override render(): TemplateResult {
    const texts = this.kindTexts(this.messages);
    const busy = this.#busy();
    const blocked = this._state === 'idle' ? this.blockedNote() : '';
    const label = blocked ? undefined : this.#buttonLabel(texts);
    // The note says it all on the landing page without a link; after an error the message does.
    const status = blocked ? '' : this.statusText(texts);
    const error = this._state === 'error' && this._error ? this.describeError(this._error) : '';
    return html`
      <div part="base" @keydown=${this.#onKeydown}>
        <p part="status" role="status" aria-live="polite" tabindex="-1" ?data-empty=${!status}>${status}</p>
        ${
          blocked
            ? html`<p part="note">${blocked}</p>`
            : this._state === 'idle' && this.capabilityNote()
              ? html`<p part="note">${this.capabilityNote()}</p>`
              : nothing
        }
        ${error ? html`<p part="message" role="alert" tabindex="-1">${error}</p>` : nothing}
        ${this._state === 'success' ? this.#renderDone() : nothing}
        ${
          // After a success it names the next one ("Create another …"), empty again.
          this.askName && label !== undefined
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
                    if (event.key !== 'Enter') return;
                    this.#onActivate();
                    this.#onClick();
                  }}
              /></label>`
            : nothing
        }
        ${
          label === undefined
            ? nothing
            : html`<div part="actions">
                <button
                  part="button"
                  type="button"
                  aria-disabled=${busy}
                  aria-busy=${busy}
                  @pointerdown=${this.#onActivate}
                  @keydown=${this.#onButtonKeydown}
                  @click=${this.#onClick}
                >
                  ${
                    this._state === 'starting' || this._state === 'verifying'
                      ? html`<span part="progress" aria-hidden="true"></span>`
                      : nothing
                  }${label}
                </button>
                ${
                  this._state === 'prompting'
                    ? html`<button part="cancel" type="button" @click=${this.#onCancel}>
                        ${this.messages.cancelButton}
                      </button>`
                    : nothing
                }
                ${this.#renderCountdown()}
              </div>`
        }
      </div>
    `;
  }
}

/** Whether `a` and `b` hang from the same document, through any shadow roots between. */
function sharesPage(a: Node, b: Node): boolean {
  return b.isConnected && a.getRootNode({ composed: true }) === b.getRootNode({ composed: true });
}

function isNotAllowed(cause: unknown): boolean {
  return cause instanceof Error && cause.name === 'NotAllowedError';
}

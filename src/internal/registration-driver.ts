import type { ReactiveControllerHost } from 'lit';
import type { RegistrationBackend, RegistrationKind } from '../backends/types.js';
import {
  completeRegistration,
  prepareRegistration,
  type CeremonyRequest,
  type CeremonyStage,
  type PreparedRegistration,
} from './ceremony.js';
import { CeremonyController, type AbortReason } from './ceremony-controller.js';
import { toRegistrationError } from './configured-element.js';
import { RegistrationError } from './errors.js';
import { emit, type RegistrationStartDetail, type RegistrationSuccess } from './events.js';

export { describeDevice } from './device-name.js';

/** What the driver needs from its element (`registration-element.ts`), which renders what it reports. */
export interface RegistrationHost {
  readonly element: ReactiveControllerHost & HTMLElement;
  readonly kind: RegistrationKind;
  /** What to ask the server for, from the element's settings; throws `invalid-input` for bad ones. */
  request(): CeremonyRequest;
  /** Whether the element has a link's one-time code (which starts one registration only). */
  hasCode(): boolean;
  /** Whether options should be fetched ahead of the click (`prefetch`, or a code). */
  wantsPrefetch(): boolean;
  /** A ceremony is under way: no prefetch then. */
  busy(): boolean;
  /** The last ceremony failed: the person will likely try again. */
  failed(): boolean;
  resolveBackend(): Promise<RegistrationBackend>;
  stage(stage: CeremonyStage): void;
  succeeded(result: RegistrationSuccess): void;
  /** Reports a failure (event, state, message); returns the error for the promise to reject with. */
  fail(error: RegistrationError, abortReason?: AbortReason): RegistrationError;
}

/** Options fetched ahead of the click, with the backend that issued them. */
interface Prepared {
  backend: RegistrationBackend;
  registration: PreparedRegistration;
}

/** Settings that change what the server would be asked: options prepared for others are thrown away. */
const REQUEST_PROPERTIES = new Set<PropertyKey>([
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

/**
 * Drives the registration of `<passkey-register>` and `<u2f-register>`: the prefetch of creation options
 * ahead of the click, the ceremony on click, its stages and its outcome. Loaded with the ceremony and
 * `@simplewebauthn/browser` when the element becomes visible, hovered or focused (or at its first use), so
 * the element's own code is its shell: settings, state and rendering.
 */
export class RegistrationDriver {
  readonly #host: RegistrationHost;
  #ceremony: CeremonyController;
  /** Prefetching has its own controller: it dies with the element, and a click never aborts it. */
  #prefetching: CeremonyController;
  #prepared: Prepared | undefined;
  #preparing: Promise<void> | undefined;
  #refetchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: RegistrationHost) {
    this.#host = host;
    this.#ceremony = new CeremonyController(host.element);
    this.#prefetching = new CeremonyController(host.element);
  }

  /** The element's settings changed: options prepared for the old ones are thrown away. */
  changed(keys: Iterable<PropertyKey>): void {
    if ([...keys].some((key) => REQUEST_PROPERTIES.has(key))) this.discard();
  }

  discard(): void {
    this.#prefetching.abort('superseded');
    this.#prepared = undefined;
    this.#preparing = undefined;
    clearTimeout(this.#refetchTimer);
  }

  /** Stops a running ceremony: it ends with `aborted`. */
  abort(reason: AbortReason): void {
    this.#ceremony.abort(reason);
  }

  /** Fetches creation options ahead of the click, quietly: failures are reported by the click itself. */
  prefetch(): void {
    const host = this.#host;
    if (!host.wantsPrefetch() || this.#prepared || this.#preparing || host.busy()) return;
    let request: CeremonyRequest;
    try {
      request = host.request();
    } catch {
      return;
    }
    const signal = this.#prefetching.begin();
    const preparing: Promise<void> = host
      .resolveBackend()
      .then(async (backend) => {
        const registration = await prepareRegistration(backend, request, signal);
        if (signal.aborted) return;
        this.#prepared = { backend, registration };
        // A code works once, so its registration is never replaced; without one, fresh options
        // replace these before they expire.
        if (!request.code) {
          this.#refetchTimer = setTimeout(
            () => {
              this.#prepared = undefined;
              this.prefetch();
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

  /**
   * Takes prefetched options, once: a challenge that produced a credential is never used again (the one
   * exception, a link's registration after a dismissed prompt, is kept by `run`).
   */
  #takePrepared(): Prepared | undefined {
    const prepared = this.#prepared;
    this.#prepared = undefined;
    clearTimeout(this.#refetchTimer);
    if (!prepared) return undefined;
    return this.#host.hasCode() || prepared.registration.expiresAt > Date.now() ? prepared : undefined;
  }

  /**
   * Runs the whole ceremony. Resolves with what the success event carries; rejects with a
   * `RegistrationError` after the element has reported it. With options at hand, nothing is awaited
   * before the prompt: it opens inside the click's gesture.
   */
  async run(): Promise<RegistrationSuccess> {
    const host = this.#host;
    const { element, kind } = host;
    let request: CeremonyRequest;
    try {
      request = host.request();
    } catch (caught) {
      throw host.fail(toRegistrationError(caught, 'invalid-input'));
    }
    const { userId } = request;

    const startDetail: RegistrationStartDetail = { kind, userId };
    if (!emit(element, 'registration-start', startDetail, true)) {
      // The page said no before anything happened: no error to report, the element stays as it was.
      throw new RegistrationError('aborted', 'A registration-start listener cancelled the registration');
    }

    const signal = this.#ceremony.begin();
    let prepared: Prepared | undefined;
    let credentialSent = false;
    const onStage = (stage: CeremonyStage) => {
      if (stage === 'verifying') credentialSent = true;
      host.stage(stage);
    };
    try {
      if (this.#preparing) {
        // A prefetch is on its way (and may have used the link's code): wait for it rather than start twice.
        onStage('starting');
        await this.#preparing;
      }
      prepared = this.#takePrepared();
      if (!prepared) {
        onStage('starting');
        const backend = await host.resolveBackend();
        prepared = { backend, registration: await prepareRegistration(backend, request, signal) };
      }
      const { backend, registration } = prepared;
      const result = await completeRegistration(backend, request, registration, signal, onStage);
      host.succeeded(result);
      emit(element, 'registration-success', result);
      return result;
    } catch (caught) {
      // Starting with a link's code spends the code (as in ZITADEL). Until a credential has gone to the
      // server, the started registration is the only one this person can finish: keep it for the next
      // try, as ZITADEL's own login page does. Its challenge signed nothing, so offering it again is safe.
      if (prepared && request.code && !credentialSent && element.isConnected) this.#prepared = prepared;
      const error = signal.aborted ? asAborted(caught) : toRegistrationError(caught);
      throw host.fail(error, signal.aborted ? (signal.reason as AbortReason) : undefined);
    } finally {
      this.#ceremony.end(signal);
      // After a failure the person will likely try again: fresh options (never this ceremony's
      // challenge) are fetched now. After a success, only when they show intent again.
      if (element.isConnected && host.failed() && !request.code) queueMicrotask(() => this.prefetch());
    }
  }
}

function asAborted(error: unknown): RegistrationError {
  const registrationError = toRegistrationError(error);
  return registrationError.code === 'aborted'
    ? registrationError
    : new RegistrationError('aborted', 'The registration was aborted', { cause: error });
}

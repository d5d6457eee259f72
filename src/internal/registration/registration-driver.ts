import type { ReactiveControllerHost } from 'lit';
import type { RegistrationBackend, RegistrationKind } from '../../backends/types.js';
import {
  completeRegistration,
  prepareRegistration,
  type CeremonyRequest,
  type PreparedRegistration,
  type StageListener,
} from './ceremony.js';
import { CeremonyController, whenRemoved, type AbortReason } from '../shared/ceremony-controller.js';
import { toRegistrationError } from '../shared/configured-element.js';
import { RegistrationError } from '../../core/errors.js';
import { emit } from '../shared/events.js';
import type { RegistrationStartDetail, RegistrationSuccess } from './events.js';

export { describeDevice } from './device-name.js';

/** What the driver needs from its element (`registration-element.ts`), which renders what it reports. */
export interface RegistrationHost {
  readonly element: ReactiveControllerHost & HTMLElement;
  readonly kind: RegistrationKind;
  /** What to ask the server for, from the element's settings; throws `invalid-input` for bad ones. */
  request(): CeremonyRequest;
  /** Whether the element has a link's one-time code (which starts one registration only). */
  hasCode(): boolean;
  /** Whether options should be fetched ahead of the click (`prefetch`, and no code). */
  wantsPrefetch(): boolean;
  /** A ceremony is under way: no prefetch then. */
  busy(): boolean;
  /** The last ceremony failed: the person will likely try again. */
  failed(): boolean;
  resolveBackend(): Promise<RegistrationBackend>;
  /** The ceremony moved on; with `prompting`, how long the browser may keep its prompt open. */
  stage: StageListener;
  succeeded(result: RegistrationSuccess): void;
  /** Reports a failure (event, state, message); returns the error for the promise to reject with. */
  fail(error: RegistrationError, abortReason?: AbortReason): RegistrationError;
}

/** Options fetched ahead of the click, with the backend that issued them. */
interface Prepared {
  backend: RegistrationBackend;
  registration: PreparedRegistration;
}

/** A start that went out before the click: with a code, its failure is the click's to report. */
interface Preparing {
  done: Promise<void>;
  failure?: RegistrationError;
}

/**
 * Drives the registration of `<passkey-register>` and `<u2f-register>`: the start of a registration
 * ahead of the click (a prefetch, or a link's start on the person's pointerdown), the ceremony on click,
 * its stages and its outcome. Loaded with the ceremony and `@simplewebauthn/browser` when the element
 * becomes visible, hovered or focused (or at its first use), so the element's own code is its shell:
 * settings, state and rendering.
 */
export class RegistrationDriver {
  readonly #host: RegistrationHost;
  #ceremony: CeremonyController;
  /** Starts ahead of the click have their own controller: they die with the element, a click never aborts them. */
  #prefetching: CeremonyController;
  #prepared: Prepared | undefined;
  #preparing: Preparing | undefined;
  #refetchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: RegistrationHost) {
    this.#host = host;
    this.#ceremony = new CeremonyController(host.element);
    this.#prefetching = new CeremonyController(host.element);
  }

  /** Throws away options prepared for settings the element no longer has (or for an element that left). */
  discard(): void {
    this.#prefetching.abort('superseded');
    this.#prepared = undefined;
    this.#preparing = undefined;
    clearTimeout(this.#refetchTimer);
  }

  /** Stops a running ceremony: it ends with `aborted` at once, whatever the backend is waiting for. */
  abort(reason: AbortReason): void {
    this.#ceremony.abort(reason);
  }

  /** The person stopped the ceremony (its Cancel): it ends with `cancelled`, and a new one may start. */
  cancel(): void {
    this.#ceremony.abort('cancelled');
  }

  /**
   * Fetches creation options ahead of the click, quietly: failures are reported by the click itself.
   * Never with a link's code, which the start spends: only the person may spend it (see `activated`).
   */
  prefetch(): void {
    if (this.#host.wantsPrefetch()) this.#prepare(false);
  }

  /**
   * The person pressed the button (`pointerdown`, Enter or Space), a moment before the click: with a
   * link's code, the registration starts now, so the click that follows finds its options at hand.
   */
  activated(): void {
    if (this.#host.hasCode()) this.#prepare(true);
  }

  #prepare(forThePerson: boolean): void {
    const host = this.#host;
    if (!host.element.isConnected || this.#prepared || this.#preparing || host.busy()) return;
    let request: CeremonyRequest;
    try {
      request = host.request();
    } catch {
      return;
    }
    const signal = this.#prefetching.begin();
    const preparing: Preparing = {
      done: (async () => {
        const backend = await host.resolveBackend();
        // Nothing starts for an element that has left the page meanwhile.
        if (signal.aborted || !host.element.isConnected) return;
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
      })()
        .catch((caught: unknown) => {
          // A prefetch fails quietly (the click tries again); the person's start is the click's outcome.
          if (forThePerson && !signal.aborted) preparing.failure = toRegistrationError(caught);
        })
        .finally(() => {
          if (this.#preparing === preparing && !preparing.failure) this.#preparing = undefined;
          this.#prefetching.end(signal);
        }),
    };
    this.#preparing = preparing;
  }

  /**
   * Takes prefetched options, once: a challenge that produced a credential is never used again (the one
   * exception, a link's registration after a refused prompt, is kept by `run`).
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
    if (!element.isConnected) {
      throw host.fail(new RegistrationError('aborted', 'The element is not on the page'), 'disconnected');
    }
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
    const onStage: StageListener = (stage, detail) => {
      if (stage === 'verifying') credentialSent = true;
      host.stage(stage, detail);
    };
    try {
      const preparing = this.#preparing;
      if (preparing) {
        // A start is on its way (and may have spent the link's code): wait for it rather than start twice.
        onStage('starting');
        await untilAborted(preparing.done, signal);
        if (this.#preparing === preparing) this.#preparing = undefined;
        if (preparing.failure) throw preparing.failure;
      }
      prepared = this.#takePrepared();
      if (!prepared) {
        onStage('starting');
        const backend = await untilAborted(host.resolveBackend(), signal);
        // The element may have left the page while the adapters loaded: then nothing is sent.
        if (!element.isConnected) throw new RegistrationError('aborted', 'The element left the page');
        prepared = {
          backend,
          registration: await untilAborted(prepareRegistration(backend, request, signal), signal),
        };
      }
      const { backend, registration } = prepared;
      const result = await untilAborted(
        completeRegistration(backend, request, registration, signal, onStage),
        signal,
      );
      host.succeeded(result);
      emit(element, 'registration-success', result);
      return result;
    } catch (caught) {
      // Starting with a link's code spends the code (as in ZITADEL). Until a credential has been accepted,
      // the started registration is the only one this person can finish: keep it for the next try, as
      // ZITADEL's own login page does. Before the prompt's answer went out its challenge signed nothing;
      // after a refused verify, ZITADEL still holds the registration pending for that challenge.
      const cancelled = signal.aborted && signal.reason === 'cancelled' && element.isConnected;
      const error = cancelled
        ? new RegistrationError('cancelled', 'The person cancelled the registration', { cause: caught })
        : signal.aborted || !element.isConnected
          ? asAborted(caught)
          : toRegistrationError(caught);
      const keep = !credentialSent || error.code === 'verification-failed';
      if (prepared && request.code && keep && element.isConnected) this.#prepared = prepared;
      const reason = signal.aborted ? (signal.reason as AbortReason) : undefined;
      throw host.fail(error, element.isConnected ? reason : 'disconnected');
    } finally {
      this.#ceremony.end(signal);
      // After a failure the person will likely try again: fresh options (never this ceremony's
      // challenge) are fetched now. After a success, only when they show intent again.
      if (element.isConnected && host.failed() && !request.code) queueMicrotask(() => this.prefetch());
    }
  }

  /** The element left the page: what was fetched ahead goes, unless it was only moved. */
  disconnected(): void {
    whenRemoved(this.#host.element, () => this.discard());
  }
}

/**
 * `promise`, or a rejection with `aborted` as soon as `signal` fires, whichever comes first: a reset or a
 * removal ends the ceremony at once, even while a step (a slow token, a backend that ignores the signal)
 * still waits. What that step does later is ignored.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(new RegistrationError('aborted', 'The registration was aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RegistrationError('aborted', 'The registration was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function asAborted(error: unknown): RegistrationError {
  const registrationError = toRegistrationError(error);
  return registrationError.code === 'aborted'
    ? registrationError
    : new RegistrationError('aborted', 'The registration was aborted', { cause: error });
}

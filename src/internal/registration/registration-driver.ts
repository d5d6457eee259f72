import type { ReactiveControllerHost } from 'lit';
import type { RegistrationBackend } from '../../backends/types.js';
import {
  completeRegistration,
  prepareRegistration,
  refusedAtOnce,
  type CeremonyRequest,
  type PreparedRegistration,
  type RegistrationResult,
  type StageListener,
} from './ceremony.js';
import { CeremonyController, whenRemoved, type AbortReason } from '../shared/ceremony-controller.js';
import { RegistrationError, toRegistrationError } from '../../core/errors.js';

/** For the element's default name: one chunk with the driver, so a failed load is retried as one file. */
export { describeDevice } from './device-name.js';

/** What the driver needs from its element (`registration-element.ts`), which owns the state and the events. */
export interface RegistrationHost {
  /** Its controllers die with it; nothing starts for it once it has left the page. */
  readonly element: ReactiveControllerHost & HTMLElement;
  resolveBackend(): Promise<RegistrationBackend>;
  /** The ceremony moved on; with `prompting`, how long the browser may keep its prompt open. */
  stage: StageListener;
}

/**
 * The `unsupported` failures of registrations whose start had spent a link's code: the person needs a new
 * link for another browser or device (`spentTheLink`).
 */
const spentLinkFailures = new WeakSet<RegistrationError>();

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
 * Runs the registration of `<passkey-register>` and `<u2f-register>`: a cache of registrations started
 * ahead of the click (a prefetch, or a link's start on the person's pointerdown), and `run()`, the ceremony
 * on click, which resolves with its result or throws a `RegistrationError`. The element decides when to
 * call which, and owns the state and the events. Loaded with the ceremony and `@simplewebauthn/browser`
 * when the element becomes visible, hovered or focused (or at its first use), so the element's own code
 * is its shell: settings, state and rendering.
 */
export class RegistrationDriver {
  readonly #host: RegistrationHost;
  #ceremony: CeremonyController;
  /** Starts ahead of the click have their own controller: they die with the element, a click never aborts them. */
  #prefetching: CeremonyController;
  #prepared: Prepared | undefined;
  #preparing: Preparing | undefined;
  #refetchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The signal of the ceremony that runs: nothing is fetched ahead meanwhile. */
  #running: AbortSignal | undefined;
  /** How many prompts of a link's registration in a row the browser refused at once (see `refusedAtOnce`). */
  #refusalsAtOnce = 0;

  constructor(host: RegistrationHost) {
    this.#host = host;
    this.#ceremony = new CeremonyController(host.element);
    this.#prefetching = new CeremonyController(host.element);
  }

  /** Whether `error` ended a registration whose start had spent a link's code, as `unsupported`. */
  spentTheLink(error: RegistrationError): boolean {
    return spentLinkFailures.has(error);
  }

  /** Throws away options prepared for settings the element no longer has (or for an element that left). */
  discard(): void {
    this.#prefetching.abort('superseded');
    this.#prepared = undefined;
    this.#preparing = undefined;
    this.#refusalsAtOnce = 0;
    clearTimeout(this.#refetchTimer);
  }

  /**
   * Stops a running ceremony: it ends at once, whatever the backend is waiting for — with `cancelled` when
   * the person pressed Cancel (`cancelled`), else with `aborted`.
   */
  abort(reason: AbortReason): void {
    this.#ceremony.abort(reason);
  }

  /**
   * Fetches creation options for `request` ahead of the click, quietly: failures are reported by the click
   * itself. Never with a link's code, which the start spends: only the person may spend it (`activated`).
   */
  prefetch(request: CeremonyRequest): void {
    if (!request.code) this.#prepare(request, false);
  }

  /**
   * The person pressed the button (`pointerdown`, Enter or Space), a moment before the click: a link's
   * registration starts now, so the click that follows finds its options at hand.
   */
  activated(request: CeremonyRequest): void {
    if (request.code) this.#prepare(request, true);
  }

  #prepare(request: CeremonyRequest, forThePerson: boolean): void {
    const { element } = this.#host;
    if (!element.isConnected || this.#running || this.#prepared || this.#preparing) return;
    const signal = this.#prefetching.begin();
    const preparing: Preparing = {
      done: (async () => {
        const backend = await this.#host.resolveBackend();
        // Nothing starts for an element that has left the page meanwhile.
        if (signal.aborted || !element.isConnected) return;
        const registration = await prepareRegistration(backend, request, signal);
        if (signal.aborted) return;
        this.#prepared = { backend, registration };
        // A code works once, so its registration is never replaced; without one, fresh options
        // replace these before they expire.
        if (!request.code) {
          this.#refetchTimer = setTimeout(
            () => {
              this.#prepared = undefined;
              this.prefetch(request);
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
  #takePrepared(request: CeremonyRequest): Prepared | undefined {
    const prepared = this.#prepared;
    this.#prepared = undefined;
    clearTimeout(this.#refetchTimer);
    if (!prepared) return undefined;
    return request.code || prepared.registration.expiresAt > Date.now() ? prepared : undefined;
  }

  /**
   * Runs the whole ceremony for `request`: resolves with its result, or throws a `RegistrationError`.
   * With options at hand, nothing is awaited before the prompt: it opens inside the click's gesture.
   */
  async run(request: CeremonyRequest): Promise<RegistrationResult> {
    const { element } = this.#host;
    const signal = this.#ceremony.begin();
    this.#running = signal;
    let prepared: Prepared | undefined;
    let credentialSent = false;
    const onStage: StageListener = (stage, detail) => {
      if (stage === 'verifying') credentialSent = true;
      this.#host.stage(stage, detail);
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
      prepared = this.#takePrepared(request);
      if (!prepared) {
        onStage('starting');
        const backend = await untilAborted(this.#host.resolveBackend(), signal);
        // The element may have left the page while the adapters loaded: then nothing is sent.
        if (!element.isConnected) throw new RegistrationError('aborted', 'The element left the page');
        prepared = {
          backend,
          registration: await untilAborted(prepareRegistration(backend, request, signal), signal),
        };
      }
      const { backend, registration } = prepared;
      return await untilAborted(
        completeRegistration(backend, request, registration, signal, onStage),
        signal,
      );
    } catch (caught) {
      const cancelled = signal.aborted && signal.reason === 'cancelled' && element.isConnected;
      let error = cancelled
        ? new RegistrationError('cancelled', 'The person cancelled the registration', { cause: caught })
        : signal.aborted || !element.isConnected
          ? asAborted(caught)
          : toRegistrationError(caught);
      // Starting with a link's code spends the code (as in ZITADEL). Until a credential has been accepted,
      // the started registration is the only one this person can finish: keep it for the next try, as
      // ZITADEL's own login page does. Before the prompt's answer went out its challenge signed nothing;
      // after a refused verify, ZITADEL still holds the registration pending for that challenge.
      // A link's prompt refused at once a second time: this browser cannot do it (WKWebView in-app
      // browsers), and "Try again" would only spend the person's attempts; the spent link needs a new one.
      this.#refusalsAtOnce = request.code && refusedAtOnce.has(error) ? this.#refusalsAtOnce + 1 : 0;
      if (this.#refusalsAtOnce >= 2) {
        error = new RegistrationError('unsupported', 'The browser refused the prompt at once, again', {
          cause: error.cause,
        });
      }
      // Told by the error, not by what this driver holds: that is gone once the element leaves the page.
      // A registration prepared for this request started with its code (options of other settings are
      // discarded when they change), so a code and a start that went out mean the code is spent.
      if (prepared && request.code && error.code === 'unsupported') spentLinkFailures.add(error);
      const keep = !credentialSent || error.code === 'verification-failed';
      if (prepared && request.code && keep && element.isConnected) this.#prepared = prepared;
      throw error;
    } finally {
      if (this.#running === signal) this.#running = undefined;
      this.#ceremony.end(signal);
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

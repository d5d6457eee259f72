import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Why a ceremony was aborted by its element. */
export type AbortReason = 'reset' | 'disconnected' | 'superseded';

/**
 * Owns the `AbortController` of the element's running ceremony: its signal goes to every fetch and to
 * the browser prompt, and it fires when the element leaves the page, so nothing outlives its element.
 * (`@lit/task` does not abort on disconnect, hence this small controller.)
 */
export class CeremonyController implements ReactiveController {
  #controller: AbortController | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts a new ceremony, aborting any that still runs, and returns its signal. */
  begin(): AbortSignal {
    this.abort('superseded');
    this.#controller = new AbortController();
    return this.#controller.signal;
  }

  /** Marks the ceremony of `signal` as finished, if it is still the current one. */
  end(signal: AbortSignal): void {
    if (this.#controller?.signal === signal) this.#controller = undefined;
  }

  abort(reason: AbortReason): void {
    this.#controller?.abort(reason);
    this.#controller = undefined;
  }

  hostDisconnected(): void {
    this.abort('disconnected');
  }
}

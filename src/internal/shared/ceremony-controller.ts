import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Why a ceremony was aborted by its element; `cancelled`: the person pressed its Cancel. */
export type AbortReason = 'reset' | 'disconnected' | 'superseded' | 'cancelled';

/** The element a controller serves: it must tell whether it is on the page. */
type ConnectedHost = ReactiveControllerHost & { readonly isConnected: boolean };

/**
 * Runs `cleanup` after the current task's microtasks unless `host` is on the page again by then: moving
 * an element (`newParent.append(element)`, as frameworks, dialogs and portals do) disconnects and
 * connects it in one task, and must not end what it is doing (lit/lit#4705).
 */
export function whenRemoved(host: { readonly isConnected: boolean }, cleanup: () => void): void {
  queueMicrotask(() => {
    if (!host.isConnected) cleanup();
  });
}

/**
 * Owns the `AbortController` of the element's running ceremony: its signal goes to every fetch and to
 * the browser prompt, and it fires when the element leaves the page, so nothing outlives its element.
 * (`@lit/task` does not abort on disconnect, hence this small controller.)
 */
export class CeremonyController implements ReactiveController {
  readonly #host: ConnectedHost;
  #controller: AbortController | undefined;

  constructor(host: ConnectedHost) {
    this.#host = host;
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
    // A move is not a removal: the ceremony goes on in the new place.
    whenRemoved(this.#host, () => this.abort('disconnected'));
  }
}

import type { RegistrationKind } from '../../backends/types.js';
import type { ErrorCode } from '../../core/errors.js';

/** What every element's error event carries (`registration-error`, `link-error`, `list-error`). */
export interface RegistrationErrorDetail {
  kind: RegistrationKind | 'link' | 'list';
  code: ErrorCode;
  /** In the element's language, safe to show as text. */
  message: string;
  status?: number;
  grpcCode?: number;
  /**
   * A registration failed after the authenticator made a credential the server did not store: `true` when
   * the passkey provider was told to forget it, `false` when this browser could not be told (no Signal API).
   * Absent when no such credential exists, or when the kit could not tell whether the server kept it.
   */
  orphanRemoved?: boolean;
}

/** Dispatches a public event from the host; returns false when a listener cancelled it. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}

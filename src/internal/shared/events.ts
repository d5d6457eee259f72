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
}

/** Dispatches a public event from the host; returns false when a listener cancelled it. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}

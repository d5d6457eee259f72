import type { ChangeDetails, RegistrationKind, RegistrationResponseJSON } from '../backends/types.js';
import type { ErrorCode } from './errors.js';

export interface RegistrationStartDetail {
  kind: RegistrationKind;
  userId: string;
}

export interface RegistrationSuccessDetail {
  kind: RegistrationKind;
  userId: string;
  /** ZITADEL's id of the new credential: passkeyId, u2fId or webAuthNId. */
  id: string;
  name: string;
  credential: RegistrationResponseJSON;
  details: ChangeDetails | undefined;
}

/** What `register()` resolves with: the same as the success event's detail. */
export type RegistrationSuccess = RegistrationSuccessDetail;

export interface RegistrationErrorDetail {
  kind: RegistrationKind | 'link' | 'list';
  code: ErrorCode;
  /** In the element's language, safe to show as text. */
  message: string;
  status?: number;
  grpcCode?: number;
}

export type RegistrationStartEvent = CustomEvent<RegistrationStartDetail>;
export type RegistrationSuccessEvent = CustomEvent<RegistrationSuccessDetail>;
export type RegistrationErrorEvent = CustomEvent<RegistrationErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'registration-start': RegistrationStartEvent;
    'registration-success': RegistrationSuccessEvent;
    'registration-error': RegistrationErrorEvent;
  }
}

/** Dispatches a public event from the host; returns false when a listener cancelled it. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}

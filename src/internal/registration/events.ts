import type { ChangeDetails, RegistrationKind, RegistrationResponseJSON } from '../../backends/types.js';
import type { RegistrationErrorDetail } from '../shared/events.js';

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

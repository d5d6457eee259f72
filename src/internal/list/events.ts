import type { ChangeDetails, RegistrationKind } from '../../backends/types.js';
import type { RegistrationErrorDetail } from '../shared/events.js';

export interface AuthenticatorRemovedDetail {
  userId: string;
  id: string;
  kind: RegistrationKind;
  name: string;
  details: ChangeDetails | undefined;
}

export type AuthenticatorRemovedEvent = CustomEvent<AuthenticatorRemovedDetail>;
export type ListErrorEvent = CustomEvent<RegistrationErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'authenticator-removed': AuthenticatorRemovedEvent;
    'list-error': ListErrorEvent;
  }
}

import { defineElement } from './internal/shared/define.js';
import { AuthenticatorListElement } from './internal/list/authenticator-list-element.js';

export { AuthenticatorListElement };
export type { AuthenticatorRemovedDetail } from './internal/list/events.js';

defineElement('authenticator-list', AuthenticatorListElement);

declare global {
  interface HTMLElementTagNameMap {
    'authenticator-list': AuthenticatorListElement;
  }
}

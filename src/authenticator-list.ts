import { defineElement } from './internal/define.js';
import { AuthenticatorListElement } from './internal/authenticator-list-element.js';

export { AuthenticatorListElement };
export type { AuthenticatorRemovedDetail } from './internal/authenticator-list-element.js';

defineElement('authenticator-list', AuthenticatorListElement);

declare global {
  interface HTMLElementTagNameMap {
    'authenticator-list': AuthenticatorListElement;
  }
}

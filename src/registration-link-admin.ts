import { defineElement } from './internal/define.js';
import { RegistrationLinkAdminElement } from './internal/registration-link-admin-element.js';

export { RegistrationLinkAdminElement };

defineElement('registration-link-admin', RegistrationLinkAdminElement);

declare global {
  interface HTMLElementTagNameMap {
    'registration-link-admin': RegistrationLinkAdminElement;
  }
}

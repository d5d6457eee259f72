import { defineElement } from './internal/shared/define.js';
import { RegistrationLinkAdminElement } from './internal/link-admin/registration-link-admin-element.js';

export { RegistrationLinkAdminElement };

defineElement('registration-link-admin', RegistrationLinkAdminElement);

declare global {
  interface HTMLElementTagNameMap {
    'registration-link-admin': RegistrationLinkAdminElement;
  }
}

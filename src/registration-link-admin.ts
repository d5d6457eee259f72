import { defineElement } from './internal/shared/define.js';
import { RegistrationLinkAdminElement } from './internal/link-admin/registration-link-admin-element.js';

export { RegistrationLinkAdminElement };
export { checkLinkTemplate, fillLinkTemplate } from './internal/link-admin/link-template.js';
export type { LinkValues } from './internal/link-admin/link-template.js';

defineElement('registration-link-admin', RegistrationLinkAdminElement);

declare global {
  interface HTMLElementTagNameMap {
    'registration-link-admin': RegistrationLinkAdminElement;
  }
}

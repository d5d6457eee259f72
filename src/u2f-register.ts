import { defineElement } from './internal/shared/define.js';
import { U2fRegisterElement } from './internal/registration/u2f-register-element.js';

export { U2fRegisterElement };

defineElement('u2f-register', U2fRegisterElement);

declare global {
  interface HTMLElementTagNameMap {
    'u2f-register': U2fRegisterElement;
  }
}

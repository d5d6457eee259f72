import { defineElement } from './internal/shared/define.js';
import { PasskeyRegisterElement } from './internal/registration/passkey-register-element.js';

export { PasskeyRegisterElement };

defineElement('passkey-register', PasskeyRegisterElement);

declare global {
  interface HTMLElementTagNameMap {
    'passkey-register': PasskeyRegisterElement;
  }
}

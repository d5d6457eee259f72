import { defineElement } from './internal/define.js';
import { PasskeyRegisterElement } from './internal/passkey-register-element.js';

export { PasskeyRegisterElement };

defineElement('passkey-register', PasskeyRegisterElement);

declare global {
  interface HTMLElementTagNameMap {
    'passkey-register': PasskeyRegisterElement;
  }
}

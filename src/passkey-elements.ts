/**
 * The entry of `dist/passkey-elements.js`, the bundle for a `<script type="module">` tag: defines every
 * element and exports their classes. The backend factories and the rest of the package API are in
 * `dist/index.js`; here the ZITADEL adapters and the ceremony are chunks beside the bundle, loaded when an
 * element is first used, so a page pays up front only for what renders.
 */
import './passkey-register.js';
import './u2f-register.js';
import './registration-link-admin.js';
import './authenticator-list.js';

export { PasskeyRegisterElement } from './internal/registration/passkey-register-element.js';
export { U2fRegisterElement } from './internal/registration/u2f-register-element.js';
export { RegistrationLinkAdminElement } from './internal/link-admin/registration-link-admin-element.js';
export { AuthenticatorListElement } from './internal/list/authenticator-list-element.js';

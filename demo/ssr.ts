// Hydration support first: it must be in place before lit defines the elements.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../src/index.js';
import '../src/authenticator-list.js';
import type { AuthenticatorListElement, PasskeyRegisterElement } from '../src/index.js';
import { TOKENS } from '../mock/seed.js';
import { byId, mountDevtools } from './shared.js';

// The server rendered the elements (their buttons were on screen before this ran); the page hands over the
// token, a property that never was in the HTML.
for (const element of document.querySelectorAll<PasskeyRegisterElement | AuthenticatorListElement>(
  'passkey-register, authenticator-list',
)) {
  element.token = TOKENS.carol;
}
mountDevtools(byId('devtools'));

import '../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import { byId, mountDevtools } from './shared.js';

const register = byId<PasskeyRegisterElement>('register');
// The demo's links name the API generation; a real landing page knows its own.
const api = new URLSearchParams(location.search).get('api');
if (api === 'v2' || api === 'v3alpha') register.api = api;
mountDevtools(byId('devtools'), (state) => state.codes);
// Once it has worked, the invitation's "works once" is no longer news: the element says what happened.
register.addEventListener('registration-success', () => byId('invitation').remove());

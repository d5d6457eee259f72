import '../src/index.js';
import type { AuthenticatorListElement, PasskeyRegisterElement, U2fRegisterElement } from '../src/index.js';
import type { ApiGeneration } from '../src/backends/types.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { byId, logEvents, mockControl, showMockState } from './shared.js';

type UserName = keyof typeof USERS;

const passkey = byId<PasskeyRegisterElement>('passkey');
const u2f = byId<U2fRegisterElement>('u2f');
const list = byId<AuthenticatorListElement>('list');
const namingSelect = byId<HTMLSelectElement>('naming');
const apiSelect = byId<HTMLSelectElement>('api');
const userSelect = byId<HTMLSelectElement>('user');
const tokenSelect = byId<HTMLSelectElement>('token');
const authenticatorSelect = byId<HTMLSelectElement>('authenticator');
const stateView = byId<HTMLPreElement>('state');

for (const [name, user] of Object.entries(USERS)) {
  userSelect.append(new Option(`${user.displayName} (${user.id})`, name));
}

function configure(): void {
  const name = userSelect.value as UserName;
  for (const element of [passkey, u2f]) {
    element.api = apiSelect.value as ApiGeneration;
    element.userId = USERS[name].id;
    element.orgId = USERS[name].orgId;
    // The token lives in a property only: never in an attribute or the URL.
    element.token =
      tokenSelect.value === 'self' ? TOKENS[name] : tokenSelect.value === 'admin' ? TOKENS.admin : undefined;
    element.reset();
  }
  passkey.authenticator = authenticatorSelect.value as PasskeyRegisterElement['authenticator'];
  passkey.askName = namingSelect.value === 'ask';
  list.api = apiSelect.value as ApiGeneration;
  list.userId = USERS[name].id;
  list.orgId = USERS[name].orgId;
  list.token = passkey.token;
}

const refresh = () => void showMockState(stateView, (state) => state.users);

byId('settings').addEventListener('change', configure);
logEvents(document, byId('events'));
document.addEventListener('registration-success', refresh);
document.addEventListener('registration-error', refresh);
document.addEventListener('authenticator-removed', refresh);
byId('clear-events').addEventListener('click', () => byId('events').replaceChildren());
byId('reset-mock').addEventListener('click', async () => {
  await mockControl('POST', 'reset');
  refresh();
  await list.refresh().catch(() => undefined);
});

configure();
refresh();

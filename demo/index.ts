import '../src/index.js';
import type { PasskeyRegisterElement } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { byId, logEvents } from './shared.js';

type UserName = keyof typeof USERS;

const register = byId<PasskeyRegisterElement>('register');
const userSelect = byId<HTMLSelectElement>('user');
const tokenSelect = byId<HTMLSelectElement>('token');
const authenticatorSelect = byId<HTMLSelectElement>('authenticator');
const stateView = byId<HTMLPreElement>('state');
const link = byId<HTMLAnchorElement>('link');

for (const [name, user] of Object.entries(USERS)) {
  userSelect.append(new Option(`${user.displayName} (${user.id})`, name));
}

function configure(): void {
  const name = userSelect.value as UserName;
  register.userId = USERS[name].id;
  register.orgId = USERS[name].orgId;
  register.authenticator = authenticatorSelect.value as PasskeyRegisterElement['authenticator'];
  // The token lives in a property only: never in an attribute or the URL.
  register.token =
    tokenSelect.value === 'self' ? TOKENS[name] : tokenSelect.value === 'admin' ? TOKENS.admin : undefined;
  register.reset();
}

async function showState(): Promise<void> {
  const response = await fetch('/__mock/state');
  stateView.textContent = JSON.stringify(await response.json(), null, 2);
}

byId('settings').addEventListener('change', configure);
logEvents(document, byId('events'));
document.addEventListener('registration-success', () => void showState());
document.addEventListener('registration-error', () => void showState());

byId('clear-events').addEventListener('click', () => byId('events').replaceChildren());
byId('reset-mock').addEventListener('click', async () => {
  await fetch('/__mock/reset', { method: 'POST' });
  await showState();
});

byId('make-link').addEventListener('click', async () => {
  const user = USERS[userSelect.value as UserName];
  const response = await fetch('/__mock/codes', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  });
  const code = (await response.json()) as { id: string; code: string };
  const url = new URL('./register.html', location.href);
  url.search = new URLSearchParams({
    userID: user.id,
    orgID: user.orgId,
    codeID: code.id,
    code: code.code,
  }).toString();
  link.href = url.href;
  link.textContent = url.href;
  link.hidden = false;
  await showState();
});

configure();
void showState();

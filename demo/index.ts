import '../src/index.js';
import '../src/authenticator-list.js';
import type { AuthenticatorListElement, PasskeyRegisterElement, U2fRegisterElement } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { byId, mockControl, mountDevtools, setDemoCookie } from './shared.js';

type UserName = keyof typeof USERS;

const passkey = byId<PasskeyRegisterElement>('passkey');
const u2f = byId<U2fRegisterElement>('u2f');
const list = byId<AuthenticatorListElement>('list');
const select = (id: string) => byId<HTMLSelectElement>(id);
const hint = byId<HTMLParagraphElement>('mode-hint');

for (const [name, user] of Object.entries(USERS)) {
  select('user').append(new Option(`${user.displayName} · ${user.userName}`, name));
}

const HINTS: Record<string, string> = {
  direct:
    'The browser holds the signed-in user’s own token (a property, never an attribute) and calls ZITADEL directly.',
  session:
    'The browser holds no token: the app’s proxy (/zitadel-manager) reads the session cookie and adds a service token, for this user only.',
  none: 'No token and no session: ZITADEL refuses every call, and the elements say so.',
};

let lastApi = 'v2';

async function configure(): Promise<void> {
  const name = select('user').value as UserName;
  const user = USERS[name];
  const mode = select('mode').value;
  const api = select('api').value;
  // ZITADEL v4 answers v3alpha's passkey methods with 501; the mock can also implement them.
  await mockControl('POST', 'config', { v3alpha: api === 'v3alpha' ? 'implemented' : 'unimplemented' });
  setDemoCookie('demo-user', mode === 'session' ? user.id : undefined);
  hint.textContent = HINTS[mode] ?? '';
  for (const element of [passkey, u2f, list]) {
    element.api = api === 'v2' ? 'v2' : 'v3alpha';
    element.userId = user.id;
    element.orgId = user.orgId;
    element.baseUrl = mode === 'session' ? '/zitadel-manager' : '';
    // The token lives in a property only: never in an attribute or the URL.
    element.token = mode === 'direct' ? TOKENS[name] : undefined;
  }
  passkey.reset();
  u2f.reset();
  passkey.authenticator = select('authenticator').value as PasskeyRegisterElement['authenticator'];
  passkey.askName = select('naming').value === 'ask';
  // The list reloads by itself when its settings change; the mock's v3alpha mode is not one of them.
  if (api !== lastApi && api.startsWith('v3alpha') && lastApi.startsWith('v3alpha')) {
    await list.refresh().catch(() => undefined);
  }
  lastApi = api;
}

byId('settings').addEventListener('change', () => void configure());
document.addEventListener('demo-reset', () => void list.refresh().catch(() => undefined));
mountDevtools(byId('devtools'));
void configure();

import '../src/registration-link-admin.js';
import type { RegistrationLinkAdminElement } from '../src/registration-link-admin.js';
import type { ApiGeneration } from '../src/backends/types.js';
import { USERS } from '../mock/seed.js';
import { byId, mockControl, mountDevtools, setDemoCookie } from './shared.js';

type UserName = keyof typeof USERS;
interface MockUser {
  id: string;
  authenticators: { state: string }[];
}

const ORG_NAMES: Record<string, string> = { '200000000000000001': 'ACME', '200000000000000002': 'Globex' };

const admin = byId<RegistrationLinkAdminElement>('admin');
const apiSelect = byId<HTMLSelectElement>('api');
const rows = byId<HTMLTableSectionElement>('users');
let selected: UserName = 'bob';

// The demo's admin is signed in: the proxy lets this browser create links (vite.config.ts, authorizeAdmin).
setDemoCookie('demo-role', 'admin');

function cell(...content: (Node | string)[]): HTMLTableCellElement {
  const td = document.createElement('td');
  td.append(...content);
  return td;
}

async function renderUsers(): Promise<void> {
  const state = await mockControl<{ users: MockUser[] }>('GET', 'state');
  rows.replaceChildren(
    ...Object.entries(USERS).map(([name, user]) => {
      const ready =
        state.users
          .find((entry) => entry.id === user.id)
          ?.authenticators.filter((a) => a.state.endsWith('READY')).length ?? 0;
      const person = document.createElement('span');
      person.className = 'person';
      const strong = document.createElement('strong');
      strong.textContent = user.displayName;
      // A narrow column wraps the address after its "@", not inside a word.
      const small = document.createElement('small');
      const at = user.userName.indexOf('@') + 1;
      small.append(user.userName.slice(0, at), document.createElement('wbr'), user.userName.slice(at));
      person.append(strong, small);
      const invite = document.createElement('button');
      invite.type = 'button';
      invite.className = name === selected ? 'button primary' : 'button';
      invite.textContent = 'Invite';
      invite.setAttribute('aria-label', `Invite ${user.displayName} to set up a passkey`);
      invite.addEventListener('click', () => {
        selected = name as UserName;
        configure();
        void renderUsers();
        // The form for the invited person takes the keyboard (the element has no focus of its own).
        void admin.updateComplete.then(() =>
          admin.shadowRoot?.querySelector<HTMLElement>('button[type="submit"]')?.focus(),
        );
      });
      const row = document.createElement('tr');
      row.setAttribute('aria-selected', String(name === selected));
      const org = cell(ORG_NAMES[user.orgId] ?? user.orgId);
      org.className = 'hide-narrow';
      row.append(cell(person), org, cell(String(ready)), cell(invite));
      return row;
    }),
  );
}

function configure(): void {
  const user = USERS[selected];
  const api = apiSelect.value as ApiGeneration;
  byId('invite-for').textContent = `For ${user.displayName} (${user.userName}).`;
  admin.api = api;
  admin.userId = user.id;
  admin.orgId = user.orgId;
  // No token in this browser: the proxy adds a service token for a signed-in admin.
  admin.baseUrl = api === 'v1' ? '/zitadel-manager' : '/zitadel';
  // v1 cannot fill a template (ZITADEL mails its default link); v2 and v3alpha lead to this app's page.
  admin.linkTemplate =
    api === 'v1'
      ? undefined
      : `${location.origin}/register.html?api=${api}&userID={{.UserID}}&orgID={{.OrgID}}&codeID={{.CodeID}}&code={{.Code}}`;
}

apiSelect.addEventListener('change', () => {
  void mockControl('POST', 'config', {
    v3alpha: apiSelect.value === 'v3alpha' ? 'implemented' : 'unimplemented',
  });
  configure();
});
document.addEventListener('registration-success', () => void renderUsers());
document.addEventListener('demo-reset', () => void renderUsers());
mountDevtools(byId('devtools'), (state) => state.codes);
void mockControl('POST', 'config', { v3alpha: 'unimplemented' });
configure();
void renderUsers();

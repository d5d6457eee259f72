import '../src/registration-link-admin.js';
import type { RegistrationLinkAdminElement } from '../src/registration-link-admin.js';
import type { ApiGeneration } from '../src/backends/types.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { byId, logEvents, showMockState } from './shared.js';

type UserName = keyof typeof USERS;

const admin = byId<RegistrationLinkAdminElement>('admin');
const apiSelect = byId<HTMLSelectElement>('api');
const userSelect = byId<HTMLSelectElement>('user');
const stateView = byId<HTMLPreElement>('state');

for (const [name, user] of Object.entries(USERS)) {
  userSelect.append(new Option(`${user.displayName} (${user.id})`, name));
}

function configure(): void {
  const user = USERS[userSelect.value as UserName];
  const api = apiSelect.value as ApiGeneration;
  admin.api = api;
  admin.userId = user.id;
  admin.orgId = user.orgId;
  // In production an admin token stays on the server, behind a proxy at base-url (see SECURITY notes).
  admin.token = TOKENS.admin;
  // The landing page of this demo; `api` tells it which API generation to register with.
  admin.linkTemplate = `${location.origin}/register.html?api=${api}&userID={{.UserID}}&orgID={{.OrgID}}&codeID={{.CodeID}}&code={{.Code}}`;
}

const refresh = () => void showMockState(stateView, (state) => state.codes);

byId('settings').addEventListener('change', configure);
logEvents(admin, byId('events'));
admin.addEventListener('link-created', refresh);
configure();
refresh();

/**
 * Type test of the package entries that need no framework: `.`, one per element, `./backends`. This file
 * must type-check with neither React nor Vue installed (scripts/check-pack.sh checks it before it installs
 * them). Each `@ts-expect-error` is a use the types must refuse.
 */
import {
  PasskeyRegisterElement,
  U2fRegisterElement,
  discover,
  type AuthenticatorListElement,
  type RegistrationErrorDetail,
  type RegistrationLinkAdminElement,
} from 'passkey-elements';
import { PasskeyRegisterElement as PasskeyRegisterAlone } from 'passkey-elements/passkey-register.js';
import { U2fRegisterElement as U2fRegisterAlone } from 'passkey-elements/u2f-register.js';
import {
  RegistrationLinkAdminElement as LinkAdminAlone,
  checkLinkTemplate,
  fillLinkTemplate,
} from 'passkey-elements/registration-link-admin.js';
import { AuthenticatorListElement as ListAlone } from 'passkey-elements/authenticator-list.js';
import {
  zitadelV2,
  zitadelV3alpha,
  type ErrorCode,
  type RegistrationBackend,
} from 'passkey-elements/backends';
import { LANGUAGES, catalogFor, en, loadMessages, type Messages } from 'passkey-elements/messages';

// The root defines <registration-link-admin> and <authenticator-list> when they appear: their classes are
// types there, values from their own entries.
export const classes = [
  PasskeyRegisterElement,
  U2fRegisterElement,
  PasskeyRegisterAlone,
  U2fRegisterAlone,
  LinkAdminAlone,
  ListAlone,
];

export const discovered: Promise<void> = discover(document.body);
// @ts-expect-error the class of <authenticator-list> is a type in the root entry: import its entry for the value
export const listClass = (await import('passkey-elements')).AuthenticatorListElement;

export const backends: RegistrationBackend[] = [zitadelV2({ baseUrl: '' }), zitadelV3alpha({})];

const passkey = document.createElement('passkey-register');
passkey.token = async () => 'access-token';
passkey.addEventListener('registration-success', (event) => event.detail.id);
// @ts-expect-error the success detail has no `credentialId` (it is `id`)
passkey.addEventListener('registration-success', (event) => event.detail.credentialId);
// @ts-expect-error authenticator is "platform", "cross-platform" or empty
passkey.authenticator = 'phone';
// @ts-expect-error state is read-only
passkey.state = 'success';

export const u2f: U2fRegisterElement = document.createElement('u2f-register');
export const links: RegistrationLinkAdminElement = document.createElement('registration-link-admin');
links.addEventListener('link-created', (event) => event.detail.link);
const list: AuthenticatorListElement = document.createElement('authenticator-list');
list.addEventListener('authenticator-removed', (event) => event.detail.kind);
list.addEventListener('list-error', (event) => event.detail.code satisfies ErrorCode);

export function describe(detail: RegistrationErrorDetail): string {
  return `${detail.code}: ${detail.message}`;
}

// The texts come from their own entry, the link template's helpers with the link admin.
export const english: Messages = en;
export const german: Promise<Messages> = loadMessages(catalogFor('de-CH'));
export const languages: readonly string[] = LANGUAGES;
export const link: string = fillLinkTemplate('https://example.com/{{.UserID}}', {
  userId: 'u',
  orgId: 'o',
  codeId: 'c',
  code: 'x',
});
checkLinkTemplate('https://example.com/{{.Code}}');
// @ts-expect-error the texts are not in the root entry: import them from passkey-elements/messages
export const rootTexts = (await import('passkey-elements')).en;

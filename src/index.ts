/**
 * The package's root entry (`import 'passkey-elements'`): the same elements as the script tag, defined the
 * same way — `<passkey-register>` and `<u2f-register>` at once, `<registration-link-admin>` and
 * `<authenticator-list>` from a chunk when their tag first appears (see `./passkey-elements.ts`); the
 * classes of those two are here as types, and as values from their own entries
 * (`passkey-elements/authenticator-list.js`, `passkey-elements/registration-link-admin.js`).
 */
export { PasskeyRegisterElement, U2fRegisterElement, discover } from './passkey-elements.js';
export type { AuthenticatorListElement, RegistrationLinkAdminElement } from './passkey-elements.js';
export type {
  AuthenticatorRemovedDetail,
  AuthenticatorRemovedEvent,
  ListErrorEvent,
} from './internal/list/events.js';
export type {
  LinkCreated,
  LinkCreatedDetail,
  LinkCreatedEvent,
  LinkErrorEvent,
} from './internal/link-admin/events.js';
export { RegistrationElement } from './internal/registration/registration-element.js';
export type { RegistrationState, KindTexts } from './internal/registration/registration-element.js';
export type { CeremonyRequest, CeremonyStage, RegistrationResult } from './internal/registration/ceremony.js';
export type { RegistrationErrorDetail } from './internal/shared/events.js';
export type {
  RegistrationErrorEvent,
  RegistrationStartDetail,
  RegistrationStartEvent,
  RegistrationSuccess,
  RegistrationSuccessDetail,
  RegistrationSuccessEvent,
} from './internal/registration/events.js';
export type { MessageOverrides } from './internal/shared/configured-element.js';
export type { Messages } from './i18n/messages.js';
// The texts (`en`, `loadMessages` …) are in `passkey-elements/messages`, the link template's helpers with the
// link admin (`passkey-elements/registration-link-admin.js`): here the link admin's and the list's English
// would load up front with every registration.
// The backend layer's types and errors; its factories (`zitadelV2` …) are in `passkey-elements/backends`:
// exported from here, the adapters and the ceremony would load up front in every bundler's build (a bundler
// keeps in the entry chunk what the entry imports statically, however lazily the elements use it).
export type * from './backends/types.js';
export type { HttpClient, HttpRequest } from './backends/http.js';
export { DEFAULT_TIMEOUT_MS } from './backends/defaults.js';
export { RegistrationError, errorCodeForStatus, isRegistrationError } from './core/errors.js';
export type { ErrorCode } from './core/errors.js';

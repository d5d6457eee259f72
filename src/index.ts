import './passkey-register.js';
import './u2f-register.js';
import './registration-link-admin.js';
import './authenticator-list.js';

export { PasskeyRegisterElement } from './internal/passkey-register-element.js';
export { U2fRegisterElement } from './internal/u2f-register-element.js';
export { AuthenticatorListElement } from './internal/authenticator-list-element.js';
export type { AuthenticatorRemovedDetail } from './internal/authenticator-list-element.js';
export { RegistrationLinkAdminElement } from './internal/registration-link-admin-element.js';
export type {
  LinkCreated,
  LinkCreatedDetail,
  LinkCreatedEvent,
  LinkErrorEvent,
} from './internal/link-events.js';
export { checkLinkTemplate, fillLinkTemplate } from './internal/link-template.js';
export type { LinkValues } from './internal/link-template.js';
export { RegistrationElement } from './internal/registration-element.js';
export type { RegistrationState, KindTexts } from './internal/registration-element.js';
export { runRegistration } from './internal/ceremony.js';
export type { CeremonyRequest, CeremonyStage, RegistrationResult } from './internal/ceremony.js';
export { describeDevice } from './internal/device-name.js';
export type {
  RegistrationErrorDetail,
  RegistrationErrorEvent,
  RegistrationStartDetail,
  RegistrationStartEvent,
  RegistrationSuccess,
  RegistrationSuccessDetail,
  RegistrationSuccessEvent,
} from './internal/events.js';
export type { MessageOverrides } from './internal/configured-element.js';
export type { Messages } from './i18n/messages.js';
export { en, loadMessages, catalogFor, LANGUAGES } from './i18n/index.js';
export * from './backends/index.js';

/**
 * What each tag takes and sends, for the framework type entries (`passkey-elements/jsx`,
 * `passkey-elements/vue`): its settable properties, its attributes by their HTML names, its events by name.
 * Types only, derived from the element classes so that they cannot drift from them.
 */
import type { AuthenticatorListElement } from '../list/authenticator-list-element.js';
import type { AuthenticatorRemovedDetail } from '../list/events.js';
import type { RegistrationErrorDetail } from '../shared/events.js';
import type {
  RegistrationErrorEvent,
  RegistrationStartEvent,
  RegistrationSuccessEvent,
} from '../registration/events.js';
import type { LinkCreatedEvent, LinkErrorEvent } from '../link-admin/events.js';
import type { PasskeyRegisterElement } from '../registration/passkey-register-element.js';
import type { RegistrationLinkAdminElement } from '../link-admin/registration-link-admin-element.js';
import type { U2fRegisterElement } from '../registration/u2f-register-element.js';
import type { BackendSetting } from '../shared/configured-element.js';

/**
 * The shared configuration as properties: the backend settings, the theme and the texts; `token`,
 * `backend` and `strings` exist only as properties.
 */
type ConfigurationProperty = BackendSetting | 'theme' | 'strings';

type RegistrationProperty =
  ConfigurationProperty | 'userId' | 'domain' | 'authenticator' | 'prefetch' | 'askName';

/** The properties a page may set (not `state`, which is read-only). */
export type PasskeyRegisterProperties = Pick<
  PasskeyRegisterElement,
  RegistrationProperty | 'codeId' | 'code' | 'fromUrl' | 'passkeyName'
>;
export type U2fRegisterProperties = Pick<U2fRegisterElement, RegistrationProperty | 'tokenName'>;
export type RegistrationLinkAdminProperties = Pick<
  RegistrationLinkAdminElement,
  ConfigurationProperty | 'userId' | 'delivery' | 'linkTemplate'
>;
export type AuthenticatorListProperties = Pick<
  AuthenticatorListElement,
  ConfigurationProperty | 'userId' | 'domain'
>;

type Configured =
  PasskeyRegisterElement | U2fRegisterElement | RegistrationLinkAdminElement | AuthenticatorListElement;

/**
 * The HTML name of each backend setting (`BACKEND_SETTINGS`); `never` for those that exist only as
 * properties. A setting added to the list and missing here fails to compile below.
 */
interface BackendSettingAttribute {
  api: 'api';
  backend: never;
  baseUrl: 'base-url';
  orgId: 'org-id';
  instanceDomain: 'instance-domain';
  credentials: 'credentials';
  /** Milliseconds. Frameworks set it as the property, so a number. */
  timeout: 'timeout';
  token: never;
}

/** The backend settings by their attribute names, typed as the properties are. */
type BackendSettingAttributes<Names extends Record<BackendSetting, string>> = {
  [Setting in BackendSetting as Names[Setting]]?: Configured[Setting];
};

/** The shared configuration as attributes (`lang` is a global attribute). */
export interface ConfigurationAttributes extends BackendSettingAttributes<BackendSettingAttribute> {
  theme?: Configured['theme'];
}

interface RegistrationAttributes extends ConfigurationAttributes {
  'user-id'?: string;
  domain?: string;
  authenticator?: PasskeyRegisterElement['authenticator'];
  prefetch?: boolean;
  'ask-name'?: boolean;
}

export interface PasskeyRegisterAttributes extends RegistrationAttributes {
  'code-id'?: string;
  code?: string;
  'from-url'?: boolean;
  'passkey-name'?: string;
}

export interface U2fRegisterAttributes extends RegistrationAttributes {
  'token-name'?: string;
}

export interface RegistrationLinkAdminAttributes extends ConfigurationAttributes {
  'user-id'?: string;
  delivery?: RegistrationLinkAdminElement['delivery'];
  'link-template'?: string;
}

export interface AuthenticatorListAttributes extends ConfigurationAttributes {
  'user-id'?: string;
  domain?: string;
}

/** The events of `<passkey-register>` and `<u2f-register>`. */
export interface RegistrationEventMap {
  'registration-start': RegistrationStartEvent;
  'registration-success': RegistrationSuccessEvent;
  'registration-error': RegistrationErrorEvent;
  /** The element's `capabilities` (what this browser and device can do) are known. */
  'capabilities-change': Event;
}

export interface RegistrationLinkAdminEventMap {
  'link-created': LinkCreatedEvent;
  'link-error': LinkErrorEvent;
}

export interface AuthenticatorListEventMap {
  'authenticator-removed': CustomEvent<AuthenticatorRemovedDetail>;
  'list-error': CustomEvent<RegistrationErrorDetail>;
}

/** Every tag of the kit with its element class, settable properties, attributes and events. */
export interface KitElements {
  'passkey-register': {
    element: PasskeyRegisterElement;
    properties: PasskeyRegisterProperties;
    attributes: PasskeyRegisterAttributes;
    events: RegistrationEventMap;
  };
  'u2f-register': {
    element: U2fRegisterElement;
    properties: U2fRegisterProperties;
    attributes: U2fRegisterAttributes;
    events: RegistrationEventMap;
  };
  'registration-link-admin': {
    element: RegistrationLinkAdminElement;
    properties: RegistrationLinkAdminProperties;
    attributes: RegistrationLinkAdminAttributes;
    events: RegistrationLinkAdminEventMap;
  };
  'authenticator-list': {
    element: AuthenticatorListElement;
    properties: AuthenticatorListProperties;
    attributes: AuthenticatorListAttributes;
    events: AuthenticatorListEventMap;
  };
}

export type KitTag = keyof KitElements;

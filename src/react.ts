/**
 * React wrappers (`passkey-elements/react`): props for every property, typed event props for every event.
 * React passes rich data (token, backend, strings) as properties, never as attributes.
 *
 * ```tsx
 * <PasskeyRegister userId={id} token={getToken} onRegistrationSuccess={(e) => save(e.detail)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { defineElement } from './internal/shared/define.js';
import { PasskeyRegisterElement } from './internal/registration/passkey-register-element.js';
import { RegistrationLinkAdminElement } from './internal/link-admin/registration-link-admin-element.js';
import { U2fRegisterElement } from './internal/registration/u2f-register-element.js';
import { AuthenticatorListElement } from './internal/list/authenticator-list-element.js';
import type { AuthenticatorRemovedDetail } from './internal/list/events.js';
import type { RegistrationErrorDetail } from './internal/shared/events.js';
import type {
  RegistrationErrorEvent,
  RegistrationStartEvent,
  RegistrationSuccessEvent,
} from './internal/registration/events.js';
import type { LinkCreatedEvent, LinkErrorEvent } from './internal/link-admin/events.js';

/**
 * A wrapper and the definition of its tag, made when the wrapper is first imported: each call is pure to a
 * bundler, so an app that uses `PasskeyRegister` alone bundles neither the other elements nor their texts.
 */
function wrap<E extends HTMLElement, Events extends Record<string, EventName | string>>(
  tagName: string,
  elementClass: new () => E,
  events: Events,
  displayName: string,
) {
  defineElement(tagName, elementClass);
  return createComponent({ tagName, elementClass, react: React, events, displayName });
}

const registrationEvents = {
  onRegistrationStart: 'registration-start' as EventName<RegistrationStartEvent>,
  onRegistrationSuccess: 'registration-success' as EventName<RegistrationSuccessEvent>,
  onRegistrationError: 'registration-error' as EventName<RegistrationErrorEvent>,
  onCapabilitiesChange: 'capabilities-change' as EventName<Event>,
};

export const PasskeyRegister = /* @__PURE__ */ wrap(
  'passkey-register',
  PasskeyRegisterElement,
  registrationEvents,
  'PasskeyRegister',
);

export const U2fRegister = /* @__PURE__ */ wrap(
  'u2f-register',
  U2fRegisterElement,
  registrationEvents,
  'U2fRegister',
);

export const RegistrationLinkAdmin = /* @__PURE__ */ wrap(
  'registration-link-admin',
  RegistrationLinkAdminElement,
  {
    onLinkCreated: 'link-created' as EventName<LinkCreatedEvent>,
    onLinkError: 'link-error' as EventName<LinkErrorEvent>,
  },
  'RegistrationLinkAdmin',
);

export const AuthenticatorList = /* @__PURE__ */ wrap(
  'authenticator-list',
  AuthenticatorListElement,
  {
    onAuthenticatorRemoved: 'authenticator-removed' as EventName<CustomEvent<AuthenticatorRemovedDetail>>,
    onListError: 'list-error' as EventName<CustomEvent<RegistrationErrorDetail>>,
  },
  'AuthenticatorList',
);

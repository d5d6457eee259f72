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
import { PasskeyRegisterElement } from './passkey-register.js';
import { RegistrationLinkAdminElement } from './registration-link-admin.js';
import { U2fRegisterElement } from './u2f-register.js';
import { AuthenticatorListElement } from './authenticator-list.js';
import type { AuthenticatorRemovedDetail } from './internal/list/events.js';
import type { RegistrationErrorDetail } from './internal/shared/events.js';
import type {
  RegistrationErrorEvent,
  RegistrationStartEvent,
  RegistrationSuccessEvent,
} from './internal/registration/events.js';
import type { LinkCreatedEvent, LinkErrorEvent } from './internal/link-admin/events.js';

const registrationEvents = {
  onRegistrationStart: 'registration-start' as EventName<RegistrationStartEvent>,
  onRegistrationSuccess: 'registration-success' as EventName<RegistrationSuccessEvent>,
  onRegistrationError: 'registration-error' as EventName<RegistrationErrorEvent>,
};

export const PasskeyRegister = createComponent({
  tagName: 'passkey-register',
  elementClass: PasskeyRegisterElement,
  react: React,
  events: registrationEvents,
  displayName: 'PasskeyRegister',
});

export const U2fRegister = createComponent({
  tagName: 'u2f-register',
  elementClass: U2fRegisterElement,
  react: React,
  events: registrationEvents,
  displayName: 'U2fRegister',
});

export const RegistrationLinkAdmin = createComponent({
  tagName: 'registration-link-admin',
  elementClass: RegistrationLinkAdminElement,
  react: React,
  events: {
    onLinkCreated: 'link-created' as EventName<LinkCreatedEvent>,
    onLinkError: 'link-error' as EventName<LinkErrorEvent>,
  },
  displayName: 'RegistrationLinkAdmin',
});

export const AuthenticatorList = createComponent({
  tagName: 'authenticator-list',
  elementClass: AuthenticatorListElement,
  react: React,
  events: {
    onAuthenticatorRemoved: 'authenticator-removed' as EventName<CustomEvent<AuthenticatorRemovedDetail>>,
    onListError: 'list-error' as EventName<CustomEvent<RegistrationErrorDetail>>,
  },
  displayName: 'AuthenticatorList',
});

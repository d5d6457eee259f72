/**
 * Type test of `passkey-elements/react`, the `@lit/react` wrappers: camelCase props and event props. Each
 * `@ts-expect-error` is a use the types must refuse.
 */
import {
  AuthenticatorList,
  PasskeyRegister,
  RegistrationLinkAdmin,
  U2fRegister,
} from 'passkey-elements/react';

declare const getToken: () => Promise<string>;

export function Wrapped() {
  return (
    <>
      <PasskeyRegister
        userId="284578469393744386"
        token={getToken}
        authenticator="platform"
        onRegistrationSuccess={(event) => event.detail.id}
        onRegistrationError={(event) => event.detail.code}
      />
      <U2fRegister userId="284578469393744386" tokenName="YubiKey" />
      <RegistrationLinkAdmin delivery="email" onLinkCreated={(event) => event.detail.link} />
      <AuthenticatorList userId="284578469393744386" onAuthenticatorRemoved={(event) => event.detail.name} />
      {/* @ts-expect-error authenticator is "platform", "cross-platform" or empty */}
      <PasskeyRegister authenticator="phone" />
      {/* @ts-expect-error the success detail has no `credentialId` */}
      <PasskeyRegister onRegistrationSuccess={(event) => event.detail.credentialId} />
    </>
  );
}

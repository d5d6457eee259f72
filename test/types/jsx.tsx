/**
 * Type test of `passkey-elements/jsx`: every tag in React 19 JSX with its attributes, properties and event
 * props. Each `@ts-expect-error` is a use the types must refuse: if the types let it through, tsc fails with
 * "Unused '@ts-expect-error' directive". Checked by `npm run typecheck` against the source and by
 * scripts/check-pack.sh against the packed tarball. Not run: tsc only.
 *
 * TypeScript never reports an unknown JSX attribute whose name has a dash (`user-idd`, `onlink-created` on
 * `<passkey-register>`): it treats such names as `data-*`-like. Known ones are checked.
 */
import { useRef } from 'react';
import 'passkey-elements';
import type { PasskeyRegisterElement, RegistrationSuccessDetail } from 'passkey-elements';
import type {} from 'passkey-elements/jsx';

declare const getToken: () => Promise<string>;
declare function save(detail: RegistrationSuccessDetail): void;

export function Registration() {
  const ref = useRef<PasskeyRegisterElement>(null);
  return (
    <>
      <passkey-register
        ref={ref}
        user-id="284578469393744386"
        base-url="https://my-instance.zitadel.cloud"
        api="v3alpha"
        instance-domain="my-instance.zitadel.cloud"
        authenticator="platform"
        passkey-name="Work laptop"
        prefetch
        ask-name={false}
        theme="dark"
        timeout={5000}
        lang="de"
        className="wide"
        token={getToken}
        strings={{ passkeyButton: 'Passkey anlegen', errors: { cancelled: 'Abgebrochen' } }}
        onregistration-start={(event) => event.detail.userId.length > 0 || event.preventDefault()}
        onregistration-success={(event) => save(event.detail)}
        onregistration-error={(event) => console.warn(event.detail.code, event.detail.message)}
        oncapabilities-change={() => ref.current?.capabilities}
      />
      <passkey-register from-url code-id="1" code="abc" />
      <passkey-register userId="284578469393744386" baseUrl="" credentials="include" />

      {/* @ts-expect-error authenticator is "platform", "cross-platform" or empty */}
      <passkey-register authenticator="phone" />
      {/* @ts-expect-error user-id is a string */}
      <passkey-register user-id={42} />
      {/* @ts-expect-error api is "v2", "v3alpha" or "v1" */}
      <passkey-register api="v4" />
      {/* @ts-expect-error state is read-only: the element sets it */}
      <passkey-register state="success" />
      {/* @ts-expect-error token is a string or a function returning one */}
      <passkey-register token={42} />
      {/* @ts-expect-error strings only overrides messages that exist */}
      <passkey-register strings={{ noSuchMessage: 'x' }} />
      {/* @ts-expect-error userID is not a property (userId is) */}
      <passkey-register userID="1" />
      <passkey-register
        // @ts-expect-error the success detail has no `credentialId` (it is `id`)
        onregistration-success={(event) => event.detail.credentialId}
      />
      <passkey-register
        // @ts-expect-error the error detail's code is an ErrorCode, not any string
        onregistration-error={(event) => event.detail.code === 'timeout'}
      />
    </>
  );
}

export function SecurityKey() {
  return (
    <>
      <u2f-register
        user-id="284578469393744386"
        token-name="YubiKey"
        org-id="200000000000000001"
        onregistration-success={(event) => event.detail.kind === 'u2f'}
      />
      {/* @ts-expect-error passkey-name belongs to <passkey-register>; <u2f-register> has tokenName */}
      <u2f-register passkeyName="YubiKey" />
      {/* @ts-expect-error a registration code belongs to <passkey-register> */}
      <u2f-register fromUrl />
    </>
  );
}

export function Links() {
  return (
    <>
      <registration-link-admin
        user-id="284578469393744386"
        delivery="email"
        link-template="https://app.example.com/register?user={{.UserID}}&code={{.Code}}"
        token={getToken}
        onlink-created={(event) => event.detail.link ?? event.detail.codeId}
        onlink-error={(event) => event.detail.status}
      />
      {/* @ts-expect-error delivery is "return" or "email" */}
      <registration-link-admin delivery="sms" />
      <registration-link-admin
        // @ts-expect-error link-created's detail has no `url` (it is `link`)
        onlink-created={(event) => event.detail.url}
      />
    </>
  );
}

export function Authenticators() {
  return (
    <>
      <authenticator-list
        user-id="284578469393744386"
        domain="example.com"
        token="access-token"
        onauthenticator-removed={(event) => event.detail.kind === 'passkey' && event.detail.name}
        onlist-error={(event) => event.detail.code === 'forbidden'}
      />
      <authenticator-list
        // @ts-expect-error authenticator-removed's detail has no `credential`
        onauthenticator-removed={(event) => event.detail.credential}
      />
      {/* @ts-expect-error <authenticator-list> has no delivery */}
      <authenticator-list delivery="email" />
    </>
  );
}

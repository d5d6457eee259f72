/**
 * Type test of `passkey-elements/vue`, without vue-tsc: a template binding such as
 * `<passkey-register :user-id="id" .token="token" @registration-success="onSuccess">` is checked by vue-tsc
 * against the tag's `GlobalComponents` entry: `:user-id` / `.token` against `$props.userId` / `$props.token`,
 * `@registration-success` against `$props.onRegistrationSuccess` (else the `$emit` overloads). This file
 * checks those same types directly. Each `@ts-expect-error` is a binding the types must refuse: if the
 * types let it through, tsc fails with "Unused '@ts-expect-error' directive".
 */
import { h, type GlobalComponents } from 'vue';
import 'passkey-elements';
import type { RegistrationSuccessDetail } from 'passkey-elements';
import type {} from 'passkey-elements/vue';

type KitTag = 'passkey-register' | 'u2f-register' | 'registration-link-admin' | 'authenticator-list';
/** What a template's bindings on `<Tag>` are checked against. */
type TemplateProps<Tag extends KitTag> = InstanceType<GlobalComponents[Tag]>['$props'];

declare const getToken: () => Promise<string>;
declare function save(detail: RegistrationSuccessDetail): void;

// <passkey-register user-id="…" base-url="…" api="v3alpha" authenticator="platform" prefetch .token="getToken"
//   @registration-start="…" @registration-success="…" @registration-error="…">
export const passkey: TemplateProps<'passkey-register'> = {
  userId: '284578469393744386',
  baseUrl: 'https://my-instance.zitadel.cloud',
  api: 'v3alpha',
  instanceDomain: 'my-instance.zitadel.cloud',
  authenticator: 'platform',
  passkeyName: 'Work laptop',
  prefetch: true,
  askName: false,
  fromUrl: false,
  codeId: '1',
  code: 'abc',
  theme: 'auto',
  timeout: 5000,
  lang: 'de',
  class: 'wide',
  token: getToken,
  strings: { passkeyButton: 'Passkey anlegen', errors: { cancelled: 'Abgebrochen' } },
  onRegistrationStart: (event) => event.detail.userId.length > 0 || event.preventDefault(),
  onRegistrationSuccess: (event) => save(event.detail),
  onRegistrationError: (event) => console.warn(event.detail.code, event.detail.message),
  onCapabilitiesChange: (event) => event.type,
};

export const u2f: TemplateProps<'u2f-register'> = {
  userId: '284578469393744386',
  tokenName: 'YubiKey',
  orgId: '200000000000000001',
  onRegistrationSuccess: (event) => event.detail.kind === 'u2f',
};

export const links: TemplateProps<'registration-link-admin'> = {
  userId: '284578469393744386',
  delivery: 'email',
  linkTemplate: 'https://app.example.com/register?user={{.UserID}}&code={{.Code}}',
  token: getToken,
  onLinkCreated: (event) => event.detail.link ?? event.detail.codeId,
  onLinkError: (event) => event.detail.status,
};

export const list: TemplateProps<'authenticator-list'> = {
  userId: '284578469393744386',
  domain: 'example.com',
  token: 'access-token',
  onAuthenticatorRemoved: (event) => event.detail.kind === 'passkey' && event.detail.name,
  onListError: (event) => event.detail.code === 'forbidden',
};

export const refused: TemplateProps<'passkey-register'>[] = [
  // @ts-expect-error authenticator="phone": "platform", "cross-platform" or empty
  { authenticator: 'phone' },
  // @ts-expect-error :user-id="42" (a number): it is a string
  { userId: 42 },
  // @ts-expect-error api="v4": "v2", "v3alpha" or "v1"
  { api: 'v4' },
  // @ts-expect-error state is read-only: the element sets it
  { state: 'success' },
  // @ts-expect-error .token="42": a string or a function returning one
  { token: 42 },
  // @ts-expect-error token-name belongs to <u2f-register>
  { tokenName: 'YubiKey' },
  // @ts-expect-error the success detail has no `credentialId` (it is `id`)
  { onRegistrationSuccess: (event) => event.detail.credentialId },
  // @ts-expect-error the error detail's code is an ErrorCode, not any string
  { onRegistrationError: (event) => event.detail.code === 'timeout' },
];

export const refusedLinks: TemplateProps<'registration-link-admin'>[] = [
  // @ts-expect-error delivery="sms": "return" or "email"
  { delivery: 'sms' },
  // @ts-expect-error link-created's detail has no `url` (it is `link`)
  { onLinkCreated: (event) => event.detail.url },
];

export const refusedList: TemplateProps<'authenticator-list'>[] = [
  // @ts-expect-error authenticator-removed's detail has no `credential`
  { onAuthenticatorRemoved: (event) => event.detail.credential },
  // @ts-expect-error <authenticator-list> has no delivery
  { delivery: 'email' },
];

// `@event` where no listener prop matches falls back to `$emit`: the names and payloads must fit.
declare const element: InstanceType<GlobalComponents['passkey-register']>;
declare const success: CustomEvent<RegistrationSuccessDetail>;
element.$emit('registration-success', success);
// @ts-expect-error <passkey-register> does not send link-created
element.$emit('link-created', success);
// @ts-expect-error registration-start carries { kind, userId }, not a success detail
element.$emit('registration-start', new CustomEvent('registration-start', { detail: { id: '1' } }));

// A render function takes the same props.
declare const PasskeyRegister: GlobalComponents['passkey-register'];
export const vnode = h(PasskeyRegister, {
  userId: '1',
  onRegistrationSuccess: (event) => save(event.detail),
});

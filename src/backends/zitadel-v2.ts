import { createHttpClient, segment } from './http.js';
import {
  asVerificationFailure,
  badResponse,
  isObject,
  readCreatedLink,
  readDetails,
  requireString,
  withoutUserVerification,
} from './json.js';
import type {
  AuthenticatorPreference,
  BackendConfig,
  CreateLinkRequest,
  RegistrationBackend,
  RegistrationKind,
} from './types.js';

const PASSKEY_AUTHENTICATOR: Record<AuthenticatorPreference, string | undefined> = {
  '': undefined, // PASSKEY_AUTHENTICATOR_UNSPECIFIED is the default; absent fields are omitted
  platform: 'PASSKEY_AUTHENTICATOR_PLATFORM',
  'cross-platform': 'PASSKEY_AUTHENTICATOR_CROSS_PLATFORM',
};

/** Where each kind lives in the v2 user service, and what its fields are called. */
const RESOURCES: Record<RegistrationKind, { path: string; idField: string; nameField: string }> = {
  passkey: { path: 'passkeys', idField: 'passkeyId', nameField: 'passkeyName' },
  u2f: { path: 'u2f', idField: 'u2fId', nameField: 'tokenName' },
};

/** The `medium` oneof of CreatePasskeyRegistrationLink and CreateWebAuthNRegistrationLink. */
export function linkMedium(request: CreateLinkRequest) {
  return request.delivery === 'return'
    ? { returnCode: {} }
    : { sendLink: request.urlTemplate ? { urlTemplate: request.urlTemplate } : {} };
}

/**
 * ZITADEL's user service v2 (`zitadel.user.v2.UserService`): RegisterPasskey /
 * VerifyPasskeyRegistration, RegisterU2F / VerifyU2FRegistration and CreatePasskeyRegistrationLink.
 */
export function zitadelV2(config: BackendConfig = {}): RegistrationBackend {
  const http = createHttpClient(config);

  return {
    label: 'ZITADEL v2',

    async startRegistration(request, signal) {
      const resource = RESOURCES[request.kind];
      // RegisterU2F knows only `domain`; the code and authenticator choice are RegisterPasskey's.
      const passkeyFields =
        request.kind === 'passkey'
          ? {
              ...(request.code ? { code: { id: request.code.id, code: request.code.code } } : {}),
              ...(PASSKEY_AUTHENTICATOR[request.authenticator]
                ? { authenticator: PASSKEY_AUTHENTICATOR[request.authenticator] }
                : {}),
            }
          : {};
      const body = await http.request({
        method: 'POST',
        path: `/v2/users/${segment(request.userId)}/${resource.path}`,
        body: { ...passkeyFields, ...(request.domain ? { domain: request.domain } : {}) },
        signal,
      });
      const details = readDetails(body);
      const options = body.publicKeyCredentialCreationOptions;
      return {
        id: requireString(body, resource.idField),
        options: request.kind === 'u2f' ? withoutUserVerification(options) : options,
        ...(details ? { details } : {}),
      };
    },

    async verifyRegistration(request, signal) {
      const resource = RESOURCES[request.kind];
      const body = await http
        .request({
          method: 'POST',
          path: `/v2/users/${segment(request.userId)}/${resource.path}/${segment(request.id)}`,
          body: { publicKeyCredential: request.credential, [resource.nameField]: request.name },
          signal,
        })
        .catch((error: unknown) => Promise.reject(asVerificationFailure(error)));
      const details = readDetails(body);
      return details ? { details } : {};
    },

    async createLink(request, signal) {
      const body = await http.request({
        method: 'POST',
        path: `/v2/users/${segment(request.userId)}/passkeys/registration_link`,
        body: linkMedium(request),
        signal,
      });
      return readCreatedLink(body, request);
    },

    async listAuthenticators({ userId }, signal) {
      const [passkeys, methods] = await Promise.all([
        http.request({
          method: 'POST',
          path: `/v2/users/${segment(userId)}/passkeys/_search`,
          body: {},
          signal,
        }),
        http.request({ method: 'GET', path: `/v2/users/${segment(userId)}/authentication_methods`, signal }),
      ]);
      // proto3 JSON leaves empty lists out.
      const result = passkeys.result ?? [];
      const types = methods.authMethodTypes ?? [];
      if (!Array.isArray(result) || !Array.isArray(types)) throw badResponse('has a list that is not a list');
      return {
        authenticators: result.map((entry: unknown) => {
          if (!isObject(entry)) throw badResponse('has a passkey that is not an object');
          return {
            id: requireString(entry, 'id'),
            kind: 'passkey' as const,
            name: typeof entry.name === 'string' ? entry.name : '',
            state: entry.state === 'AUTH_FACTOR_STATE_READY' ? ('ready' as const) : ('not-ready' as const),
          };
        }),
        // ListAuthenticationMethodTypes says a U2F key exists; v2 has no call that lists them.
        unlisted: types.includes('AUTHENTICATION_METHOD_TYPE_U2F') ? ['u2f' as const] : [],
      };
    },

    async removeAuthenticator({ userId, id, kind }, signal) {
      const body = await http.request({
        method: 'DELETE',
        path: `/v2/users/${segment(userId)}/${RESOURCES[kind].path}/${segment(id)}`,
        signal,
      });
      const details = readDetails(body);
      return details ? { details } : {};
    },
  };
}

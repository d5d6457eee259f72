import { isRegistrationError } from '../core/errors.js';
import { choose } from './choices.js';
import { createHttpClient, segment } from './http.js';
import {
  badResponse,
  isObject,
  readCreatedLink,
  readDetails,
  requireId,
  withoutUserVerification,
  verifyCredential,
  type JsonObject,
} from './json.js';
import type {
  AuthenticatorInfo,
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
const RESOURCES: Readonly<Record<RegistrationKind, { path: string; idField: string; nameField: string }>> = {
  passkey: { path: 'passkeys', idField: 'passkeyId', nameField: 'passkeyName' },
  u2f: { path: 'u2f', idField: 'u2fId', nameField: 'tokenName' },
};

/** `AuthFactorState` → the list's state; only READY counts as registered. */
function stateOf(entry: JsonObject): AuthenticatorInfo['state'] {
  return entry.state === 'AUTH_FACTOR_STATE_READY' ? 'ready' : 'not-ready';
}

/** proto3 JSON leaves an empty list out; anything else than a list is a broken answer. */
function listOf(body: JsonObject, key: string): unknown[] {
  const value = body[key] ?? [];
  if (!Array.isArray(value)) throw badResponse(`has a "${key}" that is not a list`);
  return value;
}

/** The `medium` oneof of CreatePasskeyRegistrationLink and CreateWebAuthNRegistrationLink. */
export function linkMedium(request: CreateLinkRequest) {
  return request.delivery === 'return'
    ? { returnCode: {} }
    : { sendLink: request.urlTemplate ? { urlTemplate: request.urlTemplate } : {} };
}

/**
 * ZITADEL's user service v2 (`zitadel.user.v2.UserService`): RegisterPasskey /
 * VerifyPasskeyRegistration, RegisterU2F / VerifyU2FRegistration, CreatePasskeyRegistrationLink,
 * ListPasskeys / ListAuthenticationFactors and RemovePasskey / RemoveU2F.
 */
export function zitadelV2(config: BackendConfig = {}): RegistrationBackend {
  const label = 'ZITADEL v2';
  const http = createHttpClient(config, label);

  return {
    label,

    async startRegistration(request, signal) {
      const resource = choose(RESOURCES, request.kind, 'kind');
      const authenticator = choose(PASSKEY_AUTHENTICATOR, request.authenticator, 'authenticator');
      // RegisterU2F knows only `domain`; the code and authenticator choice are RegisterPasskey's.
      const passkeyFields =
        request.kind === 'passkey'
          ? {
              ...(request.code ? { code: { id: request.code.id, code: request.code.code } } : {}),
              ...(authenticator ? { authenticator } : {}),
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
        id: requireId(body, resource.idField),
        options: request.kind === 'u2f' ? withoutUserVerification(options) : options,
        ...(details ? { details } : {}),
      };
    },

    async verifyRegistration(request, signal) {
      const resource = choose(RESOURCES, request.kind, 'kind');
      return verifyCredential(http, {
        path: `/v2/users/${segment(request.userId)}/${resource.path}/${segment(request.id)}`,
        body: { publicKeyCredential: request.credential, [resource.nameField]: request.name },
        signal,
      });
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
      const user = segment(userId);
      // ListPasskeys lists passkeys; security keys are U2F authentication factors. The factor search
      // binds no body (its http rule has `body: ""`): the filters are repeated query parameters.
      const [passkeys, factors] = await Promise.all([
        http.request({ method: 'POST', path: `/v2/users/${user}/passkeys/_search`, body: {}, signal }),
        http
          .request({
            method: 'POST',
            path: `/v2/users/${user}/authentication_factors/_search`,
            query: { authFactors: ['U2F'], states: ['AUTH_FACTOR_STATE_READY'] },
            signal,
          })
          .catch((error: unknown) => {
            // ZITADEL before v2.67 has no ListAuthenticationFactors (its gateway answers 404; a search
            // answers an unknown user with an empty list): the passkeys are listed, security keys unlisted.
            if (isRegistrationError(error) && (error.status === 404 || error.status === 501)) return;
            throw error;
          }),
      ]);
      const listed: AuthenticatorInfo[] = listOf(passkeys, 'result').map((entry) => {
        if (!isObject(entry)) throw badResponse('has a passkey that is not an object');
        return {
          id: requireId(entry, 'id'),
          kind: 'passkey',
          name: typeof entry.name === 'string' ? entry.name : '',
          state: stateOf(entry),
        };
      });
      if (factors === undefined) return { authenticators: listed, unlisted: ['u2f'] };
      for (const entry of listOf(factors, 'result')) {
        if (!isObject(entry)) throw badResponse('has an authentication factor that is not an object');
        // `type` is a oneof: an OTP factor (not asked for) has no `u2f` and is not a security key.
        if (entry.u2f === undefined) continue;
        if (!isObject(entry.u2f)) throw badResponse('has a "u2f" factor that is not an object');
        listed.push({
          id: requireId(entry.u2f, 'id'),
          kind: 'u2f',
          name: typeof entry.u2f.name === 'string' ? entry.u2f.name : '',
          state: stateOf(entry),
        });
      }
      return { authenticators: listed, unlisted: [] };
    },

    async removeAuthenticator({ userId, id, kind }, signal) {
      const body = await http.request({
        method: 'DELETE',
        path: `/v2/users/${segment(userId)}/${choose(RESOURCES, kind, 'kind').path}/${segment(id)}`,
        signal,
      });
      const details = readDetails(body);
      return details ? { details } : {};
    },
  };
}

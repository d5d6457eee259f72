import { choose } from './choices.js';
import { createHttpClient, segment } from './http.js';
import {
  badResponse,
  isObject,
  readCreatedLink,
  readDetails,
  requireId,
  verifyCredential,
  withoutUserVerification,
} from './json.js';
import { linkMedium } from './zitadel-v2.js';
import type {
  AuthenticatorPreference,
  BackendConfig,
  RegistrationBackend,
  RegistrationKind,
} from './types.js';

const AUTHENTICATOR_TYPE: Readonly<Record<AuthenticatorPreference, string | undefined>> = {
  '': undefined,
  platform: 'WEB_AUTH_N_AUTHENTICATOR_PLATFORM',
  'cross-platform': 'WEB_AUTH_N_AUTHENTICATOR_CROSS_PLATFORM',
};

/** Both kinds are WebAuthN authenticators here; a security key is asked for as a cross-platform one. */
const KIND_AUTHENTICATOR: Readonly<Record<RegistrationKind, AuthenticatorPreference | undefined>> = {
  passkey: undefined, // the page's `authenticator` choice
  u2f: 'cross-platform',
};

/**
 * ZITADEL's user resources v3alpha (`zitadel.resources.user.v3alpha.ZITADELUsers`):
 * StartWebAuthNRegistration / VerifyWebAuthNRegistration / CreateWebAuthNRegistrationLink. Passkeys and security keys are both WebAuthN
 * authenticators here; a security key is one of cross-platform type.
 */
export function zitadelV3alpha(config: BackendConfig = {}): RegistrationBackend {
  const label = 'ZITADEL v3alpha';
  const http = createHttpClient(config, label);
  // `instance` and `organization` are request fields outside the HTTP body: grpc-gateway takes them
  // from the query. GetUser has only `instance`.
  const instance = { 'instance.domain': config.instanceDomain };
  const query = { ...instance, 'organization.orgId': config.orgId };

  return {
    label,

    async startRegistration(request, signal) {
      const preference = choose(AUTHENTICATOR_TYPE, request.authenticator, 'authenticator');
      const kindType = choose(KIND_AUTHENTICATOR, request.kind, 'kind');
      const authenticatorType = kindType ? AUTHENTICATOR_TYPE[kindType] : preference;
      const body = await http.request({
        method: 'POST',
        path: `/resources/v3alpha/users/${segment(request.userId)}/webauthn`,
        query,
        // The body is the `registration` message itself; `domain` is required there.
        body: {
          domain: request.domain,
          ...(authenticatorType ? { authenticatorType } : {}),
          ...(request.code ? { code: { id: request.code.id, code: request.code.code } } : {}),
        },
        signal,
      });
      const details = readDetails(body);
      const options = body.publicKeyCredentialCreationOptions;
      return {
        id: requireId(body, 'webAuthNId'),
        options: request.kind === 'u2f' ? withoutUserVerification(options) : options,
        ...(details ? { details } : {}),
      };
    },

    async verifyRegistration(request, signal) {
      choose(KIND_AUTHENTICATOR, request.kind, 'kind');
      return verifyCredential(http, {
        path: `/resources/v3alpha/users/${segment(request.userId)}/webauthn/${segment(request.id)}/_verify`,
        query,
        body: { publicKeyCredential: request.credential, webAuthNName: request.name },
        signal,
      });
    },

    async createLink(request, signal) {
      // Unlike start and verify, this request's HTTP body is the whole message: instance and
      // organization travel in it.
      const body = await http.request({
        method: 'POST',
        path: `/resources/v3alpha/users/${segment(request.userId)}/webauthn/registration_link`,
        body: {
          ...(config.instanceDomain ? { instance: { domain: config.instanceDomain } } : {}),
          ...(config.orgId ? { organization: { orgId: config.orgId } } : {}),
          ...linkMedium(request),
        },
        signal,
      });
      return readCreatedLink(body, request);
    },

    async listAuthenticators({ userId }, signal) {
      const body = await http.request({
        method: 'GET',
        path: `/resources/v3alpha/users/${segment(userId)}`,
        query: instance,
        signal,
      });
      // GetUserResponse `{user: {details, schema, data, contact, authenticators, state}}`: the user's id
      // is `details.id`; there is no `user.id`.
      const user = isObject(body.user) ? body.user : undefined;
      if (!user) throw badResponse('has no "user"');
      const authenticators = isObject(user.authenticators) ? user.authenticators : {};
      const webAuthN = authenticators.webAuthN ?? [];
      if (!Array.isArray(webAuthN)) throw badResponse('has "webAuthN" that is not a list');
      return {
        authenticators: webAuthN.map((entry: unknown) => {
          if (!isObject(entry)) throw badResponse('has a WebAuthN authenticator that is not an object');
          return {
            id: requireId(entry, 'webAuthNId'),
            // A WebAuthN authenticator that verified the user is a passkey; one that did not, a second factor.
            kind: entry.userVerified === true ? ('passkey' as const) : ('u2f' as const),
            name: typeof entry.name === 'string' ? entry.name : '',
            state: entry.isVerified === true ? ('ready' as const) : ('not-ready' as const),
          };
        }),
        unlisted: [],
      };
    },

    async removeAuthenticator({ userId, id, kind }, signal) {
      // Both kinds live under `webauthn`; the kind is still checked, as every adapter does.
      choose(KIND_AUTHENTICATOR, kind, 'kind');
      const body = await http.request({
        method: 'DELETE',
        path: `/resources/v3alpha/users/${segment(userId)}/webauthn/${segment(id)}`,
        query,
        signal,
      });
      const details = readDetails(body);
      return details ? { details } : {};
    },
  };
}

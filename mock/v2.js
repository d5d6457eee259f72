// @ts-check
/**
 * ZITADEL's v2 user service (`zitadel.user.v2.UserService`), the passkey and U2F part. Each handler
 * follows ZITADEL's order of checks: grpc-gateway decodes the body, the auth interceptor checks the
 * token, the validation interceptor checks the proto rules, then the command checks the data.
 *
 * Every rpc needs a token, as in ZITADEL; a registration code replaces the user's authentication, not
 * the caller's (ZITADEL's Login v2 sends its login client's token with the code).
 */

import {
  authenticate,
  requirePermission,
  requireSelfOrCredentialWrite,
  requireSelfOrUserWrite,
  requireSelfUserWriteOrLoginClient,
} from './auth.js';
import { Errors } from './errors.js';
import { requestBaseUrl, requestHostname, requestOrigins } from './http.js';
import { loginV2RegistrationLink, renderUrlTemplate } from './links.js';
import { decodeBody, decodeQuery, validateMessage } from './messages.js';
import { INSTANCE } from './seed.js';
import { AuthFactorState } from './store.js';
import { creationOptions, verifyAttestation, zitadelSelection } from './webauthn.js';

/** @typedef {import('./zitadel-mock.js').ApiContext} ApiContext */
/** @typedef {import('./messages.js').MessageSpec} MessageSpec */
/** @typedef {import('./store.js').User} User */
/**
 * The request messages as the handlers read them, once decoded (and, for the required fields, validated).
 * @typedef {{ userId: string, code?: { id: string, code: string }, authenticator?: string, domain?: string }} RegisterPasskeyMessage
 * @typedef {{ userId: string, passkeyId: string, publicKeyCredential: Record<string, unknown>, passkeyName: string }} VerifyPasskeyRegistrationMessage
 * @typedef {{ userId: string, sendLink?: { urlTemplate?: string }, returnCode?: {} }} CreatePasskeyRegistrationLinkMessage
 * @typedef {{ userId: string, domain?: string }} RegisterU2FMessage
 * @typedef {{ userId: string, u2fId: string, publicKeyCredential: Record<string, unknown>, tokenName: string }} VerifyU2FRegistrationMessage
 * @typedef {{ userId: string, passkeyId?: string, u2fId?: string }} UserAuthenticatorMessage
 * @typedef {{ userId: string, domainQuery?: { includeWithoutDomain?: boolean, domain?: string } }} ListAuthenticationMethodTypesMessage
 * @typedef {{ userId: string, authFactors?: string[], states?: string[] }} ListAuthenticationFactorsMessage
 */

const ID = /** @type {const} */ ({ type: 'string', minLength: 1, maxLength: 200 });

/** @type {MessageSpec} */
const PasskeyRegistrationCode = { name: 'PasskeyRegistrationCode', fields: { id: ID, code: ID } };

const PASSKEY_AUTHENTICATORS = /** @type {const} */ ([
  'PASSKEY_AUTHENTICATOR_UNSPECIFIED',
  'PASSKEY_AUTHENTICATOR_PLATFORM',
  'PASSKEY_AUTHENTICATOR_CROSS_PLATFORM',
]);

/** @type {MessageSpec} */
const RegisterPasskeyRequest = {
  name: 'RegisterPasskeyRequest',
  fields: {
    userId: ID,
    code: { type: 'message', message: PasskeyRegistrationCode },
    authenticator: { type: 'enum', enumName: 'PasskeyAuthenticator', values: PASSKEY_AUTHENTICATORS },
    // No length rule in the proto: an empty domain means the domain the API was called on.
    domain: { type: 'string' },
  },
};

/** @type {MessageSpec} */
const VerifyPasskeyRegistrationRequest = {
  name: 'VerifyPasskeyRegistrationRequest',
  fields: {
    userId: ID,
    passkeyId: ID,
    publicKeyCredential: { type: 'struct', required: true },
    passkeyName: ID,
  },
};

/** @type {MessageSpec} */
const CreatePasskeyRegistrationLinkRequest = {
  name: 'CreatePasskeyRegistrationLinkRequest',
  fields: {
    userId: ID,
    sendLink: {
      type: 'message',
      message: {
        name: 'SendPasskeyRegistrationLink',
        fields: { urlTemplate: { ...ID, optional: true } },
      },
    },
    returnCode: { type: 'message', message: { name: 'ReturnPasskeyRegistrationCode', fields: {} } },
  },
  oneofs: { medium: ['sendLink', 'returnCode'] },
};

/** @type {MessageSpec} */
const RegisterU2FRequest = {
  name: 'RegisterU2FRequest',
  // No length rule on domain, as for passkeys: empty means the domain the API was called on.
  fields: { userId: ID, domain: { type: 'string' } },
};

/** @type {MessageSpec} */
const VerifyU2FRegistrationRequest = {
  name: 'VerifyU2FRegistrationRequest',
  fields: {
    userId: ID,
    u2fId: ID,
    publicKeyCredential: { type: 'struct', required: true },
    tokenName: ID,
  },
};

/** @type {MessageSpec} */
const ListPasskeysRequest = { name: 'ListPasskeysRequest', fields: { userId: ID } };

/** @type {MessageSpec} */
const RemovePasskeyRequest = { name: 'RemovePasskeyRequest', fields: { userId: ID, passkeyId: ID } };

/** @type {MessageSpec} */
const RemoveU2FRequest = { name: 'RemoveU2FRequest', fields: { userId: ID, u2fId: ID } };

/** @type {MessageSpec} */
const ListAuthenticationMethodTypesRequest = {
  name: 'ListAuthenticationMethodTypesRequest',
  fields: {
    userId: ID,
    domainQuery: {
      type: 'message',
      // domain has a length rule without `optional`: a domainQuery with no domain fails validation.
      message: { name: 'DomainQuery', fields: { includeWithoutDomain: { type: 'bool' }, domain: ID } },
    },
  },
};

/**
 * `repeated AuthFactors auth_factors`, `repeated AuthFactorState states`: set from the query only (the
 * rpc's http rule has `body: ""`, so grpc-gateway reads no body).
 * @type {MessageSpec}
 */
const ListAuthenticationFactorsRequest = {
  name: 'ListAuthenticationFactorsRequest',
  fields: {
    userId: ID,
    authFactors: {
      type: 'enum',
      enumName: 'zitadel.user.v2.AuthFactors',
      values: ['OTP', 'OTP_SMS', 'OTP_EMAIL', 'U2F'],
      repeated: true,
    },
    states: {
      type: 'enum',
      enumName: 'zitadel.user.v2.AuthFactorState',
      values: [
        'AUTH_FACTOR_STATE_UNSPECIFIED',
        'AUTH_FACTOR_STATE_NOT_READY',
        'AUTH_FACTOR_STATE_READY',
        'AUTH_FACTOR_STATE_REMOVED',
      ],
      repeated: true,
    },
  },
};

/** @type {Record<string, 'platform' | 'cross-platform' | undefined>} */
const ATTACHMENT_BY_AUTHENTICATOR = {
  PASSKEY_AUTHENTICATOR_PLATFORM: 'platform',
  PASSKEY_AUTHENTICATOR_CROSS_PLATFORM: 'cross-platform',
};

/**
 * The decoded body with the path parameters laid over it, as grpc-gateway builds the request message.
 * @param {ApiContext} context
 * @param {MessageSpec} spec
 */
function readRequest(context, spec) {
  return { ...decodeBody(context.body, spec), ...context.params };
}

/**
 * @param {ApiContext} context
 * @param {string} userId
 * @returns {User}
 */
function findUser(context, userId) {
  const user = context.store.user(userId);
  if (!user) throw Errors.userNotFound();
  return user;
}

/**
 * The user's verified credentials of one kind: what the authenticator must not register twice.
 * ZITADEL excludes only the kind being registered (passkeys for a passkey, U2F keys for a key).
 * @param {ApiContext} context
 * @param {User} user
 * @param {'passkey' | 'u2f'} kind
 */
function registeredCredentials(context, user, kind) {
  return context.store
    .authenticatorsOf(user, [kind], AuthFactorState.READY)
    .map(({ credentialId, transports }) => ({ id: credentialId ?? '', transports }));
}

/**
 * Checks the authenticator's answer against a pending registration and, if it holds, stores it. A failed
 * check throws ZITADEL's 500 and leaves the registration pending (a retry may succeed).
 * @param {ApiContext} context
 * @param {import('./store.js').Authenticator} pending
 * @param {Record<string, unknown>} publicKeyCredential
 * @param {string} name
 * @param {boolean} requireUserVerification
 */
async function completeRegistration(context, pending, publicKeyCredential, name, requireUserVerification) {
  const credential = await verifyAttestation({
    credential: publicKeyCredential,
    challenge: pending.challenge,
    rpID: pending.rpID,
    origins: requestOrigins(context.req),
    requireUserVerification,
  });
  context.store.completeAuthenticator(pending, name, credential);
}

/**
 * `zitadel.object.v2.ListDetails` as protojson writes it: a zero `totalResult` is left out, like every
 * other zero value in ZITADEL's JSON.
 * @param {ApiContext} context
 * @param {number} count
 * @param {User | undefined} user
 */
function listDetails(context, count, user) {
  return {
    ...(count > 0 ? { totalResult: String(count) } : {}),
    ...(user ? { processedSequence: String(user.sequence) } : {}),
    timestamp: context.store.isoNow(),
  };
}

/**
 * RegisterPasskey: starts a registration and answers the WebAuthn creation options. A code, when
 * given, is used up here, not at verification.
 * @param {ApiContext} context
 */
async function registerPasskey(context) {
  const request = /** @type {RegisterPasskeyMessage} */ (readRequest(context, RegisterPasskeyRequest));
  const principal = authenticate(context.caller);
  validateMessage(request, RegisterPasskeyRequest);

  // The code is checked first (RegisterUserPasskeyWithCode), then the caller: the user, or whoever may
  // write the user's credentials — a code alone authorizes nothing.
  let code;
  if (request.code) {
    code = context.store.validCode(request.userId, request.code.id, request.code.code);
    if (!code) throw Errors.codeInvalid();
  } else {
    requireSelfOrCredentialWrite(principal, request.userId);
  }
  const user = findUser(context, request.userId);
  requireSelfOrCredentialWrite(principal, request.userId);

  const rpID = request.domain || requestHostname(context.req);
  const attachment = ATTACHMENT_BY_AUTHENTICATOR[request.authenticator ?? ''];
  const options = await creationOptions({
    rpID,
    rpName: INSTANCE.name,
    user,
    authenticatorSelection: {
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'required',
      ...(attachment ? { authenticatorAttachment: attachment } : {}),
    },
    excludeCredentials: registeredCredentials(context, user, 'passkey'),
  });

  if (code) context.store.useCode(code);
  const passkey = context.store.startAuthenticator(user, {
    kind: 'passkey',
    challenge: options.publicKey.challenge,
    rpID,
  });
  return {
    body: {
      details: context.store.change(user),
      passkeyId: passkey.id,
      publicKeyCredentialCreationOptions: options,
    },
  };
}

/**
 * VerifyPasskeyRegistration: checks the authenticator's answer and stores the passkey. A failed check
 * leaves the registration pending, as in ZITADEL; a successful one makes it READY, so it cannot be
 * verified twice.
 * @param {ApiContext} context
 */
async function verifyPasskeyRegistration(context) {
  const request = /** @type {VerifyPasskeyRegistrationMessage} */ (
    readRequest(context, VerifyPasskeyRegistrationRequest)
  );
  const principal = authenticate(context.caller);
  requireSelfUserWriteOrLoginClient(principal, request.userId);
  validateMessage(request, VerifyPasskeyRegistrationRequest);
  const user = findUser(context, request.userId);
  const pending = context.store.pendingAuthenticator(user, 'passkey', request.passkeyId);
  if (!pending) throw Errors.webAuthNNotFound();

  await completeRegistration(context, pending, request.publicKeyCredential, request.passkeyName, true);
  return { body: { details: context.store.change(user) } };
}

/**
 * CreatePasskeyRegistrationLink: makes a registration code and either returns it or "emails" a link to
 * the user (the outbox).
 * @param {ApiContext} context
 */
async function createPasskeyRegistrationLink(context) {
  const request = /** @type {CreatePasskeyRegistrationLinkMessage} */ (
    readRequest(context, CreatePasskeyRegistrationLinkRequest)
  );
  const principal = authenticate(context.caller);
  requirePermission(principal, 'user.passkey.write');
  validateMessage(request, CreatePasskeyRegistrationLinkRequest);
  const user = findUser(context, request.userId);

  /** @param {{ id: string, code: string }} code */
  const urlData = (code) => ({ UserID: user.id, OrgID: user.orgId, CodeID: code.id, Code: code.code });
  const urlTemplate = request.sendLink?.urlTemplate;
  // ZITADEL renders the template once with stand-in values before it makes a code.
  if (urlTemplate !== undefined) renderUrlTemplate(urlTemplate, urlData({ id: 'codeID', code: 'code' }));

  const code = context.store.issueCode(user.id, context.config.codeTtlMs);
  const details = context.store.change(user);
  if (request.returnCode) return { body: { details, code: { id: code.id, code: code.code } } };

  const link =
    urlTemplate === undefined
      ? loginV2RegistrationLink(requestBaseUrl(context.req), urlData(code))
      : renderUrlTemplate(urlTemplate, urlData(code));
  context.store.sendEmail({ to: user.userName, userId: user.id, link });
  return { body: { details } };
}

/**
 * RegisterU2F: starts registering a security key as a second factor. ZITADEL's `createUserU2F` asks
 * go-webauthn for user verification `required` and no attachment (and, like every ZITADEL registration,
 * no resident key), so that is what the options say; verification then does not insist on it (below).
 * There is no code flow for U2F: only the user's own token starts one.
 * @param {ApiContext} context
 */
async function registerU2F(context) {
  const request = /** @type {RegisterU2FMessage} */ (readRequest(context, RegisterU2FRequest));
  const principal = authenticate(context.caller);
  validateMessage(request, RegisterU2FRequest);
  // The user, or whoever may write the user's credentials (addHumanWebAuthN).
  const user = findUser(context, request.userId);
  requireSelfOrCredentialWrite(principal, request.userId);

  const rpID = request.domain || requestHostname(context.req);
  const options = await creationOptions({
    rpID,
    rpName: INSTANCE.name,
    user,
    authenticatorSelection: zitadelSelection('required'),
    excludeCredentials: registeredCredentials(context, user, 'u2f'),
  });
  const u2f = context.store.startAuthenticator(user, {
    kind: 'u2f',
    challenge: options.publicKey.challenge,
    rpID,
  });
  return {
    body: {
      details: context.store.change(user),
      u2fId: u2f.id,
      publicKeyCredentialCreationOptions: options,
    },
  };
}

/**
 * VerifyU2FRegistration: checks the key's answer and stores it. User verification is not required:
 * ZITADEL does not keep the requirement it asked for with the pending token, so go-webauthn verifies
 * with its default (discouraged), and a key that only proved presence is accepted.
 * @param {ApiContext} context
 */
async function verifyU2FRegistration(context) {
  const request = /** @type {VerifyU2FRegistrationMessage} */ (
    readRequest(context, VerifyU2FRegistrationRequest)
  );
  const principal = authenticate(context.caller);
  requireSelfUserWriteOrLoginClient(principal, request.userId);
  validateMessage(request, VerifyU2FRegistrationRequest);
  const user = findUser(context, request.userId);
  const pending = context.store.pendingAuthenticator(user, 'u2f', request.u2fId);
  if (!pending) throw Errors.webAuthNNotFound();

  await completeRegistration(context, pending, request.publicKeyCredential, request.tokenName, false);
  return { body: { details: context.store.change(user) } };
}

/**
 * ListPasskeys: the user's verified passkeys. ZITADEL searches its auth-method projection, so an
 * unknown user is an empty list, not an error; an empty `result` is left out of the JSON.
 * @param {ApiContext} context
 */
function listPasskeys(context) {
  const request = /** @type {UserAuthenticatorMessage} */ (readRequest(context, ListPasskeysRequest));
  const principal = authenticate(context.caller);
  validateMessage(request, ListPasskeysRequest);
  requireSelfOrUserWrite(principal, request.userId);
  const user = context.store.user(request.userId);
  const passkeys = user ? context.store.authenticatorsOf(user, ['passkey'], AuthFactorState.READY) : [];
  return {
    body: {
      details: listDetails(context, passkeys.length, user),
      ...(passkeys.length ? { result: passkeys.map(({ id, state, name }) => ({ id, state, name })) } : {}),
    },
  };
}

/**
 * RemovePasskey and RemoveU2F: remove one authenticator of that kind, pending or verified.
 * @param {'passkey' | 'u2f'} kind
 * @param {MessageSpec} spec
 * @param {'passkeyId' | 'u2fId'} idField
 * @returns {(context: ApiContext) => { body: unknown }}
 */
function removeAuthenticator(kind, spec, idField) {
  return (context) => {
    // DELETE has no body binding: grpc-gateway does not read one.
    const request = /** @type {UserAuthenticatorMessage} */ ({ ...context.params });
    const principal = authenticate(context.caller);
    validateMessage(request, spec);
    requireSelfOrUserWrite(principal, request.userId);
    const user = findUser(context, request.userId);
    if (!context.store.removeAuthenticator(user, [kind], request[idField] ?? '')) {
      throw Errors.authenticatorNotFound();
    }
    return { body: { details: context.store.change(user) } };
  };
}

/**
 * The `AuthenticationMethodType` each kind of verified authenticator counts as. A v3alpha WebAuthN
 * authenticator is a passkey when the user was verified, else a second factor.
 * @param {import('./store.js').Authenticator} authenticator
 * @returns {string}
 */
function authMethodType(authenticator) {
  if (authenticator.kind === 'passkey') return 'AUTHENTICATION_METHOD_TYPE_PASSKEY';
  if (authenticator.kind === 'u2f') return 'AUTHENTICATION_METHOD_TYPE_U2F';
  return authenticator.userVerified ? 'AUTHENTICATION_METHOD_TYPE_PASSKEY' : 'AUTHENTICATION_METHOD_TYPE_U2F';
}

/** In enum order, as the list comes back. The mock's users have no password, IdP or OTP. */
const AUTH_METHOD_TYPES = /** @type {readonly string[]} */ ([
  'AUTHENTICATION_METHOD_TYPE_PASSKEY',
  'AUTHENTICATION_METHOD_TYPE_U2F',
]);

/**
 * ListAuthenticationMethodTypes: which kinds of verified authenticators the user has, optionally only
 * those registered for `domainQuery.domain`. Like ListPasskeys, an unknown user is an empty list.
 * @param {ApiContext} context
 */
function listAuthenticationMethodTypes(context) {
  const request = /** @type {ListAuthenticationMethodTypesMessage} */ ({
    ...decodeQuery(context.query, ListAuthenticationMethodTypesRequest),
    ...context.params,
  });
  const principal = authenticate(context.caller);
  validateMessage(request, ListAuthenticationMethodTypesRequest);
  requireSelfOrUserWrite(principal, request.userId);
  const user = context.store.user(request.userId);
  const domain = request.domainQuery?.domain;
  const present = new Set(
    (user ? context.store.authenticatorsOf(user, ['passkey', 'u2f', 'webauthn'], AuthFactorState.READY) : [])
      .filter((authenticator) => domain === undefined || authenticator.rpID === domain)
      .map(authMethodType),
  );
  const types = AUTH_METHOD_TYPES.filter((type) => present.has(type));
  return {
    body: {
      details: listDetails(context, types.length, user),
      ...(types.length ? { authMethodTypes: types } : {}),
    },
  };
}

/**
 * ListAuthenticationFactors: the user's second factors, as v2 lists security keys. The mock's users have
 * only U2F keys, so only they are listed: `{state, u2f: {id, name}}` each. Without `authFactors` every
 * factor ZITADEL knows is asked for; without `states` only READY ones, as ZITADEL's handler defaults.
 * Like the other searches, an unknown user is an empty list (`result` left out when empty).
 * @param {ApiContext} context
 */
function listAuthenticationFactors(context) {
  // `body: ""`: grpc-gateway does not read the body, so whatever it holds is ignored.
  const request = /** @type {ListAuthenticationFactorsMessage} */ ({
    ...decodeQuery(context.query, ListAuthenticationFactorsRequest),
    ...context.params,
  });
  const principal = authenticate(context.caller);
  validateMessage(request, ListAuthenticationFactorsRequest);
  requireSelfOrUserWrite(principal, request.userId);
  const user = context.store.user(request.userId);
  const factors = request.authFactors?.length ? request.authFactors : ['OTP', 'OTP_SMS', 'OTP_EMAIL', 'U2F'];
  const states = request.states?.length ? request.states : [AuthFactorState.READY];
  const keys =
    user && factors.includes('U2F')
      ? context.store.authenticatorsOf(user, ['u2f']).filter((key) => states.includes(key.state))
      : [];
  // protojson leaves out the empty name of a key whose registration is not verified yet.
  const result = keys.map(({ id, name, state }) => ({ state, u2f: { id, ...(name ? { name } : {}) } }));
  return { body: result.length ? { result } : {} };
}

/**
 * The v2 routes. A literal last segment comes before a parameter in the same place.
 * @type {readonly import('./http.js').Route<ApiContext>[]}
 */
export const v2Routes = Object.freeze([
  {
    method: 'POST',
    pattern: '/v2/users/:userId/passkeys/registration_link',
    rpc: 'CreatePasskeyRegistrationLink',
    handler: createPasskeyRegistrationLink,
  },
  {
    method: 'POST',
    pattern: '/v2/users/:userId/passkeys/_search',
    rpc: 'ListPasskeys',
    handler: listPasskeys,
  },
  { method: 'POST', pattern: '/v2/users/:userId/passkeys', rpc: 'RegisterPasskey', handler: registerPasskey },
  {
    method: 'POST',
    pattern: '/v2/users/:userId/passkeys/:passkeyId',
    rpc: 'VerifyPasskeyRegistration',
    handler: verifyPasskeyRegistration,
  },
  {
    method: 'DELETE',
    pattern: '/v2/users/:userId/passkeys/:passkeyId',
    rpc: 'RemovePasskey',
    handler: removeAuthenticator('passkey', RemovePasskeyRequest, 'passkeyId'),
  },
  { method: 'POST', pattern: '/v2/users/:userId/u2f', rpc: 'RegisterU2F', handler: registerU2F },
  {
    method: 'POST',
    pattern: '/v2/users/:userId/u2f/:u2fId',
    rpc: 'VerifyU2FRegistration',
    handler: verifyU2FRegistration,
  },
  {
    method: 'DELETE',
    pattern: '/v2/users/:userId/u2f/:u2fId',
    rpc: 'RemoveU2F',
    handler: removeAuthenticator('u2f', RemoveU2FRequest, 'u2fId'),
  },
  {
    method: 'POST',
    pattern: '/v2/users/:userId/authentication_factors/_search',
    rpc: 'ListAuthenticationFactors',
    handler: listAuthenticationFactors,
  },
  {
    method: 'GET',
    pattern: '/v2/users/:userId/authentication_methods',
    rpc: 'ListAuthenticationMethodTypes',
    handler: listAuthenticationMethodTypes,
  },
]);

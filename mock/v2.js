// @ts-check
/**
 * ZITADEL's v2 user service (`zitadel.user.v2.UserService`), the passkey part. Each handler follows
 * ZITADEL's order of checks: grpc-gateway decodes the body, the auth interceptor checks the token, the
 * validation interceptor checks the proto rules, then the command checks the data.
 *
 * Deliberate differences from ZITADEL, for the kit's tests and demo (see README):
 * - A request that carries a registration code needs no token, and neither does verifying a
 *   registration started with one (ZITADEL wants a token on every call; a login UI sends its own).
 * - A holder of user.write may start a registration for another user (ZITADEL lets only the user do so).
 */

import { authenticate, authenticateIfPresent, requirePermission, requireSelfOrUserWrite } from './auth.js';
import { Errors } from './errors.js';
import { requestBaseUrl, requestHostname, requestOrigins } from './http.js';
import { defaultRegistrationLink, renderUrlTemplate } from './links.js';
import { decodeBody, validateMessage } from './messages.js';
import { INSTANCE } from './seed.js';
import { AuthFactorState } from './store.js';
import { creationOptions, verifyAttestation } from './webauthn.js';

/** @typedef {import('./zitadel-mock.js').ApiContext} ApiContext */
/** @typedef {import('./messages.js').MessageSpec} MessageSpec */
/** @typedef {import('./store.js').User} User */
/**
 * The request messages as the handlers read them, once decoded (and, for the required fields, validated).
 * @typedef {{ userId: string, code?: { id: string, code: string }, authenticator?: string, domain?: string }} RegisterPasskeyMessage
 * @typedef {{ userId: string, passkeyId: string, publicKeyCredential: Record<string, unknown>, passkeyName: string }} VerifyPasskeyRegistrationMessage
 * @typedef {{ userId: string, sendLink?: { urlTemplate?: string }, returnCode?: {} }} CreatePasskeyRegistrationLinkMessage
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
 * @param {User} user
 * @param {'passkey' | 'u2f'} kind
 */
function registeredCredentials(user, kind) {
  return user.authenticators
    .filter((authenticator) => authenticator.kind === kind && authenticator.state === AuthFactorState.READY)
    .map(({ credentialId, transports }) => ({ id: credentialId ?? '', transports }));
}

/**
 * RegisterPasskey: starts a registration and answers the WebAuthn creation options. A code, when
 * given, is used up here, not at verification.
 * @param {ApiContext} context
 */
async function registerPasskey(context) {
  const request = /** @type {RegisterPasskeyMessage} */ (readRequest(context, RegisterPasskeyRequest));
  // With a code, the code authorises; without, the caller must be the user (or may write users).
  const principal = request.code ? authenticateIfPresent(context.caller) : authenticate(context.caller);
  validateMessage(request, RegisterPasskeyRequest);

  let code;
  if (request.code) {
    code = context.store.validCode(request.userId, request.code.id, request.code.code);
    if (!code) throw Errors.codeInvalid();
  } else if (principal) {
    requireSelfOrUserWrite(principal, request.userId);
  }
  const user = findUser(context, request.userId);

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
    excludeCredentials: registeredCredentials(user, 'passkey'),
  });

  if (code) context.store.useCode(code);
  const passkey = context.store.startAuthenticator(user, {
    kind: 'passkey',
    challenge: options.publicKey.challenge,
    rpID,
    startedWithCode: code !== undefined,
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
  const user = context.store.user(request.userId);
  const pending = user && context.store.pendingAuthenticator(user, 'passkey', request.passkeyId);
  const startedWithCode = pending?.startedWithCode === true;
  const principal = startedWithCode ? authenticateIfPresent(context.caller) : authenticate(context.caller);
  if (principal && !startedWithCode) requireSelfOrUserWrite(principal, request.userId);
  validateMessage(request, VerifyPasskeyRegistrationRequest);
  if (!user) throw Errors.userNotFound();
  if (!pending) throw Errors.webAuthNNotFound();

  const credential = await verifyAttestation({
    credential: request.publicKeyCredential,
    challenge: pending.challenge,
    rpID: pending.rpID,
    origins: requestOrigins(context.req),
    requireUserVerification: true,
  });
  context.store.completeAuthenticator(pending, request.passkeyName, credential);
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
      ? defaultRegistrationLink(requestBaseUrl(context.req), urlData(code))
      : renderUrlTemplate(urlTemplate, urlData(code));
  context.store.sendEmail({ to: user.userName, userId: user.id, link });
  return { body: { details } };
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
  { method: 'POST', pattern: '/v2/users/:userId/passkeys', rpc: 'RegisterPasskey', handler: registerPasskey },
  {
    method: 'POST',
    pattern: '/v2/users/:userId/passkeys/:passkeyId',
    rpc: 'VerifyPasskeyRegistration',
    handler: verifyPasskeyRegistration,
  },
]);

// @ts-check
/**
 * ZITADEL's v3alpha user resources (`zitadel.resources.user.v3alpha.ZITADELUsers`), the WebAuthN part.
 * Each handler follows ZITADEL's order of checks: grpc-gateway decodes the body and the query, the
 * instance interceptor resolves `instance`, the auth interceptor checks the token, the validation
 * interceptor checks the proto rules, then the command checks the data (`organization`, user, code).
 *
 * ZITADEL's own server declares these rpcs but does not implement them (its v3alpha user server embeds
 * `UnimplementedZITADELUsersServer` and has no WebAuthN handlers nor GetUser). So by default
 * (`config.v3alpha === 'unimplemented'`) each handler runs what comes before ZITADEL's handler —
 * decoding, the instance, the token, the validation rules — and then answers grpc's 501
 * `method <Rpc> not implemented`. With `v3alpha: 'implemented'` the mock answers them as the protos
 * describe and as ZITADEL's WebAuthN code would; see README.
 *
 * As in v2 (see there), every rpc needs a token, a registration code stands for the user, a login client
 * may verify for any user, and a holder of user.write may act on another user.
 */

import {
  authenticate,
  requireSelfOrPermission,
  requireSelfOrUserWrite,
  requireSelfUserWriteOrLoginClient,
} from './auth.js';
import { Errors } from './errors.js';
import { requestBaseUrl, requestOrigins } from './http.js';
import { loginV2RegistrationLink, renderUrlTemplate } from './links.js';
import { decodeBody, decodeQuery, validateMessage } from './messages.js';
import { INSTANCE, ORGS } from './seed.js';
import { AuthFactorState } from './store.js';
import { creationOptions, verifyAttestation, zitadelSelection } from './webauthn.js';

/** @typedef {import('./zitadel-mock.js').ApiContext} ApiContext */
/** @typedef {import('./messages.js').MessageSpec} MessageSpec */
/** @typedef {import('./store.js').User} User */
/**
 * The request messages as the handlers read them, once decoded (and, for the required fields, validated).
 * @typedef {{ id?: string, domain?: string }} InstanceMessage
 * @typedef {{ orgId?: string, orgDomain?: string }} OrganizationMessage
 * @typedef {{ instance?: InstanceMessage, organization?: OrganizationMessage }} RequestContextMessage
 * @typedef {{ domain: string, authenticatorType?: string, code?: { id: string, code: string } }} StartWebAuthNRegistrationMessage
 * @typedef {{ publicKeyCredential: Record<string, unknown>, webAuthNName: string }} VerifyWebAuthNRegistrationMessage
 * @typedef {RequestContextMessage & { id: string, registration: StartWebAuthNRegistrationMessage }} StartWebAuthNRegistrationRequestMessage
 * @typedef {RequestContextMessage & { id: string, webAuthNId: string, verify: VerifyWebAuthNRegistrationMessage }} VerifyWebAuthNRegistrationRequestMessage
 * @typedef {RequestContextMessage & { id: string, sendLink?: { urlTemplate?: string }, returnCode?: {} }} CreateWebAuthNRegistrationLinkMessage
 * @typedef {RequestContextMessage & { id: string, webAuthNId: string }} RemoveWebAuthNAuthenticatorMessage
 */

const ID = /** @type {const} */ ({ type: 'string', minLength: 1, maxLength: 200 });

/**
 * `zitadel.object.v3alpha.Instance`: a oneof that must be set once the message is there.
 * @type {MessageSpec}
 */
const Instance = {
  name: 'Instance',
  fields: { id: { type: 'string' }, domain: { type: 'string' } },
  oneofs: { property: ['id', 'domain'] },
  requiredOneofs: ['property'],
};

/** @type {MessageSpec} */
const Organization = {
  name: 'Organization',
  fields: { orgId: { type: 'string' }, orgDomain: { type: 'string' } },
  oneofs: { property: ['orgId', 'orgDomain'] },
  requiredOneofs: ['property'],
};

/** The fields every request here starts with (1 and 2 in the protos), before the user's `id`. */
const CONTEXT_FIELDS = /** @type {const} */ ({
  instance: { type: 'message', message: Instance },
  organization: { type: 'message', message: Organization },
});

/**
 * What grpc-gateway may fill from the query: the fields bound to neither the path nor the body.
 * @type {MessageSpec}
 */
const QueryParameters = { name: 'RequestContext', fields: CONTEXT_FIELDS };

/** @type {MessageSpec} */
const AuthenticatorRegistrationCode = { name: 'AuthenticatorRegistrationCode', fields: { id: ID, code: ID } };

const WEB_AUTH_N_AUTHENTICATOR_TYPES = /** @type {const} */ ([
  'WEB_AUTH_N_AUTHENTICATOR_UNSPECIFIED',
  'WEB_AUTH_N_AUTHENTICATOR_PLATFORM',
  'WEB_AUTH_N_AUTHENTICATOR_CROSS_PLATFORM',
]);

/**
 * The `registration` message: the whole JSON body of StartWebAuthNRegistration.
 * @type {MessageSpec}
 */
const StartWebAuthNRegistration = {
  name: 'StartWebAuthNRegistration',
  fields: {
    domain: ID,
    authenticatorType: {
      type: 'enum',
      enumName: 'WebAuthNAuthenticatorType',
      values: WEB_AUTH_N_AUTHENTICATOR_TYPES,
    },
    code: { type: 'message', message: AuthenticatorRegistrationCode },
  },
};

/**
 * The `verify` message: the whole JSON body of VerifyWebAuthNRegistration.
 * @type {MessageSpec}
 */
const VerifyWebAuthNRegistration = {
  name: 'VerifyWebAuthNRegistration',
  fields: { publicKeyCredential: { type: 'struct', required: true }, webAuthNName: ID },
};

/** @type {MessageSpec} */
const StartWebAuthNRegistrationRequest = {
  name: 'StartWebAuthNRegistrationRequest',
  fields: {
    ...CONTEXT_FIELDS,
    id: ID,
    registration: { type: 'message', message: StartWebAuthNRegistration },
  },
};

/** @type {MessageSpec} */
const VerifyWebAuthNRegistrationRequest = {
  name: 'VerifyWebAuthNRegistrationRequest',
  fields: {
    ...CONTEXT_FIELDS,
    id: ID,
    webAuthNId: ID,
    verify: { type: 'message', message: VerifyWebAuthNRegistration },
  },
};

/** @type {MessageSpec} */
const CreateWebAuthNRegistrationLinkRequest = {
  name: 'CreateWebAuthNRegistrationLinkRequest',
  fields: {
    ...CONTEXT_FIELDS,
    id: ID,
    sendLink: {
      type: 'message',
      message: {
        name: 'SendWebAuthNRegistrationLink',
        fields: { urlTemplate: { ...ID, optional: true } },
      },
    },
    returnCode: { type: 'message', message: { name: 'ReturnWebAuthNRegistrationCode', fields: {} } },
  },
  oneofs: { medium: ['sendLink', 'returnCode'] },
};

/** @type {MessageSpec} */
const RemoveWebAuthNAuthenticatorRequest = {
  name: 'RemoveWebAuthNAuthenticatorRequest',
  fields: { ...CONTEXT_FIELDS, id: ID, webAuthNId: ID },
};

/** @type {Record<string, 'platform' | 'cross-platform' | undefined>} */
const ATTACHMENT_BY_TYPE = {
  WEB_AUTH_N_AUTHENTICATOR_PLATFORM: 'platform',
  WEB_AUTH_N_AUTHENTICATOR_CROSS_PLATFORM: 'cross-platform',
};

/** @type {MessageSpec} */
const GetUserRequest = { name: 'GetUserRequest', fields: { instance: CONTEXT_FIELDS.instance, id: ID } };

/**
 * GetUser binds `instance` only: an `organization.*` query parameter names no field of its request, and
 * grpc-gateway ignores such a parameter (it is not refused).
 * @type {MessageSpec}
 */
const GetUserQueryParameters = { name: 'GetUserRequest', fields: { instance: CONTEXT_FIELDS.instance } };

/**
 * Past ZITADEL's interceptors: what ZITADEL v4's unimplemented server answers here, unless the mock is
 * set to implement v3alpha.
 * @param {ApiContext} context
 * @param {string} rpc
 */
function requireImplemented(context, rpc) {
  if (context.config.v3alpha !== 'implemented') throw Errors.unimplemented(rpc);
}

/** v3alpha has one list of WebAuthN authenticators: whatever API registered them. */
const ALL_KINDS = /** @type {const} */ (['passkey', 'u2f', 'webauthn']);

/**
 * What ZITADEL's instance interceptor does with a request's `instance`: resolve it, or fail before the
 * token is even looked at. Without one, the instance is the one the Host names (the mock has one).
 * @param {InstanceMessage | undefined} instance
 */
function checkInstance(instance) {
  if (instance?.id !== undefined && instance.id !== INSTANCE.id)
    throw Errors.instanceNotFound('id', instance.id);
  // ZITADEL drops a port before looking the domain up.
  const domain = instance?.domain?.split(':')[0];
  if (instance?.domain !== undefined && domain !== INSTANCE.domain) {
    throw Errors.instanceNotFound('domain', instance.domain);
  }
}

/**
 * The user, who must belong to `organization` when one is given ("optionally expect the user to be in
 * this organization"); a user elsewhere is not found, as ZITADEL filters its write model by owner.
 * @param {ApiContext} context
 * @param {string} userId
 * @param {OrganizationMessage | undefined} organization
 * @returns {User}
 */
function findUser(context, userId, organization) {
  const user = context.store.user(userId);
  if (!user) throw Errors.userNotFound();
  if (organization) {
    const orgId =
      organization.orgId ?? Object.values(ORGS).find((org) => org.domain === organization.orgDomain)?.id;
    if (orgId !== user.orgId) throw Errors.userNotFound();
  }
  return user;
}

/**
 * `zitadel.resources.object.v3alpha.Details`: the resource's id, when it was created (left out when not
 * known, as `DomainToDetailsPb` does), when it changed, and its owner, always the user's organization.
 * The user's sequence moves on as with any command, so v2 answers stay consistent.
 * @param {ApiContext} context
 * @param {User} user
 * @param {string} id
 * @param {string} [created]
 * @param {string} [changed] default: now; a resource this call created changed when it was created
 */
function resourceDetails(context, user, id, created, changed) {
  const { changeDate } = context.store.change(user);
  return {
    id,
    ...(created ? { created } : {}),
    changed: changed ?? changeDate,
    owner: { type: 'OWNER_TYPE_ORG', id: user.orgId },
  };
}

/**
 * StartWebAuthNRegistration: starts a registration and answers the creation options. The body is the
 * `registration` message; `instance` and `organization` come from the query. The options ask for user
 * verification and, for PLATFORM / CROSS_PLATFORM, that attachment, as ZITADEL's WebAuthN code does for
 * a passkey (no resident-key requirement: ZITADEL never sets one). A code, when given, is used up here.
 * @param {ApiContext} context
 */
async function startWebAuthNRegistration(context) {
  const registration = decodeBody(context.body, StartWebAuthNRegistration);
  const request = /** @type {StartWebAuthNRegistrationRequestMessage} */ ({
    ...decodeQuery(context.query, QueryParameters),
    id: context.params.id,
    registration,
  });
  checkInstance(request.instance);
  const principal = authenticate(context.caller);
  validateMessage(request, StartWebAuthNRegistrationRequest);
  requireImplemented(context, 'StartWebAuthNRegistration');

  const { code: codeInput } = request.registration;
  let code;
  if (codeInput) {
    code = context.store.validCode(request.id, codeInput.id, codeInput.code);
    if (!code) throw Errors.codeInvalid();
  } else {
    requireSelfOrUserWrite(principal, request.id);
  }
  const user = findUser(context, request.id, request.organization);

  const { domain: rpID } = request.registration;
  const authenticatorType = request.registration.authenticatorType ?? WEB_AUTH_N_AUTHENTICATOR_TYPES[0];
  const options = await creationOptions({
    rpID,
    rpName: INSTANCE.name,
    user,
    authenticatorSelection: zitadelSelection('required', ATTACHMENT_BY_TYPE[authenticatorType]),
    excludeCredentials: context.store
      .authenticatorsOf(user, ALL_KINDS, AuthFactorState.READY)
      .map(({ credentialId, transports }) => ({ id: credentialId ?? '', transports })),
  });

  if (code) context.store.useCode(code);
  const webAuthN = context.store.startAuthenticator(user, {
    kind: 'webauthn',
    challenge: options.publicKey.challenge,
    rpID,
    authenticatorType,
  });
  return {
    body: {
      details: resourceDetails(context, user, webAuthN.id, webAuthN.createdAt, webAuthN.createdAt),
      webAuthNId: webAuthN.id,
      publicKeyCredentialCreationOptions: options,
    },
  };
}

/**
 * VerifyWebAuthNRegistration: checks the authenticator's answer and stores it. User verification is
 * recorded (`userVerified`), not required: v3alpha's WebAuthN resource says whether the user was
 * verified, which makes it a passkey or a second factor. Failures are v2's: 500, pending kept.
 * @param {ApiContext} context
 */
async function verifyWebAuthNRegistration(context) {
  const verify = decodeBody(context.body, VerifyWebAuthNRegistration);
  const request = /** @type {VerifyWebAuthNRegistrationRequestMessage} */ ({
    ...decodeQuery(context.query, QueryParameters),
    id: context.params.id,
    webAuthNId: context.params.webAuthNId,
    verify,
  });
  checkInstance(request.instance);
  const principal = authenticate(context.caller);
  requireSelfUserWriteOrLoginClient(principal, request.id);
  validateMessage(request, VerifyWebAuthNRegistrationRequest);
  requireImplemented(context, 'VerifyWebAuthNRegistration');
  const user = findUser(context, request.id, request.organization);
  const pending = context.store.pendingAuthenticator(user, 'webauthn', request.webAuthNId);
  if (!pending) throw Errors.webAuthNNotFound();

  const credential = await verifyAttestation({
    credential: request.verify.publicKeyCredential,
    challenge: pending.challenge,
    rpID: pending.rpID,
    origins: requestOrigins(context.req),
    requireUserVerification: false,
  });
  context.store.completeAuthenticator(pending, request.verify.webAuthNName, credential);
  return { body: { details: resourceDetails(context, user, pending.id, pending.createdAt) } };
}

/**
 * CreateWebAuthNRegistrationLink: v2's CreatePasskeyRegistrationLink on v3alpha's terms. The body is the
 * whole request (`body: "*"`), so `instance` and `organization` come in it, not in the query. The
 * permission is `authenticated`: a user may make a link for themself. Codes are the same as v2's.
 * @param {ApiContext} context
 */
function createWebAuthNRegistrationLink(context) {
  const request = /** @type {CreateWebAuthNRegistrationLinkMessage} */ ({
    ...decodeBody(context.body, CreateWebAuthNRegistrationLinkRequest),
    id: context.params.id,
  });
  checkInstance(request.instance);
  const principal = authenticate(context.caller);
  validateMessage(request, CreateWebAuthNRegistrationLinkRequest);
  requireImplemented(context, 'CreateWebAuthNRegistrationLink');
  requireSelfOrPermission(principal, request.id, 'user.passkey.write');
  const user = findUser(context, request.id, request.organization);

  /** @param {{ id: string, code: string }} code */
  const urlData = (code) => ({ UserID: user.id, OrgID: user.orgId, CodeID: code.id, Code: code.code });
  const urlTemplate = request.sendLink?.urlTemplate;
  // As in v2: the template is tried with stand-in values before a code is made.
  if (urlTemplate !== undefined) renderUrlTemplate(urlTemplate, urlData({ id: 'codeID', code: 'code' }));

  const code = context.store.issueCode(user.id, context.config.codeTtlMs);
  // The resource a link changes is the user; the code has its own id in `code`.
  const details = resourceDetails(context, user, user.id);
  if (request.returnCode) return { body: { details, code: { id: code.id, code: code.code } } };

  const link =
    urlTemplate === undefined
      ? loginV2RegistrationLink(requestBaseUrl(context.req), urlData(code))
      : renderUrlTemplate(urlTemplate, urlData(code));
  context.store.sendEmail({ to: user.userName, userId: user.id, link });
  return { body: { details } };
}

/**
 * RemoveWebAuthNAuthenticator: removes any of the user's WebAuthN authenticators, pending or verified,
 * whichever API registered it.
 * @param {ApiContext} context
 */
function removeWebAuthNAuthenticator(context) {
  // DELETE has no body binding: grpc-gateway does not read one.
  const request = /** @type {RemoveWebAuthNAuthenticatorMessage} */ ({
    ...decodeQuery(context.query, QueryParameters),
    ...context.params,
  });
  checkInstance(request.instance);
  const principal = authenticate(context.caller);
  validateMessage(request, RemoveWebAuthNAuthenticatorRequest);
  requireImplemented(context, 'RemoveWebAuthNAuthenticator');
  requireSelfOrUserWrite(principal, request.id);
  const user = findUser(context, request.id, request.organization);
  const removed = context.store.removeAuthenticator(user, ALL_KINDS, request.webAuthNId);
  if (!removed) throw Errors.authenticatorNotFound();
  return { body: { details: resourceDetails(context, user, removed.id, removed.createdAt) } };
}

/**
 * GetUser: the user with their authenticators — here only what the kit reads, the WebAuthN ones
 * (`authenticators.webAuthN`: `webAuthNId`, `name`, `isVerified`, `userVerified`, as authenticator.proto
 * names them). A passkey is a WebAuthN authenticator that verified the user; v2's passkeys and U2F keys
 * are listed too, as ZITADEL keeps one set of WebAuthN tokens per user. `GetUser` has no `id` field:
 * the user's id is `details.id`.
 * @param {ApiContext} context
 */
function getUser(context) {
  const request = /** @type {{ id: string, instance?: InstanceMessage }} */ ({
    ...decodeQuery(context.query, GetUserQueryParameters),
    ...context.params,
  });
  checkInstance(request.instance);
  const principal = authenticate(context.caller);
  validateMessage(request, GetUserRequest);
  requireImplemented(context, 'GetUser');
  requireSelfOrUserWrite(principal, request.id);
  const user = findUser(context, request.id, undefined);
  const webAuthN = user.authenticators.map((authenticator) => {
    const verified = authenticator.state === AuthFactorState.READY;
    return {
      webAuthNId: authenticator.id,
      // proto3 JSON leaves out empty strings and false.
      ...(authenticator.name ? { name: authenticator.name } : {}),
      ...(verified ? { isVerified: true } : {}),
      ...(verified && (authenticator.userVerified ?? authenticator.kind === 'passkey')
        ? { userVerified: true }
        : {}),
    };
  });
  return {
    body: {
      user: {
        details: {
          id: user.id,
          changed: context.store.isoNow(),
          owner: { type: 'OWNER_TYPE_ORG', id: user.orgId },
        },
        authenticators: webAuthN.length ? { webAuthN } : {},
      },
    },
  };
}

/**
 * The v3alpha routes. A literal segment comes before a parameter in the same place.
 * @type {readonly import('./http.js').Route<ApiContext>[]}
 */
export const v3alphaRoutes = Object.freeze([
  { method: 'GET', pattern: '/resources/v3alpha/users/:id', rpc: 'GetUser', handler: getUser },
  {
    method: 'POST',
    pattern: '/resources/v3alpha/users/:id/webauthn/registration_link',
    rpc: 'CreateWebAuthNRegistrationLink',
    handler: createWebAuthNRegistrationLink,
  },
  {
    method: 'POST',
    pattern: '/resources/v3alpha/users/:id/webauthn',
    rpc: 'StartWebAuthNRegistration',
    handler: startWebAuthNRegistration,
  },
  {
    method: 'POST',
    pattern: '/resources/v3alpha/users/:id/webauthn/:webAuthNId/_verify',
    rpc: 'VerifyWebAuthNRegistration',
    handler: verifyWebAuthNRegistration,
  },
  {
    method: 'DELETE',
    pattern: '/resources/v3alpha/users/:id/webauthn/:webAuthNId',
    rpc: 'RemoveWebAuthNAuthenticator',
    handler: removeWebAuthNAuthenticator,
  },
]);

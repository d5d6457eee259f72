// @ts-check
/**
 * ZITADEL's management API v1 (`zitadel.management.v1.ManagementService`), the passwordless-link part:
 * an administrator makes a link to ZITADEL's own login UI where the user registers a passkey. Each
 * handler follows ZITADEL's order of checks: grpc-gateway decodes the body (where the rpc has one), the
 * auth interceptor checks the token and the permission, the validation interceptor checks the proto
 * rules, then the command checks the data.
 *
 * The organization is the `x-zitadel-orgid` header's; without the header ZITADEL takes the caller's own
 * organization, which the mock's service account does not have, so then any user is found.
 */

import { authenticate, requirePermission } from './auth.js';
import { Errors } from './errors.js';
import { requestBaseUrl } from './http.js';
import { defaultRegistrationLink } from './links.js';
import { decodeBody, validateMessage } from './messages.js';

/** @typedef {import('./zitadel-mock.js').ApiContext} ApiContext */
/** @typedef {import('./messages.js').MessageSpec} MessageSpec */
/** @typedef {import('./store.js').User} User */
/** @typedef {{ userId: string }} PasswordlessRegistrationMessage */

const ID = /** @type {const} */ ({ type: 'string', minLength: 1, maxLength: 200 });

/** @type {MessageSpec} */
const AddPasswordlessRegistrationRequest = {
  name: 'AddPasswordlessRegistrationRequest',
  fields: { userId: ID },
};

/** @type {MessageSpec} */
const SendPasswordlessRegistrationRequest = {
  name: 'SendPasswordlessRegistrationRequest',
  fields: { userId: ID },
};

/**
 * The user, who must belong to the organization `x-zitadel-orgid` names, when it names one.
 * @param {ApiContext} context
 * @param {string} userId
 * @returns {User}
 */
function findUser(context, userId) {
  const user = context.store.user(userId);
  if (!user) throw Errors.userNotFound();
  const orgId = context.req.headers['x-zitadel-orgid'];
  if (typeof orgId === 'string' && orgId !== '' && orgId !== user.orgId) throw Errors.userNotFound();
  return user;
}

/**
 * `zitadel.v1.ObjectDetails` as both rpcs fill it: ZITADEL passes the code's change date to
 * `AddToDetailsPb` as the creation date, so there is a `creationDate` and no `changeDate`.
 * @param {ApiContext} context
 * @param {User} user
 */
function addedDetails(context, user) {
  const { sequence, changeDate, resourceOwner } = context.store.change(user);
  return { sequence, creationDate: changeDate, resourceOwner };
}

/**
 * A `google.protobuf.Duration` as protojson writes it: seconds with an `s`, and 3, 6 or 9 fraction
 * digits only when there is a fraction (`"3600s"`, `"1.500s"`).
 * @param {number} ms
 */
export function durationJson(ms) {
  const seconds = Math.floor(ms / 1000);
  const nanos = Math.round((ms - seconds * 1000) * 1e6);
  if (nanos === 0) return `${seconds}s`;
  const digits = nanos % 1e6 === 0 ? 3 : nanos % 1e3 === 0 ? 6 : 9;
  return `${seconds}.${String(nanos).padStart(9, '0').slice(0, digits)}s`;
}

/**
 * The code as a link to ZITADEL's login UI, as `PasswordlessInitCode.Link` builds it.
 * @param {ApiContext} context
 * @param {User} user
 * @param {{ id: string, code: string }} code
 */
function loginLink(context, user, code) {
  return defaultRegistrationLink(requestBaseUrl(context.req), {
    UserID: user.id,
    OrgID: user.orgId,
    CodeID: code.id,
    Code: code.code,
  });
}

/**
 * AddPasswordlessRegistration: makes a registration code and answers the login UI's link with it and
 * how long it lives. The code is the same kind v2's links make, so v2's RegisterPasskey takes it too.
 * @param {ApiContext} context
 */
function addPasswordlessRegistration(context) {
  // The rpc binds no body (`post` without `body`): grpc-gateway does not even read it.
  const request = /** @type {PasswordlessRegistrationMessage} */ ({ ...context.params });
  const principal = authenticate(context.caller);
  requirePermission(principal, 'user.credential.write');
  validateMessage(request, AddPasswordlessRegistrationRequest);
  const user = findUser(context, request.userId);

  const code = context.store.issueCode(user.id, context.config.codeTtlMs);
  return {
    body: {
      details: addedDetails(context, user),
      link: loginLink(context, user, code),
      expiration: durationJson(context.config.codeTtlMs),
    },
  };
}

/**
 * SendPasswordlessRegistration: makes a registration code and "emails" the login UI's link (the outbox).
 * @param {ApiContext} context
 */
function sendPasswordlessRegistration(context) {
  const request = /** @type {PasswordlessRegistrationMessage} */ ({
    ...decodeBody(context.body, SendPasswordlessRegistrationRequest),
    ...context.params,
  });
  const principal = authenticate(context.caller);
  requirePermission(principal, 'user.write');
  validateMessage(request, SendPasswordlessRegistrationRequest);
  const user = findUser(context, request.userId);

  const code = context.store.issueCode(user.id, context.config.codeTtlMs);
  context.store.sendEmail({ to: user.userName, userId: user.id, link: loginLink(context, user, code) });
  return { body: { details: addedDetails(context, user) } };
}

/**
 * The management v1 routes.
 * @type {readonly import('./http.js').Route<ApiContext>[]}
 */
export const v1Routes = Object.freeze([
  {
    method: 'POST',
    pattern: '/management/v1/users/:userId/passwordless/_link',
    rpc: 'AddPasswordlessRegistration',
    handler: addPasswordlessRegistration,
  },
  {
    method: 'POST',
    pattern: '/management/v1/users/:userId/passwordless/_send_link',
    rpc: 'SendPasswordlessRegistration',
    handler: sendPasswordlessRegistration,
  },
]);

// @ts-check
/**
 * Who is calling, from the Authorization header, and ZITADEL's two kinds of checks on it: "authenticated"
 * rpcs let a user act on themself (or a holder of user.write on anyone), the others need a named
 * permission such as user.passkey.write. Every rpc the mock serves needs a token, as in ZITADEL: a
 * registration code replaces the user's authentication, never the caller's.
 */

import { Errors } from './errors.js';
import { LOGIN_CLIENT_ROLE } from './seed.js';

/** @typedef {import('./seed.js').SeedPrincipal} Principal */

/**
 * @typedef {{ kind: 'anonymous' }
 *   | { kind: 'malformed' }
 *   | { kind: 'unknown' }
 *   | { kind: 'known', principal: Principal }} Caller
 */

const BEARER = 'Bearer ';

/**
 * @param {string | undefined} authorization the Authorization header
 * @param {(token: string) => Principal | undefined} findPrincipal
 * @returns {Caller}
 */
export function identifyCaller(authorization, findPrincipal) {
  if (!authorization) return { kind: 'anonymous' };
  if (!authorization.startsWith(BEARER)) return { kind: 'malformed' };
  const principal = findPrincipal(authorization.slice(BEARER.length));
  return principal ? { kind: 'known', principal } : { kind: 'unknown' };
}

/**
 * How the request log names a caller: the seed name, `null` without a header, `'unknown'` otherwise.
 * Never the token itself.
 * @param {Caller} caller
 * @returns {string | null}
 */
export function callerName(caller) {
  if (caller.kind === 'anonymous') return null;
  return caller.kind === 'known' ? caller.principal.name : 'unknown';
}

/**
 * The check ZITADEL's auth interceptor makes before any handler: a header must come, holding a valid
 * token.
 * @param {Caller} caller
 * @returns {Principal}
 */
export function authenticate(caller) {
  switch (caller.kind) {
    case 'known':
      return caller.principal;
    case 'anonymous':
      throw Errors.authHeaderMissing();
    case 'malformed':
      throw Errors.authHeaderInvalid();
    case 'unknown':
      throw Errors.tokenInvalid();
  }
}

/**
 * For "authenticated" rpcs: the caller is the user, or may write every user.
 * @param {Principal} principal
 * @param {string} userId
 */
export function requireSelfOrUserWrite(principal, userId) {
  if (principal.userId !== userId && !principal.permissions.includes('user.write')) throw Errors.otherUser();
}

/**
 * Starting a registration (v2 RegisterPasskey with or without a code, RegisterU2F): the user themself, or a
 * caller with user.credential.write on the user (ZITADEL's `checkPermissionUpdateUserCredentials` in
 * `addHumanWebAuthN`, since v2.66; before, a start without a code was the user's alone). A code does not
 * stand in for the permission: a login client has it (`IAM_LOGIN_CLIENT`).
 * @param {Principal} principal
 * @param {string} userId
 */
export function requireSelfOrCredentialWrite(principal, userId) {
  if (principal.userId !== userId && !principal.permissions.includes('user.credential.write')) {
    throw Errors.credentialPermissionMissing();
  }
}

/**
 * Verifying a started registration: the user, a user manager, or a login client acting for the user
 * (only the holder of the registration's challenge can produce a credential that verifies).
 * @param {Principal} principal
 * @param {string} userId
 */
export function requireSelfUserWriteOrLoginClient(principal, userId) {
  if (!principal.roles.includes(LOGIN_CLIENT_ROLE)) requireSelfOrUserWrite(principal, userId);
}

/**
 * @param {Principal} principal
 * @param {string} permission
 */
export function requirePermission(principal, permission) {
  if (!principal.permissions.includes(permission)) throw Errors.permissionMissing();
}

/**
 * The user themself, or a holder of the permission (v3alpha's link creation).
 * @param {Principal} principal
 * @param {string} userId
 * @param {string} permission
 */
export function requireSelfOrPermission(principal, userId, permission) {
  if (principal.userId !== userId && !principal.permissions.includes(permission)) throw Errors.otherUser();
}

// @ts-check
/**
 * The mock ZITADEL's starting data: one instance, two organizations, three people and the tokens that
 * act for them. Browser tests import this file to know the ids and tokens, so it must stay free of any
 * Node import.
 *
 * Ids look like ZITADEL's (numeric strings of 18 digits); everything the mock creates later (codes,
 * passkeys) gets ids of the same shape from the store.
 */

/**
 * `domain` is the organization's primary domain as ZITADEL generates it (`<name>.<instance domain>`);
 * v3alpha's `organization.orgDomain` names an organization by it.
 * @typedef {{ id: string, name: string, domain: string }} SeedOrg
 */
/** @typedef {{ id: string, userName: string, displayName: string, orgId: string }} SeedUser */
/**
 * Who a bearer token acts for. `userId` is the token's own user; `permissions` are ZITADEL permission
 * names granted on every organization of the instance (enough for a mock); `roles` the instance roles
 * that ZITADEL's commands ask for by name (`IAM_LOGIN_CLIENT`: a login UI acting for any user).
 * @typedef {{
 *   name: string,
 *   token: string,
 *   userId: string,
 *   permissions: readonly string[],
 *   roles: readonly string[],
 * }} SeedPrincipal
 */

export const INSTANCE = Object.freeze({ id: '300000000000000001', domain: 'localhost', name: 'ZITADEL' });

export const ORGS = Object.freeze({
  acme: Object.freeze({ id: '200000000000000001', name: 'ACME', domain: 'acme.localhost' }),
  globex: Object.freeze({ id: '200000000000000002', name: 'Globex', domain: 'globex.localhost' }),
});

export const USERS = Object.freeze({
  alice: Object.freeze({
    id: '100000000000000001',
    userName: 'alice@example.com',
    displayName: 'Alice Example',
    orgId: ORGS.acme.id,
  }),
  bob: Object.freeze({
    id: '100000000000000002',
    userName: 'bob@example.com',
    displayName: 'Bob Example',
    orgId: ORGS.acme.id,
  }),
  carol: Object.freeze({
    id: '100000000000000003',
    userName: 'carol@globex.example',
    displayName: 'Carol Globex',
    orgId: ORGS.globex.id,
  }),
});

/** A user id that no seeded user has: for "not found" paths. */
export const UNKNOWN_USER_ID = '199999999999999999';

/** Bearer tokens by the name of who they act for. */
export const TOKENS = Object.freeze({
  alice: 'alice-access-token',
  bob: 'bob-access-token',
  carol: 'carol-access-token',
  /**
   * A service account with user.write, user.passkey.write and user.credential.write: acts on every user,
   * creates links (v2, v3alpha and management v1).
   */
  admin: 'admin-token',
  /**
   * A login client's service account (ZITADEL's `IAM_LOGIN_CLIENT`, what Login v2 runs with): with
   * user.credential.write and user.passkey.write on every user it starts a registration (with or without a
   * code) and verifies one for any user, and creates v2 / v3alpha links. ZITADEL's role also holds user.read
   * and user.write (cmd/defaults.yaml); the mock leaves them out, so that its tests have a service caller that
   * may not list, remove or use management v1.
   */
  loginClient: 'login-client-token',
});

/** The service account behind `TOKENS.admin`; it is not a human, so it is not in `USERS`. */
export const ADMIN_SERVICE_ACCOUNT_ID = '100000000000000009';

/** The service account behind `TOKENS.loginClient`; not in `USERS` either. */
export const LOGIN_CLIENT_SERVICE_ACCOUNT_ID = '100000000000000008';

/** ZITADEL's instance role for login UIs. */
export const LOGIN_CLIENT_ROLE = 'IAM_LOGIN_CLIENT';

/** @type {readonly SeedPrincipal[]} */
export const PRINCIPALS = Object.freeze(
  [
    { name: 'alice', token: TOKENS.alice, userId: USERS.alice.id, permissions: [], roles: [] },
    { name: 'bob', token: TOKENS.bob, userId: USERS.bob.id, permissions: [], roles: [] },
    { name: 'carol', token: TOKENS.carol, userId: USERS.carol.id, permissions: [], roles: [] },
    {
      name: 'admin',
      token: TOKENS.admin,
      userId: ADMIN_SERVICE_ACCOUNT_ID,
      permissions: ['user.write', 'user.passkey.write', 'user.credential.write'],
      roles: ['IAM_USER_MANAGER'],
    },
    {
      name: 'login-client',
      token: TOKENS.loginClient,
      userId: LOGIN_CLIENT_SERVICE_ACCOUNT_ID,
      permissions: ['user.credential.write', 'user.passkey.write'],
      roles: [LOGIN_CLIENT_ROLE],
    },
  ].map((principal) =>
    Object.freeze({
      ...principal,
      permissions: Object.freeze(principal.permissions),
      roles: Object.freeze(principal.roles),
    }),
  ),
);

/** Everything above in one object, for code that wants the whole seed. */
export const SEED = Object.freeze({
  instance: INSTANCE,
  orgs: ORGS,
  users: USERS,
  tokens: TOKENS,
  principals: PRINCIPALS,
});

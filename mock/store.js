// @ts-check
/// <reference types="node" />
/**
 * The mock's in-memory ZITADEL: users with their authenticators, registration codes and the outbox of
 * emails ZITADEL would have sent. It knows nothing of HTTP; every API generation's routes share it, so
 * a passkey registered through v2 is the same record that v3alpha would list.
 */

import { randomInt } from 'node:crypto';
import { INSTANCE, PRINCIPALS, USERS } from './seed.js';

/** ZITADEL's factor states, as its APIs name them. */
export const AuthFactorState = Object.freeze({
  NOT_READY: 'AUTH_FACTOR_STATE_NOT_READY',
  READY: 'AUTH_FACTOR_STATE_READY',
});

/**
 * A passkey or security key. It exists from the moment its registration starts (NOT_READY, holding the
 * challenge), as in ZITADEL, and becomes READY with its credential once verified.
 *
 * `kind` says which API registered it: v2's passkeys and U2F keys are kept apart, as ZITADEL keeps them;
 * v3alpha has one kind of WebAuthN authenticator (`'webauthn'`), with the `authenticatorType` it was
 * asked for and, once verified, whether the user was verified (`userVerified`), which is how v3alpha
 * tells a passkey from a second factor.
 * @typedef {{
 *   id: string,
 *   kind: AuthenticatorKind,
 *   state: string,
 *   name: string,
 *   challenge: string,
 *   rpID: string,
 *   createdAt: string,
 *   credentialId?: string,
 *   publicKey?: string,
 *   counter?: number,
 *   transports?: string[],
 *   aaguid?: string,
 *   userVerified?: boolean,
 *   authenticatorType?: string,
 * }} Authenticator
 * @typedef {'passkey' | 'u2f' | 'webauthn'} AuthenticatorKind
 */

/**
 * @typedef {{
 *   id: string,
 *   userName: string,
 *   displayName: string,
 *   orgId: string,
 *   sequence: number,
 *   authenticators: Authenticator[],
 * }} User
 */

/**
 * @typedef {{ id: string, userId: string, code: string, expiresAt: number, used: boolean, failedChecks?: number }} RegistrationCode
 */
/** @typedef {{ to: string, userId: string, link: string, sentAt: string }} Email */
/** @typedef {{ sequence: string, changeDate: string, resourceOwner: string }} Details */

/** Where ids of things the mock creates start; far from the seeded ids so they never collide. */
const FIRST_CREATED_ID = 310000000000000000n;
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CODE_LENGTH = 12;
/** ZITADEL removes a registration code at its third failed check. */
const CODE_CHECKS = 3;
/** The kinds of which a user has at most one registration pending (v2's two lists). */
const ONE_PENDING = ['passkey', 'u2f'];

/**
 * @param {{ now: () => number }} options
 */
export function createStore({ now }) {
  /** @type {Map<string, User>} */
  let users = new Map();
  /** @type {Map<string, RegistrationCode>} */
  let codes = new Map();
  /** @type {Email[]} */
  let outbox = [];
  let lastId = FIRST_CREATED_ID;

  const principalsByToken = new Map(PRINCIPALS.map((principal) => [principal.token, principal]));

  function reset() {
    users = new Map(
      Object.values(USERS).map((seed) => [seed.id, { ...seed, sequence: 1, authenticators: [] }]),
    );
    codes = new Map();
    outbox = [];
    lastId = FIRST_CREATED_ID;
  }
  reset();

  /** A new id in ZITADEL's shape. Deterministic after a reset, which keeps test output stable. */
  function nextId() {
    lastId += 1n;
    return lastId.toString();
  }

  const isoNow = () => new Date(now()).toISOString();

  /**
   * Records a change on the user, as each ZITADEL command does, and returns the `details` to answer.
   * @param {User} user
   * @returns {Details}
   */
  function change(user) {
    user.sequence += 1;
    return { sequence: String(user.sequence), changeDate: isoNow(), resourceOwner: user.orgId };
  }

  /**
   * @param {string} userId
   * @param {number} ttlMs
   * @returns {RegistrationCode}
   */
  function issueCode(userId, ttlMs) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    const record = { id: nextId(), userId, code, expiresAt: now() + ttlMs, used: false };
    codes.set(record.id, record);
    return record;
  }

  /**
   * The user's code with that id and secret, if it is still usable. Every way of failing looks the same
   * to the caller, as in ZITADEL.
   * @param {string} userId
   * @param {string} codeId
   * @param {string} code
   * @returns {RegistrationCode | undefined}
   */
  function validCode(userId, codeId, code) {
    const record = codes.get(codeId);
    if (!record || record.userId !== userId || record.used) return undefined;
    if (record.code === code && now() < record.expiresAt) return record;
    // ZITADEL records each failed check of a code (HumanPasswordlessInitCodeCheckFailedEvent) and removes
    // the code at the third: a guessed code dies before it is found.
    record.failedChecks = (record.failedChecks ?? 0) + 1;
    if (record.failedChecks >= CODE_CHECKS) record.used = true;
    return undefined;
  }

  /**
   * Codes are single-use. Separate from `validCode` so a request that fails after the check (as a
   * ZITADEL command that pushes no events) leaves the code usable.
   * @param {RegistrationCode} record
   */
  function useCode(record) {
    record.used = true;
  }

  /**
   * @param {User} user
   * @param {{
   *   kind: AuthenticatorKind,
   *   challenge: string,
   *   rpID: string,
   *   authenticatorType?: string,
   * }} registration
   * @returns {Authenticator}
   */
  function startAuthenticator(user, registration) {
    // ZITADEL keeps one pending registration per list (passkeys, U2F): a new start replaces it
    // (HumanPasswordlessTokensReadModel, HumanU2FTokensReadModel), so only the newest can be verified.
    if (ONE_PENDING.includes(registration.kind)) {
      user.authenticators = user.authenticators.filter(
        (candidate) => candidate.kind !== registration.kind || candidate.state !== AuthFactorState.NOT_READY,
      );
    }
    /** @type {Authenticator} */
    const authenticator = {
      id: nextId(),
      state: AuthFactorState.NOT_READY,
      name: '',
      createdAt: isoNow(),
      ...registration,
    };
    user.authenticators.push(authenticator);
    return authenticator;
  }

  /**
   * @param {User} user
   * @param {Authenticator['kind']} kind
   * @param {string} id
   */
  function pendingAuthenticator(user, kind, id) {
    // v2's verify ignores the id in its path: ZITADEL verifies the user's one pending registration
    // (HumanHumanPasswordlessSetup / HumanU2FSetup get no id).
    const byId = !ONE_PENDING.includes(kind);
    return user.authenticators.find(
      (candidate) =>
        (!byId || candidate.id === id) &&
        candidate.kind === kind &&
        candidate.state === AuthFactorState.NOT_READY,
    );
  }

  /**
   * @param {Authenticator} authenticator a pending one
   * @param {string} name
   * @param {import('./webauthn.js').VerifiedCredential} credential
   */
  function completeAuthenticator(authenticator, name, credential) {
    Object.assign(authenticator, credential, { name, state: AuthFactorState.READY });
  }

  /**
   * The user's authenticators of the given kinds, in the order they were started.
   * @param {User} user
   * @param {readonly AuthenticatorKind[]} kinds
   * @param {string} [state] only those in this state
   */
  function authenticatorsOf(user, kinds, state) {
    return user.authenticators.filter(
      (candidate) => kinds.includes(candidate.kind) && (state === undefined || candidate.state === state),
    );
  }

  /**
   * Removes one of the user's authenticators, pending or verified, if it is of one of the kinds.
   * @param {User} user
   * @param {readonly AuthenticatorKind[]} kinds
   * @param {string} id
   * @returns {Authenticator | undefined} the removed one
   */
  function removeAuthenticator(user, kinds, id) {
    const removed = authenticatorsOf(user, kinds).find((candidate) => candidate.id === id);
    if (removed) user.authenticators = user.authenticators.filter((candidate) => candidate !== removed);
    return removed;
  }

  /** @param {Omit<Email, 'sentAt'>} email */
  function sendEmail(email) {
    outbox.push({ ...email, sentAt: isoNow() });
  }

  /** What the demo and tests may see: no tokens, no codes' secrets, no public keys. */
  function snapshot() {
    return {
      instance: INSTANCE,
      users: [...users.values()].map((user) => ({
        id: user.id,
        userName: user.userName,
        displayName: user.displayName,
        orgId: user.orgId,
        authenticators: user.authenticators.map((authenticator) => ({
          id: authenticator.id,
          kind: authenticator.kind,
          name: authenticator.name,
          state: authenticator.state,
          credentialId: authenticator.credentialId,
          aaguid: authenticator.aaguid,
          createdAt: authenticator.createdAt,
          // authenticatorType only for v3alpha, userVerified once verified; JSON drops what is unset.
          authenticatorType: authenticator.authenticatorType,
          userVerified: authenticator.userVerified,
        })),
      })),
      codes: [...codes.values()].map((record) => ({
        id: record.id,
        userId: record.userId,
        expiresAt: new Date(record.expiresAt).toISOString(),
        used: record.used,
      })),
      outbox: [...outbox],
    };
  }

  return {
    reset,
    nextId,
    isoNow,
    change,
    issueCode,
    validCode,
    useCode,
    startAuthenticator,
    pendingAuthenticator,
    completeAuthenticator,
    authenticatorsOf,
    removeAuthenticator,
    sendEmail,
    snapshot,
    /** @param {string} id */
    user: (id) => users.get(id),
    /** @param {string} token */
    principal: (token) => principalsByToken.get(token),
    get outbox() {
      return [...outbox];
    },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */

// @ts-check
/**
 * The WebAuthn half of a registration, done for real with @simplewebauthn/server so that a browser's
 * (or a virtual authenticator's) credential is checked the way ZITADEL's go-webauthn checks it.
 */

import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { Errors } from './errors.js';

/**
 * go-webauthn's default algorithms, which ZITADEL offers: ES256, ES384, ES512, RS256, RS384, RS512,
 * PS256, PS384, PS512, EdDSA. Verification must accept exactly what was offered.
 */
const ALGORITHMS = [-7, -35, -36, -257, -258, -259, -37, -38, -39, -8];

/** ZITADEL's registration timeout (5 minutes). */
const TIMEOUT_MS = 300_000;

/**
 * @typedef {{
 *   rpID: string,
 *   rpName: string,
 *   user: { id: string, userName: string, displayName: string },
 *   authenticatorSelection: import('@simplewebauthn/server').AuthenticatorSelectionCriteria,
 *   excludeCredentials: { id: string, transports?: string[] }[],
 * }} CreationRequest
 */

/**
 * `publicKeyCredentialCreationOptions` as ZITADEL answers it: the WebAuthn options wrapped in
 * `publicKey`, with only the members go-webauthn sends (no `hints`, no `extensions`).
 * @param {CreationRequest} request
 */
export async function creationOptions({ rpID, rpName, user, authenticatorSelection, excludeCredentials }) {
  const options = await generateRegistrationOptions({
    rpID,
    rpName,
    userName: user.userName,
    userDisplayName: user.displayName,
    // ZITADEL's WebAuthn user handle is the user id's bytes.
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    authenticatorSelection: { ...authenticatorSelection },
    excludeCredentials: excludeCredentials.map(({ id, transports }) => ({
      id,
      ...(transports?.length ? { transports } : {}),
    })),
    supportedAlgorithmIDs: ALGORITHMS,
    timeout: TIMEOUT_MS,
  });
  const { challenge, rp, user: userEntity, pubKeyCredParams, timeout, attestation } = options;
  return {
    publicKey: {
      challenge,
      rp,
      user: userEntity,
      pubKeyCredParams,
      timeout,
      excludeCredentials: options.excludeCredentials ?? [],
      authenticatorSelection: options.authenticatorSelection,
      attestation,
    },
  };
}

/**
 * ZITADEL's `authenticatorSelection`: go-webauthn's `AuthenticatorSelection` as ZITADEL's
 * `BeginRegistration` fills it, with the user-verification requirement and, when one was asked for, the
 * attachment. ZITADEL sets no `residentKey` / `requireResidentKey`, so the browser's default
 * (discouraged) applies.
 * @param {'required' | 'preferred' | 'discouraged'} userVerification
 * @param {'platform' | 'cross-platform'} [attachment]
 * @returns {import('@simplewebauthn/server').AuthenticatorSelectionCriteria}
 */
export function zitadelSelection(userVerification, attachment) {
  return { userVerification, ...(attachment ? { authenticatorAttachment: attachment } : {}) };
}

/**
 * @typedef {{
 *   credentialId: string,
 *   publicKey: string,
 *   counter: number,
 *   transports: string[],
 *   aaguid: string,
 *   userVerified: boolean,
 * }} VerifiedCredential
 */

/**
 * Checks a `RegistrationResponseJSON` against the registration it answers.
 * @param {{
 *   credential: Record<string, unknown>,
 *   challenge: string,
 *   rpID: string,
 *   origins: string[],
 *   requireUserVerification: boolean,
 * }} check
 * @returns {Promise<VerifiedCredential>}
 * @throws {import('./errors.js').ApiError} ZITADEL's error for an unparsable or rejected credential
 */
export async function verifyAttestation({ credential, challenge, rpID, origins, requireUserVerification }) {
  if (!looksLikeRegistrationResponse(credential)) throw Errors.credentialUnparsable();
  const client = clientOrigin(credential);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: challenge,
      // ZITADEL checks the origin the browser reports against the RP ID only (its FinishRegistration builds
      // its go-webauthn config from that origin): a page on another port or subdomain of the RP ID, whose
      // requests reach ZITADEL through a proxy that sends no Origin, is accepted.
      expectedOrigin: client && fitsRpID(client, rpID) ? [...origins, client] : origins,
      expectedRPID: rpID,
      requireUserVerification,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch {
    throw Errors.credentialRejected();
  }
  if (!verification.verified) throw Errors.credentialRejected();
  const { credential: verified, aaguid, userVerified } = verification.registrationInfo;
  return {
    credentialId: verified.id,
    publicKey: Buffer.from(verified.publicKey).toString('base64url'),
    counter: verified.counter,
    transports: verified.transports ?? [],
    aaguid,
    userVerified,
  };
}

/**
 * The origin in the credential's client data, if it has one that parses.
 * @param {Record<string, unknown>} credential
 * @returns {string | undefined}
 */
function clientOrigin(credential) {
  try {
    const response = /** @type {{ clientDataJSON?: unknown }} */ (credential.response);
    const data = JSON.parse(Buffer.from(String(response.clientDataJSON), 'base64url').toString('utf8'));
    return typeof data?.origin === 'string' ? data.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a browser could have reported `origin` for `rpID`: its host is the RP ID or below it, over https
 * (or http on localhost, as browsers allow).
 * @param {string} origin
 * @param {string} rpID
 */
function fitsRpID(origin, rpID) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const host = url.hostname;
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127\.0\.0\.1)$/.test(host));
  return secure && (host === rpID || host.endsWith(`.${rpID}`));
}

/**
 * The shape go-webauthn's parser insists on before any check.
 * @param {Record<string, unknown>} credential
 * @returns {credential is import('@simplewebauthn/server').RegistrationResponseJSON}
 */
function looksLikeRegistrationResponse(credential) {
  const { id, rawId, type, response } = credential;
  if (typeof id !== 'string' || typeof rawId !== 'string' || type !== 'public-key') return false;
  if (typeof response !== 'object' || response === null) return false;
  const { clientDataJSON, attestationObject } = /** @type {Record<string, unknown>} */ (response);
  return typeof clientDataJSON === 'string' && typeof attestationObject === 'string';
}

// @ts-check
/// <reference types="node" />
/**
 * A minimal software authenticator for Node tests: answers WebAuthn creation options with a real
 * `none` attestation (P-256 key, user present and, unless told otherwise, verified), so the mock's
 * verification runs for real without a browser. Plays a platform authenticator by default, or a
 * roaming security key (`securityKey()`): USB, cross-platform, presence only. Only what registration
 * needs; not a general CBOR encoder.
 */

import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * @typedef {{
 *   challenge: string,
 *   rp: { id?: string },
 * }} CreationOptionsJSON
 */

/**
 * @typedef {{
 *   id: string,
 *   rawId: string,
 *   type: 'public-key',
 *   response: { clientDataJSON: string, attestationObject: string, transports: string[] },
 *   clientExtensionResults: {},
 *   authenticatorAttachment: 'platform' | 'cross-platform',
 * }} RegistrationResponseJSON
 * @typedef {{
 *   origin: string,
 *   userVerified?: boolean,
 *   transports?: string[],
 *   authenticatorAttachment?: 'platform' | 'cross-platform',
 * }} AuthenticatorContext
 *   `userVerified` (default true) sets the UV flag; `transports` (default `['internal']`) and
 *   `authenticatorAttachment` (default `'platform'`) are what the browser reports.
 */

/**
 * Creates a credential as a browser would answer `navigator.credentials.create()`.
 * @param {CreationOptionsJSON} publicKey the unwrapped options
 * @param {AuthenticatorContext} context
 * @returns {RegistrationResponseJSON}
 */
export function createCredential(
  publicKey,
  { origin, userVerified = true, transports = ['internal'], authenticatorAttachment = 'platform' },
) {
  const rpId = publicKey.rp.id ?? new URL(origin).hostname;
  const credentialId = randomBytes(32);
  const { publicKey: key } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = key.export({ format: 'jwk' });
  const coseKey = cbor(
    new Map(
      /** @type {[number, number | Buffer][]} */ ([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(String(jwk.x), 'base64url')],
        [-3, Buffer.from(String(jwk.y), 'base64url')],
      ]),
    ),
  );
  const flags = 0x01 /* user present */ | (userVerified ? 0x04 : 0) | 0x40; /* attested data */
  const authData = Buffer.concat([
    createHash('sha256').update(rpId).digest(),
    Buffer.from([flags]),
    Buffer.alloc(4), // sign count 0
    Buffer.alloc(16), // AAGUID: none
    Buffer.from([credentialId.length >> 8, credentialId.length & 0xff]),
    credentialId,
    coseKey,
  ]);
  const clientDataJSON = Buffer.from(
    JSON.stringify({ type: 'webauthn.create', challenge: publicKey.challenge, origin, crossOrigin: false }),
  );
  const attestationObject = cbor(
    new Map(
      /** @type {[string, unknown][]} */ ([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    ),
  );
  const id = credentialId.toString('base64url');
  return {
    id,
    rawId: id,
    type: 'public-key',
    response: {
      clientDataJSON: clientDataJSON.toString('base64url'),
      attestationObject: attestationObject.toString('base64url'),
      transports,
    },
    clientExtensionResults: {},
    authenticatorAttachment,
  };
}

/**
 * A roaming security key as a second factor: USB, cross-platform, user present but not verified (no PIN).
 * @param {CreationOptionsJSON} publicKey the unwrapped options
 * @param {{ origin: string }} context
 */
export function createSecurityKeyCredential(publicKey, { origin }) {
  return createCredential(publicKey, {
    origin,
    userVerified: false,
    transports: ['usb'],
    authenticatorAttachment: 'cross-platform',
  });
}

/**
 * CBOR for the few types WebAuthn registration uses: integers, text, bytes and maps.
 * @param {unknown} value
 * @returns {Buffer}
 */
function cbor(value) {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, text.length), text]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    const entries = [...value].flatMap(([key, item]) => [cbor(key), cbor(item)]);
    return Buffer.concat([head(5, value.size), ...entries]);
  }
  throw new TypeError(`cannot encode ${typeof value} as CBOR`);
}

/**
 * @param {number} major
 * @param {number} length
 */
function head(major, length) {
  const type = major << 5;
  if (length < 24) return Buffer.from([type | length]);
  if (length < 0x100) return Buffer.from([type | 24, length]);
  if (length < 0x10000) return Buffer.from([type | 25, length >> 8, length & 0xff]);
  throw new RangeError('too long for this encoder');
}

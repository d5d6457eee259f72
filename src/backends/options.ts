import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialDescriptorJSON,
} from '@simplewebauthn/browser';
import { badResponse, isObject, type JsonObject } from './json.js';

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Returns `value` as unpadded base64url, accepting padded and standard base64 as well
 * (be liberal in what you accept); anything else is not binary data and yields `undefined`.
 */
export function toBase64Url(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let text = value;
  if (!BASE64URL.test(text)) {
    const unpadded = text.replace(/=+$/, '');
    if (!BASE64.test(text) && !BASE64URL.test(unpadded)) return undefined;
    text = unpadded.replace(/\+/g, '-').replace(/\//g, '_');
  }
  // Padding alone holds no byte, and a single character left over after groups of four cannot encode one.
  return text === '' || text.length % 4 === 1 ? undefined : text;
}

function requireBinary(value: unknown, name: string): string {
  const encoded = toBase64Url(value);
  if (encoded === undefined) throw badResponse(`has no valid base64url "${name}"`);
  return encoded;
}

function optionalString(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badResponse(`has a "${key}" that is not a string`);
  return value;
}

function descriptors(value: unknown): PublicKeyCredentialDescriptorJSON[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badResponse('has "excludeCredentials" that is not a list');
  return value.map((entry: unknown) => {
    if (!isObject(entry)) throw badResponse('has an "excludeCredentials" entry that is not an object');
    const transports = Array.isArray(entry.transports)
      ? entry.transports.filter((t): t is string => typeof t === 'string')
      : undefined;
    return {
      id: requireBinary(entry.id, 'excludeCredentials.id'),
      type: 'public-key',
      ...(transports ? { transports: transports as PublicKeyCredentialDescriptorJSON['transports'] } : {}),
    };
  });
}

/**
 * Turns ZITADEL's `publicKeyCredentialCreationOptions` into the options `startRegistration` takes.
 * ZITADEL wraps them as `{publicKey: {...}}`; one wrapper is unwrapped, none is accepted too, and a
 * JSON string is parsed. What WebAuthn cannot do without (challenge, rp, user) must be there, or the
 * answer is a `bad-response` — never a TypeError deep inside the browser call.
 */
export function normalizeCreationOptions(raw: unknown): PublicKeyCredentialCreationOptionsJSON {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badResponse('has creation options that are not JSON');
    }
  }
  if (!isObject(value)) throw badResponse('has no creation options object');
  const options = isObject(value.publicKey) ? value.publicKey : value;

  const challenge = requireBinary(options.challenge, 'challenge');

  const rp = options.rp;
  if (!isObject(rp)) throw badResponse('has creation options without "rp"');
  const rpName = optionalString(rp, 'name');
  const rpId = optionalString(rp, 'id');

  const user = options.user;
  if (!isObject(user)) throw badResponse('has creation options without "user"');
  const userName = optionalString(user, 'name');
  if (!userName) throw badResponse('has creation options without "user.name"');
  const displayName = optionalString(user, 'displayName') ?? userName;

  const params = options.pubKeyCredParams ?? [];
  if (!Array.isArray(params)) throw badResponse('has "pubKeyCredParams" that is not a list');
  const pubKeyCredParams = params.map((param: unknown) => {
    if (!isObject(param) || typeof param.alg !== 'number') {
      throw badResponse('has a "pubKeyCredParams" entry without a numeric "alg"');
    }
    return { type: 'public-key' as const, alg: param.alg };
  });

  const timeout = options.timeout;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0))) {
    throw badResponse('has a "timeout" that is not a positive number');
  }

  const result: PublicKeyCredentialCreationOptionsJSON = {
    challenge,
    rp: { name: rpName ?? rpId ?? '', ...(rpId ? { id: rpId } : {}) },
    user: { id: requireBinary(user.id, 'user.id'), name: userName, displayName },
    pubKeyCredParams,
  };
  const excludeCredentials = descriptors(options.excludeCredentials);
  if (excludeCredentials) result.excludeCredentials = excludeCredentials;
  if (typeof timeout === 'number') result.timeout = timeout;
  if (isObject(options.authenticatorSelection)) {
    result.authenticatorSelection =
      options.authenticatorSelection as PublicKeyCredentialCreationOptionsJSON['authenticatorSelection'];
  }
  const attestation = optionalString(options, 'attestation');
  if (attestation) {
    result.attestation = attestation as PublicKeyCredentialCreationOptionsJSON['attestation'];
  }
  if (isObject(options.extensions)) {
    result.extensions = options.extensions as PublicKeyCredentialCreationOptionsJSON['extensions'];
  }
  if (Array.isArray(options.hints)) {
    result.hints = options.hints.filter(
      (hint): hint is string => typeof hint === 'string',
    ) as PublicKeyCredentialCreationOptionsJSON['hints'];
  }
  return result;
}

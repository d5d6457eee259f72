import { RegistrationError } from '../core/errors.js';
import { isPathId, type HttpClient, type HttpRequest } from './http.js';
import type { ChangeDetails, CreatedLink, CreateLinkRequest, VerifiedRegistration } from './types.js';

/** Small readers for server answers: they either return the promised value or throw `bad-response`. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function badResponse(what: string): RegistrationError {
  return new RegistrationError('bad-response', `The server's answer ${what}`);
}

export function requireString(body: JsonObject, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw badResponse(`has no "${key}" string`);
  return value;
}

/**
 * An id the server handed out that the kit will put in a path (passkeyId, u2fId, webAuthNId, a listed
 * id): it must be one path segment, or a later verify or delete would go to another route (`..` turns
 * "delete this passkey" into "delete this user").
 */
export function requireId(body: JsonObject, key: string): string {
  const value = requireString(body, key);
  if (!isPathId(value)) throw badResponse(`has a "${key}" that cannot be a path segment`);
  return value;
}

/** `details` is informative: kept when it is an object, dropped otherwise, never a reason to fail. */
export function readDetails(body: JsonObject): ChangeDetails | undefined {
  return isObject(body.details) ? body.details : undefined;
}

/**
 * ZITADEL rejects a credential it cannot verify with INTERNAL (HTTP 500) and an error id of its WebAuthn
 * package, e.g. "Error on create credentials (WEBAU-3Vb9s)": that is the server saying no to the
 * credential, not the server failing, so the person is told verification failed.
 */
export function asVerificationFailure(error: unknown): unknown {
  if (
    error instanceof RegistrationError &&
    error.code === 'server' &&
    /\(WEBAU-[A-Za-z0-9]+\)\s*$/.test(error.serverMessage ?? '')
  ) {
    return new RegistrationError('verification-failed', error.message, {
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.grpcCode === undefined ? {} : { grpcCode: error.grpcCode }),
      ...(error.serverMessage === undefined ? {} : { serverMessage: error.serverMessage }),
      cause: error,
    });
  }
  return error;
}

/**
 * The verify step of v2 and v3alpha: POST the credential, read what changed; the server's refusal of the
 * credential is `verification-failed` (see `asVerificationFailure`).
 */
export async function verifyCredential(
  http: HttpClient,
  request: Omit<HttpRequest, 'method'>,
): Promise<VerifiedRegistration> {
  const body = await http
    .request({ method: 'POST', ...request })
    .catch((error: unknown) => Promise.reject(asVerificationFailure(error)));
  const details = readDetails(body);
  return details ? { details } : {};
}

/** The answer of CreatePasskeyRegistrationLink / CreateWebAuthNRegistrationLink: a code when asked for one. */
export function readCreatedLink(body: JsonObject, request: CreateLinkRequest): CreatedLink {
  const details = readDetails(body);
  if (request.delivery !== 'return') return details ? { details } : {};
  if (!isObject(body.code)) throw badResponse('has no "code" object for returnCode');
  return {
    code: { id: requireString(body.code, 'id'), code: requireString(body.code, 'code') },
    ...(details ? { details } : {}),
  };
}

/**
 * ZITADEL asks for `userVerification: "required"` when a security key is registered (RegisterU2F, or a
 * cross-platform WebAuthN authenticator on v3alpha), yet its verification does not check it (the pending
 * token does not keep the requirement). A second factor needs no PIN: asking for one would make keys
 * without a PIN fail and every other key prompt for it. So the kit asks for none.
 */
export function withoutUserVerification(options: unknown): unknown {
  if (!isObject(options)) return options;
  const wrapped = isObject(options.publicKey);
  const publicKey = wrapped ? (options.publicKey as JsonObject) : options;
  const selection = isObject(publicKey.authenticatorSelection) ? publicKey.authenticatorSelection : {};
  const patched = { ...publicKey, authenticatorSelection: { ...selection, userVerification: 'discouraged' } };
  return wrapped ? { ...options, publicKey: patched } : patched;
}

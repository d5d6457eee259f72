import {
  WebAuthnAbortService,
  browserSupportsWebAuthn,
  startRegistration as createCredential,
} from '@simplewebauthn/browser';
import { normalizeCreationOptions } from '../../backends/options.js';
import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationBackend,
  RegistrationResponseJSON,
  StartRegistrationRequest,
} from '../../backends/types.js';
import { RegistrationError, isRegistrationError, type ErrorCode } from '../../core/errors.js';
import { aaguidOf, providerName } from './provider-name.js';
import { signalUnknownCredential } from './unknown-credential.js';
import { requireMethod } from '../shared/backend-methods.js';
import type { RegistrationSuccessDetail } from './events.js';

/** The steps a ceremony reports while it runs; `success` and `error` are the element's to set. */
export type CeremonyStage = 'starting' | 'prompting' | 'verifying';

/** What a stage tells beyond its name: how long the browser's prompt may stay open. */
export interface StageDetail {
  /** With `prompting`: the creation options' `timeout` in milliseconds, where the server gave one. */
  timeoutMs?: number;
}

/** Called as the ceremony moves on to a stage. */
export type StageListener = (stage: CeremonyStage, detail?: StageDetail) => void;

export interface CeremonyRequest extends StartRegistrationRequest {
  /** The name stored with the credential. */
  name: string;
  /** WebAuthn hints that make the browser open the right picker, unless the server sent its own. */
  hints?: PublicKeyCredentialHint[];
  /**
   * `name` is only a fallback: name the credential after its passkey provider ("iCloud Keychain",
   * "Windows Hello"), found from the authenticator's AAGUID, where the provider is known.
   */
  nameFromProvider?: boolean;
}

/** What a registration ends with: what `register()` resolves with and the success event carries. */
export type RegistrationResult = RegistrationSuccessDetail;

/** DOMException names of `navigator.credentials.create()` and what they mean to the person. */
const WEBAUTHN_ERRORS = new Map<string, ErrorCode>(
  Object.entries({
    NotAllowedError: 'cancelled',
    InvalidStateError: 'already-registered',
    SecurityError: 'security',
    NotSupportedError: 'unsupported',
    // The authenticator cannot keep a discoverable credential or verify the user.
    ConstraintError: 'unsupported',
    AbortError: 'aborted',
    // The options reached the browser but it could not use them: the server's fault.
    TypeError: 'bad-response',
  } satisfies Record<string, ErrorCode>),
);

export function webAuthnErrorCode(error: unknown): ErrorCode {
  const name = error instanceof Error ? error.name : '';
  return WEBAUTHN_ERRORS.get(name) ?? 'unsupported';
}

/**
 * A refusal faster than this cannot be a person's: nobody sees a prompt, reads it and dismisses it in half
 * a second. (Firefox on Linux refuses `authenticatorAttachment: "platform"` within a few milliseconds.)
 */
export const REFUSED_AT_ONCE_MS = 500;

/**
 * `NotAllowedError` means "cancelled or timed out", unless the options asked for a platform authenticator
 * and the browser refused before anyone could have answered a prompt: then this browser has no passkey
 * provider on this device for that choice (Firefox on Linux has none at all). That is `unsupported` —
 * trying again gets the same answer; another browser or device, or another choice of authenticator, helps.
 * Its cause stays the `NotAllowedError`, which is how the element tells it from other `unsupported`s.
 */
function refusedPlatform(
  error: unknown,
  optionsJSON: PublicKeyCredentialCreationOptionsJSON,
  elapsedMs: number,
): boolean {
  return (
    error instanceof Error &&
    error.name === 'NotAllowedError' &&
    optionsJSON.authenticatorSelection?.authenticatorAttachment === 'platform' &&
    elapsedMs < REFUSED_AT_ONCE_MS
  );
}

/**
 * The `cancelled` errors of prompts the browser refused at once, with no platform asked for
 * (`NotAllowedError` within `REFUSED_AT_ONCE_MS`): no person answered them. One may pass (a page that lost
 * the focus); in-app browsers built on iOS's WKWebView refuse every prompt so. A second in a row on a link's
 * registration is the driver's to call this browser's refusal (`registration-driver.ts`).
 */
export const refusedAtOnce = new WeakSet<RegistrationError>();

function aborted(step: string): RegistrationError {
  return new RegistrationError('aborted', `The registration was aborted ${step}`);
}

async function prompt(
  optionsJSON: PublicKeyCredentialCreationOptionsJSON,
  signal: AbortSignal,
): Promise<RegistrationResponseJSON> {
  // @simplewebauthn/browser owns the AbortController of the browser prompt; ask it to cancel.
  const cancel = () => WebAuthnAbortService.cancelCeremony();
  signal.addEventListener('abort', cancel, { once: true });
  const started = performance.now();
  try {
    return await createCredential({ optionsJSON });
  } catch (error) {
    if (signal.aborted) throw aborted('during the prompt');
    const elapsedMs = performance.now() - started;
    const code = refusedPlatform(error, optionsJSON, elapsedMs) ? 'unsupported' : webAuthnErrorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    const failure = new RegistrationError(code, `navigator.credentials.create() failed: ${message}`, {
      cause: error,
    });
    if (code === 'cancelled' && elapsedMs < REFUSED_AT_ONCE_MS) refusedAtOnce.add(failure);
    throw failure;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/**
 * An HTTP error's code says what the status means in general; here the step says what it means for the
 * person. A 400/404 answered to a request that carried a link's code means the code is wrong, used or
 * expired (ZITADEL answers INVALID_ARGUMENT or FAILED_PRECONDITION); at the verify step it means the
 * server refused the credential.
 */
function refine(error: unknown, step: 'start' | 'verify', hasCode: boolean): unknown {
  if (!isRegistrationError(error)) return error;
  if (error.code !== 'invalid-input' && error.code !== 'not-found') return error;
  if (step === 'start' && !hasCode) return error;
  const { status, grpcCode, serverMessage } = error;
  // The constructor leaves out what is undefined.
  return new RegistrationError(step === 'start' ? 'invalid-code' : 'verification-failed', error.message, {
    status,
    grpcCode,
    serverMessage,
    cause: error,
  });
}

/** A started registration: the server's id and the options to hand the browser, good until `expiresAt`. */
export interface PreparedRegistration {
  id: string;
  optionsJSON: PublicKeyCredentialCreationOptionsJSON;
  /** Epoch milliseconds after which the options should not be used (their `timeout`, less a margin). */
  expiresAt: number;
}

/** Default WebAuthn timeout when the server gives none, and the margin kept before it ends. */
const DEFAULT_OPTIONS_TIMEOUT_MS = 300_000;
const EXPIRY_MARGIN_MS = 15_000;

function checkCapable(backend: RegistrationBackend) {
  requireMethod(backend, 'startRegistration');
  requireMethod(backend, 'verifyRegistration');
  const { startRegistration, verifyRegistration } = backend;
  if (!browserSupportsWebAuthn()) {
    throw new RegistrationError('unsupported', 'WebAuthn is not available in this browser or context');
  }
  return { startRegistration, verifyRegistration };
}

/** Step one: the server starts the registration and issues a challenge. */
export async function prepareRegistration(
  backend: RegistrationBackend,
  request: CeremonyRequest,
  signal: AbortSignal,
): Promise<PreparedRegistration> {
  const { startRegistration } = checkCapable(backend);
  if (signal.aborted) throw aborted('before it started');
  const { name: _name, hints: _hints, nameFromProvider: _fromProvider, ...startRequest } = request;
  let started;
  try {
    started = await startRegistration.call(backend, startRequest, signal);
  } catch (error) {
    throw refine(error, 'start', request.code !== undefined);
  }
  const optionsJSON = normalizeCreationOptions(started.options);
  if (signal.aborted) throw aborted('after it started');
  const lifetime = optionsJSON.timeout ?? DEFAULT_OPTIONS_TIMEOUT_MS;
  return {
    id: started.id,
    optionsJSON,
    expiresAt: Date.now() + Math.max(lifetime - EXPIRY_MARGIN_MS, lifetime / 2),
  };
}

/**
 * Steps two and three: the browser creates the credential, the server verifies it. With options at hand
 * this calls `navigator.credentials.create()` synchronously — inside the click's user gesture, which is
 * what Safari needs to show the prompt reliably. A failure after the prompt returned a credential the
 * server did not store has that credential signalled as unknown (see `forgetOrphan`).
 */
export async function completeRegistration(
  backend: RegistrationBackend,
  request: CeremonyRequest,
  prepared: PreparedRegistration,
  signal: AbortSignal,
  onStage: StageListener = () => {},
): Promise<RegistrationResult> {
  const { verifyRegistration } = checkCapable(backend);
  if (signal.aborted) throw aborted('before the prompt');
  const { timeout } = prepared.optionsJSON;
  onStage('prompting', timeout && timeout > 0 ? { timeoutMs: timeout } : {});
  // The hints of this run (options may have been prepared before it: a prefetch, a link's kept start), so
  // the browser's picker follows the click; hints the server sent win.
  const options =
    request.hints?.length && !prepared.optionsJSON.hints?.length
      ? { ...prepared.optionsJSON, hints: request.hints }
      : prepared.optionsJSON;
  const credential = await prompt(options, signal);
  // (Not shorthand: the manifest's analyzer takes `{ prepared }` for a module variable.)
  const orphan: Orphan = { registration: prepared, response: credential, verifySent: false };
  if (signal.aborted) throw await forgetOrphan(aborted('after the prompt'), orphan);
  const name = (request.nameFromProvider && providerName(aaguidOf(credential))) || request.name;

  onStage('verifying');
  const verification = {
    kind: request.kind,
    userId: request.userId,
    id: prepared.id,
    name,
    credential,
    ...(request.code ? { code: request.code } : {}),
  };
  const verify = async () => {
    try {
      return await verifyRegistration.call(backend, verification, signal);
    } catch (error) {
      throw refine(error, 'verify', request.code !== undefined);
    }
  };
  let verified;
  try {
    orphan.verifySent = true;
    verified = await verify();
  } catch (error) {
    if (!isRegistrationError(error)) throw error;
    // Sent, and not answered by the server's decision: ask again rather than guess.
    if (!unanswered(error) || signal.aborted) throw await forgetOrphan(error, orphan);
    verified = await verifyAgain(verify, error, orphan);
  }
  // The server confirmed the credential: whatever happens now, it is never signalled.
  if (signal.aborted) throw aborted('after verification');

  return {
    kind: request.kind,
    userId: request.userId,
    id: prepared.id,
    name,
    credential,
    details: verified.details,
  };
}

/** A credential the authenticator made, and whether the server may have seen it. */
interface Orphan {
  registration: PreparedRegistration;
  /** The new credential, as the browser returned it. */
  response: RegistrationResponseJSON;
  /** The verify was handed to the backend: from then on it may have reached the server. */
  verifySent: boolean;
}

/**
 * Whether a verify left and got no verdict: a 5xx, 408 or 409 (which may come after the work was done) or no
 * answer (a failed fetch, a timeout). The server's verdict on the credential (`verification-failed`, also
 * ZITADEL's 500 `WEBAU-…`), a 4xx, or a request refused before it left is an answer.
 */
function unanswered({ code, status }: RegistrationError): boolean {
  if (code === 'verification-failed') return false;
  return status ? status >= 500 || status === 408 || status === 409 : code === 'network' || code === 'server';
}

/**
 * Whether a failed verify may still have stored the credential: one unanswered, one answered 2xx with a body
 * it cannot read (`bad-response`), or one aborted while under way. Anything else says it was not stored.
 */
function mayHaveStored(error: RegistrationError): boolean {
  return error.code === 'aborted' || error.code === 'bad-response' || unanswered(error);
}

/**
 * After a verify whose outcome is unknown, the same verify once more: ZITADEL verifies the user's pending
 * registration, strongly consistent. If the first verify never arrived or failed before storing, the second
 * stores the credential, and the registration succeeds. If the first stored it, nothing is pending any more
 * and the second is refused as not pending (500 `WEBAU-5M9so`, the proxy's 404) — the credential works, so it
 * is never signalled, and the first failure is reported. Only a refusal of the credential itself (a 400, a
 * `verification-failed` other than "nothing pending") has it signalled. The user's authenticators are not
 * read instead: ZITADEL's lists come from a projection that lags its writes, so a passkey just stored may be
 * missing from them.
 */
async function verifyAgain<T>(
  verify: () => Promise<T>,
  first: RegistrationError,
  orphan: Orphan,
): Promise<T> {
  try {
    return await verify();
  } catch (error) {
    if (!isRegistrationError(error)) throw first;
    if (error.code === 'aborted') throw error;
    if (mayHaveStored(error) || nothingPending(error)) throw first;
    throw await forgetOrphan(error, orphan);
  }
}

/** ZITADEL's refusal of a verify with no registration of its kind pending: 500 `WEBAU-5M9so`, the proxy's 404. */
function nothingPending({ status, serverMessage }: RegistrationError): boolean {
  return status === 404 || /\(WEBAU-5M9so\)/.test(serverMessage ?? '');
}

/**
 * Signals the new credential as unknown to the passkey provider when the failure means the server does
 * not have it, so the person's password manager keeps no passkey that cannot sign in; returns the error,
 * with `orphanRemoved` where a signal was due. Before the verify was sent, the server never saw the
 * credential; after, only a failure that says it was not stored (`mayHaveStored` false) is signalled — a
 * wrong signal would hide a working passkey, worse than an orphan. Never after a 2xx (`bad-response`) or an
 * abort while the verify was under way.
 */
async function forgetOrphan(error: RegistrationError, orphan: Orphan): Promise<RegistrationError> {
  if (orphan.verifySent && mayHaveStored(error)) return error;
  const rpId = orphan.registration.optionsJSON.rp.id || location.hostname;
  error.orphanRemoved = await signalUnknownCredential(rpId, orphan.response.id);
  return error;
}

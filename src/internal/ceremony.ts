import {
  WebAuthnAbortService,
  browserSupportsWebAuthn,
  startRegistration as createCredential,
} from '@simplewebauthn/browser';
import { normalizeCreationOptions } from '../backends/options.js';
import type { PublicKeyCredentialHint } from '@simplewebauthn/browser';
import type {
  ChangeDetails,
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationBackend,
  RegistrationResponseJSON,
  StartRegistrationRequest,
} from '../backends/types.js';
import { RegistrationError, isRegistrationError, type ErrorCode } from './errors.js';

/** The steps a ceremony reports while it runs; `success` and `error` are the element's to set. */
export type CeremonyStage = 'starting' | 'prompting' | 'verifying';

export interface CeremonyRequest extends StartRegistrationRequest {
  /** The name stored with the credential. */
  name: string;
  /** WebAuthn hints that make the browser open the right picker, unless the server sent its own. */
  hints?: PublicKeyCredentialHint[];
}

export interface RegistrationResult {
  kind: StartRegistrationRequest['kind'];
  userId: string;
  /** The server's id of the new credential (passkeyId, u2fId, webAuthNId). */
  id: string;
  name: string;
  credential: RegistrationResponseJSON;
  details: ChangeDetails | undefined;
}

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
  try {
    return await createCredential({ optionsJSON });
  } catch (error) {
    if (signal.aborted) throw aborted('during the prompt');
    const code = webAuthnErrorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new RegistrationError(code, `navigator.credentials.create() failed: ${message}`, {
      cause: error,
    });
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
  const code: ErrorCode = step === 'start' ? 'invalid-code' : 'verification-failed';
  return new RegistrationError(code, error.message, {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.grpcCode === undefined ? {} : { grpcCode: error.grpcCode }),
    ...(error.serverMessage === undefined ? {} : { serverMessage: error.serverMessage }),
    cause: error,
  });
}

/**
 * The whole registration: start at the backend, create the credential in the browser, verify at the
 * backend. Knows neither the DOM nor ZITADEL's paths. Rejects with a `RegistrationError` only.
 */
export async function runRegistration(
  backend: RegistrationBackend,
  request: CeremonyRequest,
  signal: AbortSignal,
  onStage: (stage: CeremonyStage) => void = () => {},
): Promise<RegistrationResult> {
  const { startRegistration, verifyRegistration } = backend;
  if (!startRegistration || !verifyRegistration) {
    throw new RegistrationError('unsupported', `${backend.label} cannot register ${request.kind}s`, {
      api: backend.label,
    });
  }
  if (!browserSupportsWebAuthn()) {
    throw new RegistrationError('unsupported', 'WebAuthn is not available in this browser or context');
  }
  if (signal.aborted) throw aborted('before it started');

  const { name, hints, ...startRequest } = request;
  const hasCode = request.code !== undefined;
  onStage('starting');
  let started;
  try {
    started = await startRegistration.call(backend, startRequest, signal);
  } catch (error) {
    throw refine(error, 'start', hasCode);
  }
  const optionsJSON = normalizeCreationOptions(started.options);
  if (hints?.length && !optionsJSON.hints?.length) optionsJSON.hints = hints;
  if (signal.aborted) throw aborted('after it started');

  onStage('prompting');
  const credential = await prompt(optionsJSON, signal);
  if (signal.aborted) throw aborted('after the prompt');

  onStage('verifying');
  let verified;
  try {
    verified = await verifyRegistration.call(
      backend,
      {
        kind: request.kind,
        userId: request.userId,
        id: started.id,
        name,
        credential,
        ...(request.code ? { code: request.code } : {}),
      },
      signal,
    );
  } catch (error) {
    throw refine(error, 'verify', hasCode);
  }
  if (signal.aborted) throw aborted('after verification');

  return {
    kind: request.kind,
    userId: request.userId,
    id: started.id,
    name,
    credential,
    details: verified.details,
  };
}

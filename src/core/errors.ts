/**
 * The kit's errors: the one error class, its codes and how an HTTP answer maps to them. Neutral ground:
 * the backends, the messages and the elements import it; it imports nothing of the kit.
 */
/** What went wrong, in the words of the public contract (`registration-error`, `link-error`, `list-error`). */
export const ERROR_CODES = [
  'cancelled',
  'already-registered',
  'unsupported',
  'security',
  'aborted',
  'invalid-code',
  'unauthenticated',
  'forbidden',
  'not-found',
  'invalid-input',
  'verification-failed',
  'bad-response',
  'network',
  'server',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RegistrationErrorInit {
  status?: number;
  grpcCode?: number;
  /** The server's own message (e.g. ZITADEL's), for developers; never shown as HTML. */
  serverMessage?: string;
  /** For `unsupported`: the API that lacks the capability, named in the message shown. */
  api?: string;
  cause?: unknown;
}

/**
 * A failure as a value: every error the kit produces is one of these, with a code from the contract.
 * The `message` here is for developers (English, technical); elements show a localized message instead.
 */
export class RegistrationError extends Error {
  override readonly name = 'RegistrationError';
  readonly code: ErrorCode;
  readonly status?: number;
  readonly grpcCode?: number;
  readonly serverMessage?: string;
  readonly api?: string;
  /**
   * Set by the ceremony after the authenticator made a credential the server did not store: `true` when the
   * browser was told to forget it (WebAuthn `signalUnknownCredential`), `false` when it could not be.
   */
  orphanRemoved?: boolean;

  constructor(code: ErrorCode, message: string, init: RegistrationErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    if (init.status !== undefined) this.status = init.status;
    if (init.grpcCode !== undefined) this.grpcCode = init.grpcCode;
    if (init.serverMessage !== undefined) this.serverMessage = init.serverMessage;
    if (init.api !== undefined) this.api = init.api;
  }
}

export function isRegistrationError(value: unknown): value is RegistrationError {
  return value instanceof RegistrationError;
}

/** Any thrown value as a `RegistrationError`: one already stays as it is, anything else gets `fallback`. */
export function toRegistrationError(error: unknown, fallback: ErrorCode = 'server'): RegistrationError {
  if (error instanceof RegistrationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RegistrationError(fallback, message, { cause: error });
}

/** gRPC status codes as grpc-gateway sends them in error bodies. */
const GRPC_ERROR_CODES: Readonly<Record<number, ErrorCode>> = {
  3: 'invalid-input', // INVALID_ARGUMENT
  5: 'not-found', // NOT_FOUND
  7: 'forbidden', // PERMISSION_DENIED
  9: 'invalid-input', // FAILED_PRECONDITION
  11: 'invalid-input', // OUT_OF_RANGE
  12: 'unsupported', // UNIMPLEMENTED (ZITADEL's gateway answers a wrong method with 405 and this code)
  16: 'unauthenticated', // UNAUTHENTICATED
};

/**
 * Maps an HTTP answer to an error code. The HTTP status decides; the gRPC code in the body only
 * refines a 4xx without a meaning of its own (a proxy may rewrite statuses, but never into a 4xx that
 * means something else). 501 is UNIMPLEMENTED: this server does not offer the API (ZITADEL v4 answers
 * every v3alpha WebAuthN call so), which no retry changes.
 */
export function errorCodeForStatus(status: number, grpcCode?: number): ErrorCode {
  switch (status) {
    case 400:
      return 'invalid-input';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 501:
      return 'unsupported';
    default:
      if (status >= 400 && status < 500 && status !== 429 && grpcCode !== undefined) {
        return Object.hasOwn(GRPC_ERROR_CODES, grpcCode)
          ? (GRPC_ERROR_CODES[grpcCode] ?? 'server')
          : 'server';
      }
      return 'server';
  }
}

// @ts-check
/**
 * Errors as ZITADEL's grpc-gateway sends them: `{code, message, details}` with the gRPC code in the body
 * and the HTTP status derived from it.
 *
 * Two shapes exist in the real server, and the mock keeps both apart:
 * - ZITADEL's own errors carry an id: the message is `"<translated text> (<id>)"` and `details` holds one
 *   `zitadel.v1.ErrorDetail` with the id and the text (see `ZITADELToGRPCError` in ZITADEL).
 * - Errors raised before ZITADEL's code runs (grpc-gateway routing and JSON decoding, the auth header
 *   check, protoc-gen-validate rules, grpc's unimplemented handlers) carry a bare message and no details.
 *   The gateway writes `google.rpc.Status` with protojson, which leaves an empty list out: such a body has
 *   no `details` key at all (`{"code":16,"message":"auth header missing"}`).
 */

export const GrpcCode = Object.freeze({
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
});

/** grpc-gateway's mapping of gRPC codes to HTTP statuses (`runtime.HTTPStatusFromCode`). */
const HTTP_STATUS_BY_GRPC_CODE = new Map(
  /** @type {[number, number][]} */ ([
    [GrpcCode.INVALID_ARGUMENT, 400],
    [GrpcCode.FAILED_PRECONDITION, 400],
    [GrpcCode.OUT_OF_RANGE, 400],
    [GrpcCode.UNAUTHENTICATED, 401],
    [GrpcCode.PERMISSION_DENIED, 403],
    [GrpcCode.NOT_FOUND, 404],
    [GrpcCode.ALREADY_EXISTS, 409],
    [GrpcCode.ABORTED, 409],
    [GrpcCode.RESOURCE_EXHAUSTED, 429],
    [GrpcCode.UNIMPLEMENTED, 501],
    [GrpcCode.UNAVAILABLE, 503],
    [GrpcCode.DEADLINE_EXCEEDED, 504],
  ]),
);

/** @param {number} grpcCode */
export function httpStatusForGrpcCode(grpcCode) {
  return HTTP_STATUS_BY_GRPC_CODE.get(grpcCode) ?? 500;
}

/**
 * The gRPC code a status most likely came from; used only to give injected faults a plausible body.
 * @param {number} status
 */
export function grpcCodeForHttpStatus(status) {
  for (const [code, mapped] of HTTP_STATUS_BY_GRPC_CODE) if (mapped === status) return code;
  return status >= 500 ? GrpcCode.INTERNAL : GrpcCode.UNKNOWN;
}

/**
 * @typedef {{ '@type': string, id: string, message: string }} ErrorDetail
 * @typedef {{ code: number, message: string, details?: ErrorDetail[] }} ErrorBody
 */

/** An API failure that the mock answers with; handlers throw it. */
export class ApiError extends Error {
  /**
   * @param {number} grpcCode
   * @param {string} message the whole message as sent
   * @param {ErrorDetail[]} [details]
   * @param {number} [httpStatus] only where the gateway sends another status than the code's (405)
   */
  constructor(grpcCode, message, details = [], httpStatus = httpStatusForGrpcCode(grpcCode)) {
    super(message);
    this.name = 'ApiError';
    this.grpcCode = grpcCode;
    this.details = details;
    this.status = httpStatus;
  }

  /**
   * As protojson writes `google.rpc.Status`: an empty `details` is a zero value and left out.
   * @returns {ErrorBody}
   */
  toJSON() {
    return {
      code: this.grpcCode,
      message: this.message,
      ...(this.details.length ? { details: this.details } : {}),
    };
  }
}

/**
 * One of ZITADEL's own errors, e.g. `zitadelError(GrpcCode.NOT_FOUND, 'COMMAND-uXHNj', 'User could not
 * be found')`. `text` is what ZITADEL's English translation of the error key says.
 * @param {number} grpcCode
 * @param {string} id
 * @param {string} text
 */
export function zitadelError(grpcCode, id, text) {
  return new ApiError(grpcCode, `${text} (${id})`, [
    { '@type': 'type.googleapis.com/zitadel.v1.ErrorDetail', id, message: text },
  ]);
}

/**
 * An error raised outside ZITADEL's own code (gateway, interceptors, validation rules).
 * @param {number} grpcCode
 * @param {string} message
 */
export function gatewayError(grpcCode, message) {
  return new ApiError(grpcCode, message);
}

/**
 * The ZITADEL errors the mock raises, in one place so every API generation answers alike. Ids are
 * ZITADEL's where its source was checked (noted), else stand-ins of the same shape.
 */
export const Errors = Object.freeze({
  /** `authorize()` when no Authorization header came (no id, no details, as in ZITADEL). */
  authHeaderMissing: () => gatewayError(GrpcCode.UNAUTHENTICATED, 'auth header missing'),
  /** Authorization header without the `Bearer ` prefix (authz `verifyAccessToken`). */
  authHeaderInvalid: () => zitadelError(GrpcCode.UNAUTHENTICATED, 'AUTH-7fs1e', 'invalid auth header'),
  tokenInvalid: () => zitadelError(GrpcCode.UNAUTHENTICATED, 'AUTH-7fs1e', 'Token is invalid'),
  /** A permission such as user.passkey.write is missing (authz `checkUserPermissions`). */
  permissionMissing: () =>
    zitadelError(GrpcCode.PERMISSION_DENIED, 'AUTH-5mWD2', 'No matching permissions found'),
  /**
   * Acting on another user's credentials without user.credential.write: the command layer's permission
   * check (`checkPermissionUpdateUserCredentials`, authz `CheckPermission`), ZITADEL v2.66 and later.
   */
  credentialPermissionMissing: () =>
    zitadelError(GrpcCode.PERMISSION_DENIED, 'AUTH-AWfge', 'No matching permissions found'),
  /** Acting on another user without user.write (authz `UserIDInCTX`). */
  otherUser: () =>
    zitadelError(GrpcCode.PERMISSION_DENIED, 'AUTH-Bohd2', 'Request user not equal to authenticated user'),
  userNotFound: () => zitadelError(GrpcCode.NOT_FOUND, 'COMMAND-uXHNj', 'User could not be found'),
  /**
   * Any problem with a registration code: unknown, wrong, used or expired. ZITADEL wraps the cause
   * (e.g. CODE-QvUQ4P "Code is expired") in this one InvalidArgument error, and only the outer error
   * reaches the client (`verifyUserPasskeyCode`).
   */
  codeInvalid: () => zitadelError(GrpcCode.INVALID_ARGUMENT, 'COMMAND-Eeb2a', 'Code is invalid'),
  /**
   * Verifying a registration that is not pending: never started, or already verified. ZITADEL's
   * `FinishRegistration` gets no pending token and throws Internal (internal/webauthn/webauthn.go,
   * `Errors.User.WebAuthN.NotFound`); on every API, so HTTP 500.
   */
  webAuthNNotFound: () => zitadelError(GrpcCode.INTERNAL, 'WEBAU-5M9so', 'WebAuthN Token could not be found'),
  /** Removing an authenticator the user does not have, or has removed (`removeHumanWebAuthN`). */
  authenticatorNotFound: () =>
    zitadelError(GrpcCode.NOT_FOUND, 'COMMAND-DAfb2', 'WebAuthN Token could not be found'),
  /**
   * v3alpha's `instance` names another instance. ZITADEL's instance interceptor answers with a plain gRPC
   * status (no ErrorDetail, no id suffix) wrapping the query's error (`addInstanceByDomain` / `ByID`).
   */
  instanceNotFound: (/** @type {'domain' | 'id'} */ by, /** @type {string} */ value) =>
    gatewayError(
      GrpcCode.NOT_FOUND,
      `unable to set instance using ${by} ${value}: ID=QUERY-1kIjX Message=Instance not found. ` +
        'Make sure you got the domain right. Check out https://zitadel.com/docs/apis/introduction#domains',
    ),
  /** The credential is not even a credential (webauthn `FinishRegistration`: Internal). */
  credentialUnparsable: () =>
    zitadelError(GrpcCode.INTERNAL, 'WEBAU-sEr8c', 'Error on parse credential data'),
  /** The credential failed verification (webauthn `FinishRegistration`: Internal, so HTTP 500). */
  credentialRejected: () => zitadelError(GrpcCode.INTERNAL, 'WEBAU-3Vb9s', 'Error on create credentials'),
  /** `urlTemplate` does not parse (DOMAIN-oGh5e) or names an unknown field (DOMAIN-ieYa7). */
  urlTemplateInvalid: (/** @type {'parse' | 'execute'} */ stage) =>
    zitadelError(
      GrpcCode.INVALID_ARGUMENT,
      stage === 'parse' ? 'DOMAIN-oGh5e' : 'DOMAIN-ieYa7',
      'URL Template is invalid',
    ),
  /** grpc-gateway: no route for the path. */
  routeNotFound: () => gatewayError(GrpcCode.NOT_FOUND, 'Not Found'),
  /**
   * grpc-gateway: the path exists for another method. Its routing error handler answers HTTP 405 with
   * the gRPC code UNIMPLEMENTED in the body (`runtime.DefaultRoutingErrorHandler`).
   */
  methodNotAllowed: () => new ApiError(GrpcCode.UNIMPLEMENTED, 'Method Not Allowed', [], 405),
  /**
   * grpc's generated `Unimplemented…Server`: what ZITADEL v4 answers for v3alpha's WebAuthN rpcs and
   * GetUser, after its interceptors (instance, token, validation) have run.
   */
  unimplemented: (/** @type {string} */ rpc) =>
    gatewayError(GrpcCode.UNIMPLEMENTED, `method ${rpc} not implemented`),
  /** grpc's default maximum message size (4 MiB) exceeded. */
  messageTooLarge: (/** @type {number} */ size, /** @type {number} */ limit) =>
    gatewayError(
      GrpcCode.RESOURCE_EXHAUSTED,
      `grpc: received message larger than max (${size} vs. ${limit})`,
    ),
  internal: () => zitadelError(GrpcCode.INTERNAL, 'MOCK-1nt3r', 'An internal error occurred'),
});

/**
 * Wrong use of the mock itself (a bad control request or option), as opposed to an API error it plays.
 * The control endpoints answer it with 400 `{error}`; programmatic callers get it thrown.
 */
export class MockUsageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'MockUsageError';
  }
}

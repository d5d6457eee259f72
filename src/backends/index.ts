import { RegistrationError } from '../core/errors.js';
import type { ApiGeneration, BackendConfig, RegistrationBackend } from './types.js';
import { zitadelV1 } from './zitadel-v1.js';
import { zitadelV2 } from './zitadel-v2.js';
import { zitadelV3alpha } from './zitadel-v3alpha.js';

export * from './types.js';
export { createHttpClient, joinUrl, DEFAULT_TIMEOUT_MS } from './http.js';
export type { HttpClient, HttpRequest } from './http.js';
export { normalizeCreationOptions, toBase64Url } from './options.js';
export { zitadelV1 } from './zitadel-v1.js';
export { zitadelV2 } from './zitadel-v2.js';
export { zitadelV3alpha } from './zitadel-v3alpha.js';
export { RegistrationError, errorCodeForStatus, isRegistrationError } from '../core/errors.js';
export type { ErrorCode } from '../core/errors.js';

/** Builds the ZITADEL backend for an API generation from the shared configuration. */
export function zitadelBackend(api: ApiGeneration, config: BackendConfig): RegistrationBackend {
  switch (api) {
    case 'v2':
      return zitadelV2(config);
    case 'v3alpha':
      return zitadelV3alpha(config);
    case 'v1':
      return zitadelV1(config);
    default:
      throw new RegistrationError('invalid-input', `Unknown API generation "${String(api)}"`);
  }
}

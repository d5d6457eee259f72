import type { BackendConfig, RegistrationBackend } from './types.js';

/**
 * ZITADEL's management API v1. It registers nothing itself (registration happens on ZITADEL's login
 * page); it only serves registration links, which the link element uses.
 */
export function zitadelV1(_config: BackendConfig = {}): RegistrationBackend {
  return { label: 'ZITADEL management v1' };
}

// @ts-check
/**
 * The mock's settings and the shape of its request log: free of Node imports, so browser tests can
 * import these types (`test/support/mock-api.ts`) without pulling Node's in.
 */

import { MockUsageError } from './errors.js';

export const CONFIG_KEYS = /** @type {const} */ (['codeTtlMs', 'latencyMs', 'v3alpha']);
export const V3ALPHA_MODES = /** @type {const} */ (['unimplemented', 'implemented']);

/**
 * @typedef {typeof V3ALPHA_MODES[number]} V3alphaMode
 *   `unimplemented` (the default): v3alpha's WebAuthN rpcs and GetUser answer 501 as ZITADEL v4 does;
 *   `implemented`: they answer as the protos describe.
 * @typedef {{ codeTtlMs: number, latencyMs: number, v3alpha: V3alphaMode }} MockConfig
 */

/**
 * One API request as received, for tests to assert on. Tokens are never kept: `tokenOwner` names whose
 * token it was (`null` without a header, `'unknown'` for a token the mock does not know). `headers.host`
 * tells which origin a request was sent to when the mock answers on several (localhost and 127.0.0.1).
 * `query` holds one value as a string, a repeated parameter as a list.
 * @typedef {{
 *   rpc: string | null,
 *   method: string,
 *   path: string,
 *   query: Record<string, string | string[]>,
 *   headers: { host?: string, origin?: string, 'content-type'?: string, 'x-zitadel-orgid'?: string },
 *   hasAuthorization: boolean,
 *   tokenOwner: string | null,
 *   body: unknown,
 * }} LoggedRequest
 */

/**
 * Applies config changes, checking each; unknown keys are the caller's to refuse.
 * @param {MockConfig} base
 * @param {Partial<Record<keyof MockConfig, unknown>>} changes
 * @returns {MockConfig}
 */
export function checkConfig(base, changes) {
  const next = { ...base };
  for (const key of CONFIG_KEYS) {
    const value = changes[key];
    if (value === undefined) continue;
    if (key === 'v3alpha') {
      const modes = /** @type {readonly unknown[]} */ (V3ALPHA_MODES);
      if (!modes.includes(value)) {
        throw new MockUsageError(`v3alpha must be one of ${V3ALPHA_MODES.join(', ')}`);
      }
      next.v3alpha = /** @type {V3alphaMode} */ (value);
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new MockUsageError(`${key} must be a number ≥ 0`);
    } else {
      next[key] = value;
    }
  }
  return next;
}

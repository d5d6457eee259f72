/** Milliseconds a request may take before it fails with `network`, unless configured. */
export const DEFAULT_TIMEOUT_MS = 30_000;

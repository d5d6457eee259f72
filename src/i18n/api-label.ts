/**
 * The API generation in an adapter's label ("ZITADEL v3alpha" → "v3alpha", "ZITADEL management v1" →
 * "management v1"), for the `unsupported` sentences; `undefined` for a page's own backend.
 */
export function zitadelGeneration(api: string): string | undefined {
  const match = /^ZITADEL\s+(.+)$/.exec(api.trim());
  return match?.[1];
}

/** Whether pointing to the v2 API helps: not when v2 itself is what is missing. */
export function suggestV2(generation: string): boolean {
  return !/^v2\b/.test(generation);
}

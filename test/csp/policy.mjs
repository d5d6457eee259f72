/**
 * The strict policy the kit must run under. Trusted Types are required for every script sink; the one
 * policy allowed is `lit-html`, the policy Lit creates for its own template strings.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Koa middleware: serves test/csp/ pages with the strict policy. */
export function strictCspForFixtures() {
  return async (/** @type {any} */ ctx, /** @type {() => Promise<void>} */ next) => {
    await next();
    if (ctx.path.startsWith('/test/csp/') && ctx.path.endsWith('.html')) {
      ctx.set('Content-Security-Policy', STRICT_CSP);
    }
  };
}

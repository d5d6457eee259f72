// @ts-check
/**
 * Koa middleware for the redirect tests: `/__redirect/{status}/{target as base64url}/…` answers that
 * status with `Location: target` and nothing else, whatever follows in the path. Used as a `base-url`,
 * it stands for a server (or a compromised proxy) that tries to move the kit's request — with its token
 * and its body — to another user's path or another origin. The mock's faults cannot set a Location.
 */
export function redirectFixtures() {
  return async (/** @type {any} */ ctx, /** @type {() => Promise<void>} */ next) => {
    const match = /^\/__redirect\/(3\d\d)\/([A-Za-z0-9_-]+)(?:\/|$)/.exec(ctx.path);
    if (!match) return next();
    // A cross-origin caller must be able to read nothing, but its preflight must pass to get here.
    ctx.set('Access-Control-Allow-Origin', ctx.get('origin') || '*');
    ctx.set('Access-Control-Allow-Headers', 'authorization, content-type');
    ctx.set('Access-Control-Allow-Methods', 'GET, POST, DELETE');
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    ctx.status = Number(match[1]);
    ctx.set('Location', Buffer.from(match[2] ?? '', 'base64url').toString('utf8'));
    ctx.body = '';
  };
}

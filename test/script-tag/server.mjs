// @ts-check
/**
 * Koa middleware for the script-tag test: a plain HTML page, no build step, that loads the built
 * `dist/passkey-elements.js` from another origin (127.0.0.1 instead of localhost: same server, another
 * origin) — twice, as a page with two copies of the kit would. `dist/` answers with CORS headers, as a CDN does.
 */
export function scriptTagFixtures() {
  return async (/** @type {any} */ ctx, /** @type {() => Promise<void>} */ next) => {
    if (ctx.path === '/test/script-tag/page.html') {
      const port = ctx.request.host.split(':')[1] ?? '80';
      const bundle = `http://127.0.0.1:${port}/dist/passkey-elements.js`;
      ctx.type = 'html';
      ctx.body = `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <title>passkey-elements from a script tag</title>
    <script>
      window.pageErrors = [];
      addEventListener('error', (event) => pageErrors.push(String(event.message)));
      addEventListener('unhandledrejection', (event) => pageErrors.push(String(event.reason)));
    </script>
    <script type="module" src="${bundle}"></script>
    <script type="module" src="${bundle}?second-copy"></script>
  </head>
  <body>
    <passkey-register user-id="100000000000000001"></passkey-register>
  </body>
</html>`;
      return;
    }
    await next();
    if (ctx.path.startsWith('/dist/')) ctx.set('Access-Control-Allow-Origin', '*');
  };
}

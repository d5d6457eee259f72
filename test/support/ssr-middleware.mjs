// @ts-check
/**
 * `GET /__ssr?render=<json>` on the test server: renders kit elements on the server (scripts/ssr-render.mjs,
 * `@lit-labs/ssr`, from the current source) and answers their HTML as a JSON array, for test/ssr/.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/ssr-render.mjs', import.meta.url));

/** @param {string} requests JSON: `[[tag, attributes], …]` */
export function renderOnServer(requests) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, requests],
      { maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`ssr-render failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

export function ssrFixtures() {
  /**
   * @param {{ path: string, query: Record<string, unknown>, status?: number, type?: string, body?: unknown }} ctx
   * @param {() => Promise<unknown>} next
   */
  return async (ctx, next) => {
    if (ctx.path !== '/__ssr') return next();
    try {
      ctx.body = await renderOnServer(String(ctx.query.render ?? '[]'));
      ctx.type = 'application/json';
    } catch (error) {
      ctx.status = 500;
      ctx.body = String(error);
    }
  };
}

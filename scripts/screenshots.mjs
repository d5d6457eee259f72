// @ts-check
/**
 * `npm run screenshots`: every demo page, in its interesting states, at 390 and 1280 px, light and dark,
 * into screenshots/ (not committed), so anyone can look at the whole product at once. With a built
 * Storybook (storybook-static/, `npm run build-storybook`) every story too (`--stories`).
 *
 *   node scripts/screenshots.mjs            the demo pages
 *   node scripts/screenshots.mjs --stories  and every story of storybook-static/
 *
 * The demo runs in Vite's dev server in-process, as `npm start` serves it, with the mock ZITADEL and the
 * proxy; a CDP virtual authenticator stands in for the person's passkey provider.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH, addVirtualAuthenticator } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'screenshots');
const WIDTHS = [390, 1280];
const SCHEMES = /** @type {const} */ (['light', 'dark']);
const withStories = process.argv.includes('--stories');

/**
 * The demo's pages and states. `act` brings a page into the state (after load); `reset` runs against the
 * mock first. Codes for links are made through the mock's control API.
 * @typedef {import('playwright-core').Page} Page
 * `failsRequests`: the state is an error the server answers, so the browser's own "Failed to load resource"
 * lines are expected there (any other console error still counts).
 * `noWebAuthn`: the browser has no WebAuthn (as in many in-app browsers): `PublicKeyCredential` is taken away.
 * @typedef {{ name: string, path: string | ((origin: string) => Promise<string>), act?: (page: Page) => Promise<void>, failsRequests?: boolean, noWebAuthn?: boolean }} Shot
 */

/** @param {string} origin @param {string} method @param {string} path @param {unknown} [body] */
async function control(origin, method, path, body) {
  const response = await fetch(`${origin}/__mock/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return response.json();
}

/** @param {Page} page @param {string} selector @param {string} state */
const untilState = (page, selector, state) =>
  page.waitForFunction(
    ([s, v]) => (s ? document.querySelector(s)?.getAttribute('state') === v : false),
    [selector, state],
  );

/**
 * On the Security page: optionally picks a demo setting, presses the passkey button, waits for the outcome.
 * @param {Page} page @param {'success' | 'error'} outcome @param {[string, string]} [setting] select, value
 */
async function registerOnSecurityPage(page, outcome, setting) {
  if (setting) await page.selectOption(...setting);
  await page.locator('passkey-register').getByRole('button').click();
  await untilState(page, 'passkey-register', outcome);
  await page.waitForTimeout(300);
}

/** @type {Shot[]} */
const SHOTS = [
  { name: 'security', path: '/' },
  { name: 'security-registered', path: '/', act: (page) => registerOnSecurityPage(page, 'success') },
  {
    name: 'security-signed-out',
    path: '/',
    failsRequests: true,
    act: (page) => registerOnSecurityPage(page, 'error', ['#mode', 'none']),
  },
  {
    name: 'security-v3alpha-501',
    path: '/',
    failsRequests: true,
    act: (page) => registerOnSecurityPage(page, 'error', ['#api', 'v3alpha-501']),
  },
  {
    // The developer panel's fault switch: the verify fails after the prompt, the orphan is signalled (issue 19).
    name: 'security-orphan',
    path: '/',
    failsRequests: true,
    async act(page) {
      await page.evaluate(() => document.querySelector('details.devtools')?.setAttribute('open', ''));
      const armed = page.waitForResponse(
        (response) => response.url().includes('/__mock/faults') && response.request().method() === 'POST',
      );
      await page.check('#refuse-next-verify');
      await armed;
      await registerOnSecurityPage(page, 'error');
    },
  },
  { name: 'admin', path: '/admin.html' },
  {
    name: 'admin-link',
    path: '/admin.html',
    async act(page) {
      const created = page.evaluate(
        () => new Promise((resolve) => document.addEventListener('link-created', resolve, { once: true })),
      );
      await page.locator('registration-link-admin').getByRole('button').first().click();
      await created;
      await page.waitForTimeout(300);
    },
  },
  {
    name: 'landing',
    async path(origin) {
      const code = await control(origin, 'POST', 'codes', { userId: '100000000000000002' });
      return `/ui/login/login/passwordless/init?userID=100000000000000002&orgID=200000000000000001&codeID=${code.id}&code=${code.code}`;
    },
  },
  {
    name: 'landing-success',
    async path(origin) {
      const code = await control(origin, 'POST', 'codes', { userId: '100000000000000002' });
      return `/passkey/set?userId=100000000000000002&id=${code.id}&code=${code.code}`;
    },
    async act(page) {
      await page.locator('passkey-register').getByRole('button').click();
      await untilState(page, 'passkey-register', 'success');
      await page.waitForTimeout(300);
    },
  },
  {
    name: 'landing-no-webauthn',
    async path(origin) {
      const code = await control(origin, 'POST', 'codes', { userId: '100000000000000002' });
      return `/passkey/set?userId=100000000000000002&codeId=${code.id}&code=${code.code}`;
    },
    noWebAuthn: true,
  },
  { name: 'landing-no-link', path: '/register.html' },
  { name: 'outbox', path: '/outbox.html' },
  { name: 'react', path: '/react.html' },
  { name: 'vue', path: '/vue.html' },
  { name: 'plain', path: '/plain.html' },
  { name: 'server-rendered', path: '/ssr.html' },
];

/** Serves storybook-static/ for the story shots. */
async function serveStorybook() {
  const root = resolve(ROOT, 'storybook-static');
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
  };
  const server = createHttpServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(root) || !existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': types[/** @type {keyof types} */ (extname(path))] ?? 'application/octet-stream',
    });
    res.end(readFileSync(path));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

const vite = await createServer({
  configFile: join(ROOT, 'vite.config.ts'),
  logLevel: 'silent',
  server: { port: 0, open: false, host: 'localhost' },
});
await vite.listen();
const address = vite.httpServer?.address();
if (!address || typeof address !== 'object') throw new Error('the demo server did not start');
const origin = `http://localhost:${address.port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
/** @type {string[]} */
const problems = [];
let count = 0;

try {
  for (const shot of SHOTS) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        await control(origin, 'POST', 'reset');
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          if (shot.failsRequests && message.text().startsWith('Failed to load resource')) return;
          problems.push(`${shot.name} ${width} ${scheme}: ${message.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`${shot.name} ${width} ${scheme}: ${e}`));
        if (shot.noWebAuthn) {
          await page.addInitScript(() =>
            Object.defineProperty(window, 'PublicKeyCredential', { value: undefined }),
          );
        } else {
          await addVirtualAuthenticator(page);
        }
        const path = typeof shot.path === 'function' ? await shot.path(origin) : shot.path;
        await page.goto(`${origin}${path}`);
        await page.waitForLoadState('networkidle');
        await shot.act?.(page);
        await page.screenshot({ path: join(OUT, `${shot.name}-${width}-${scheme}.png`), fullPage: true });
        count += 1;
        await context.close();
      }
    }
  }

  if (withStories) {
    const index = JSON.parse(readFileSync(join(ROOT, 'storybook-static/index.json'), 'utf8'));
    const storybook = await serveStorybook();
    try {
      for (const entry of Object.values(index.entries)) {
        if (/** @type {{ type: string }} */ (entry).type !== 'story') continue;
        const { id } = /** @type {{ id: string }} */ (entry);
        for (const width of WIDTHS) {
          for (const scheme of SCHEMES) {
            const context = await browser.newContext({
              viewport: { width, height: 700 },
              colorScheme: scheme,
            });
            const page = await context.newPage();
            await page.goto(`${storybook.origin}/iframe.html?id=${id}&viewMode=story`);
            await page.waitForTimeout(1500);
            await page.screenshot({ path: join(OUT, `story-${id}-${width}-${scheme}.png`), fullPage: true });
            count += 1;
            await context.close();
          }
        }
      }
    } finally {
      storybook.close();
    }
  }
} finally {
  await browser.close();
  await vite.close();
}

console.log(`${count} screenshots in ${OUT}`);
if (problems.length) {
  console.error(`console errors on the way:\n${problems.join('\n')}`);
  process.exitCode = 1;
}

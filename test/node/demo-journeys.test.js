// @ts-check
/// <reference types="node" />
/**
 * The demo as a person walks it, through Vite's dev server exactly as `npm start` serves it: the mock
 * ZITADEL refuses every tokenless call, so the landing page and the admin page only work through the
 * proxy mounted in front of it (vite.config.ts). Real Chromium, a CDP virtual authenticator, real
 * attestations verified by the mock.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH, addVirtualAuthenticator } from '../../scripts/chromium.mjs';
import { USERS } from '../../mock/seed.js';

/** @type {import('vite').ViteDevServer} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {string} */
let origin;

/** @param {string} method @param {string} path @param {unknown} [body] */
async function control(method, path, body) {
  const response = await fetch(`${origin}/__mock/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `mock ${method} ${path} answered ${response.status}`);
  return response.json();
}

/**
 * A fresh page with a virtual passkey provider, collecting console errors and page errors.
 * @param {{ width?: number }} [options]
 */
async function openPage({ width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  const credentials = async () =>
    (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  return { page, errors, credentials, close: () => context.close() };
}

/** @param {string} userId */
async function readyAuthenticators(userId) {
  const state = await control('GET', 'state');
  const user = state.users.find((/** @type {{ id: string }} */ entry) => entry.id === userId);
  return user.authenticators.filter(
    (/** @type {{ state: string }} */ a) => a.state === 'AUTH_FACTOR_STATE_READY',
  );
}

/** @param {import('playwright-core').Page} page @param {string} selector */
async function elementState(page, selector) {
  return page.locator(selector).getAttribute('state');
}

before(async () => {
  server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'silent',
    server: { port: 0, open: false, host: 'localhost' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  assert.ok(address && typeof address === 'object', 'the demo server listens');
  origin = `http://localhost:${address.port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await control('POST', 'reset');
});

describe('the demo through the proxy (npm start)', { timeout: 120_000 }, () => {
  for (const [scheme, path, params] of /** @type {const} */ ([
    [
      'Login v1 (ZITADEL’s default link)',
      '/ui/login/login/passwordless/init',
      ['userID', 'orgID', 'codeID', 'code'],
    ],
    [
      'Login v2 (ZITADEL’s default link since v4.12)',
      '/ui/v2/login/passkey/set',
      ['userId', 'organization', 'codeId', 'code'],
    ],
    ['Login v2 before v4.7', '/passkey/set', ['userId', 'organization', 'id', 'code']],
  ])) {
    it(`opens a ${scheme} link on ${path}, sends nothing on load, and registers on the click`, async () => {
      const code = await control('POST', 'codes', { userId: USERS.bob.id });
      const query = new URLSearchParams([
        [params[0], USERS.bob.id],
        [params[1], USERS.bob.orgId],
        [params[2], code.id],
        [params[3], code.code],
      ]);
      const { page, errors, close } = await openPage();
      try {
        await page.goto(`${origin}${path}?${query}`);
        const button = page.locator('passkey-register').getByRole('button');
        await button.waitFor();
        await page.waitForTimeout(300);
        assert.deepEqual(await control('GET', 'requests'), [], 'opening the link sends no request');
        assert.ok(!page.url().includes(code.code), 'the code is scrubbed from the address bar');
        await button.click();
        await page.waitForFunction(
          () => document.querySelector('passkey-register')?.getAttribute('state') === 'success',
        );
        const requests = await control('GET', 'requests');
        const start = requests.find((/** @type {{ rpc: string }} */ r) => r.rpc === 'RegisterPasskey');
        assert.equal(start.tokenOwner, 'login-client', 'the proxy added the login client’s token');
        assert.equal((await readyAuthenticators(USERS.bob.id)).length, 1);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });
  }

  it('the admin page emails a link without an admin token in the browser; the outbox link registers', async () => {
    const { page, errors, close } = await openPage();
    try {
      /** @type {string[]} */
      const authorizations = [];
      page.on('request', (request) => {
        const header = request.headers().authorization;
        if (header) authorizations.push(header);
      });
      await page.goto(`${origin}/admin.html`);
      const admin = page.locator('registration-link-admin');
      await admin.getByRole('radio', { name: /email/i }).check();
      const outcome = page.evaluate(
        () =>
          new Promise((resolve) => {
            for (const type of ['link-created', 'link-error']) {
              document.addEventListener(
                type,
                (event) => resolve({ type, detail: /** @type {CustomEvent} */ (event).detail }),
                {
                  once: true,
                },
              );
            }
          }),
      );
      await admin.getByRole('button', { name: /email|send|create/i }).click();
      const { type, detail } = /** @type {{ type: string, detail: unknown }} */ (await outcome);
      assert.equal(type, 'link-created', JSON.stringify(detail));
      assert.deepEqual(authorizations, [], 'the browser sent no token');
      const [mail] = await control('GET', 'outbox');
      assert.ok(mail, 'ZITADEL (the mock) sent an email');

      await page.goto(mail.link);
      await page.locator('passkey-register').getByRole('button').click();
      await page.waitForFunction(
        () => document.querySelector('passkey-register')?.getAttribute('state') === 'success',
      );
      assert.equal((await readyAuthenticators(USERS.bob.id)).length, 1);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  it('the security page registers through the proxy with a session cookie and no token in the browser', async () => {
    const { page, errors, close } = await openPage();
    try {
      await page.goto(`${origin}/`);
      await page.selectOption('#mode', 'session');
      await page.waitForFunction(
        () => /** @type {any} */ (document.querySelector('passkey-register'))?.baseUrl === '/zitadel-manager',
      );
      await page.locator('passkey-register').getByRole('button').click();
      await page.waitForFunction(
        () => document.querySelector('passkey-register')?.getAttribute('state') === 'success',
      );
      const requests = await control('GET', 'requests');
      const start = requests.find((/** @type {{ rpc: string }} */ r) => r.rpc === 'RegisterPasskey');
      assert.equal(
        start.tokenOwner,
        'alice',
        'the proxy added the session’s own token, kept on the server (ZITADEL starts only for the user themself)',
      );
      assert.equal(start.hasAuthorization, true);
      assert.equal((await readyAuthenticators(USERS.alice.id)).length, 1);
      assert.equal(await elementState(page, 'passkey-register'), 'success');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  it('the fault switch refuses the next verify: the error says the orphan passkey was removed, and the authenticator holds none', async () => {
    const { page, errors, credentials, close } = await openPage();
    try {
      await page.goto(`${origin}/`);
      await page.locator('#devtools > summary').click();
      await page.locator('#refuse-next-verify').check();
      await page.waitForFunction(async () => {
        const faults = await (await fetch('/__mock/faults')).json();
        return faults.length === 3;
      });
      await page.locator('passkey-register').getByRole('button').click();
      await page.waitForFunction(
        () => document.querySelector('passkey-register')?.getAttribute('state') === 'error',
      );
      const message = await page.locator('passkey-register [part~="message"]').textContent();
      assert.match(message ?? '', /removed from your password manager/);
      assert.deepEqual(await credentials(), [], 'the virtual authenticator forgot the orphan');
      assert.deepEqual(await readyAuthenticators(USERS.alice.id), [], 'the mock stored nothing');
      // A refusal is the server's verdict: the verify is not sent again.
      const rpcs = (await control('GET', 'requests')).map((/** @type {{ rpc: string }} */ r) => r.rpc);
      assert.equal(
        rpcs.filter((/** @type {string} */ rpc) => rpc === 'VerifyPasskeyRegistration').length,
        1,
        rpcs.join(),
      );
      await page.waitForFunction(
        () =>
          /** @type {HTMLInputElement} */ (document.querySelector('#refuse-next-verify')).checked === false,
      );
      // The refused verify's 400 is the one error the page may log.
      assert.deepEqual(
        errors.filter((text) => !text.includes('400')),
        [],
      );
    } finally {
      await close();
    }
  });

  it('/ssr.html arrives with the button in declarative shadow DOM, then hydrates and registers', async () => {
    const html = await (await fetch(`${origin}/ssr.html`)).text();
    assert.match(html, /<passkey-register[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(html, /<button[\s\S]*Create a passkey/);
    const { page, errors, close } = await openPage();
    try {
      await page.goto(`${origin}/ssr.html`);
      // The server's button is on screen at once; a click lands once the kit has hydrated it (Lit replays
      // no events from before), which a cold dev server takes a moment to serve.
      await page.waitForFunction(() => customElements.get('passkey-register') !== undefined);
      await page.locator('passkey-register').getByRole('button').click();
      await page.waitForFunction(
        () => document.querySelector('passkey-register')?.getAttribute('state') === 'success',
      );
      assert.equal((await readyAuthenticators(USERS.carol.id)).length, 1);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  for (const path of [
    '/',
    '/admin.html',
    '/outbox.html',
    '/register.html',
    '/react.html',
    '/vue.html',
    '/plain.html',
    '/ssr.html',
  ]) {
    it(`${path} fits 320 px without horizontal scrolling and logs no error`, async () => {
      const { page, errors, close } = await openPage({ width: 320 });
      try {
        await page.goto(`${origin}${path}`);
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} overflows by ${overflow} px`);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });
  }
});

// @ts-check
/**
 * A @web/test-runner plugin that gives browser tests a CDP virtual authenticator (Chromium only).
 * Tests call it through `executeServerCommand` (see `test/support/authenticator.ts`).
 */

/** @typedef {import('playwright-core').CDPSession} CDPSession */

/** @type {Map<string, CDPSession>} one CDP session per test page */
const sessions = new Map();

/**
 * @param {{ browser: { getPage(id: string): import('playwright-core').Page }, id: string }} session
 * @returns {Promise<CDPSession>}
 */
async function cdpFor(session) {
  let cdp = sessions.get(session.id);
  if (!cdp) {
    const page = session.browser.getPage(session.id);
    cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    sessions.set(session.id, cdp);
  }
  return cdp;
}

/** @type {Record<string, (cdp: CDPSession, payload: any) => Promise<unknown>>} */
const commands = {
  /** Adds an authenticator; returns its id. */
  async 'webauthn:add'(cdp, options = {}) {
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
        ...options,
      },
    });
    return authenticatorId;
  },
  async 'webauthn:set-user-verified'(cdp, { authenticatorId, isUserVerified }) {
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });
    return true;
  },
  async 'webauthn:set-presence'(cdp, { authenticatorId, enabled }) {
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled });
    return true;
  },
  async 'webauthn:credentials'(cdp, { authenticatorId }) {
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    return credentials;
  },
  async 'webauthn:remove'(cdp, { authenticatorId }) {
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    return true;
  },
};

/**
 * The routes `module:fail` added, per page, so that `module:restore` removes those and no others.
 * @type {WeakMap<import('playwright-core').Page, { matches: (url: URL) => boolean, refuse: (route: import('playwright-core').Route) => Promise<void> }[]>}
 */
const failedModules = new WeakMap();

/** Commands about the page itself rather than the authenticator. */
/** @type {Record<string, (page: import('playwright-core').Page, payload: any) => Promise<unknown>>} */
const pageCommands = {
  /** Lets the page use the Clipboard API without a prompt, as a person's click would. */
  async 'clipboard:grant'(page) {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(page.url()).origin,
    });
    return true;
  },
  /**
   * Makes the page's requests for a module fail with 503 until `module:restore`, as when a chunk cannot
   * be loaded (offline, a deploy that removed it). `payload.path` is the end of the module's path.
   */
  async 'module:fail'(page, { path }) {
    /** @param {URL} url */
    const matches = (url) => url.pathname.endsWith(path);
    /** @param {import('playwright-core').Route} route */
    const refuse = (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' });
    await page.route(matches, refuse);
    failedModules.set(page, [...(failedModules.get(page) ?? []), { matches, refuse }]);
    return true;
  },
  /** Undoes `module:fail` on this page, and only that. */
  async 'module:restore'(page) {
    for (const { matches, refuse } of failedModules.get(page) ?? []) await page.unroute(matches, refuse);
    failedModules.delete(page);
    return true;
  },
};

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function webAuthnPlugin() {
  return {
    name: 'webauthn-virtual-authenticator',
    async executeCommand({ command, payload, session }) {
      const run = commands[command];
      const runOnPage = pageCommands[command];
      if (!run && !runOnPage) return undefined;
      if (session.browser.type !== 'playwright') {
        throw new Error(`${command} needs the playwright launcher (Chromium), not ${session.browser.type}`);
      }
      const playwrightSession = /** @type {any} */ (session);
      if (runOnPage) return runOnPage(playwrightSession.browser.getPage(session.id), payload);
      return run?.(await cdpFor(playwrightSession), payload);
    },
  };
}

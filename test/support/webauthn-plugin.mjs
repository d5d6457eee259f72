// @ts-check
/**
 * A @web/test-runner plugin that gives browser tests a virtual authenticator and a few page controls, in each
 * engine through that engine's own automation protocol:
 * - Chromium (playwright launcher): CDP `WebAuthn.*`, playwright routes and permissions;
 * - Firefox (puppeteer over WebDriver BiDi): Marionette `WebAuthn:*` (see `marionette.mjs`), puppeteer
 *   request interception;
 * - WebKit (WebDriver): WebKitGTK has no Web Authentication, so the `webauthn:*` commands answer
 *   "unsupported in this engine".
 * Tests call it through `executeServerCommand` (see `test/support/authenticator.ts`); the command names and
 * payloads are the same in every engine. Where an engine cannot do something, the command answers
 * `{ unsupported: { engine, command, reason } }` and never pretends to have done it.
 */
// The options every engine starts from: the internal passkey provider the scripts give their pages too.
import { PASSKEY_AUTHENTICATOR } from '../../scripts/chromium.mjs';
import { emulateFirefoxMedia } from './marionette-firefox.mjs';
import { MarionetteClient } from './marionette.mjs';

/** @typedef {import('playwright-core').CDPSession} CDPSession */
/** @typedef {import('./authenticator.ts').VirtualAuthenticatorOptions} VirtualAuthenticatorOptions */
/**
 * @typedef {object} Unsupported
 * @property {{ engine: string, command: string, reason: string }} unsupported
 */

/**
 * @param {string} engine
 * @param {string} command
 * @param {string} reason
 * @returns {Unsupported}
 */
function unsupported(engine, command, reason) {
  return { unsupported: { engine, command, reason } };
}

// ---------------------------------------------------------------------------------------------------------
// Chromium: CDP

/** @type {Map<string, CDPSession>} one CDP session per test page */
const cdpSessions = new Map();

/**
 * @param {{ browser: { getPage(id: string): import('playwright-core').Page }, id: string }} session
 * @returns {Promise<CDPSession>}
 */
async function cdpFor(session) {
  let cdp = cdpSessions.get(session.id);
  if (!cdp) {
    const page = session.browser.getPage(session.id);
    cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    cdpSessions.set(session.id, cdp);
  }
  return cdp;
}

/** @type {Record<string, (cdp: CDPSession, payload: any) => Promise<unknown>>} */
const chromiumCommands = {
  /** Adds an authenticator; returns its id. */
  async 'webauthn:add'(cdp, options = {}) {
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { ...PASSKEY_AUTHENTICATOR, ...options },
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

/** The CDP session that holds a page's touch emulation (`media:emulate` with `pointer`): it ends with it. */
/** @type {WeakMap<import('playwright-core').Page, CDPSession>} */
const touchSessions = new WeakMap();

/** Commands about the page itself rather than the authenticator. */
/** @type {Record<string, (page: import('playwright-core').Page, payload: any) => Promise<unknown>>} */
const chromiumPageCommands = {
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
  /**
   * Emulates media features, `{ colorScheme, reducedMotion, forcedColors, pointer }`, in every engine with a
   * launcher that can (wtr's own `emulateMedia` drops `forcedColors` outside Playwright). `pointer: 'coarse'`
   * is a touch screen: Playwright's `emulateMedia` has no pointer, CDP's touch emulation makes `pointer` and
   * `any-pointer` coarse (`null` ends it; headless Chromium then reports no pointer at all, never coarse).
   */
  async 'media:emulate'(page, { pointer, ...media }) {
    await page.emulateMedia(media);
    if (pointer !== undefined) {
      let cdp = touchSessions.get(page);
      if (!cdp) {
        cdp = await page.context().newCDPSession(page);
        touchSessions.set(page, cdp);
      }
      await cdp.send('Emulation.setTouchEmulationEnabled', {
        enabled: pointer === 'coarse',
        maxTouchPoints: 1,
      });
    }
    return true;
  },
};

// ---------------------------------------------------------------------------------------------------------
// Firefox: Marionette for the authenticator, puppeteer (BiDi) for the page

/** @typedef {import('@web/test-runner-chrome').puppeteerCore.Page} PuppeteerPage */
/** @typedef {import('@web/test-runner-chrome').puppeteerCore.Browser} PuppeteerBrowser */

/** @type {WeakMap<PuppeteerBrowser, Promise<MarionetteClient>>} one Marionette connection per Firefox */
const marionettes = new WeakMap();

/** @type {Map<string, Set<string>>} the authenticators each test session added, to remove leftovers */
const firefoxAuthenticators = new Map();

/**
 * The Marionette connection of the Firefox that shows `page`, switched to the page's browsing context (a
 * BiDi context id is also a Marionette window handle).
 * @param {PuppeteerPage} page
 */
async function marionetteFor(page) {
  const browser = page.browser();
  let client = marionettes.get(browser);
  if (!client) {
    const args = browser.process()?.spawnargs ?? [];
    const profile = args[args.indexOf('--profile') + 1];
    if (!profile) throw new Error('Firefox was started without --profile; cannot find its Marionette port');
    client = MarionetteClient.connect(profile);
    marionettes.set(browser, client);
  }
  const marionette = await client;
  const contextId = /** @type {any} */ (page.mainFrame())._id;
  await marionette.send('WebDriver:SwitchToWindow', { handle: contextId, focus: false });
  return marionette;
}

/**
 * Firefox's virtual authenticators belong to the browser, not the page, and wtr reuses pages: an authenticator
 * a finished test file left behind would answer the next file's ceremonies. Removes those.
 * @param {MarionetteClient} marionette
 * @param {{ id: string, browser: { isActive(id: string): boolean } }} session
 */
async function removeLeftovers(marionette, session) {
  for (const [sessionId, ids] of firefoxAuthenticators) {
    if (sessionId === session.id || session.browser.isActive(sessionId)) continue;
    for (const authenticatorId of ids) {
      await marionette.send('WebAuthn:RemoveVirtualAuthenticator', { authenticatorId }).catch(() => {});
    }
    firefoxAuthenticators.delete(sessionId);
  }
}

/** @type {Record<string, (marionette: MarionetteClient, payload: any, sessionId: string) => Promise<unknown>>} */
const firefoxCommands = {
  async 'webauthn:add'(marionette, options = {}, sessionId) {
    const { automaticPresenceSimulation, ...rest } = { ...PASSKEY_AUTHENTICATOR, ...options };
    // WebDriver's name for presence is `isUserConsenting`; Firefox takes it only when adding.
    const authenticatorId = await marionette.send('WebAuthn:AddVirtualAuthenticator', {
      ...rest,
      isUserConsenting: automaticPresenceSimulation,
    });
    const ids = firefoxAuthenticators.get(sessionId) ?? new Set();
    firefoxAuthenticators.set(sessionId, ids.add(authenticatorId));
    return authenticatorId;
  },
  async 'webauthn:set-user-verified'(marionette, { authenticatorId, isUserVerified }) {
    await marionette.send('WebAuthn:SetUserVerified', { authenticatorId, isUserVerified });
    return true;
  },
  async 'webauthn:set-presence'() {
    return unsupported(
      'firefox',
      'webauthn:set-presence',
      'Firefox sets presence (`isUserConsenting`) only when adding an authenticator, and without it refuses ' +
        'at once; for an open prompt use `holdPrompts()`',
    );
  },
  async 'webauthn:credentials'(marionette, { authenticatorId }) {
    return marionette.send('WebAuthn:GetCredentials', { authenticatorId });
  },
  async 'webauthn:remove'(marionette, { authenticatorId }, sessionId) {
    await marionette.send('WebAuthn:RemoveVirtualAuthenticator', { authenticatorId });
    firefoxAuthenticators.get(sessionId)?.delete(authenticatorId);
    return true;
  },
};

/** @type {WeakMap<PuppeteerPage, { path: string }[]>} the modules `module:fail` refuses, per page */
const refusedModules = new WeakMap();

/** @param {import('@web/test-runner-chrome').puppeteerCore.HTTPRequest} request */
function answerRequest(request) {
  const refused = refusedModules.get(/** @type {PuppeteerPage} */ (request.frame()?.page())) ?? [];
  const { pathname } = new URL(request.url());
  if (refused.some(({ path }) => pathname.endsWith(path))) {
    return request.respond({ status: 503, contentType: 'text/plain', body: 'unavailable' });
  }
  return request.continue();
}

/** @type {Record<string, (page: PuppeteerPage, payload: any) => Promise<unknown>>} */
const firefoxPageCommands = {
  /**
   * Firefox has no clipboard permissions to grant; the launcher's pref `dom.events.testing.asyncClipboard`
   * already lets the page read and write the clipboard without a prompt.
   */
  async 'clipboard:grant'() {
    return true;
  },
  async 'module:fail'(page, { path }) {
    if (!refusedModules.has(page)) {
      await page.setRequestInterception(true);
      page.on('request', answerRequest);
    }
    refusedModules.set(page, [...(refusedModules.get(page) ?? []), { path }]);
    return true;
  },
  async 'media:emulate'(page, media) {
    await emulateFirefoxMedia(page, media);
    return true;
  },
  /**
   * Refuses nothing from now on, but keeps intercepting: turning interception off while the page loads
   * can strand a request that was paused and not yet continued, and the page then waits for it forever.
   */
  async 'module:restore'(page) {
    if (refusedModules.has(page)) refusedModules.set(page, []);
    return true;
  },
};

// ---------------------------------------------------------------------------------------------------------

const WEBAUTHN_COMMANDS = Object.keys(chromiumCommands);
const PAGE_COMMANDS = Object.keys(chromiumPageCommands);

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function webAuthnPlugin() {
  return {
    name: 'webauthn-virtual-authenticator',
    async executeCommand({ command, payload, session }) {
      if (
        !WEBAUTHN_COMMANDS.includes(command) &&
        !PAGE_COMMANDS.includes(command) &&
        command !== 'keys:chord'
      ) {
        return undefined;
      }
      const launcher = /** @type {any} */ (session.browser);
      if (launcher.type === 'playwright') {
        if (PAGE_COMMANDS.includes(command)) {
          return chromiumPageCommands[command]?.(launcher.getPage(session.id), payload);
        }
        return chromiumCommands[command]?.(await cdpFor(/** @type {any} */ (session)), payload);
      }
      if (launcher.type === 'puppeteer' && launcher.name === 'Firefox') {
        /** @type {PuppeteerPage} */
        const page = launcher.getPage(session.id);
        if (PAGE_COMMANDS.includes(command)) return firefoxPageCommands[command]?.(page, payload);
        const marionette = await marionetteFor(page);
        await removeLeftovers(marionette, { id: session.id, browser: launcher });
        return firefoxCommands[command]?.(marionette, payload, session.id);
      }
      if (launcher.type === 'webdriver' && command === 'keys:chord') {
        // wtr's sendKeys hands WebDriver `press` as one string, so "Shift+Tab" would be typed as text; a list
        // of keys is a chord: WebDriver holds the modifiers down until the last key is pressed.
        await launcher.sendKeys(session.id, /** @type {{ keys: string[] }} */ (payload).keys);
        return true;
      }
      if (launcher.type === 'webdriver' && WEBAUTHN_COMMANDS.includes(command)) {
        return unsupported('webkit', command, 'WebKitGTK is built without Web Authentication');
      }
      return unsupported(
        launcher.name ?? launcher.type,
        command,
        `${launcher.type} launcher has no ${command}`,
      );
    },
  };
}

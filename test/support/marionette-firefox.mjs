// @ts-check
/**
 * The Firefox launcher: Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi through
 * `@web/test-runner-chrome`'s launcher, with Marionette on (for the virtual authenticators, see
 * `webauthn-plugin.mjs`) and the built-in soft token as the only authenticator.
 */
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';

export const FIREFOX_PREFS = {
  // Web Authentication answered by Firefox's virtual authenticators, never by a real USB key.
  'security.webauth.webauthn_enable_softtoken': true,
  'security.webauth.webauthn_enable_usbtoken': false,
  // Marionette on a free port, written to <profile>/MarionetteActivePort.
  'marionette.port': 0,
  // The async Clipboard API without its paste prompt (Firefox's equivalent of granting clipboard-read).
  'dom.events.testing.asyncClipboard': true,
  // This network is closed: no update checks, telemetry or captive-portal probes.
  'app.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};

/**
 * Puppeteer's Firefox keyboard knows neither the key name "Space" nor combinations such as "Shift+Tab",
 * which Playwright (and so every test written for Chromium) uses. Teaches this page's keyboard both.
 * @param {import('@web/test-runner-chrome').puppeteerCore.Page} page
 */
function withPlaywrightKeyNames(page) {
  const keyboard = page.keyboard;
  const press = keyboard.press.bind(keyboard);
  /** @param {string} key */
  const named = (key) => (key === 'Space' ? ' ' : key);
  /**
   * @param {string} key
   * @param {import('@web/test-runner-chrome').puppeteerCore.KeyPressOptions} [options]
   */
  keyboard.press = async (key, options) => {
    const keys = key.length > 1 && key.includes('+') ? key.split('+').map(named) : [named(key)];
    const modifiers = keys.slice(0, -1);
    for (const modifier of modifiers) await keyboard.down(/** @type {any} */ (modifier));
    await press(/** @type {any} */ (keys.at(-1)), options);
    for (const modifier of modifiers.reverse()) await keyboard.up(/** @type {any} */ (modifier));
  };
  return page;
}

/** @param {string} executablePath */
export function firefoxLauncher(executablePath) {
  return chromeLauncher({
    // The puppeteer-core that @web/test-runner-chrome bundles (the package has no other copy).
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      args: ['--marionette'],
      extraPrefsFirefox: FIREFOX_PREFS,
    },
    createPage: async ({ context }) => withPlaywrightKeyNames(await context.newPage()),
  });
}

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

/**
 * Sets Firefox prefs while it runs (`null` resets one; numbers, strings and booleans), by evaluating in the browser's chrome window over
 * WebDriver BiDi (Firefox's `moz:scope: chrome`, allowed by `--remote-allow-system-access`). Marionette
 * cannot do this here: its ExecuteScript needs the classic session's timeouts, which the BiDi session lacks.
 * @param {import('@web/test-runner-chrome').puppeteerCore.Page} page
 * @param {Record<string, number | string | boolean | null>} prefs
 */
export async function setFirefoxPrefs(page, prefs) {
  const session = /** @type {any} */ (page.mainFrame()).browsingContext.userContext.browser.session;
  const { result } = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const expression = Object.entries(prefs)
    .map(([name, value]) =>
      value === null
        ? `Services.prefs.clearUserPref(${JSON.stringify(name)});`
        : `Services.prefs.${PREF_SETTERS[typeof value]}(${JSON.stringify(name)}, ${JSON.stringify(value)});`,
    )
    .join('\n');
  await session.send('script.evaluate', {
    expression: `${expression}\ntrue`,
    target: { context: result.contexts[0].context },
    awaitPromise: false,
  });
}

/** @type {Record<string, string>} */
const PREF_SETTERS = { number: 'setIntPref', string: 'setStringPref', boolean: 'setBoolPref' };

/**
 * In forced colours Firefox ignores the colour-scheme override: it takes the scheme from the forced
 * palette, which comes from these prefs once system colours are off. A dark palette is white on black.
 * @param {string | null | undefined} colorScheme
 * @returns {Record<string, string | boolean | null>}
 */
function forcedPalette(colorScheme) {
  if (colorScheme !== 'dark' && colorScheme !== 'light') {
    return {
      'browser.display.use_system_colors': null,
      'browser.display.foreground_color': null,
      'browser.display.background_color': null,
    };
  }
  const dark = colorScheme === 'dark';
  return {
    'browser.display.use_system_colors': false,
    'browser.display.foreground_color': dark ? '#ffffff' : '#000000',
    'browser.display.background_color': dark ? '#000000' : '#ffffff',
  };
}

/**
 * The prefs behind the media features tests emulate (`emulateMedia` from @web/test-runner-commands, or the
 * plugin's `media:emulate`): puppeteer's `emulateMediaFeatures` needs CDP, which Firefox does not have.
 * @type {Record<string, (value: string | null | undefined, colorScheme: string | null | undefined) => Record<string, number | string | boolean | null>>}
 */
const MEDIA_PREFS = {
  colorScheme: (value) => ({
    'layout.css.prefers-color-scheme.content-override': value === 'dark' ? 0 : value === 'light' ? 1 : null,
  }),
  reducedMotion: (value) => ({ 'ui.prefersReducedMotion': value === 'reduce' ? 1 : value ? 0 : null }),
  // A touch screen: the primary and every pointer coarse (LookAndFeel's PointerCapabilities, Coarse = 1).
  pointer: (value) => ({
    'ui.primaryPointerCapabilities': value === 'coarse' ? 1 : null,
    'ui.allPointerCapabilities': value === 'coarse' ? 1 : null,
  }),
  forcedColors: (value, colorScheme) => ({
    'browser.display.document_color_use': value === 'active' ? 2 : null,
    ...forcedPalette(value === 'active' ? colorScheme : null),
  }),
};

/**
 * Emulates media features in Firefox: `{ colorScheme?, reducedMotion?, forcedColors? }` as Playwright's
 * `page.emulateMedia` takes them, and `pointer` (`'coarse'`: a touch screen; `null`: the real one). A media
 * type (print) cannot be emulated and is refused.
 * @param {import('@web/test-runner-chrome').puppeteerCore.Page} page
 * @param {{ colorScheme?: string | null, reducedMotion?: string | null, forcedColors?: string | null, pointer?: string | null, media?: string | null }} media
 */
export async function emulateFirefoxMedia(page, { media, ...features }) {
  if (media) throw new Error(`Firefox cannot emulate the media type "${media}" here`);
  /** @type {Record<string, number | string | boolean | null>} */
  const prefs = {};
  for (const [feature, value] of Object.entries(features)) {
    const toPrefs = MEDIA_PREFS[feature];
    if (!toPrefs) throw new Error(`Firefox cannot emulate the media feature ${feature}`);
    if (value !== undefined) Object.assign(prefs, toPrefs(value, features.colorScheme));
  }
  await setFirefoxPrefs(page, prefs);
  // The page sees a pref change a moment later: wait until its media queries answer as asked.
  /** @type {string[]} */
  const queries = [];
  if (features.colorScheme === 'dark' || features.colorScheme === 'light') {
    queries.push(`(prefers-color-scheme: ${features.colorScheme})`);
  }
  if (features.forcedColors === 'active' || features.forcedColors === 'none') {
    queries.push(`(forced-colors: ${features.forcedColors})`);
  }
  if (features.pointer !== undefined) {
    queries.push(features.pointer === 'coarse' ? '(any-pointer: coarse)' : 'not (any-pointer: coarse)');
  }
  if (queries.length > 0) {
    await page.waitForFunction(
      (all) => all.every((query) => matchMedia(query).matches),
      { timeout: 2000 },
      queries,
    );
  }
}

/**
 * wtr's `emulate-media` command calls puppeteer's `emulateMediaFeatures` (CDP only): routes it to the prefs.
 * It passes only color scheme and reduced motion; forced colors need the plugin's `media:emulate`.
 * @param {import('@web/test-runner-chrome').puppeteerCore.Page} page
 */
function withMediaEmulation(page) {
  /** @type {Record<string, string>} */
  const FEATURE = { 'prefers-color-scheme': 'colorScheme', 'prefers-reduced-motion': 'reducedMotion' };
  /** @param {{ name: string, value: string }[]} [features] */
  page.emulateMediaFeatures = async (features = []) =>
    emulateFirefoxMedia(
      page,
      Object.fromEntries(features.map(({ name, value }) => [FEATURE[name] ?? name, value])),
    );
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
      // Marionette for the virtual authenticators; system access to set prefs (media emulation).
      args: ['--marionette', '--remote-allow-system-access'],
      extraPrefsFirefox: FIREFOX_PREFS,
    },
    createPage: async ({ context }) => withMediaEmulation(withPlaywrightKeyNames(await context.newPage())),
  });
}

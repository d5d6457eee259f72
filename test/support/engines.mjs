// @ts-check
/**
 * Which browser engines run the browser tests, and which test files each one runs: kept in one place, read by
 * `web-test-runner.config.mjs` (one engine per run) and `scripts/test-browsers.mjs` (every engine, in turn).
 */
import { CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */

/** @type {readonly Engine[]} */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** What each engine needs installed (Debian packages), named in the error when it is missing. */
export const BROWSER_BINARIES = {
  chromium: { path: CHROMIUM_PATH, apt: 'chromium' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', apt: 'firefox-esr' },
  webkit: {
    path: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
    apt: 'webkit2gtk-driver xvfb',
  },
};

/** Every browser test: Chromium and Firefox run them all. */
export const ALL_BROWSER_TESTS = ['test/**/*.test.ts', '!test/node/**', '!test/types/**'];

/**
 * WebKit (WebKitGTK 2.50 from Debian) is built without Web Authentication: `PublicKeyCredential` and
 * `navigator.credentials` are undefined and there is no virtual authenticator. It runs the tests that need
 * no ceremony, plus `test/engines/`, which proves the no-WebAuthn behaviour of every element there for real.
 * Every other test file is left out for the reason written next to its group below.
 */
export const WEBKIT_TESTS = [
  // The elements without WebAuthn: capability note, `unsupported` on click, no request sent.
  'test/engines/**/*.test.ts',
  // The HTTP backends and their options: plain fetch against the mock.
  'test/backends/**/*.test.ts',
  '!test/backends/v2-security-keys.test.ts',
  '!test/backends/contract.test.ts',
  // Pure parts and the HTTP client under generated input: no DOM ceremony at all.
  'test/fuzz/**/*.test.ts',
  // Device names from the user agent, lazy loading, the registration-link model.
  'test/internal/**/*.test.ts',
  // Message catalogues and locales.
  'test/i18n.test.ts',
  // The list's row layout, from a page-supplied backend.
  'test/list-layout.test.ts',
  // The root entry defines the elements as the script tag does.
  'test/root-entry.test.ts',
];

/**
 * Left out of WebKit, by group, and why (the same files run in Chromium and Firefox).
 * @type {{ files: string, reason: string }[]}
 */
export const WEBKIT_EXCLUDED = [
  {
    files:
      'test/*-register.test.ts, test/faults/**, test/a11y/{passkey,u2f}-register.test.ts, test/hints, ' +
      'test/naming, test/prefetch, test/theming, test/v3alpha, test/csp, test/security, test/capabilities, ' +
      'test/backends/contract, test/orphans',
    reason: 'each drives a real ceremony with a virtual authenticator (`useVirtualAuthenticator`)',
  },
  {
    files:
      'test/authenticator-list, test/a11y/authenticator-list, test/react, test/vue, test/plain-demo, ' +
      'test/script-tag, test/backends/v2-security-keys',
    reason: 'they register credentials through a ceremony first, then show or wrap them',
  },
  {
    files: 'test/platform-refusal',
    reason:
      'it stages what `navigator.credentials.create()` answers, and WebKitGTK has no such method (the ' +
      'element says `unsupported` before any prompt, as test/engines/ shows)',
  },
  {
    files: 'test/registration-link-admin, test/a11y/registration-link-admin',
    reason:
      'they grant the clipboard permission (`clipboard:grant`), which WebDriver classic cannot do, and some ' +
      'of their tests register through the link with a ceremony',
  },
];

/**
 * The engine this run tests, from `ENGINES` (one name). Unset means Chromium, so that
 * `npx web-test-runner --files …` keeps working while iterating; several names are for
 * `scripts/test-browsers.mjs`, which runs one engine after another, each with its own mock.
 * @param {string | undefined} value
 * @returns {Engine}
 */
export function engineOfRun(value = process.env.ENGINES) {
  const names = parseEngines(value ?? 'chromium');
  if (names.length !== 1) {
    throw new Error(
      `ENGINES=${value} names ${names.length} engines; one web-test-runner run tests one engine. ` +
        'Run `npm run test:browser` (scripts/test-browsers.mjs) to test several, one after another.',
    );
  }
  return /** @type {Engine} */ (names[0]);
}

/**
 * @param {string} value a comma list such as `chromium,firefox`
 * @returns {Engine[]}
 */
export function parseEngines(value) {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !ENGINES.includes(/** @type {Engine} */ (name)));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`ENGINES=${value}: expected a comma list of ${ENGINES.join(', ')}`);
  }
  return /** @type {Engine[]} */ (names);
}

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
 * The browser test files left out of WebKit (WebKitGTK 2.50 from Debian), by group, and why; the same files run
 * in Chromium and Firefox. WebKitGTK is built without Web Authentication: `PublicKeyCredential` and
 * `navigator.credentials` are undefined and there is no virtual authenticator. Every other browser test runs
 * in WebKit too, `test/engines/` among them, which proves the no-WebAuthn behaviour of every element there for
 * real. A new test file therefore runs in WebKit unless it is listed here: one that needs a ceremony fails
 * there loudly (`UnsupportedInEngineError`) until it is. `test/node/engines.test.js` checks that each file
 * listed exists, once.
 * @type {{ files: string[], reason: string }[]}
 */
export const WEBKIT_EXCLUDED = [
  {
    files: [
      'test/passkey-register.test.ts',
      'test/u2f-register.test.ts',
      'test/states.test.ts',
      'test/link-journey.test.ts',
      'test/link-admin-journey.test.ts',
      'test/lifecycle-races.test.ts',
      'test/faults/code-loading.test.ts',
      'test/faults/fault-matrix.test.ts',
      'test/faults/lifecycle.test.ts',
      'test/faults/reset-while-loading.test.ts',
      'test/a11y/passkey-register.test.ts',
      'test/a11y/u2f-register.test.ts',
      'test/hints.test.ts',
      'test/naming.test.ts',
      'test/prefetch.test.ts',
      'test/v3alpha.test.ts',
      'test/csp/csp.test.ts',
      'test/security/inert-text.test.ts',
      'test/security/token.test.ts',
      'test/capabilities.test.ts',
      'test/backends/contract-registration.test.ts',
      'test/orphans.test.ts',
      'test/ssr/ssr.test.ts',
      'test/performance/v2-page-network.test.ts',
    ],
    reason: 'each drives a real ceremony with a virtual authenticator (`useVirtualAuthenticator`)',
  },
  {
    files: [
      'test/authenticator-list.test.ts',
      'test/list-races.test.ts',
      'test/react.test.ts',
      'test/vue.test.ts',
      'test/plain-demo.test.ts',
      'test/script-tag/script-tag.test.ts',
      'test/backends/v2-security-keys.test.ts',
    ],
    reason: 'they register credentials through a ceremony first, then show, wrap or delete them',
  },
  {
    files: ['test/touch-targets.test.ts'],
    reason:
      "it emulates a touch screen's coarse pointer, which WebKit's WebDriver cannot, and registers to show " +
      'the "Continue" link',
  },
  {
    files: ['test/theming-media.test.ts'],
    reason:
      "it emulates `prefers-color-scheme` and forced colours, which WebKit's WebDriver cannot (`emulateMedia` " +
      'throws `UnsupportedInEngineError` there); test/theming.test.ts styles every element in WebKit too',
  },
  {
    files: ['test/platform-refusal.test.ts'],
    reason:
      'it stages what `navigator.credentials.create()` answers, and WebKitGTK has no such method (the ' +
      'element says `unsupported` before any prompt, as test/engines/ shows)',
  },
];

/** What WebKit runs: every browser test but those of `WEBKIT_EXCLUDED`. */
export const WEBKIT_TESTS = [
  ...ALL_BROWSER_TESTS,
  ...WEBKIT_EXCLUDED.flatMap(({ files }) => files.map((file) => `!${file}`)),
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

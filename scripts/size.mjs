// @ts-check
/**
 * `npm run size` (after `npm run build`): what a page downloads, each JS file gzipped alone as it travels,
 * against the budgets of the performance issue. Exits non-zero when a budget is exceeded (CI runs it).
 *
 * The paths are built as users build them (scripts/measured-pages.mjs: the script tag, every package entry
 * bundled by Vite from an app, and the floor page).
 * - up front: the page's entry file and every file it imports statically, before anything renders;
 * - to first registration: every JS file the page fetched until `registration-success`, in Chromium with a
 *   virtual authenticator against the mock ZITADEL (v2) — a `<passkey-register>` page, in English.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, addVirtualAuthenticator } from './chromium.mjs';
import { FLOOR, VITE_BARE, VITE_RUNTIME, buildPaths, servePages } from './measured-pages.mjs';

/** @typedef {import('./measured-pages.mjs').Path} Path */

const KB = 1024;

/**
 * What each path a user takes may cost, gzip, each file alone: the ceiling CI enforces, and the performance
 * issue's goal where the ceiling is not there yet (printed, not enforced: a goal met becomes the ceiling).
 * The issue's lines: the script tag ≤ 12 KB up front, a `<passkey-register>` v2 page ≤ 18 KB to its first
 * registration, the root entry up front ≤ the script tag's, the per-element entries less. Every entry has a
 * ceiling about 2% over its size today, so that a change that grows one shows. (The ceilings were first set at
 * 16.86 KB for the script tag; the product states that came after — busy labels, progress, Cancel and
 * countdown, the list's states, template errors at their field — cost 2.7 KB gzip up front. Then the templates'
 * text was minified at build time, the script tag came to define `<registration-link-admin>` and
 * `<authenticator-list>` when their tag appears, a v2 registration came to load two chunks after the entry on
 * every path, the texts and the link template's helpers left the root entry, and lit's decorators gave way to
 * `static properties`; every ceiling came down. Stop 16 raised them again for what it fixed: the landing page
 * that finds its code after a reload, the busy ring in all four elements, a link shown only for its own
 * settings, "Use another device" — 0.30 KB up front in the script tag, 0.48 KB in the link admin's entry —
 * and the proxy's session token, its brokered code and its uniform verify refusals, 0.7 KB on the server.
 * Stop 17 raised the proxy's by 0.3 KB for its hardening — the canonical route check, the cross-origin
 * refusal and allowedOrigins, the query and response-header allowlists — less the brokered code it dropped:
 * 6.58 KB, on the server, where bytes cost no page anything. And it raised the ceilings to a first
 * registration by 0.2 KB: the verify sent once more when its outcome is unknown (in place of the list read
 * that could remove a working passkey), the v2 list without ListAuthenticationFactors, the focus kept on
 * the busy button and Escape — 25.76 KB for the script tag, 0.19 KB more than at stop 16. Stop 18 raised
 * the script tag's and the registration paths' by about 0.15 KB for the landing page in a browser that
 * cannot register — an in-app browser keeps the unspent link in the address bar with a note in place of the
 * button (`linkNoWebAuthn`), and a refusal after the start spent the code says the link is used up
 * (`linkRefused`) — two English texts in the entry, where every English text is: 15.17 KB up front; the entries that hold
 * the English texts too (`messages`, `react`) rose by as much. The ceremony's chunk then took 0.09 KB for a
 * link's second prompt refused at once (iOS in-app browsers), and the landing page 0.05 KB up front for its
 * hydration of server-rendered markup before its note: 15.21 KB up front, 26.08 KB to a first registration.)
 *
 * The goals of 12 KB up front and 18 KB to a first registration are not met, and this build will not meet
 * them with lit and what the elements do. Measured by deletion, not by moving (a probe, stop 16): with every
 * line of the registration element that is not its idle button removed and the English error texts
 * emptied, the script tag's entry still gzips to 12.64 KB; lit alone is 5.4 KB of it and the floor, lit with
 * `startRegistration`, 8.08 KB. The decision is to keep the behaviour (the states, the link's safety, the
 * languages) and hold every entry to its ceiling instead.
 *
 * `'script tag in a Vite app'`: the script tag's up front plus what Vite adds to any app that loads lazily
 * (the difference of the paths `VITE_RUNTIME` and `VITE_BARE`, measured in the same run: 0.91 KB when it was
 * introduced). An entry bundled by Vite carries that runtime, the script tag needs none: so the kit's own code
 * up front is compared like for like, and the root and the registration entries may hold no more of it.
 * @typedef {{ upFront?: number | 'script tag in a Vite app', toRegistration?: number }} Limits
 * @type {Record<string, Limits & { goal?: Limits }>}
 */
const BUDGETS = {
  'script tag (dist/passkey-elements.js)': {
    upFront: 15.4 * KB,
    toRegistration: 26.25 * KB,
    goal: { upFront: 12 * KB, toRegistration: 18 * KB },
  },
  "import 'passkey-elements'": {
    upFront: 'script tag in a Vite app',
    toRegistration: 27.1 * KB,
    goal: { toRegistration: 18 * KB },
  },
  "import 'passkey-elements/passkey-register.js'": {
    upFront: 'script tag in a Vite app',
    toRegistration: 26.4 * KB,
    goal: { toRegistration: 18 * KB },
  },
  "import 'passkey-elements/u2f-register.js'": { upFront: 'script tag in a Vite app' },
  "import 'passkey-elements/registration-link-admin.js'": { upFront: 13.95 * KB },
  "import 'passkey-elements/authenticator-list.js'": { upFront: 12.65 * KB },
  "import * from 'passkey-elements/backends'": { upFront: 5.55 * KB },
  "import * from 'passkey-elements/messages'": { upFront: 3.8 * KB },
  "import { PasskeyRegister } from 'passkey-elements/react'": { upFront: 16.25 * KB },
  "import * from 'passkey-elements/react' (react external)": { upFront: 21.55 * KB },
  "import 'passkey-elements/jsx', 'passkey-elements/vue' (types only)": { upFront: 0.1 * KB },
  'passkey-elements/proxy (server side)': { upFront: 6.75 * KB },
};

/** @param {Uint8Array | string} bytes */
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** @type {Path[]} */
const paths = await buildPaths();

/** @type {Map<string, string[]>} JS files fetched up to the first registration, per path */
const fetched = await registerOnEachPage(paths.filter((path) => path.page !== undefined));

/**
 * Opens each page in Chromium with a virtual authenticator, clicks its button and waits for the
 * registration; returns the URL paths of the JS files the page fetched by then.
 * @param {Path[]} pages
 */
async function registerOnEachPage(pages) {
  const { mock, pageOf, close } = await servePages(pages);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  /** @type {Map<string, string[]>} */
  const result = new Map();
  try {
    for (const path of pages) {
      mock.reset();
      const page = await browser.newPage();
      await addVirtualAuthenticator(page);
      await page.goto(pageOf(path));
      // The element's button, in its shadow root, once it has rendered.
      const button = await page.waitForFunction(
        () => document.body.firstElementChild?.shadowRoot?.querySelector('button'),
        null,
        { timeout: 15_000 },
      );
      await button.asElement()?.click();
      await page.waitForFunction(() => /** @type {any} */ (window).registered === true, null, {
        timeout: 15_000,
      });
      const urls = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
      );
      result.set(
        path.name,
        urls.filter((url) => url.endsWith('.js')),
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  return result;
}

const sum = (/** @type {Path} */ path, /** @type {string[]} */ urls) =>
  urls.reduce((total, url) => total + gzip(path.files.get(url) ?? new Uint8Array()), 0);
const floor = paths.find((path) => path.name === FLOOR);
const floorTotal = floor ? sum(floor, fetched.get(floor.name) ?? []) : Number.NaN;
const upFrontOf = (/** @type {string | undefined} */ name) => {
  const path = paths.find((candidate) => candidate.name === name);
  return path ? sum(path, path.upFront) : Number.NaN;
};
const scriptTagUpFront = upFrontOf(paths[0]?.name);
/** What Vite adds to an app with a lazy chunk: not the kit's, and not in the script tag. */
const viteRuntimeUpFront = upFrontOf(VITE_RUNTIME) - upFrontOf(VITE_BARE);

const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(2)} KB`;
const pad = (/** @type {string} */ text, /** @type {number} */ width) => text.padEnd(width);
/** @param {Limits['upFront']} limit */
const bytesOf = (limit) => {
  if (limit === 'script tag in a Vite app') return scriptTagUpFront + viteRuntimeUpFront;
  return limit;
};

/** @type {{ path: string, upFront: number, upFrontFiles: number, toRegistration?: number, toRegistrationFiles?: number }[]} */
const rows = paths.map((path) => {
  const urls = fetched.get(path.name);
  return {
    path: path.name,
    upFront: sum(path, path.upFront),
    upFrontFiles: path.upFront.length,
    ...(urls ? { toRegistration: sum(path, urls), toRegistrationFiles: urls.length } : {}),
  };
});

/** @type {string[]} */
const over = [];
/** @type {string[]} */
const goalsAhead = [];
for (const row of rows) {
  const budget = BUDGETS[row.path];
  if (!budget) {
    // The floor and the two apps that measure Vite's runtime are what the budgets are set against.
    if (![FLOOR, VITE_RUNTIME, VITE_BARE].includes(row.path)) over.push(`${row.path} has no budget`);
    continue;
  }
  for (const measure of /** @type {const} */ (['upFront', 'toRegistration'])) {
    const bytes = row[measure];
    if (bytes === undefined) continue;
    const ceiling = bytesOf(budget[measure]);
    const goal = bytesOf(budget.goal?.[measure]);
    const what = measure === 'upFront' ? 'up front' : 'to first registration';
    if (ceiling !== undefined && bytes > ceiling)
      over.push(`${row.path} ${what}: ${kb(bytes)} > ${kb(ceiling)}`);
    if (goal !== undefined && bytes > goal)
      goalsAhead.push(`${row.path} ${what}: ${kb(bytes)}, goal ≤ ${kb(goal)}`);
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ floor: floorTotal, rows }, null, 2));
} else {
  /** @param {number | undefined} bytes @param {Limits['upFront']} limit */
  const verdict = (bytes, limit) => {
    const ceiling = bytesOf(limit);
    if (bytes === undefined || ceiling === undefined) return '';
    return bytes <= ceiling ? `≤ ${kb(ceiling)} ok` : `> ${kb(ceiling)} OVER`;
  };
  console.log(
    `${pad('path (gzip, each file alone)', 70)}${pad('up front (files)', 22)}${pad('budget', 18)}${pad('to 1st registration (files)', 30)}${pad('budget', 18)}vs floor`,
  );
  for (const row of rows) {
    const budget = BUDGETS[row.path];
    const total =
      row.toRegistration === undefined ? '' : `${kb(row.toRegistration)} (${row.toRegistrationFiles})`;
    const ratio = row.toRegistration === undefined ? '' : `${(row.toRegistration / floorTotal).toFixed(2)}×`;
    console.log(
      `${pad(row.path, 70)}${pad(`${kb(row.upFront)} (${row.upFrontFiles})`, 22)}${pad(verdict(row.upFront, budget?.upFront), 18)}${pad(total, 30)}${pad(verdict(row.toRegistration, budget?.toRegistration), 18)}${ratio}`,
    );
  }
  console.log(
    `\nVite's runtime for lazy chunks, added to the script tag where an entry bundled by Vite is compared with it: ${kb(viteRuntimeUpFront)}`,
  );
  if (goalsAhead.length)
    console.log(`
Goals of the performance issue not met yet:\n  ${goalsAhead.join('\n  ')}`);
}
if (process.argv.includes('--files')) {
  for (const [name, urls] of fetched) {
    const path = paths.find((candidate) => candidate.name === name);
    if (!path) continue;
    console.log(`\n${name}, fetched up to registration-success:`);
    for (const url of urls) console.log(`  ${kb(gzip(path.files.get(url) ?? new Uint8Array()))}  ${url}`);
  }
}
if (over.length) {
  console.error(`\nA size budget is exceeded:\n  ${over.join('\n  ')}`);
  process.exit(1);
}

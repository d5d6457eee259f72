// @ts-check
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { createZitadelMock } from './mock/zitadel-mock.js';
import { CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { strictCspForFixtures } from './test/csp/policy.mjs';
import { scriptTagFixtures } from './test/script-tag/server.mjs';
import { ALL_BROWSER_TESTS, BROWSER_BINARIES, WEBKIT_TESTS, engineOfRun } from './test/support/engines.mjs';
import { firefoxLauncher } from './test/support/marionette-firefox.mjs';
import { proxyMiddleware } from './test/support/proxy-middleware.mjs';
import { prebundledReact } from './test/support/react-plugin.mjs';
import { redirectFixtures } from './test/support/redirects.mjs';
import { ssrFixtures } from './test/support/ssr-middleware.mjs';
import { webAuthnPlugin } from './test/support/webauthn-plugin.mjs';

/**
 * One engine per run, named by `ENGINES` (Chromium when unset): the mock's state is one per server, so
 * engines must not share one. `npm test` runs every engine, one after another (scripts/test-browsers.mjs).
 */
const engine = engineOfRun();

const binary = BROWSER_BINARIES[engine];
if (!existsSync(binary.path)) {
  // Fail loudly: a browser test that cannot find its browser must never pass silently.
  throw new Error(
    `${engine} not found at ${binary.path}. Install it (apt-get update && apt-get install -y ` +
      `--no-install-recommends ${binary.apt}) or set ${engine.toUpperCase()}_PATH` +
      (engine === 'webkit' ? ' (WEBKIT_DRIVER_PATH).' : '.'),
  );
}

/** @returns {Promise<number>} a free TCP port on the loopback interface */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts a program for this run and stops it when the run ends.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function startForThisRun(command, args, env = process.env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('error', (error) => {
    throw new Error(`Could not start ${command}: ${error.message}`);
  });
  process.on('exit', () => child.kill());
  return child;
}

/**
 * WebKitGTK's WebDriver starts its MiniBrowser, which needs an X display: without `DISPLAY`, an Xvfb for this
 * run (package xvfb).
 */
async function webkit() {
  const env = { ...process.env };
  if (!env.DISPLAY) {
    if (!existsSync('/usr/bin/Xvfb')) {
      throw new Error('WebKit needs a display: set DISPLAY or install Xvfb (apt-get install -y xvfb).');
    }
    const display = `:${90 + (process.pid % 9)}`;
    startForThisRun('/usr/bin/Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
    env.DISPLAY = display;
  }
  const port = await freePort();
  startForThisRun(binary.path, [`--port=${port}`, '--host=127.0.0.1'], env);
  return webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: /** @type {import('@wdio/types').Capabilities.RequestedStandaloneCapabilities} */ ({
      browserName: 'MiniBrowser',
      // Plain WebDriver: WebKitWebDriver has no BiDi.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    }),
  });
}

const browsers = {
  chromium: async () =>
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: binary.path, headless: true, args: CHROMIUM_ARGS },
    }),
  firefox: async () => firefoxLauncher(binary.path),
  webkit,
};

/** Browser messages every run prints and nobody needs: Lit's dev-mode banner and the expected 404s. */
const NOISE = [/^Lit is in dev mode\./, /status of 404 \(Not Found\)/];

const mock = createZitadelMock();

/**
 * The URLs the mock answered with 404 on purpose (a user or authenticator that does not exist is a case the
 * tests ask for). The report leaves them out; a 404 for anything else (a module, a fixture) still shows.
 * @type {Set<string>}
 */
const answeredNotFoundByMock = new Set();
const mockApi = mock.koa();
/** @type {import('@web/dev-server-core').Middleware} */
const zitadelMock = async (ctx, next) => {
  await mockApi(ctx, next);
  if (ctx.respond === false && ctx.res.statusCode === 404) answeredNotFoundByMock.add(ctx.url.substring(1));
};

/** wtr's default reporter, without the mock's intended 404s. */
function reporter() {
  const base = defaultReporter();
  return {
    ...base,
    /** @type {NonNullable<typeof base.reportTestFileResults>} */
    reportTestFileResults: (args) =>
      base.reportTestFileResults?.({
        ...args,
        sessionsForTestFile: args.sessionsForTestFile.map((session) => ({
          ...session,
          request404s: session.request404s.filter((url) => !answeredNotFoundByMock.has(url)),
        })),
      }),
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: engine === 'webkit' ? WEBKIT_TESTS : ALL_BROWSER_TESTS,
  nodeResolve: true,
  // The mock's state is one per server: test files run one after another so they cannot interfere.
  concurrency: 1,
  browsers: [await browsers[engine]()],
  middleware: [
    strictCspForFixtures(),
    scriptTagFixtures(),
    redirectFixtures(),
    ssrFixtures(),
    proxyMiddleware(),
    zitadelMock,
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'esnext' }),
    prebundledReact(),
    webAuthnPlugin(),
  ],
  reporters: [reporter()],
  filterBrowserLogs: ({ args }) => !NOISE.some((noise) => noise.test(String(args[0]))),
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 300_000,
};

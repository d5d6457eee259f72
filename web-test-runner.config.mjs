// @ts-check
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { createZitadelMock } from './mock/zitadel-mock.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { strictCspForFixtures } from './test/csp/policy.mjs';
import { scriptTagFixtures } from './test/script-tag/server.mjs';
import { prebundledReact } from './test/support/react-plugin.mjs';
import { redirectFixtures } from './test/support/redirects.mjs';
import { webAuthnPlugin } from './test/support/webauthn-plugin.mjs';

const chromium = CHROMIUM_PATH;
if (!existsSync(chromium)) {
  // Fail loudly: a browser test that cannot find its browser must never pass silently.
  throw new Error(
    `Chromium not found at ${chromium}. Install it (apt-get update && apt-get install -y chromium) ` +
      'or set CHROMIUM_PATH.',
  );
}

const mock = createZitadelMock();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  // The mock's state is one per server: test files run one after another so they cannot interfere.
  concurrency: 1,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  middleware: [strictCspForFixtures(), scriptTagFixtures(), redirectFixtures(), mock.koa()],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'esnext' }),
    prebundledReact(),
    webAuthnPlugin(),
  ],
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 300_000,
};

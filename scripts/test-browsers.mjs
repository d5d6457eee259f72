// @ts-check
/**
 * The browser tests in every engine: one web-test-runner run per engine, one after another, each with its own
 * test server and so its own mock ZITADEL (the mock's state is one per server; engines running at the same
 * time against one mock would see each other's users and requests).
 *
 *   ENGINES=firefox npm run test:browser        one engine (a comma list for several)
 *   npm run test:browser -- --files 'test/x.test.ts'   extra arguments go to every run
 *
 * Default: chromium, firefox, webkit (WebKit runs the no-ceremony set, see test/support/engines.mjs).
 * Prints the tests passed and failed per engine and the time each took; fails if any engine failed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { ENGINES, parseEngines } from '../test/support/engines.mjs';

/** The runner's command, as npm scripts find it (its package exports no bin path). */
const wtr = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const engines = parseEngines(process.env.ENGINES ?? ENGINES.join(','));
const extraArgs = process.argv.slice(2);

/**
 * @param {string} engine
 * @returns {Promise<{ engine: string, code: number, seconds: number, summary: string }>}
 */
function run(engine) {
  const started = Date.now();
  return new Promise((resolve) => {
    let tail = '';
    const child = spawn(process.execPath, [wtr, ...extraArgs], {
      env: { ...process.env, ENGINES: engine },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      // The runner's last progress line: "<Browser>: |███| 32/32 test files | 380 passed, 1 failed".
      const lines = stripVTControlCharacters(tail).split('\n');
      const summary = lines.findLast((line) => / test files \| /.test(line))?.trim() ?? 'no summary';
      resolve({ engine, code: code ?? 1, seconds: (Date.now() - started) / 1000, summary });
    });
  });
}

const results = [];
for (const engine of engines) {
  console.log(`\n== browser tests in ${engine}`);
  results.push(await run(engine));
}

console.log('\n== browser tests, per engine');
for (const { engine, code, seconds, summary } of results) {
  console.log(
    `${code === 0 ? 'ok  ' : 'FAIL'} ${engine.padEnd(8)} ${seconds.toFixed(0).padStart(4)} s  ${summary}`,
  );
}
process.exitCode = results.every(({ code }) => code === 0) ? 0 : 1;

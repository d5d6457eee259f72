// @ts-check
/**
 * `npm run bench`: headless Chromium, a CDP virtual authenticator and the mock ZITADEL with 150 ms of
 * latency per answer. Medians of 30 runs per mode, all in one run, side by side with a hand-written
 * baseline page (fetch + startRegistration). Then, after `npm run build`, the time to the visible button on
 * a throttled phone profile and the bytes to a first registration (`npm run size --json`), the kit's pages
 * against the floor page (bench/time-to-button.mjs). Writes BENCHMARKS.md from this run's own numbers.
 * BENCH_RUNS (30) and BENCH_ROUNDS (15) set the counts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { createZitadelMock } from '../mock/zitadel-mock.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, addVirtualAuthenticator } from '../scripts/chromium.mjs';
import { minifyTemplatesPlugin } from '../scripts/minify-templates.mjs';
import { buildScriptTag } from '../scripts/script-tag-bundle.mjs';
import { PROFILE, timeToButton } from './time-to-button.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const LATENCY_MS = 150;

const bundle = await esbuild.build({
  entryPoints: ['bench/pages.ts'],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  write: false,
  logLevel: 'error',
  // As `npm run build` ships the kit: its templates' text minified.
  plugins: [minifyTemplatesPlugin()],
});
const pagesJs = bundle.outputFiles[0]?.text ?? '';

/**
 * For the cost of defining the elements: the script-tag bundle exactly as `npm run build` makes it (its chunks
 * load later, when an element is used), against the floor of any Lit kit — lit and one trivial element.
 */
const litBaseline = await esbuild.build({
  entryPoints: ['bench/lit-baseline.ts'],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  write: false,
  logLevel: 'error',
});
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** @type {Map<string, string>} */
const defineFiles = new Map();
defineFiles.set('/define/lit-baseline.js', litBaseline.outputFiles[0]?.text ?? '');
for (const { path, code } of await buildScriptTag({ write: false })) {
  defineFiles.set(`/define/${relative(DIST, path)}`, code);
}
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/pages.js"></script></head><body></body></html>`;

const mock = createZitadelMock({ latencyMs: LATENCY_MS });
const server = createServer(async (req, res) => {
  if (await mock.handle(req, res)) return;
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/pages.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(pagesJs);
  } else if (defineFiles.has(path)) {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(defineFiles.get(path));
  } else if (path === '/blank') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
  } else if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, 'localhost', () => resolve(undefined)));
const address = server.address();
const origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});

/** @param {string} mode */
async function registration(mode) {
  mock.reset();
  const page = await browser.newPage();
  await addVirtualAuthenticator(page);
  await page.goto(`${origin}/?mode=${mode}`);
  await page.waitForFunction(() => /** @type {any} */ (window).bench?.ready === true);
  if (mode === 'prefetch') {
    // The options arrive in the background, as they would while the person reads the page.
    await page.waitForTimeout(LATENCY_MS * 3);
  }
  // The baseline's button is #register itself; the element's is in its shadow root (CSS pierces it).
  await page.click(mode === 'baseline' ? 'button#register' : '#register button');
  await page.waitForFunction(
    () =>
      /** @type {any} */ (window).bench.doneAt !== undefined ||
      /** @type {any} */ (window).bench.error !== undefined,
  );
  const result = await page.evaluate(() => /** @type {any} */ (window).bench);
  await page.close();
  if (result.error) throw new Error(`${mode}: ${result.error}`);
  return { prompt: result.promptAt - result.clickAt, total: result.doneAt - result.clickAt };
}

async function render() {
  const page = await browser.newPage();
  await page.goto(`${origin}/?mode=render`);
  await page.waitForFunction(() => /** @type {any} */ (window).bench?.ready === true);
  const result = await page.evaluate(() => /** @type {any} */ (window).bench);
  await page.close();
  return result;
}

/**
 * Loads, evaluates and defines: the elements the kit defines up front, or lit with one trivial element. A
 * fresh page each time, so nothing is cached in the page; the HTTP cache is warm for both after the first run.
 * @param {'kit' | 'lit-baseline'} which
 */
async function define(which) {
  const page = await browser.newPage();
  await page.goto(`${origin}/blank`);
  const ms = await page.evaluate(
    async (url) => {
      const start = performance.now();
      await import(url);
      return performance.now() - start;
    },
    `${origin}/define/${which === 'kit' ? 'passkey-elements' : which}.js`,
  );
  const defined = await page.evaluate(() => customElements.get('passkey-register') !== undefined);
  await page.close();
  if (which === 'kit' && !defined) throw new Error('the kit bundle did not define <passkey-register>');
  return ms;
}

/** @param {number[]} values @returns {number} */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ index) => sorted[index] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
};

/** The value below which `share` of `values` lie (linear between the two nearest), e.g. 0.25 for the lower quartile. */
const quantile = (/** @type {number[]} */ values, /** @type {number} */ share) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = share * (sorted.length - 1);
  const low = sorted[Math.floor(at)] ?? Number.NaN;
  const high = sorted[Math.ceil(at)] ?? Number.NaN;
  return low + (high - low) * (at - Math.floor(at));
};

const MODES = /** @type {const} */ (['baseline', 'element', 'prefetch']);
/** @type {Record<(typeof MODES)[number], {prompt: number[], total: number[]}>} */
const samples = {
  baseline: { prompt: [], total: [] },
  element: { prompt: [], total: [] },
  prefetch: { prompt: [], total: [] },
};
const renders = { elementsMs: /** @type {number[]} */ ([]), plainMs: /** @type {number[]} */ ([]) };
const defines = { kitMs: /** @type {number[]} */ ([]), litMs: /** @type {number[]} */ ([]) };
// Interleaved, so that whatever else the machine does falls on every mode alike.
for (let run = 0; run < RUNS; run += 1) {
  for (const mode of MODES) {
    const { prompt, total } = await registration(mode);
    samples[mode].prompt.push(prompt);
    samples[mode].total.push(total);
  }
  const { elementsMs, plainMs } = await render();
  renders.elementsMs.push(elementsMs);
  renders.plainMs.push(plainMs);
  defines.kitMs.push(await define('kit'));
  defines.litMs.push(await define('lit-baseline'));
  process.stdout.write(`\rrun ${run + 1}/${RUNS}`);
}
process.stdout.write('\n');
const toButton = await timeToButton(browser, ROUNDS, (done, all) =>
  process.stdout.write(`\rtime to button: round ${done}/${all}`),
);
process.stdout.write('\n');
await browser.close();
server.close();

const summary = (/** @type {(typeof MODES)[number]} */ mode) => ({
  prompt: median(samples[mode].prompt),
  total: median(samples[mode].total),
});
const m = { baseline: summary('baseline'), element: summary('element'), prefetch: summary('prefetch') };
const fmt = (/** @type {number} */ ms) => `${ms.toFixed(1)} ms`;
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => (a / b).toFixed(2);
const renderElements = median(renders.elementsMs);
const renderPlain = median(renders.plainMs);
const defineKit = median(defines.kitMs);
const defineLit = median(defines.litMs);
const chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version']).toString().trim();

const table = [
  `| measure (median of ${RUNS}, ${LATENCY_MS} ms latency per answer) | baseline | <passkey-register> | <passkey-register prefetch> |`,
  '| --- | --- | --- | --- |',
  `| time to prompt (click → navigator.credentials.create) | ${fmt(m.baseline.prompt)} | ${fmt(m.element.prompt)} | ${fmt(m.prefetch.prompt)} |`,
  `| whole registration (click → verified) | ${fmt(m.baseline.total)} | ${fmt(m.element.total)} | ${fmt(m.prefetch.total)} |`,
  `| whole registration, ratio to baseline | 1.00 | ${ratio(m.element.total, m.baseline.total)} | ${ratio(m.prefetch.total, m.baseline.total)} |`,
].join('\n');
const renderLine = `First render of 100 \`<passkey-register>\` (define excluded, module already loaded): median ${fmt(renderElements)}; 100 plain \`<button>\`s: ${fmt(renderPlain)}; ratio ${ratio(renderElements, renderPlain)}.`;
const defineLine = `Defining the elements (load, evaluate and define \`dist/passkey-elements.js\`: \`<passkey-register>\` and \`<u2f-register>\` with English texts; the other two are defined when their tag appears): median ${fmt(defineKit)}; lit with one trivial element: ${fmt(defineLit)}; ratio ${ratio(defineKit, defineLit)}.`;
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, ${chromiumVersion} (headless)`;

/** @type {{ floor: number, rows: { path: string, upFront: number, toRegistration?: number }[] }} */
const sizes = JSON.parse(spawnSync('node', ['scripts/size.mjs', '--json'], { encoding: 'utf8' }).stdout);
const floorButtons = toButton.samples.get(toButton.floor) ?? [];
const floorButton = median(floorButtons);
/**
 * Each round loads every page once, so a page's time over the floor's in the same round cancels most of what
 * the shared machine does to both: the median of those ratios, with the middle half of them.
 */
const pairedRatio = (/** @type {number[]} */ ms) => {
  const ratios = ms.map((value, round) => value / (floorButtons[round] ?? Number.NaN));
  return `${median(ratios).toFixed(2)} (${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)})`;
};
const kbOf = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const pathsTable = [
  `| page (a \`<passkey-register>\`, v2) | JS up front | JS to first registration | ratio to floor | time to button (median of ${ROUNDS}) | ratio to floor | ratio to the floor of the same round (middle half) |`,
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...[...toButton.samples].map(([name, ms]) => {
    const size = sizes.rows.find((row) => row.path === name);
    const total = size?.toRegistration ?? Number.NaN;
    return `| ${name} | ${kbOf(size?.upFront ?? Number.NaN)} | ${kbOf(total)} | ${ratio(total, sizes.floor)} | ${fmt(median(ms))} | ${ratio(median(ms), floorButton)} | ${pairedRatio(ms)} |`;
  }),
].join('\n');
const profile = `${PROFILE.latency} ms latency, ${(PROFILE.downloadThroughput * 8) / 1e6} Mbps down, ${(PROFILE.uploadThroughput * 8) / 1e3} kbps up, CPU ×${PROFILE.cpuSlowdown}`;

console.log(pathsTable);
console.log(table);
console.log(renderLine);
console.log(defineLine);
console.log(`machine: ${machine}`);

writeFileSync(
  'BENCHMARKS.md',
  `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) from its own run on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.
Headless Chromium with a CDP virtual authenticator; the mock ZITADEL answers every request after ${LATENCY_MS} ms.
Modes run interleaved, ${RUNS} times each; figures are medians. The machine is shared and noisy: compare the
ratios within this run, not the milliseconds across runs.

## Bytes and time to the button, against the floor

Each JS file gzipped alone, as it travels (\`npm run size\`, after \`npm run build\`); time from navigation start
to the button on screen, throttled through CDP (${profile}; cache disabled, a fresh browser context per load),
${ROUNDS} interleaved rounds whose order rotates. The floor is bench/floor.ts: lit, one element with a button and
\`startRegistration\` doing the same two requests, bundled by Vite. Goal: time to button ≤ 1.15× the floor. The last
column pairs each load with the floor's load of the same round: its median and the middle half of those ratios.

${pathsTable}

## Registration

${table}

${renderLine}

${defineLine}

Without \`prefetch\`, the prompt waits for one round trip (RegisterPasskey) — as the baseline does. With \`prefetch\`, the
options are already there and \`navigator.credentials.create()\` is called inside the click itself.

Machine: ${machine}.
`,
);

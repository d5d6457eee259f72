// @ts-check
/**
 * Renders every story of the built Storybook (storybook-static/, from `npm run build-storybook`) in
 * Chromium, lets its play function run, and fails when a story errors, its play function throws, an axe
 * check fails (`a11y.test: 'error'` in .storybook/preview.ts), the page throws or rejects unhandled, it logs
 * with console.error, or it asks for anything beyond the built files.
 *
 * It listens to the preview's own channel (`window.__STORYBOOK_ADDONS_CHANNEL__`): Storybook emits
 * `storyFinished` once a story has rendered, played and run its `afterEach` (where the axe check runs),
 * with `status: 'error'` when a check failed.
 *
 *   node scripts/check-storybook.mjs            every story
 *   node scripts/check-storybook.mjs list       the stories whose id contains "list"
 *
 * CHROMIUM_PATH names the browser (default /usr/bin/chromium).
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const STATIC_DIR = fileURLToPath(new URL('../storybook-static/', import.meta.url));
/** How long loading iframe.html (Storybook's preview and the stories' code) may take. */
const LOAD_TIMEOUT_MS = 30_000;
/** How long one story may take to render and play once loaded; the interactive ones take a few 900 ms steps. */
const STORY_TIMEOUT_MS = 20_000;
/**
 * Pages open at once. Loading the preview and the axe check keep a CPU busy for a few seconds per story, so
 * more pages than CPUs only make each story slower; the play functions' waits still overlap with two.
 */
const PARALLEL_PAGES = Math.min(4, Math.max(2, availableParallelism()));
/** After a story has failed, how long to wait for `storyFinished` to collect the rest of what went wrong. */
const GRACE_MS = 2_000;

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * @typedef {{ id: string; type: string; title: string; name: string; tags?: string[] }} IndexEntry
 * @typedef {{ v: number; entries: Record<string, IndexEntry> }} StoryIndex
 * @typedef {{ type: string; storyId?: string; status?: string; messages: string[] }} StoryEvent
 * @typedef {{ id: string; ok: boolean; failures: string[]; ms: number }} StoryResult
 */

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`check-storybook: ${message}`);
  process.exit(1);
}

/** @returns {Promise<StoryIndex>} */
async function readIndex() {
  const path = join(STATIC_DIR, 'index.json');
  if (!existsSync(path)) {
    fail(`${relative(process.cwd(), path)} is missing: run \`npm run build-storybook\` first.`);
  }
  return /** @type {StoryIndex} */ (JSON.parse(await readFile(path, 'utf8')));
}

/**
 * Serves storybook-static/ on a free port of 127.0.0.1.
 * @returns {Promise<{ origin: string; close: () => Promise<void> }>}
 */
async function serveStatic() {
  const root = resolve(STATIC_DIR);
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const path = resolve(root, `.${decodeURIComponent(pathname)}`);
    const inside = path === root || path.startsWith(root + sep);
    const directory = inside && (await stat(path).catch(() => undefined))?.isDirectory();
    const file = directory ? join(path, 'index.html') : path;
    const found = inside && (await stat(file).catch(() => undefined))?.isFile();
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      // The files do not change while the check runs: each page after the first loads them from the cache.
      'cache-control': 'max-age=3600',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((done, failed) => {
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => done(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') fail('the static server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

/**
 * Runs in each page before Storybook does: subscribes to the preview's channel as soon as Storybook sets
 * it, and hands what happens to `window.__reportStoryEvent` (a binding to this script).
 */
function listenToPreview() {
  /** @param {StoryEvent} event */
  const report = (event) => {
    const binding = /** @type {((event: StoryEvent) => Promise<void>) | undefined} */ (
      Reflect.get(globalThis, '__reportStoryEvent')
    );
    void binding?.(event);
  };
  /** @param {unknown} error */
  const describe = (error) => {
    if (error && typeof error === 'object') {
      const { name, message, stack } = /** @type {{ name?: string; message?: string; stack?: string }} */ (
        error
      );
      return stack && message && stack.includes(message) ? stack : `${name ?? 'Error'}: ${message ?? ''}`;
    }
    return String(error);
  };

  /** @typedef {{ on: (event: string, listener: (...args: unknown[]) => void) => void }} Channel */
  /** @param {Channel} channel */
  const subscribe = (channel) => {
    channel.on('storyFinished', (payload) => {
      const { storyId, status, reporters } =
        /** @type {{ storyId: string; status: string; reporters?: { type: string; status: string; result?: unknown }[] }} */ (
          payload
        );
      const messages = (reporters ?? [])
        .filter((reporter) => reporter.status === 'failed')
        .map((reporter) => {
          const result =
            /** @type {{ violations?: { id: string; help: string; nodes: unknown[] }[]; error?: unknown }} */ (
              reporter.result ?? {}
            );
          if (result.error) return `${reporter.type} check failed: ${describe(result.error)}`;
          const violations = (result.violations ?? [])
            .map(({ id, help, nodes }) => `${id} (${help}; ${nodes.length} element(s))`)
            .join(', ');
          return `${reporter.type} check failed: ${violations}`;
        });
      report({ type: 'storyFinished', storyId, status, messages });
    });
    channel.on('playFunctionThrewException', (error) =>
      report({ type: 'playFunctionThrewException', messages: [describe(error)] }),
    );
    channel.on('unhandledErrorsWhilePlaying', (errors) =>
      report({
        type: 'unhandledErrorsWhilePlaying',
        messages: /** @type {unknown[]} */ (errors).map(describe),
      }),
    );
    channel.on('storyThrewException', (error) =>
      report({ type: 'storyThrewException', messages: [describe(error)] }),
    );
    channel.on('storyErrored', (payload) => {
      const { title, description } = /** @type {{ title?: string; description?: string }} */ (payload);
      report({ type: 'storyErrored', messages: [`${title ?? ''} ${description ?? ''}`.trim()] });
    });
    channel.on('storyMissing', (storyId) =>
      report({ type: 'storyMissing', messages: [`no such story: ${String(storyId)}`] }),
    );
    channel.on('configError', (error) => report({ type: 'configError', messages: [describe(error)] }));
  };

  const subscribed = new WeakSet();
  /** @type {unknown} */
  let current;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => current,
    set: (channel) => {
      current = channel;
      if (channel && typeof channel === 'object' && 'on' in channel && !subscribed.has(channel)) {
        subscribed.add(channel);
        subscribe(/** @type {Channel} */ (channel));
      }
    },
  });
}

/** Events after which the preview does nothing more for the story. */
const FINAL_EVENTS = new Set(['storyFinished', 'storyMissing', 'configError']);
/** Events that fail the story by themselves. */
const FAILING_EVENTS = new Set([
  'playFunctionThrewException',
  'unhandledErrorsWhilePlaying',
  'storyThrewException',
  'storyErrored',
  'storyMissing',
  'configError',
]);

/**
 * Opens one story in a new page of `context` and waits until the preview has finished it.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} origin
 * @param {string} id
 * @returns {Promise<StoryResult>}
 */
async function checkStory(context, origin, id) {
  const started = Date.now();
  /** @type {string[]} */
  const failures = [];
  /** First lines of what was reported, without its source: Storybook logs a play function's error too. */
  const reported = new Set();
  const addFailure = (/** @type {string} */ message) => {
    const [firstLine = ''] = message.replace(/^[\w. ]+?: (?=\w*Error\b)/, '').split('\n');
    if (reported.has(firstLine)) return;
    reported.add(firstLine);
    failures.push(message);
  };
  /** @type {(reason: string) => void} */
  let settle = () => undefined;
  const settled = new Promise((done) => (settle = done));
  /** @type {NodeJS.Timeout | undefined} */
  let grace;
  const failed = (/** @type {string} */ message) => {
    addFailure(message);
    // Storybook usually still sends storyFinished; if it does not, do not wait the whole timeout.
    grace ??= setTimeout(() => settle('failed'), GRACE_MS);
  };

  const page = await context.newPage();
  try {
    await page.exposeFunction('__reportStoryEvent', (/** @type {StoryEvent} */ event) => {
      if (event.storyId !== undefined && event.storyId !== id) return;
      for (const message of event.messages) {
        if (FAILING_EVENTS.has(event.type)) failed(`${event.type}: ${message}`);
        else addFailure(message);
      }
      if (event.type === 'storyFinished' && event.status !== 'success' && failures.length === 0) {
        addFailure(`storyFinished with status ${event.status}`);
      }
      if (FINAL_EVENTS.has(event.type)) settle(event.type);
    });
    await page.addInitScript(listenToPreview);
    page.on('pageerror', (error) => failed(`page error: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') failed(`console.error: ${message.text()}`);
    });
    page.on('crash', () => failed('the page crashed'));
    // Stories run offline: anything beyond the built files is a bug in a story.
    await page.route(
      (url) => url.origin !== origin,
      (route) => {
        failed(`request outside the built Storybook: ${route.request().url()}`);
        return route.abort();
      },
    );

    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, {
      timeout: LOAD_TIMEOUT_MS,
    });
    // Counted from the load, so a busy machine's slow start does not eat the story's own time.
    const timeout = new Promise((done) => setTimeout(() => done('timeout'), STORY_TIMEOUT_MS).unref());
    const outcome = await Promise.race([settled, timeout]);
    if (outcome === 'timeout') {
      const phase = await page
        .evaluate(() => {
          const preview = /** @type {{ storyRenders?: { phase?: string }[] } | undefined} */ (
            Reflect.get(globalThis, '__STORYBOOK_PREVIEW__')
          );
          return preview?.storyRenders?.at(-1)?.phase ?? 'no story render';
        })
        .catch(() => 'unknown');
      addFailure(`timed out after ${STORY_TIMEOUT_MS / 1000} s (phase: ${phase})`);
    }
  } catch (error) {
    addFailure(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(grace);
    await page.close().catch(() => undefined);
  }
  return { id, ok: failures.length === 0, failures, ms: Date.now() - started };
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const filter = process.argv[2] ?? '';
  const index = await readIndex();
  const ids = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' && entry.id.includes(filter))
    .map((entry) => entry.id);
  if (ids.length === 0)
    fail(`storybook-static/index.json lists no story${filter ? ` matching "${filter}"` : ''}.`);

  if (!existsSync(CHROMIUM_PATH)) {
    fail(`no Chromium at ${CHROMIUM_PATH}: install it, or set CHROMIUM_PATH to its executable.`);
  }
  const browser = await chromium
    .launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    })
    .catch((/** @type {unknown} */ error) =>
      fail(`Chromium at ${CHROMIUM_PATH} did not start: ${error instanceof Error ? error.message : error}`),
    );
  const server = await serveStatic();
  const started = Date.now();
  /** @type {StoryResult[]} */
  const results = [];
  try {
    const queue = [...ids];
    const worker = async () => {
      const context = await browser.newContext();
      try {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const result = await checkStory(context, server.origin, id);
          results.push(result);
          const [first = ''] = result.failures;
          console.log(
            result.ok ? `ok    ${id} (${seconds(result.ms)})` : `FAIL  ${id}: ${first.split('\n')[0]}`,
          );
        }
      } finally {
        await context.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PAGES, ids.length) }, worker));
  } finally {
    await browser.close();
    await server.close();
  }

  const failed = results.filter((result) => !result.ok);
  for (const { id, failures } of failed) {
    console.error(`\n✗ ${id}`);
    for (const failure of failures) console.error(`  ${failure.replace(/\n/g, '\n    ')}`);
  }
  console.log(
    `\n${results.length} stories checked in ${seconds(Date.now() - started)}: ` +
      `${results.length - failed.length} ok, ${failed.length} failed`,
  );
  process.exitCode = failed.length > 0 ? 1 : 0;
}

await main();

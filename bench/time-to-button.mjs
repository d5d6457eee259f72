// @ts-check
/**
 * Time to the visible button on a throttled phone profile (CDP: 150 ms latency, 1.6 Mbps down, 750 kbps up,
 * CPU ×4, cache disabled, a fresh browser context per load): the kit's `<passkey-register>` pages — the
 * script tag, `import 'passkey-elements'` and `import 'passkey-elements/passkey-register.js'` bundled by
 * Vite — against the floor page (lit + `startRegistration`), in interleaved rounds whose order rotates.
 * Measured in the page from navigation start to the first animation frame with the button laid out and labelled.
 */
import { FLOOR, buildPaths, servePages } from '../scripts/measured-pages.mjs';

export const PROFILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1e6) / 8,
  uploadThroughput: (750 * 1e3) / 8,
  cpuSlowdown: 4,
};

/** Runs in the page before its scripts: notes when the button is first on screen. */
function watchForButton() {
  const look = () => {
    const host = document.querySelector('passkey-register, floor-register');
    const button = host?.shadowRoot?.querySelector('button');
    if (button && button.getBoundingClientRect().width > 0 && button.textContent?.trim()) {
      /** @type {any} */ (window).buttonAt = performance.now();
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {number} rounds
 * @param {(done: number, all: number) => void} [progress]
 * @returns {Promise<{ floor: string, samples: Map<string, number[]> }>} milliseconds per page name
 */
export async function timeToButton(browser, rounds, progress) {
  const pages = await buildPaths({ registering: true });
  const { pageOf, close } = await servePages(pages);
  /** @type {Map<string, number[]>} */
  const samples = new Map(pages.map((path) => [path.name, []]));
  try {
    for (let round = 0; round < rounds; round += 1) {
      const order = pages.map((_, index) => pages[(index + round) % pages.length]);
      for (const path of order) {
        if (!path) continue;
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: PROFILE.latency,
          downloadThroughput: PROFILE.downloadThroughput,
          uploadThroughput: PROFILE.uploadThroughput,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
        await page.addInitScript(watchForButton);
        await page.goto(pageOf(path));
        const at = await page.waitForFunction(() => /** @type {any} */ (window).buttonAt, null, {
          timeout: 30_000,
        });
        samples.get(path.name)?.push(Number(await at.jsonValue()));
        await context.close();
      }
      progress?.(round + 1, rounds);
    }
  } finally {
    await close();
  }
  return { floor: FLOOR, samples };
}

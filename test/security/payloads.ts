import { expect } from '@open-wc/testing';

/** Text that would run script or create elements if anyone put it into HTML. Each sets `window.__xss`. */
export const PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  'javascript:window.__xss=1',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '${window.__xss=1}',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<details open ontoggle="window.__xss=1">',
  '<body onload=window.__xss=1>',
  '<object data="javascript:window.__xss=1"></object>',
];

declare global {
  interface Window {
    __xss?: number;
  }
}

const DANGEROUS =
  'img, script, iframe, object, embed, math, details, body, a[href^="javascript"], [onerror], [onload]';

/** Elements a payload could have created inside a shadow root (the kit's own SVG QR code aside). */
export function injectedElements(root: ShadowRoot): Element[] {
  return [...root.querySelectorAll(DANGEROUS)];
}

/** A moment for anything a payload might have started (an image's error, a toggle) to run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Clears `window.__xss` before each test of the suite and fails the test if a payload set it. */
export function failIfAPayloadRuns(): void {
  beforeEach(() => {
    delete window.__xss;
  });
  afterEach(() => {
    expect(window.__xss, 'no payload ran').to.equal(undefined);
  });
}

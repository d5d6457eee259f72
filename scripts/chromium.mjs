// @ts-check
/**
 * Debian's Chromium, as every browser run here launches it (tests, bench, the story check): headless, and
 * with the networking flags this closed network needs (see ../shared/toolchain.md).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

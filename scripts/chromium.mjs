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

/** The passkey provider every scripted page gets: a CDP virtual authenticator that verifies the user. */
export const PASSKEY_AUTHENTICATOR = Object.freeze({
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
});

/**
 * Gives a Playwright page a virtual authenticator over CDP (Chromium only), for the scripts and Node tests
 * that drive pages themselves; browser tests use the `webauthn:*` commands instead.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ cdp: import('playwright-core').CDPSession, authenticatorId: string }>}
 */
export async function addVirtualAuthenticator(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { ...PASSKEY_AUTHENTICATOR },
  });
  return { cdp, authenticatorId };
}

/**
 * The browser engine this test runs in, and what its automation can and cannot do. Tests that depend on a
 * difference between engines read it and assert each engine's own behaviour, saying why; none is skipped.
 */

export type EngineName = 'chromium' | 'firefox' | 'webkit';

export interface Engine {
  readonly name: EngineName;
  /** The engine implements Web Authentication (WebKitGTK, as Debian builds it, does not). */
  readonly hasWebAuthn: boolean;
  /** Presence can be switched on and off after adding an authenticator (Firefox sets it only when adding). */
  readonly canChangePresence: boolean;
}

function engineName(userAgent: string): EngineName {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\b(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)) return 'chromium';
  if (/\bAppleWebKit\//.test(userAgent)) return 'webkit';
  throw new Error(`Unknown browser engine: ${userAgent}`);
}

const name = engineName(navigator.userAgent);

export const engine: Engine = {
  name,
  hasWebAuthn: typeof PublicKeyCredential === 'function' && 'credentials' in navigator,
  canChangePresence: name === 'chromium',
};

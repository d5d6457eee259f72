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
  /**
   * The credential name the kit makes from this browser's user agent when no provider is known: the browser
   * and the system the tests run on (Linux here, in every engine).
   */
  readonly deviceName: string;
  /**
   * The engine answers `authenticatorAttachment: "platform"` with a credential from the virtual internal
   * authenticator. Firefox on Linux has no platform authenticator of its own and refuses that choice with
   * `NotAllowedError` at once, before any prompt, even with a virtual `internal` authenticator added.
   */
  readonly hasPlatformAuthenticator: boolean;
  /**
   * The engine refuses a registration that requires user verification when the authenticator cannot verify
   * the user (`NotAllowedError`). Firefox's virtual authenticator returns a credential without the UV flag
   * instead, and leaves the refusal to the server (which then answers `verification-failed` when it checks).
   */
  readonly refusesUnverifiedUser: boolean;
  /**
   * The automation can grant the clipboard permission (`clipboard:grant`), so a test can read the clipboard
   * back. WebKit's WebDriver (classic) cannot: there a test checks what the kit handed to `writeText`.
   */
  readonly canGrantClipboard: boolean;
}

function engineName(userAgent: string): EngineName {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\b(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)) return 'chromium';
  if (/\bAppleWebKit\//.test(userAgent)) return 'webkit';
  throw new Error(`Unknown browser engine: ${userAgent}`);
}

const name = engineName(navigator.userAgent);

const DEVICE_NAMES: Record<EngineName, string> = {
  chromium: 'Chrome on Linux',
  firefox: 'Firefox on Linux',
  // WebKitGTK's MiniBrowser says "Version/… Safari/…"; it runs no ceremony, so no test names a credential.
  webkit: 'Safari on Linux',
};

export const engine: Engine = {
  name,
  hasWebAuthn: typeof PublicKeyCredential === 'function' && 'credentials' in navigator,
  canChangePresence: name === 'chromium',
  deviceName: DEVICE_NAMES[name],
  hasPlatformAuthenticator: name === 'chromium',
  refusesUnverifiedUser: name === 'chromium',
  canGrantClipboard: name !== 'webkit',
};

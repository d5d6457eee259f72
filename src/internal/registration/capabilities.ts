/**
 * What this browser and device can do for a registration, found before the click so the element can say
 * what will happen — or that this device cannot, and what to do instead.
 */
export interface Capabilities {
  /** WebAuthn is there at all (a secure context in a browser that has it). */
  webauthn: boolean;
  /** A passkey provider on this device that verifies the user (Touch ID, Windows Hello, a screen lock). */
  platformAuthenticator: boolean;
  /** A phone can be used over hybrid transport (scanning a QR code); unknown where the browser does not say. */
  hybrid: boolean | undefined;
  /** Where the answers came from. */
  source: 'getClientCapabilities' | 'isUserVerifyingPlatformAuthenticatorAvailable' | 'none';
}

type CapabilityMap = Record<string, boolean | undefined>;
interface PublicKeyCredentialWithCapabilities {
  getClientCapabilities?: () => Promise<CapabilityMap>;
  isUserVerifyingPlatformAuthenticatorAvailable?: () => Promise<boolean>;
}

const NO_WEBAUTHN: Capabilities = Object.freeze({
  webauthn: false,
  platformAuthenticator: false,
  hybrid: false,
  source: 'none',
});

/**
 * Whether this browser has WebAuthn at all, known at once: `PublicKeyCredential` in a secure context. Where
 * it is `false` nothing can create a credential here (WebKitGTK, many in-app browsers, an `http:` page).
 */
export function hasWebAuthn(): boolean {
  return (
    Boolean((globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential) &&
    globalThis.isSecureContext
  );
}

/**
 * Asks `PublicKeyCredential.getClientCapabilities()` where it exists (Chrome 133+, Safari 17.4+), and
 * `isUserVerifyingPlatformAuthenticatorAvailable()` otherwise. Never throws: a failing probe means "unknown",
 * which is reported as the conservative answer.
 */
export async function detectCapabilities(): Promise<Capabilities> {
  if (!hasWebAuthn()) return NO_WEBAUTHN;
  const credential = (globalThis as { PublicKeyCredential?: unknown })
    .PublicKeyCredential as PublicKeyCredentialWithCapabilities;
  if (typeof credential.getClientCapabilities === 'function') {
    try {
      const map = await credential.getClientCapabilities();
      return {
        webauthn: true,
        platformAuthenticator:
          map.userVerifyingPlatformAuthenticator ?? map.passkeyPlatformAuthenticator ?? false,
        hybrid: map.hybridTransport,
        source: 'getClientCapabilities',
      };
    } catch {
      // fall through to the older probe
    }
  }
  let platformAuthenticator = false;
  try {
    platformAuthenticator = (await credential.isUserVerifyingPlatformAuthenticatorAvailable?.()) ?? false;
  } catch {
    platformAuthenticator = false;
  }
  return {
    webauthn: true,
    platformAuthenticator,
    hybrid: undefined,
    source: 'isUserVerifyingPlatformAuthenticatorAvailable',
  };
}

/** The capabilities as space-separated tokens for the reflected attribute: `[capabilities~=platform]`. */
export function capabilityTokens(capabilities: Capabilities): string {
  return [
    capabilities.webauthn && 'webauthn',
    capabilities.platformAuthenticator && 'platform',
    capabilities.hybrid && 'hybrid',
  ]
    .filter(Boolean)
    .join(' ');
}

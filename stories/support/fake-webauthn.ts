/**
 * A scripted stand-in for the browser's WebAuthn, so a story reaches `prompting`, `verifying`, `success` or a
 * WebAuthn error without a real authenticator, a real prompt or a passkey saved for a fake site.
 *
 * `fakeWebAuthn()` is meant for a story's `beforeEach`: it returns the function that puts the real API back,
 * which Storybook calls when the story unmounts.
 */

/** The `DOMException` names `navigator.credentials.create()` rejects with, and what the elements make of them. */
export type WebAuthnErrorName =
  | 'NotAllowedError' // cancelled
  | 'InvalidStateError' // already-registered
  | 'NotSupportedError' // unsupported
  | 'SecurityError'; // security

export interface FakeWebAuthnOptions {
  /**
   * What `navigator.credentials.create()` does: return a new credential (default), never answer (the
   * browser's prompt stays open), or reject with a `DOMException` of that name.
   */
  create?: 'credential' | 'pending' | WebAuthnErrorName;
  /** Milliseconds before `create()` answers, so a person watching sees the prompt step go by. */
  delay?: number;
  /** `false` takes `PublicKeyCredential` away: an old browser or an insecure context. */
  webauthn?: boolean;
  /** Whether this device has a passkey provider of its own (Touch ID, Windows Hello, a screen lock). */
  platformAuthenticator?: boolean;
}

const ERROR_MESSAGES: Record<WebAuthnErrorName, string> = {
  NotAllowedError: 'The operation either timed out or was not allowed.',
  InvalidStateError:
    'The user attempted to register an authenticator that contains one of the credentials already registered with the relying party.',
  NotSupportedError: 'The user agent does not support the requested algorithms.',
  SecurityError:
    'The relying party ID is not a registrable domain suffix of, nor equal to the current domain.',
};

/** The fakes of the stories mounted right now, newest last: a docs page mounts several at once. */
const installed: Required<FakeWebAuthnOptions>[] = [];
/** Puts the real API back; set while any fake is installed. */
let restoreRealApi: (() => void) | undefined;

/** Replaces `navigator.credentials.create()` and `PublicKeyCredential` until the returned function runs. */
export function fakeWebAuthn(options: FakeWebAuthnOptions = {}): () => void {
  const fake: Required<FakeWebAuthnOptions> = {
    create: 'credential',
    delay: 0,
    webauthn: true,
    platformAuthenticator: true,
    ...options,
  };
  installed.push(fake);
  restoreRealApi ??= installFakes();
  showAvailability();
  return () => {
    const index = installed.indexOf(fake);
    if (index !== -1) installed.splice(index, 1);
    if (installed.length > 0) {
      showAvailability();
    } else {
      restoreRealApi?.();
      restoreRealApi = undefined;
    }
  };
}

/** The fake that answers now: the one installed last. */
function current(): Required<FakeWebAuthnOptions> {
  const fake = installed.at(-1);
  if (!fake) throw new Error('fakeWebAuthn: no fake is installed');
  return fake;
}

/** A `PublicKeyCredential` whose capability probes answer what the current fake says. */
const FakePublicKeyCredential = Object.assign(function PublicKeyCredential() {}, {
  async getClientCapabilities(): Promise<Record<string, boolean>> {
    const { platformAuthenticator } = current();
    return {
      userVerifyingPlatformAuthenticator: platformAuthenticator,
      passkeyPlatformAuthenticator: platformAuthenticator,
      hybridTransport: true,
    };
  },
  async isUserVerifyingPlatformAuthenticatorAvailable(): Promise<boolean> {
    return current().platformAuthenticator;
  },
});

/** Defines `key` on `target` as an own property and returns how to undo that. */
function replace(target: object, key: PropertyKey, value: unknown): () => void {
  const saved = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => {
    if (saved) Object.defineProperty(target, key, saved);
    else Reflect.deleteProperty(target, key);
  };
}

function installFakes(): () => void {
  const undo: (() => void)[] = [];
  // Outside a secure context there is no `navigator.credentials` to patch: lend one for the story.
  if (!(navigator as { credentials?: CredentialsContainer }).credentials) {
    undo.push(replace(navigator, 'credentials', {}));
  }
  undo.push(replace(navigator.credentials, 'create', fakeCreate));
  undo.push(replace(globalThis, 'PublicKeyCredential', FakePublicKeyCredential));
  return () => {
    for (const step of undo.reverse()) step();
  };
}

/** WebAuthn is there or not, as the current fake says: the elements probe `PublicKeyCredential` for it. */
function showAvailability(): void {
  (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential = current().webauthn
    ? FakePublicKeyCredential
    : undefined;
}

/** The fake `navigator.credentials.create()`: answers after `delay`, and stops when its signal aborts. */
function fakeCreate(init?: CredentialCreationOptions): Promise<Credential | null> {
  const { create, delay } = current();
  const signal = init?.signal;
  return new Promise((resolve, reject) => {
    // reset(), removal of the element and a newer ceremony all abort the prompt: a real browser closes it.
    const aborted = () => new DOMException('The operation was aborted.', 'AbortError');
    if (signal?.aborted) return reject(aborted());
    if (create === 'pending') {
      signal?.addEventListener('abort', () => reject(aborted()), { once: true });
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      if (create === 'credential') resolve(fakeCredential(init?.publicKey));
      else reject(new DOMException(ERROR_MESSAGES[create], create));
    }, delay);
    const abort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

function bytes(source: BufferSource | undefined): Uint8Array {
  if (!source) return new Uint8Array();
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
}

function base64Url(data: Uint8Array): string {
  return btoa(String.fromCharCode(...data))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function buffer(data: Uint8Array): ArrayBuffer {
  return data.slice().buffer;
}

/**
 * Something shaped like the `PublicKeyCredential` a browser returns: what `@simplewebauthn/browser` reads
 * from it. The attestation is filler: the fake backends never parse it.
 */
function fakeCredential(options: PublicKeyCredentialCreationOptions | undefined): Credential {
  const rawId = crypto.getRandomValues(new Uint8Array(16));
  const roaming = options?.authenticatorSelection?.authenticatorAttachment === 'cross-platform';
  const clientData = {
    type: 'webauthn.create',
    challenge: base64Url(bytes(options?.challenge)),
    origin: location.origin,
    crossOrigin: false,
  };
  const credential = {
    id: base64Url(rawId),
    rawId: buffer(rawId),
    type: 'public-key',
    authenticatorAttachment: roaming ? 'cross-platform' : 'platform',
    response: {
      clientDataJSON: buffer(new TextEncoder().encode(JSON.stringify(clientData))),
      attestationObject: buffer(crypto.getRandomValues(new Uint8Array(64))),
      getTransports: () => (roaming ? ['usb', 'nfc'] : ['internal', 'hybrid']),
      getPublicKeyAlgorithm: () => -7,
    },
    getClientExtensionResults: () => ({}),
  };
  // The one place the fake meets the DOM's types: a plain object standing in for a browser-made credential.
  return credential as unknown as Credential;
}

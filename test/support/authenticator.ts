import { executeServerCommand } from '@web/test-runner-commands';
import { engine } from './engine.js';

export { engine };

/**
 * Options of CDP `WebAuthn.addVirtualAuthenticator`; in Firefox the plugin passes them to Marionette's
 * `WebAuthn:AddVirtualAuthenticator` (`automaticPresenceSimulation` becomes `isUserConsenting`).
 */
export interface VirtualAuthenticatorOptions {
  protocol?: 'ctap2' | 'u2f';
  transport?: 'internal' | 'usb' | 'nfc' | 'ble' | 'hybrid';
  hasResidentKey?: boolean;
  hasUserVerification?: boolean;
  isUserVerified?: boolean;
  automaticPresenceSimulation?: boolean;
}

export interface StoredCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId: string;
  userHandle?: string;
  signCount: number;
}

/** What a `webauthn:*` command answers where the engine cannot do it (see `webauthn-plugin.mjs`). */
interface Unsupported {
  unsupported: { engine: string; command: string; reason: string };
}

function isUnsupported(answer: unknown): answer is Unsupported {
  return typeof answer === 'object' && answer !== null && 'unsupported' in answer;
}

/** Thrown when a test asks an engine for what it cannot do: the test should check `engine` first. */
export class UnsupportedInEngineError extends Error {
  readonly code = 'unsupported-in-engine';
  constructor(readonly detail: Unsupported['unsupported']) {
    super(`${detail.command} is unsupported in ${detail.engine}: ${detail.reason}`);
    this.name = 'UnsupportedInEngineError';
  }
}

async function command<T>(name: string, payload?: unknown): Promise<T> {
  const answer = await executeServerCommand<T | Unsupported, unknown>(name, payload);
  if (isUnsupported(answer)) throw new UnsupportedInEngineError(answer.unsupported);
  return answer as T;
}

/**
 * A virtual authenticator in the test's own browser (CDP in Chromium, Marionette in Firefox): it answers
 * `navigator.credentials.create()`. WebKit has none (`engine.hasWebAuthn` is false there).
 */
export class VirtualAuthenticator {
  private constructor(readonly id: string) {}

  static async add(options: VirtualAuthenticatorOptions = {}): Promise<VirtualAuthenticator> {
    const id = await command<string>('webauthn:add', options);
    if (typeof id !== 'string') throw new Error('The virtual authenticator could not be added');
    return new VirtualAuthenticator(id);
  }

  /** With user verification required, an unverified user makes the browser throw NotAllowedError. */
  async setUserVerified(isUserVerified: boolean): Promise<void> {
    await command('webauthn:set-user-verified', { authenticatorId: this.id, isUserVerified });
  }

  /**
   * Without presence simulation, the prompt waits for a touch that never comes, until it times out.
   * Only where `engine.canChangePresence`; elsewhere it throws `UnsupportedInEngineError` (in Firefox, add
   * the authenticator with `automaticPresenceSimulation: false` instead).
   */
  async setPresence(enabled: boolean): Promise<void> {
    await command('webauthn:set-presence', { authenticatorId: this.id, enabled });
  }

  async credentials(): Promise<StoredCredential[]> {
    return (
      (await command<StoredCredential[] | null>('webauthn:credentials', { authenticatorId: this.id })) ?? []
    );
  }

  async remove(): Promise<void> {
    await command('webauthn:remove', { authenticatorId: this.id });
  }
}

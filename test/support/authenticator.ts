/// <reference types="mocha" />
// useVirtualAuthenticator uses mocha's global hooks; tsconfig.node.json reads this file too (webauthn-plugin.mjs takes its option types).
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

/** Runs one of this suite's server commands; an engine that cannot do it throws `UnsupportedInEngineError`. */
export async function command<T>(name: string, payload?: unknown): Promise<T> {
  const answer = await executeServerCommand<T | Unsupported, unknown>(name, payload);
  if (isUnsupported(answer)) throw new UnsupportedInEngineError(answer.unsupported);
  return answer as T;
}

/** Replaces `navigator.credentials.create` by a prompt nobody answers; returns what undoes it. */
function standInOpenPrompt(): () => void {
  const realCreate = navigator.credentials.create;
  navigator.credentials.create = (options?: CredentialCreationOptions) =>
    new Promise((_resolve, reject) => {
      const { signal } = options ?? {};
      const timeout = options?.publicKey?.timeout;
      const timer =
        timeout === undefined
          ? undefined
          : setTimeout(() => reject(new DOMException('The prompt timed out.', 'NotAllowedError')), timeout);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      });
    });
  return () => {
    navigator.credentials.create = realCreate;
  };
}

/**
 * A virtual authenticator in the test's own browser (CDP in Chromium, Marionette in Firefox): it answers
 * `navigator.credentials.create()`. WebKit has none (`engine.hasWebAuthn` is false there).
 */
export class VirtualAuthenticator {
  /** Undoes the stand-in prompt of `holdPrompts`, where the engine needs one. */
  private restoreCreate: (() => void) | undefined;

  private constructor(readonly id: string) {}

  static async add(options: VirtualAuthenticatorOptions = {}): Promise<VirtualAuthenticator> {
    const id = await command<string>('webauthn:add', options);
    if (typeof id !== 'string') throw new Error('The virtual authenticator could not be added');
    return new VirtualAuthenticator(id);
  }

  /**
   * Leaves prompts open, as when a person has not touched anything yet, until the ceremony is aborted or the
   * options' timeout passes. Chromium switches presence off on this authenticator. Firefox's virtual
   * authenticators cannot leave a prompt open (without presence, `isUserConsenting: false`, the browser
   * refuses at once with `NotAllowedError`), so there the page's `navigator.credentials.create` is replaced
   * by a prompt that waits as the browser's own does: it rejects with `AbortError` when its signal aborts
   * and with `NotAllowedError` when its timeout passes.
   */
  async holdPrompts(): Promise<void> {
    if (engine.canChangePresence) return this.setPresence(false);
    this.restoreCreate ??= standInOpenPrompt();
  }

  /** Answers prompts again after `holdPrompts`. */
  async answerPrompts(): Promise<void> {
    if (engine.canChangePresence) return this.setPresence(true);
    this.restoreCreate?.();
    this.restoreCreate = undefined;
  }

  /** With user verification required, an unverified user makes the browser throw NotAllowedError. */
  async setUserVerified(isUserVerified: boolean): Promise<void> {
    await command('webauthn:set-user-verified', { authenticatorId: this.id, isUserVerified });
  }

  /**
   * Without presence simulation, the prompt waits for a touch that never comes, until it times out.
   * Only where `engine.canChangePresence`; elsewhere it throws `UnsupportedInEngineError`. Tests that need
   * an open prompt call `holdPrompts`, which works in every engine.
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
    this.restoreCreate?.();
    this.restoreCreate = undefined;
    await command('webauthn:remove', { authenticatorId: this.id });
  }
}

/**
 * The virtual authenticator of the running test, added before each test of the suite that asked for it and
 * removed after. Its methods act on the current one.
 */
export class AuthenticatorForEachTest {
  private authenticator: VirtualAuthenticator | undefined;

  constructor(private readonly options: VirtualAuthenticatorOptions) {}

  /** The authenticator of the running test; only inside a test or a hook after the one that adds it. */
  get current(): VirtualAuthenticator {
    if (!this.authenticator) throw new Error('No virtual authenticator: use it inside a test');
    return this.authenticator;
  }

  /** @internal the hooks' side */
  async add(): Promise<void> {
    this.authenticator = await VirtualAuthenticator.add(this.options);
  }

  /** @internal the hooks' side */
  async remove(): Promise<void> {
    const authenticator = this.authenticator;
    this.authenticator = undefined;
    await authenticator?.remove();
  }

  /**
   * Swaps the authenticator for a new one, e.g. when the current one already holds the user's credential
   * (a second registration on it would be `already-registered`), or for one of another kind.
   */
  async replace(options: VirtualAuthenticatorOptions = this.options): Promise<VirtualAuthenticator> {
    await this.remove();
    this.authenticator = await VirtualAuthenticator.add(options);
    return this.authenticator;
  }

  holdPrompts(): Promise<void> {
    return this.current.holdPrompts();
  }

  answerPrompts(): Promise<void> {
    return this.current.answerPrompts();
  }

  setUserVerified(isUserVerified: boolean): Promise<void> {
    return this.current.setUserVerified(isUserVerified);
  }

  setPresence(enabled: boolean): Promise<void> {
    return this.current.setPresence(enabled);
  }

  credentials(): Promise<StoredCredential[]> {
    return this.current.credentials();
  }
}

/**
 * Gives every test of the enclosing `describe` a virtual authenticator of its own (mocha `beforeEach` /
 * `afterEach`), so that no credential or open prompt leaks from one test into the next:
 *
 *     const authenticator = useVirtualAuthenticator({ transport: 'usb' });
 *     it('…', async () => { await authenticator.holdPrompts(); … });
 */
export function useVirtualAuthenticator(options: VirtualAuthenticatorOptions = {}): AuthenticatorForEachTest {
  const authenticator = new AuthenticatorForEachTest(options);
  beforeEach(() => authenticator.add());
  afterEach(() => authenticator.remove());
  return authenticator;
}

/** Runs `body` with a virtual authenticator that exists only while it runs (a second device, a one-off). */
export async function withVirtualAuthenticator<T>(
  options: VirtualAuthenticatorOptions,
  body: (authenticator: VirtualAuthenticator) => Promise<T>,
): Promise<T> {
  const authenticator = await VirtualAuthenticator.add(options);
  try {
    return await body(authenticator);
  } finally {
    await authenticator.remove();
  }
}

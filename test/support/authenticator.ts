import { executeServerCommand } from '@web/test-runner-commands';

/** Options of CDP `WebAuthn.addVirtualAuthenticator`. */
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

/** A CDP virtual authenticator in the test's own page: it answers `navigator.credentials.create()`. */
export class VirtualAuthenticator {
  private constructor(readonly id: string) {}

  static async add(options: VirtualAuthenticatorOptions = {}): Promise<VirtualAuthenticator> {
    const id = await executeServerCommand<string, VirtualAuthenticatorOptions>('webauthn:add', options);
    if (typeof id !== 'string') throw new Error('The virtual authenticator could not be added');
    return new VirtualAuthenticator(id);
  }

  /** With user verification required, an unverified user makes the browser throw NotAllowedError. */
  async setUserVerified(isUserVerified: boolean): Promise<void> {
    await executeServerCommand('webauthn:set-user-verified', { authenticatorId: this.id, isUserVerified });
  }

  /** Without presence simulation, the prompt waits for a touch that never comes, until it times out. */
  async setPresence(enabled: boolean): Promise<void> {
    await executeServerCommand('webauthn:set-presence', { authenticatorId: this.id, enabled });
  }

  async credentials(): Promise<StoredCredential[]> {
    return (
      (await executeServerCommand<StoredCredential[], { authenticatorId: string }>('webauthn:credentials', {
        authenticatorId: this.id,
      })) ?? []
    );
  }

  async remove(): Promise<void> {
    await executeServerCommand('webauthn:remove', { authenticatorId: this.id });
  }
}

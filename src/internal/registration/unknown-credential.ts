/** `PublicKeyCredential` where the browser has the WebAuthn Signal API (Chrome 132+, Safari 26; not Firefox). */
interface SignalingPublicKeyCredential {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
}

/**
 * Tells the person's passkey provider that the server does not know this credential, so it hides or deletes
 * it (`PublicKeyCredential.signalUnknownCredential`). Resolves `true` when the browser took the signal,
 * `false` where it has no Signal API or refused the call; never rejects.
 */
export async function signalUnknownCredential(rpId: string, credentialId: string): Promise<boolean> {
  const credential = (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential as
    SignalingPublicKeyCredential | undefined;
  if (typeof credential?.signalUnknownCredential !== 'function') return false;
  try {
    await credential.signalUnknownCredential({ rpId, credentialId });
    return true;
  } catch {
    return false;
  }
}

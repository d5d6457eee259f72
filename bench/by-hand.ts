/**
 * A registration written by hand, as a developer would without the kit: fetch the options from ZITADEL v2,
 * start the ceremony with `@simplewebauthn/browser`, send the credential back. The benchmark's baseline and
 * the floor page both run it, so the kit is measured against one and the same code.
 */
import { startRegistration } from '@simplewebauthn/browser';

/** The mock's seeded user and token (mock/seed.js). */
export const ALICE = { id: '100000000000000001', token: 'alice-access-token' };

/** Registers a passkey named `passkeyName` for alice; resolves with the verify's answer. */
export async function registerByHand(passkeyName: string): Promise<Response> {
  const headers = { authorization: `Bearer ${ALICE.token}`, 'content-type': 'application/json' };
  const started = await (
    await fetch(`/v2/users/${ALICE.id}/passkeys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ domain: location.hostname }),
    })
  ).json();
  const credential = await startRegistration({
    optionsJSON: started.publicKeyCredentialCreationOptions.publicKey,
  });
  return fetch(`/v2/users/${ALICE.id}/passkeys/${started.passkeyId}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ publicKeyCredential: credential, passkeyName }),
  });
}

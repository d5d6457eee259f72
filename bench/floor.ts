/**
 * The floor page: what any Lit kit for this job must ship at least — lit, one element with a button, and
 * `startRegistration` doing the same two requests as `<passkey-register>` against ZITADEL v2 (start, then
 * verify). `npm run size` and `npm run bench` build it as an app would and measure the kit against it.
 * It reports as the kit's pages do: `window.registered` once the passkey is verified. The page defines the
 * tag (`floor-register`): the package's `sideEffects` list does not name this file, so a bare import would be dropped.
 */
import { startRegistration } from '@simplewebauthn/browser';
import { LitElement, html } from 'lit';

const ALICE = { id: '100000000000000001', token: 'alice-access-token' };

declare global {
  interface Window {
    registered?: boolean;
  }
}

export class FloorRegister extends LitElement {
  override render() {
    return html`<button type="button" part="button" @click=${this.#register}>Create a passkey</button>`;
  }

  async #register(): Promise<void> {
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
    const verified = await fetch(`/v2/users/${ALICE.id}/passkeys/${started.passkeyId}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ publicKeyCredential: credential, passkeyName: 'Floor' }),
    });
    if (verified.ok) window.registered = true;
  }
}

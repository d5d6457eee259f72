/**
 * The floor page: what any Lit kit for this job must ship at least — lit, one element with a button, and
 * `startRegistration` doing the same two requests as `<passkey-register>` against ZITADEL v2 (start, then
 * verify). `npm run size` and `npm run bench` build it as an app would and measure the kit against it.
 * It reports as the kit's pages do: `window.registered` once the passkey is verified. The page defines the
 * tag (`floor-register`): the package's `sideEffects` list does not name this file, so a bare import would be dropped.
 */
import { LitElement, html } from 'lit';
import { registerByHand } from './by-hand.js';

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
    if ((await registerByHand('Floor')).ok) window.registered = true;
  }
}

/** The floor of any Lit kit, for the benchmark of defining the elements: lit and one trivial element. */
import { LitElement, html } from 'lit';

class LitBaseline extends LitElement {
  override render() {
    return html`<button type="button">Create a passkey</button>`;
  }
}
customElements.define('lit-baseline', LitBaseline);

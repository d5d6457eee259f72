import { html } from 'lit';
import '../src/index.js';

export default { title: 'Smoke', component: 'passkey-register' };
export const Idle = { render: () => html`<passkey-register user-id="1"></passkey-register>` };

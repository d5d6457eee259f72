import { createApp, ref } from 'vue/dist/vue.esm-browser.js';
import '../src/index.js';
import '../src/registration-link-admin.js';
import '../src/authenticator-list.js';
import type { RegistrationErrorDetail, RegistrationSuccessDetail } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';

const app = createApp({
  setup() {
    const last = ref('nothing yet');
    return {
      userId: USERS.bob.id,
      token: TOKENS.bob,
      last,
      onSuccess: (event: CustomEvent<RegistrationSuccessDetail>) => {
        last.value = `registered “${event.detail.name}” (${event.detail.id})`;
      },
      onError: (event: CustomEvent<RegistrationErrorDetail>) => {
        last.value = `${event.detail.code}: ${event.detail.message}`;
      },
    };
  },
  template: `
    <passkey-register :user-id="userId" .token="token"
      @registration-success="onSuccess" @registration-error="onError"></passkey-register>
    <p role="status" class="event-line">Last event: {{ last }}</p>
    <h2>Registered</h2>
    <authenticator-list :user-id="userId" .token="token"></authenticator-list>`,
});
app.config.compilerOptions.isCustomElement = (tag: string) =>
  ['passkey-register', 'u2f-register', 'registration-link-admin', 'authenticator-list'].includes(tag);
app.mount('#app');

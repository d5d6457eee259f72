import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/index.js';
import '../src/registration-link-admin.js';
import type { RegistrationElement } from '../src/index.js';
import { details, fakeBackend, networkError, started, verified } from './support/fake-backend.js';
import { fakeWebAuthn } from './support/fake-webauthn.js';
import { createLink } from './support/link-admin.js';
import { clickUntil } from './support/registration.js';

/**
 * The elements restyled from the page, with their public hooks only: the `--pk-*` custom properties
 * (`@cssprop` in each element's docs) and `::part()` rules on the parts they list (`@csspart`). Each page
 * shows an element before the click, a success, an error and a created link, reached with fake backends.
 */
const meta: Meta = {
  title: 'Theming',
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: { story: { inline: false, iframeHeight: 900 } },
  },
  beforeEach: () => fakeWebAuthn(),
  play: async ({ canvasElement }) => {
    const [, passkey] = canvasElement.querySelectorAll<RegistrationElement>('passkey-register');
    const u2f = canvasElement.querySelector<RegistrationElement>('u2f-register');
    if (!passkey || !u2f) throw new Error('The page lacks its elements');
    // One after the other: a page runs one WebAuthn ceremony at a time.
    await clickUntil(passkey, { state: 'success' });
    await clickUntil(u2f, { state: 'error', code: 'network' });
    await createLink(canvasElement);
  },
};
export default meta;
type Story = StoryObj;

/** The same four elements on every page; only the page's CSS differs. */
function elements(): TemplateResult {
  const registers = () => fakeBackend({ startRegistration: started(), verifyRegistration: verified });
  return html`
    <section>
      <h2>Passkey</h2>
      <passkey-register user-id="2000100" .backend=${registers()}></passkey-register>
    </section>
    <section>
      <h2>Passkey, after the click</h2>
      <passkey-register
        user-id="2000100"
        passkey-name="MacBook Touch ID"
        .backend=${registers()}
      ></passkey-register>
    </section>
    <section>
      <h2>Security key, failed</h2>
      <u2f-register
        user-id="2000100"
        .backend=${fakeBackend({ startRegistration: networkError(), verifyRegistration: verified })}
      ></u2f-register>
    </section>
    <section class="wide">
      <h2>Registration link</h2>
      <registration-link-admin
        user-id="2000100"
        link-template="https://app.example.com/register?userID={{.UserID}}&orgID={{.OrgID}}&codeID={{.CodeID}}&code={{.Code}}"
        .backend=${fakeBackend({ createLink: { code: { id: '1234', code: 'ABCDEF' }, details } })}
      ></registration-link-admin>
    </section>
  `;
}

/** Layout of the story page itself, not of the elements. */
const pageLayout = html`<style>
  .page {
    box-sizing: border-box;
    min-height: 100vh;
    padding: 2rem;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
    gap: 1.5rem;
    align-items: start;
    font-family: system-ui, sans-serif;
  }
  .page .wide {
    grid-column: 1 / -1;
  }
  .page h2 {
    font-size: 0.875rem;
    font-weight: 600;
    margin: 0 0 0.5rem;
  }
</style>`;

/** A light brand page: violet pill buttons, parts turned into cards, a framed QR code. */
export const LightPage: Story = {
  render: () =>
    html`${pageLayout}
      <style>
        .light-page {
          color-scheme: light;
          background: #f7f5f2;
          color: #1f2933;
          --pk-font-family: 'Avenir Next', 'Segoe UI', system-ui, sans-serif;
          --pk-accent-color: #6d28d9;
          --pk-on-accent-color: #ffffff;
          --pk-text-color: #1f2933;
          --pk-muted-color: #52606d;
          --pk-error-color: #b42318;
          --pk-success-color: #067647;
          --pk-radius: 999px;
          --pk-spacing: 1rem;
          --pk-qr-size: 9rem;
        }
        .light-page :is(passkey-register, u2f-register, registration-link-admin)::part(base) {
          background: #ffffff;
          border: 1px solid #e4e7eb;
          border-radius: 1rem;
          padding: 1.25rem;
          box-shadow: 0 1px 3px rgb(31 41 51 / 0.12);
        }
        .light-page :is(passkey-register, u2f-register, registration-link-admin)::part(button) {
          font-weight: 600;
          letter-spacing: 0.02em;
          box-shadow: 0 1px 2px rgb(109 40 217 / 0.4);
        }
        .light-page :is(passkey-register, u2f-register, registration-link-admin)::part(message) {
          border-inline-start: 4px solid currentColor;
          padding-inline-start: 0.75rem;
        }
        .light-page registration-link-admin::part(input) {
          border-radius: 0.5rem;
          background: #fbfaf9;
        }
        .light-page registration-link-admin::part(qr) {
          padding: 0.5rem;
          border: 1px solid #e4e7eb;
          border-radius: 0.75rem;
          background: #ffffff;
        }
      </style>
      <div class="page light-page">${elements()}</div>`,
};

/** A dark page: amber accents, square corners, a monospaced link and error messages on a tinted band. */
export const DarkPage: Story = {
  render: () =>
    html`${pageLayout}
      <style>
        .dark-page {
          color-scheme: dark;
          background: #0f172a;
          color: #e2e8f0;
          --pk-accent-color: #fbbf24;
          --pk-on-accent-color: #1c1917;
          --pk-text-color: #e2e8f0;
          --pk-muted-color: #a3b1c6;
          --pk-error-color: #fca5a5;
          --pk-success-color: #86efac;
          --pk-radius: 2px;
          --pk-spacing: 0.875rem;
          --pk-qr-size: 10rem;
        }
        .dark-page :is(passkey-register, u2f-register, registration-link-admin)::part(base) {
          background: #1e293b;
          border: 1px solid #334155;
          padding: 1rem;
        }
        .dark-page :is(passkey-register, u2f-register, registration-link-admin)::part(button) {
          text-transform: uppercase;
          font-size: 0.8125rem;
          letter-spacing: 0.06em;
        }
        .dark-page :is(passkey-register, u2f-register, registration-link-admin)::part(message) {
          background: rgb(252 165 165 / 0.1);
          padding: 0.5rem 0.75rem;
        }
        .dark-page registration-link-admin::part(link) {
          font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
          font-size: 0.8125rem;
        }
        .dark-page registration-link-admin::part(input) {
          background: #0f172a;
          color: #e2e8f0;
          border-color: #475569;
        }
      </style>
      <div class="page dark-page">${elements()}</div>`,
};

/**
 * No custom properties and no part rules: the built-in tokens follow the page's `color-scheme` (left light,
 * right dark). The `theme` attribute (`light`, `dark`, `auto`) decides per element instead.
 */
export const BuiltInLightAndDark: Story = {
  render: () =>
    html`${pageLayout}
      <style>
        .halves {
          display: grid;
          grid-template-columns: 1fr 1fr;
        }
        .halves > .light {
          color-scheme: light;
          background: #ffffff;
          color: #111111;
        }
        .halves > .dark {
          color-scheme: dark;
          background: #121212;
          color: #eeeeee;
        }
      </style>
      <div class="halves">
        <div class="page light">${elements()}</div>
        <div class="page dark">${elements()}</div>
      </div>`,
  play: async ({ canvasElement }) => {
    for (const half of canvasElement.querySelectorAll<HTMLElement>('.halves > .page')) {
      const [, passkey] = half.querySelectorAll<RegistrationElement>('passkey-register');
      const u2f = half.querySelector<RegistrationElement>('u2f-register');
      if (!passkey || !u2f) throw new Error('The page lacks its elements');
      await clickUntil(passkey, { state: 'success' });
      await clickUntil(u2f, { state: 'error', code: 'network' });
      await createLink(half);
    }
  },
};

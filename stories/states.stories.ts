import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/passkey-register.js';
import '../src/u2f-register.js';
import type { RegistrationElement, RegistrationKind } from '../src/index.js';
import { fakeWebAuthn } from './support/fake-webauthn.js';
import { clickUntil, registrationScenarios, type Scenario } from './support/registration.js';

/**
 * Every state of one registration element, side by side, for a designer to review at once. The page has
 * one (fake) WebAuthn, and a new ceremony closes any open prompt (as in a browser), so the play function
 * walks the cells in order with each cell's fake installed, and leaves `prompting` for last.
 */
type Cell = {
  label: string;
  scenario: Scenario;
  userId?: string;
  fromUrl?: boolean;
  /** A registration link's code (passkeys only), with the page's `continue-url` for after it. */
  link?: { code: string; continueUrl?: string };
};

function cells(kind: RegistrationKind): Cell[] {
  const s = registrationScenarios(kind);
  return [
    { label: 'idle', scenario: s.idle },
    ...(kind === 'passkey'
      ? [{ label: 'landing page without a link', scenario: s.idle, userId: '', fromUrl: true }]
      : []),
    { label: 'success', scenario: s.success },
    ...(kind === 'passkey'
      ? [
          {
            label: 'success with a link: Continue',
            scenario: s.success,
            link: { code: 'ABCDEF', continueUrl: '#signed-in' },
          },
        ]
      : []),
    { label: 'cancelled', scenario: s.cancelled },
    { label: 'already-registered', scenario: s.alreadyRegistered },
    { label: 'unsupported', scenario: s.unsupported },
    { label: 'security', scenario: s.security },
    { label: 'unsupported API', scenario: s.unsupportedApi },
    // Only a registration link has a code, and only <passkey-register> takes one.
    ...(kind === 'passkey'
      ? [{ label: 'invalid-code', scenario: s.invalidCode, link: { code: 'USED00' } }]
      : []),
    { label: 'unauthenticated', scenario: s.unauthenticated },
    { label: 'forbidden', scenario: s.forbidden },
    { label: 'not-found', scenario: s.notFound },
    { label: 'invalid-input', scenario: s.invalidInput, userId: '' },
    { label: 'network', scenario: s.network },
    { label: 'server', scenario: s.server },
    { label: 'bad-response', scenario: s.badResponse },
    { label: 'verification-failed', scenario: s.verificationFailed },
    { label: 'starting', scenario: s.starting },
    { label: 'verifying', scenario: s.verifying },
    // Last: any later ceremony would close its prompt.
    { label: 'prompting, with Cancel and countdown', scenario: s.prompting },
  ];
}

const STYLES = html`<style>
  .states {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: 1rem;
    padding: 0;
    margin: 0;
    list-style: none;
  }
  .states > li {
    display: grid;
    align-content: start;
    gap: 0.5rem;
    padding: 1rem;
    border: 1px solid color-mix(in srgb, CanvasText 20%, Canvas);
    border-radius: 0.5rem;
  }
  .states .label {
    margin: 0;
    font-size: 0.8rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: color-mix(in srgb, CanvasText 70%, Canvas);
  }
</style>`;

function renderStates(kind: RegistrationKind): TemplateResult {
  const items = cells(kind).map(({ label, scenario, userId, fromUrl, link }) => {
    const element =
      kind === 'passkey'
        ? html`<passkey-register
            user-id=${userId ?? '2000100'}
            ?from-url=${fromUrl ?? false}
            code-id=${link ? '1234' : ''}
            code=${link?.code ?? ''}
            continue-url=${link?.continueUrl ?? ''}
            .backend=${scenario.backend()}
          ></passkey-register>`
        : html`<u2f-register user-id=${userId ?? '2000100'} .backend=${scenario.backend()}></u2f-register>`;
    return html`<li data-state=${label}>
      <p class="label">${label}</p>
      ${element}
    </li>`;
  });
  return html`${STYLES}
    <ul class="states">
      ${items}
    </ul>`;
}

/** Clicks each cell that has an outcome, with that cell's fake WebAuthn answering. */
async function playStates(canvasElement: HTMLElement, kind: RegistrationKind): Promise<void> {
  const list = cells(kind);
  const elements = [...canvasElement.querySelectorAll<RegistrationElement>('passkey-register, u2f-register')];
  for (const [index, { scenario }] of list.entries()) {
    const element = elements[index];
    if (!element || !scenario.outcome) continue;
    const restore = fakeWebAuthn(scenario.webauthn);
    try {
      await clickUntil(element, scenario.outcome);
    } finally {
      // A pending prompt stays open after its fake is gone: the fake's promise still waits for its signal.
      restore();
    }
  }
}

const meta: Meta = {
  title: 'States',
  parameters: { layout: 'padded' },
  // The capability notes read the fake's `PublicKeyCredential` when the elements connect.
  beforeEach: () => fakeWebAuthn(),
};
export default meta;

type Story = StoryObj;

/** `<passkey-register>` in every state: idle, the busy steps, success and each kind of error. */
export const PasskeyRegister: Story = {
  name: 'passkey-register',
  render: () => renderStates('passkey'),
  play: ({ canvasElement }) => playStates(canvasElement, 'passkey'),
};

/** `<u2f-register>` in every state. */
export const U2fRegister: Story = {
  name: 'u2f-register',
  render: () => renderStates('u2f'),
  play: ({ canvasElement }) => playStates(canvasElement, 'u2f'),
};

/** The same states right to left (`dir="rtl"`): the layout mirrors, the countdown's digits stay left to right. */
export const PasskeyRegisterRtl: Story = {
  name: 'passkey-register, right to left',
  render: () => html`<div dir="rtl">${renderStates('passkey')}</div>`,
  play: ({ canvasElement }) => playStates(canvasElement, 'passkey'),
};

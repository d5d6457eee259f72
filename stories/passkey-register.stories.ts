import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/passkey-register.js';
import type {
  AuthenticatorPreference,
  PasskeyRegisterElement,
  RegistrationBackend,
  RegistrationElement,
} from '../src/index.js';
import {
  AUTHENTICATORS,
  attribute,
  configurationArgs,
  configurationArgTypes,
  documentationOnly,
  select,
  type ConfigurationArgs,
} from './support/controls.js';
import { fakeBackend, started, verified } from './support/fake-backend.js';
import { fakeWebAuthn } from './support/fake-webauthn.js';
import { RegistrationHarness } from '../test/support/harness/index.js';
import { registration } from '../src/i18n/en/registration.js';
import {
  clickUntil,
  nameAndRegister,
  registrationElement,
  registrationScenarios,
  scenarioStory,
  type Scenario,
} from './support/registration.js';

type PasskeyArgs = ConfigurationArgs & {
  'user-id'?: string;
  'code-id'?: string;
  code?: string;
  'from-url'?: boolean;
  domain?: string;
  authenticator?: AuthenticatorPreference;
  'passkey-name'?: string;
  'ask-name'?: boolean;
  prefetch?: boolean;
};
type Story = StoryObj<PasskeyArgs>;

function renderPasskeyRegister(args: PasskeyArgs, backend: RegistrationBackend): TemplateResult {
  return html`<passkey-register
    user-id=${ifDefined(args['user-id'])}
    code-id=${ifDefined(args['code-id'] || undefined)}
    code=${ifDefined(args.code || undefined)}
    ?from-url=${args['from-url'] ?? false}
    domain=${ifDefined(args.domain || undefined)}
    authenticator=${ifDefined(args.authenticator || undefined)}
    passkey-name=${ifDefined(args['passkey-name'] || undefined)}
    ?ask-name=${args['ask-name'] ?? false}
    ?prefetch=${args.prefetch ?? false}
    api=${ifDefined(args.api)}
    base-url=${ifDefined(args['base-url'] || undefined)}
    org-id=${ifDefined(args['org-id'] || undefined)}
    instance-domain=${ifDefined(args['instance-domain'] || undefined)}
    credentials=${ifDefined(args.credentials)}
    theme=${ifDefined(args.theme || undefined)}
    timeout=${ifDefined(args.timeout)}
    .backend=${backend}
    .strings=${args.strings}
  ></passkey-register>`;
}

const scenarios = registrationScenarios('passkey');
const story = (scenario: Scenario, more?: Story): Story =>
  scenarioStory(renderPasskeyRegister, scenario, more);

// Every state of `<passkey-register>`, each reached through the element's public API: a fake backend in
// its `backend` property, a fake `navigator.credentials.create()` for the browser's step, and a click.
// Nothing here reaches the network or a real authenticator.
const meta: Meta<PasskeyArgs> = {
  title: 'Elements/passkey-register',
  component: 'passkey-register',
  tags: ['autodocs'],
  args: {
    ...configurationArgs,
    'user-id': '2000100',
    authenticator: '',
    'from-url': false,
    'ask-name': false,
    prefetch: false,
  },
  argTypes: {
    ...configurationArgTypes,
    authenticator: select(AUTHENTICATORS, { '': '(any)' }),
    'from-url': { control: 'boolean' },
    'ask-name': { control: 'boolean' },
    prefetch: attribute(
      { control: 'boolean' },
      'Fetch the creation options before the click (when visible, on hover or focus), so the click opens the prompt at once.',
    ),
    'user-id': { control: 'text' },
    'code-id': { control: 'text' },
    code: { control: 'text' },
    domain: { control: 'text' },
    'passkey-name': { control: 'text' },
    ...documentationOnly('userId', 'codeId', 'fromUrl', 'passkeyName', 'askName', 'state'),
  },
  parameters: {
    actions: { handles: ['registration-start', 'registration-success', 'registration-error'] },
    // Each state in its own frame on the docs page: the fake WebAuthn is per window, and one element's
    // ceremony would cancel another's prompt.
    docs: { story: { inline: false, iframeHeight: 170 } },
  },
};
export default meta;

/** Before the click. Click it: the fakes walk through starting, prompting and verifying to success. */
export const Idle = story(scenarios.idle, { parameters: { docs: { story: { inline: true } } } });

/** The device has no passkey provider of its own: the browser will offer a phone or a security key. */
export const IdleWithoutPlatformAuthenticator = story(scenarios.idleWithoutPlatformAuthenticator);

/** `authenticator="platform"` on a device without a passkey provider. */
export const IdlePlatformRequiredButMissing = story(scenarios.idleWithoutPlatformAuthenticator, {
  args: { authenticator: 'platform' },
});

/** No WebAuthn in this browser or context (`PublicKeyCredential` is missing). */
export const IdleWithoutWebAuthn: Story = {
  ...story(scenarios.idleWithoutWebAuthn),
  name: 'Idle without WebAuthn',
};

/** `startRegistration` of the backend never answers. */
export const Starting = story(scenarios.starting);

/** The backend answered; `navigator.credentials.create()` never answers, as while the browser's prompt is open. */
export const Prompting = story(scenarios.prompting);

/** The browser returned a credential; the backend's `verifyRegistration` never answers. */
export const Verifying = story(scenarios.verifying);

/** Start, browser and verify all succeed; `passkey-name` names the passkey. */
export const Success = story(scenarios.success, { args: { 'passkey-name': 'MacBook Touch ID' } });

/**
 * For a story's `beforeEach`: the address carries a registration link (`userID`, `orgID`, `codeID`, `code`)
 * and the browser's WebAuthn is the fake's, until the returned function puts both back.
 */
function openedFromLink(webauthn: boolean): () => void {
  const before = location.href;
  const url = new URL(location.href);
  for (const [name, value] of Object.entries({
    userID: '2000100',
    orgID: '2000',
    codeID: '1234',
    code: 'ABCDEF',
  })) {
    url.searchParams.set(name, value);
  }
  history.replaceState(history.state, '', url);
  const restoreWebAuthn = fakeWebAuthn({ webauthn });
  return () => {
    restoreWebAuthn();
    history.replaceState(history.state, '', before);
  };
}

/**
 * The landing page of a registration link: `from-url` reads `userID`, `orgID`, `codeID` and `code` from
 * the address (set here before the story mounts), then takes the code out of the address bar.
 */
export const FromRegistrationLink: Story = {
  args: { 'user-id': undefined, 'from-url': true },
  render: (args) =>
    renderPasskeyRegister(args, fakeBackend({ startRegistration: started(), verifyRegistration: verified })),
  beforeEach: () => openedFromLink(true),
  play: async ({ canvasElement }) => {
    const element = registrationElement(canvasElement) as PasskeyRegisterElement;
    await element.updateComplete;
    await expect(element.userId).toBe('2000100');
    await expect(new URL(location.href).searchParams.has('code')).toBe(false);
    await clickUntil(element, { state: 'success' });
  },
};

/**
 * The landing page in a browser without WebAuthn (an in-app browser, often): no button, a note that the link
 * is unused and how to open it elsewhere, and the code left in the address bar for "Open in browser".
 */
export const FromRegistrationLinkWithoutWebAuthn: Story = {
  name: 'From registration link, without WebAuthn',
  args: { 'user-id': undefined, 'from-url': true },
  render: (args) =>
    renderPasskeyRegister(args, fakeBackend({ startRegistration: started(), verifyRegistration: verified })),
  beforeEach: () => openedFromLink(false),
  play: async ({ canvasElement }) => {
    const element = registrationElement(canvasElement) as PasskeyRegisterElement;
    await element.updateComplete;
    const harness = new RegistrationHarness(element);
    await expect(harness.noteText).toBe(registration.linkNoWebAuthn);
    await expect(harness.hasButton).toBe(false);
    await expect(new URL(location.href).searchParams.get('code')).toBe('ABCDEF');
  },
};

/** `ask-name`: a name field before the prompt; left empty, the device's name is used. */
export const AskName = story(scenarios.success, {
  args: { 'ask-name': true },
  play: ({ canvasElement }) => nameAndRegister(canvasElement, 'Work laptop'),
});

/** `strings` replaces any text. */
export const CustomText = story(scenarios.idle, {
  args: {
    strings: { passkeyButton: 'Sign in with your face from now on', passkeyIdle: 'No more passwords.' },
  },
});

/** `NotAllowedError`: the person closed the prompt, or it timed out. */
export const Cancelled = story(scenarios.cancelled);

/** `InvalidStateError`: this authenticator already holds a passkey for the user. */
export const AlreadyRegistered = story(scenarios.alreadyRegistered);

/** `NotSupportedError` from the browser. */
export const Unsupported = story(scenarios.unsupported);

/** Clicked in a browser without WebAuthn: refused before any request. */
export const UnsupportedBrowser = story(scenarios.unsupportedBrowser);

/** A backend that cannot register (as ZITADEL v1): the message names its API. */
export const UnsupportedApi: Story = {
  ...story(scenarios.unsupportedApi, { args: { api: 'v1' } }),
  name: 'Unsupported API',
};

/** `SecurityError`, as when the relying-party ID does not fit this origin. */
export const Security = story(scenarios.security);

/** A registration link's code that is wrong, used or expired: the backend answers 400 to the start. */
export const InvalidCode = story(scenarios.invalidCode, { args: { 'code-id': '1234', code: 'USED00' } });

/** HTTP 401: the session has expired. */
export const Unauthenticated = story(scenarios.unauthenticated);

/** HTTP 403. */
export const Forbidden = story(scenarios.forbidden);

/** HTTP 404: no such user. */
export const NotFound = story(scenarios.notFound);

/** No `user-id`: refused before any request. */
export const InvalidInput = story(scenarios.invalidInput, { args: { 'user-id': '' } });

/** fetch failed or timed out. */
export const Network = story(scenarios.network);

/** HTTP 500. */
export const Server = story(scenarios.server);

/** A 2xx answer without usable creation options. */
export const BadResponse = story(scenarios.badResponse);

/** The backend refused the credential at the verify step (HTTP 400). */
export const VerificationFailed = story(scenarios.verificationFailed);

/**
 * Right to left (`dir="rtl"` on an ancestor), with the prompt open: the button, Cancel and the countdown
 * run from the right, as the element's logical CSS properties mirror the layout.
 */
export const RightToLeft: Story = {
  ...scenarioStory(
    (args, backend) => html`<div dir="rtl">${renderPasskeyRegister(args, backend)}</div>`,
    scenarios.prompting,
  ),
  name: 'Right to left (prompting)',
};

/** The person pressed Cancel while the prompt was open: the registration ends with `cancelled`. */
export const CancelledByThePerson: Story = {
  ...story(scenarios.prompting),
  play: async ({ canvasElement }) => {
    const element = registrationElement(canvasElement);
    await clickUntil(element, { state: 'prompting' });
    await cancelUntilCancelled(element);
  },
};

/** Presses the element's Cancel, as a person does, and waits for the `cancelled` error. */
async function cancelUntilCancelled(element: RegistrationElement): Promise<void> {
  let reported: string | undefined;
  element.addEventListener('registration-error', (event) => (reported = event.detail.code), { once: true });
  const cancel = new RegistrationHarness(element).cancelButton;
  if (!cancel) throw new Error('The element rendered no Cancel while prompting');
  await userEvent.click(cancel);
  await waitFor(() => expect(reported).toBe('cancelled'));
  await expect(element.state).toBe('error');
}

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/u2f-register.js';
import type { AuthenticatorPreference, RegistrationBackend } from '../src/index.js';
import {
  AUTHENTICATORS,
  attribute,
  configurationArgs,
  configurationArgTypes,
  documentationOnly,
  select,
  type ConfigurationArgs,
} from './support/controls.js';
import {
  nameAndRegister,
  registrationScenarios,
  scenarioStory,
  type Scenario,
} from './support/registration.js';

type U2fArgs = ConfigurationArgs & {
  'user-id'?: string;
  domain?: string;
  authenticator?: AuthenticatorPreference;
  'token-name'?: string;
  'ask-name'?: boolean;
  prefetch?: boolean;
};
type Story = StoryObj<U2fArgs>;

function renderU2fRegister(args: U2fArgs, backend: RegistrationBackend): TemplateResult {
  return html`<u2f-register
    user-id=${ifDefined(args['user-id'])}
    domain=${ifDefined(args.domain || undefined)}
    authenticator=${ifDefined(args.authenticator)}
    token-name=${ifDefined(args['token-name'] || undefined)}
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
  ></u2f-register>`;
}

const scenarios = registrationScenarios('u2f');
const story = (scenario: Scenario, more?: Story): Story => scenarioStory(renderU2fRegister, scenario, more);

// Every state of `<u2f-register>`, reached like those of `<passkey-register>`: a fake backend, a fake
// `navigator.credentials.create()`, a click. The user is authorized by `token` or the page's proxy in real
// use; the fake backend needs neither.
const meta: Meta<U2fArgs> = {
  title: 'Elements/u2f-register',
  component: 'u2f-register',
  tags: ['autodocs'],
  // A security key is a roaming authenticator: the element asks for cross-platform unless told otherwise.
  args: {
    ...configurationArgs,
    'user-id': '2000100',
    authenticator: 'cross-platform',
    'ask-name': false,
    prefetch: false,
  },
  argTypes: {
    ...configurationArgTypes,
    authenticator: select(AUTHENTICATORS, { '': '(any)' }),
    prefetch: attribute(
      { control: 'boolean' },
      'Fetch the creation options before the click (when visible, on hover or focus), so the click opens the prompt at once.',
    ),
    'user-id': { control: 'text' },
    domain: { control: 'text' },
    'token-name': { control: 'text' },
    'ask-name': { control: 'boolean' },
    ...documentationOnly('userId', 'tokenName', 'askName', 'state'),
  },
  parameters: {
    actions: { handles: ['registration-start', 'registration-success', 'registration-error'] },
    // Each state in its own frame on the docs page: the fake WebAuthn is per window, and one element's
    // ceremony would cancel another's prompt.
    docs: { story: { inline: false, iframeHeight: 150 } },
  },
};
export default meta;

/** Before the click. Click it: the fakes walk through starting, prompting and verifying to success. */
export const Idle = story(scenarios.idle, { parameters: { docs: { story: { inline: true } } } });

/** No WebAuthn in this browser or context (`PublicKeyCredential` is missing). */
export const IdleWithoutWebAuthn: Story = {
  ...story(scenarios.idleWithoutWebAuthn),
  name: 'Idle without WebAuthn',
};

/** `startRegistration` of the backend never answers. */
export const Starting = story(scenarios.starting);

/** The backend answered; `navigator.credentials.create()` never answers, as while the browser waits for the key. */
export const Prompting = story(scenarios.prompting);

/** The browser returned a credential; the backend's `verifyRegistration` never answers. */
export const Verifying = story(scenarios.verifying);

/** Start, browser and verify all succeed; `token-name` names the key. */
export const Success = story(scenarios.success, { args: { 'token-name': 'YubiKey 5C' } });

/** `ask-name`: a name field before the prompt; left empty, the browser and OS name the key. */
export const AskName = story(scenarios.success, {
  args: { 'ask-name': true },
  play: ({ canvasElement }) => nameAndRegister(canvasElement, 'YubiKey 5C'),
});

/** `NotAllowedError`: the person cancelled, or no key was touched in time. */
export const Cancelled = story(scenarios.cancelled);

/** `InvalidStateError`: this key is already registered for the user. */
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

/** HTTP 401: the session or token has expired. */
export const Unauthenticated = story(scenarios.unauthenticated);

/** HTTP 403: the token may not manage this user. */
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

/** Right to left (`dir="rtl"` on an ancestor), with the prompt open: the layout mirrors. */
export const RightToLeft: Story = {
  ...scenarioStory(
    (args, backend) => html`<div dir="rtl">${renderU2fRegister(args, backend)}</div>`,
    scenarios.prompting,
  ),
  name: 'Right to left (prompting)',
};

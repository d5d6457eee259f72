/**
 * The states of `<passkey-register>` and `<u2f-register>`, each as a scenario: the fake backend and fake
 * WebAuthn that lead there, and where a click on the element's button ends. The elements have no state
 * setter, so every story reaches its state the way a page would: through `backend`, the browser and a click.
 */
import type { StoryObj } from '@storybook/web-components-vite';
import type { TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type {
  ErrorCode,
  RegistrationBackend,
  RegistrationElement,
  RegistrationKind,
  RegistrationState,
} from '../../src/index.js';
import {
  fakeBackend,
  httpError,
  networkError,
  pending,
  started,
  startedWithoutOptions,
  verified,
  type FakeBackend,
} from './fake-backend.js';
import { RegistrationHarness } from '../../test/support/harness/index.js';
import { fakeWebAuthn, type FakeWebAuthnOptions } from './fake-webauthn.js';

export interface Scenario {
  /** The backend the element gets, made anew for each render. */
  backend: () => FakeBackend;
  /** What the browser's `navigator.credentials.create()` does; a new credential by default. */
  webauthn?: FakeWebAuthnOptions;
  /** Where a click on the button leaves the element; without one the story is not clicked. */
  outcome?: { state: RegistrationState; code?: ErrorCode };
}

/** Milliseconds each step of the interactive stories takes, long enough to read each state. */
const STEP_MS = 900;

/** The scenarios of one kind of element; the backend's options ask for a passkey or a security key. */
export function registrationScenarios(kind: RegistrationKind) {
  const ok = { startRegistration: started({ kind }), verifyRegistration: verified };
  const failingStart =
    (error: Error): Scenario['backend'] =>
    () =>
      fakeBackend({ startRegistration: error, verifyRegistration: verified });
  const failingPrompt = (create: FakeWebAuthnOptions['create'], code: ErrorCode): Scenario => ({
    backend: () => fakeBackend(ok),
    webauthn: { create },
    outcome: { state: 'error', code },
  });
  const failedStart = (error: Error, code: ErrorCode): Scenario => ({
    backend: failingStart(error),
    outcome: { state: 'error', code },
  });

  return {
    /** No click; a click runs the whole ceremony against the fakes, one step at a time. */
    idle: {
      backend: () => fakeBackend({ ...ok, delay: STEP_MS }),
      webauthn: { delay: STEP_MS },
    },
    /** This device has no passkey provider: the element says what will happen instead. */
    idleWithoutPlatformAuthenticator: {
      backend: () => fakeBackend({ ...ok, delay: STEP_MS }),
      webauthn: { delay: STEP_MS, platformAuthenticator: false },
    },
    /** No WebAuthn at all (an old browser or an insecure context): the element says so before the click. */
    idleWithoutWebAuthn: {
      backend: () => fakeBackend(ok),
      webauthn: { webauthn: false },
    },
    /** `startRegistration` never answers. */
    starting: {
      backend: () => fakeBackend({ startRegistration: pending, verifyRegistration: verified }),
      outcome: { state: 'starting' },
    },
    /** The browser's prompt never closes: `navigator.credentials.create()` never answers. */
    prompting: {
      backend: () => fakeBackend(ok),
      webauthn: { create: 'pending' },
      outcome: { state: 'prompting' },
    },
    /** The browser returns a credential; `verifyRegistration` never answers. */
    verifying: {
      backend: () => fakeBackend({ ...ok, verifyRegistration: pending }),
      outcome: { state: 'verifying' },
    },
    /** Start, a credential from the fake browser, verify: all succeed. */
    success: {
      backend: () => fakeBackend(ok),
      outcome: { state: 'success' },
    },
    /** The person dismissed the prompt: `NotAllowedError`. */
    cancelled: failingPrompt('NotAllowedError', 'cancelled'),
    /** The authenticator already holds a credential for the user: `InvalidStateError`. */
    alreadyRegistered: failingPrompt('InvalidStateError', 'already-registered'),
    /** The authenticator supports none of the algorithms: `NotSupportedError`. */
    unsupported: failingPrompt('NotSupportedError', 'unsupported'),
    /** The relying-party ID does not fit this origin: `SecurityError`. */
    security: failingPrompt('SecurityError', 'security'),
    /** Clicked without WebAuthn: refused before any request. */
    unsupportedBrowser: {
      backend: () => fakeBackend(ok),
      webauthn: { webauthn: false },
      outcome: { state: 'error', code: 'unsupported' },
    },
    /** A backend without registration (as ZITADEL v1): the message names its API. */
    unsupportedApi: {
      backend: () => fakeBackend({ label: 'ZITADEL v1' }),
      outcome: { state: 'error', code: 'unsupported' },
    },
    /** A 400 to a start that carried a registration link's code: the code is wrong, used or expired. */
    invalidCode: failedStart(httpError('invalid-input', 400, 9), 'invalid-code'),
    /** A 401 at the start. */
    unauthenticated: failedStart(httpError('unauthenticated', 401, 16), 'unauthenticated'),
    /** A 403 at the start. */
    forbidden: failedStart(httpError('forbidden', 403, 7), 'forbidden'),
    /** A 404 at the start: no such user. */
    notFound: failedStart(httpError('not-found', 404, 5), 'not-found'),
    /** `user-id` is empty: refused before any request. */
    invalidInput: {
      backend: () => fakeBackend(ok),
      outcome: { state: 'error', code: 'invalid-input' },
    },
    /** fetch failed. */
    network: failedStart(networkError(), 'network'),
    /** A 500 at the start. */
    server: failedStart(httpError('server', 500, 13), 'server'),
    /** A 200 whose creation options have no challenge and no user: the element's own check refuses them. */
    badResponse: {
      backend: () => fakeBackend({ startRegistration: startedWithoutOptions, verifyRegistration: verified }),
      outcome: { state: 'error', code: 'bad-response' },
    },
    /** A 400 at the verify step: the server refused the credential. */
    verificationFailed: {
      backend: () => fakeBackend({ ...ok, verifyRegistration: httpError('invalid-input', 400, 3) }),
      outcome: { state: 'error', code: 'verification-failed' },
    },
  } satisfies Record<string, Scenario>;
}

/** The registration element a story rendered. */
export function registrationElement(canvasElement: HTMLElement): RegistrationElement {
  const element = canvasElement.querySelector<RegistrationElement>('passkey-register, u2f-register');
  if (!element) throw new Error('The story rendered no registration element');
  return element;
}

/** Clicks the element's button, as a person does, and waits until the element is where it should be. */
export async function clickUntil(
  element: RegistrationElement,
  outcome: NonNullable<Scenario['outcome']>,
): Promise<void> {
  await element.updateComplete;
  let reported: ErrorCode | undefined;
  element.addEventListener('registration-error', (event) => (reported = event.detail.code), { once: true });
  await userEvent.click(new RegistrationHarness(element).button);
  await waitFor(() => expect(element.state).toBe(outcome.state));
  if (outcome.code) await waitFor(() => expect(reported).toBe(outcome.code));
}

/**
 * Types `name` into the name field of an element with `ask-name`, registers, and checks the backend was
 * asked to store the credential under that name.
 */
export async function nameAndRegister(canvasElement: HTMLElement, name: string): Promise<void> {
  const element = registrationElement(canvasElement);
  await element.updateComplete;
  const field = new RegistrationHarness(element).nameField;
  if (!field) throw new Error('The element rendered no name field');
  await userEvent.type(field, name);
  await clickUntil(element, { state: 'success' });
  const backend = element.backend as FakeBackend;
  const verify = backend.requests.find(({ method }) => method === 'verifyRegistration');
  await expect(verify?.request).toMatchObject({ name });
}

/**
 * A story for one scenario: `render` gets the scenario's backend, `beforeEach` installs its WebAuthn (and
 * Storybook calls the restore function it returns on unmount), `play` clicks.
 */
export function scenarioStory<TArgs>(
  render: (args: TArgs, backend: RegistrationBackend) => TemplateResult,
  scenario: Scenario,
  story: StoryObj<TArgs> = {},
): StoryObj<TArgs> {
  const { outcome } = scenario;
  return {
    render: (args) => render(args, scenario.backend()),
    beforeEach: () => fakeWebAuthn(scenario.webauthn),
    ...(outcome
      ? { play: async ({ canvasElement }) => clickUntil(registrationElement(canvasElement), outcome) }
      : {}),
    ...story,
  };
}

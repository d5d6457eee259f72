import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { PasskeyRegisterElement } from '../../src/index.js';
import type { ErrorCode } from '../../src/core/errors.js';
import { registration } from '../../src/i18n/en/registration.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator, type AuthenticatorForEachTest } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';
import { accessibleName, expectAlert, focusMovesTo, focusedPart, tabToPart } from '../support/a11y.js';

/** Every way a passkey registration can fail that the person sees, one per error family. */
const FAILURES: [
  ErrorCode,
  (element: PasskeyRegisterElement, key: AuthenticatorForEachTest) => Promise<unknown>,
][] = [
  ['cancelled', (_, key) => key.setUserVerified(false)],
  ['already-registered', (element) => new RegistrationHarness(element).clickAndWait('registration-success')],
  ['security', async (element) => (element.domain = 'example.com')],
  ['unsupported', async (element) => (element.api = 'v1')],
  [
    'invalid-code',
    async (element) => {
      element.codeId = '999999999999999999';
      element.code = 'WRONG1';
    },
  ],
  ['invalid-input', async (element) => (element.userId = '')],
  ['unauthenticated', async (element) => (element.token = 'expired-token')],
  ['forbidden', () => mockApi.fault({ rpc: 'RegisterPasskey', status: 403 })],
  ['not-found', () => mockApi.fault({ rpc: 'RegisterPasskey', status: 404 })],
  // Nothing listens on port 1: fetch fails, as when the network is down.
  ['network', async (element) => (element.baseUrl = 'http://localhost:1')],
  ['server', () => mockApi.fault({ rpc: 'RegisterPasskey', status: 500 })],
  ['bad-response', () => mockApi.fault({ rpc: 'RegisterPasskey', status: 200, body: 'not json' })],
  ['verification-failed', () => mockApi.fault({ rpc: 'VerifyPasskeyRegistration', status: 400 })],
];

/** The failures a second try can mend: only after these is a "Try again" button offered. */
const RETRY_HELPS: readonly ErrorCode[] = [
  'cancelled',
  'network',
  'server',
  'bad-response',
  'verification-failed',
];

describe('accessibility of <passkey-register>', () => {
  const authenticator = useVirtualAuthenticator();
  let element: PasskeyRegisterElement;
  let harness: RegistrationHarness;

  beforeEach(async () => {
    await mockApi.reset();
    element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    harness = new RegistrationHarness(element);
  });

  /** Starts a ceremony and waits until it is in `state`, held there by a hanging step. */
  async function holdIn(state: 'starting' | 'prompting' | 'verifying') {
    if (state === 'starting') await mockApi.fault({ rpc: 'RegisterPasskey', hang: true });
    if (state === 'prompting') await authenticator.holdPrompts();
    if (state === 'verifying') await mockApi.fault({ rpc: 'VerifyPasskeyRegistration', hang: true });
    const pending = element.register().catch(() => undefined);
    await waitUntil(() => element.state === state, `reaches ${state}`);
    await element.updateComplete;
    return pending;
  }

  const busyLabels = {
    starting: 'Creating your passkey…',
    prompting: 'Waiting for your device…',
    verifying: 'Checking…',
  };
  for (const state of ['starting', 'prompting', 'verifying'] as const) {
    it(`passes axe while ${state}, and the button says what is happening`, async () => {
      const pending = holdIn(state);
      await waitUntil(() => element.state === state);
      await expect(element).to.be.accessible();
      expect(harness.button.textContent?.trim()).to.equal(busyLabels[state]);
      expect(harness.button.getAttribute('aria-disabled')).to.equal('true');
      element.reset();
      await pending;
    });
  }

  it('passes axe when idle, after success and after an error', async () => {
    await expect(element).to.be.accessible();
    await harness.clickAndWait('registration-success');
    await expect(element).to.be.accessible();
    await harness.clickAndWait('registration-error');
    await expect(element).to.be.accessible();
  });

  it('works with the keyboard alone, and moves focus to the outcome', async () => {
    harness.button.focus();
    const success = new Promise((resolve) =>
      element.addEventListener('registration-success', resolve, { once: true }),
    );
    await sendKeys({ press: 'Enter' });
    await success;
    await waitUntil(() => harness.focusedPart === 'status', 'focus on the result');

    harness.button.focus();
    const failure = new Promise((resolve) =>
      element.addEventListener('registration-error', resolve, { once: true }),
    );
    await sendKeys({ press: 'Space' });
    await failure;
    await waitUntil(() => harness.focusedPart === 'message', 'focus on the error');
  });

  /** Focuses the button, presses Enter and waits until the browser's prompt is open. */
  async function openPromptWithEnter(what = 'the prompt is open'): Promise<void> {
    harness.button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.state === 'prompting', what);
    await element.updateComplete;
  }

  it('keeps the focus when Cancel goes with the prompt: on the busy button while verifying, then on the outcome', async () => {
    // The person answers the prompt when the test says so, after tabbing to Cancel.
    const realCreate = navigator.credentials.create;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    navigator.credentials.create = (options) =>
      answered.then(() => realCreate.call(navigator.credentials, options));
    try {
      await mockApi.fault({ rpc: 'VerifyPasskeyRegistration', delayMs: 500 });
      const registered = oneEvent(element, 'registration-success');
      await openPromptWithEnter();
      await sendKeys({ press: 'Tab' });
      expect(focusedPart(element)).to.equal('cancel');
      answer();
      await waitUntil(() => element.state === 'verifying', 'verifying');
      await element.updateComplete;
      expect(harness.cancelButton, 'Cancel went with the prompt').to.be.null;
      expect(focusedPart(element), 'the focus stays in the element').to.equal('button');
      await registered;
      await focusMovesTo(element, 'status');
    } finally {
      navigator.credentials.create = realCreate;
    }
  });

  it('cancels the prompt with Escape, as Cancel does, from the busy button or from Cancel', async () => {
    await authenticator.holdPrompts();
    let failed = oneEvent(element, 'registration-error');
    await openPromptWithEnter();
    await sendKeys({ press: 'Escape' });
    expect((await failed).detail.code).to.equal('cancelled');
    await focusMovesTo(element, 'message');

    failed = oneEvent(element, 'registration-error');
    await openPromptWithEnter('the prompt is open again');
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(element)).to.equal('cancel');
    await sendKeys({ press: 'Escape' });
    expect((await failed).detail.code).to.equal('cancelled');
    await focusMovesTo(element, 'message');
  });

  it('rings the outcome it focuses after the keyboard (:focus-visible), as its buttons are ringed', async () => {
    harness.button.focus();
    await sendKeys({ press: 'Enter' });
    await focusMovesTo(element, 'status');
    const ring = getComputedStyle(harness.required('status'));
    expect([ring.outlineStyle, ring.outlineWidth, ring.outlineOffset]).to.deep.equal(['solid', '2px', '2px']);
    // The focus-ring colour of the buttons: the accent.
    expect(ring.outlineColor).to.equal(getComputedStyle(harness.button).backgroundColor);

    await authenticator.setUserVerified(false);
    harness.button.focus();
    await sendKeys({ press: 'Enter' });
    await focusMovesTo(element, 'message');
    expect(getComputedStyle(harness.required('message')).outlineStyle).to.equal('solid');
  });

  it('announces progress in a polite live region and errors as an alert', async () => {
    const status = harness.required('status');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    await authenticator.setUserVerified(false);
    await harness.clickAndWait('registration-error');
    expect(harness.required('message').getAttribute('role')).to.equal('alert');
  });

  it('is reached with Tab from the page', async () => {
    await tabToPart(element, 'button');
    expect(accessibleName(harness.button)).to.equal(registration.passkeyButton);
  });

  for (const [code, arrange] of FAILURES) {
    it(`after ${code}: passes axe, shows an alert, moves focus to it, and offers ${RETRY_HELPS.includes(code) ? 'to try again' : code === 'already-registered' ? 'another device' : 'no button that cannot work'}`, async () => {
      await arrange(element, authenticator);
      await element.updateComplete;
      harness.button.focus();
      const failed = oneEvent(element, 'registration-error');
      await sendKeys({ press: 'Enter' });
      expect((await failed).detail.code).to.equal(code);
      await focusMovesTo(element, 'message');
      await expect(element).to.be.accessible();
      expectAlert(element);
      if (!RETRY_HELPS.includes(code) && code !== 'already-registered') {
        expect(harness.hasButton, 'a retry could only fail the same way').to.equal(false);
        return;
      }
      expect(accessibleName(harness.button)).to.equal(
        code === 'already-registered'
          ? registration.passkeyOtherDeviceButton
          : registration.passkeyRetryButton,
      );
      // The keyboard continues from the message to the retry button.
      await sendKeys({ press: 'Tab' });
      expect(focusedPart(element)).to.equal('button');
    });
  }

  it('with ask-name: the labelled name field is in the tab order and Enter in it registers', async () => {
    element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register ask-name user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    await expect(element).to.be.accessible();
    const input = await tabToPart(element, 'input');
    expect(input.closest('label')?.textContent).to.contain(registration.nameLabel);
    await sendKeys({ type: 'Work laptop' });
    const registered = oneEvent(element, 'registration-success');
    await sendKeys({ press: 'Enter' });
    expect((await registered).detail.name).to.equal('Work laptop');
    // The field stays (read-only) while the ceremony runs, so the focus is still in the element and
    // moves to the outcome.
    await focusMovesTo(element, 'status');
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });
});

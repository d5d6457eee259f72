import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/u2f-register.js';
import type { U2fRegisterElement } from '../../src/u2f-register.js';
import type { ErrorCode } from '../../src/core/errors.js';
import { registration } from '../../src/i18n/en/registration.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator, type AuthenticatorForEachTest } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';
import { securityKeyToday } from '../support/security-key-name.js';
import {
  accessibleName,
  expectAlert,
  expectPoliteStatus,
  focusMovesTo,
  focusedPart,
  tabToPart,
} from '../support/a11y.js';

/** Every way a security-key registration can fail that the person sees, one per error family. */
const FAILURES: [
  ErrorCode,
  (element: U2fRegisterElement, key: AuthenticatorForEachTest) => Promise<unknown>,
][] = [
  ['cancelled', (_, key) => key.setUserVerified(false)],
  ['already-registered', (element) => new RegistrationHarness(element).clickAndWait('registration-success')],
  ['security', async (element) => (element.domain = 'example.com')],
  ['unsupported', async (element) => (element.api = 'v1')],
  ['invalid-input', async (element) => (element.userId = '')],
  ['unauthenticated', async (element) => (element.token = 'expired-token')],
  ['forbidden', () => mockApi.fault({ rpc: 'RegisterU2F', status: 403 })],
  ['not-found', () => mockApi.fault({ rpc: 'RegisterU2F', status: 404 })],
  // Nothing listens on port 1: fetch fails, as when the network is down.
  ['network', async (element) => (element.baseUrl = 'http://localhost:1')],
  ['server', () => mockApi.fault({ rpc: 'RegisterU2F', status: 503 })],
  ['bad-response', () => mockApi.fault({ rpc: 'RegisterU2F', status: 200, body: 'not json' })],
  ['verification-failed', () => mockApi.fault({ rpc: 'VerifyU2FRegistration', status: 400 })],
];

/** The failures a second try can mend: only after these is a "Try again" button offered. */
const RETRY_HELPS: readonly ErrorCode[] = [
  'cancelled',
  'network',
  'server',
  'bad-response',
  'verification-failed',
];

describe('accessibility of <u2f-register>', () => {
  const key = useVirtualAuthenticator({ transport: 'usb', hasResidentKey: false });
  let element: U2fRegisterElement;
  let harness: RegistrationHarness;

  async function render(template = html`<u2f-register user-id=${USERS.alice.id}></u2f-register>`) {
    element = await fixture<U2fRegisterElement>(template);
    element.token = TOKENS.alice;
    harness = new RegistrationHarness(element);
  }

  beforeEach(async () => {
    await mockApi.reset();
    // A key on USB that can verify its user, so a refused verification is the "cancelled" path.
    await render();
  });

  /** Presses Enter on the focused button and waits for the outcome event. */
  async function pressAndWait(
    keyName: 'Enter' | 'Space',
    outcome: 'registration-success' | 'registration-error',
  ) {
    const success = oneEvent(element, 'registration-success');
    const error = oneEvent(element, 'registration-error');
    await sendKeys({ press: keyName });
    const event = (await Promise.race([success, error])) as CustomEvent<{ code?: string }>;
    expect(event.type, JSON.stringify(event.detail)).to.equal(outcome);
    await element.updateComplete;
    return event;
  }

  it('passes axe when idle, with its text in a polite live region', async () => {
    await expect(element).to.be.accessible();
    expectPoliteStatus(element, registration.u2fIdle);
    expect(accessibleName(harness.button)).to.equal(registration.u2fButton);
  });

  const holds = {
    starting: () => mockApi.fault({ rpc: 'RegisterU2F', hang: true }),
    prompting: () => key.holdPrompts(),
    verifying: () => mockApi.fault({ rpc: 'VerifyU2FRegistration', hang: true }),
  };
  const says = {
    starting: registration.starting,
    prompting: registration.u2fPrompting,
    verifying: registration.u2fVerifying,
  };
  const busyLabels = {
    starting: registration.u2fStartingButton,
    prompting: registration.promptingButton,
    verifying: registration.verifyingButton,
  };
  for (const state of ['starting', 'prompting', 'verifying'] as const) {
    it(`passes axe while ${state}, announces it politely, and the busy button says what is happening`, async () => {
      await holds[state]();
      const pending = element.register().catch(() => undefined);
      await waitUntil(() => element.state === state, `reaches ${state}`);
      await element.updateComplete;
      await expect(element).to.be.accessible();
      expectPoliteStatus(element, says[state]);
      expect(accessibleName(harness.button)).to.equal(busyLabels[state]);
      expect(harness.button.getAttribute('aria-disabled')).to.equal('true');
      expect(harness.button.getAttribute('aria-busy')).to.equal('true');
      // Still in the tab order: a screen reader user finds the busy button where it was.
      harness.button.focus();
      expect(focusedPart(element)).to.equal('button');
      element.reset();
      await pending;
    });
  }

  it('is used with the keyboard alone: Tab reaches the button, Enter and Space run it, focus goes to the outcome', async () => {
    await tabToPart(element, 'button');
    await pressAndWait('Enter', 'registration-success');
    await focusMovesTo(element, 'status');
    await expect(element).to.be.accessible();
    expectPoliteStatus(element, registration.u2fSuccess(securityKeyToday()));

    // From the result, the next Tab is the button again, now for another key.
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(element)).to.equal('button');
    expect(accessibleName(harness.button)).to.equal(registration.u2fAnotherButton);
    const { detail } = (await pressAndWait('Space', 'registration-error')) as CustomEvent<{ code: string }>;
    expect(detail.code).to.equal('already-registered');
    await focusMovesTo(element, 'message');
  });

  for (const [code, arrange] of FAILURES) {
    it(`after ${code}: passes axe, shows an alert, moves focus to it, and offers ${RETRY_HELPS.includes(code) ? 'to try again' : code === 'already-registered' ? 'another device' : 'no button that cannot work'}`, async () => {
      await arrange(element, key);
      await element.updateComplete;
      harness.button.focus();
      const { detail } = (await pressAndWait('Enter', 'registration-error')) as CustomEvent<{ code: string }>;
      expect(detail.code).to.equal(code);
      expect(element.getAttribute('state')).to.equal('error');
      await focusMovesTo(element, 'message');
      await expect(element).to.be.accessible();
      expectAlert(element);
      if (!RETRY_HELPS.includes(code) && code !== 'already-registered') {
        expect(harness.hasButton, 'a retry could only fail the same way').to.equal(false);
        return;
      }
      expect(accessibleName(harness.button)).to.equal(
        code === 'already-registered' ? registration.u2fOtherDeviceButton : registration.u2fRetryButton,
      );
      // The keyboard continues from the message to the retry button.
      await sendKeys({ press: 'Tab' });
      expect(focusedPart(element)).to.equal('button');
    });
  }

  it('with ask-name: the labelled name field is in the tab order and Enter in it registers', async () => {
    await render(html`<u2f-register ask-name user-id=${USERS.alice.id}></u2f-register>`);
    await expect(element).to.be.accessible();
    const input = await tabToPart(element, 'input');
    expect(input.closest('label')?.textContent).to.contain(registration.nameLabel);
    await sendKeys({ type: 'Work key' });
    const { detail } = (await pressAndWait('Enter', 'registration-success')) as CustomEvent<{ name: string }>;
    expect(detail.name).to.equal('Work key');
    expectPoliteStatus(element, registration.u2fSuccess('Work key'));
    await expect(element).to.be.accessible();
  });
});

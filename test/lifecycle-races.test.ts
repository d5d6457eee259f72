/**
 * Races between the page and a running ceremony: removal while the ceremony's code still loads, a page
 * that signs out mid-ceremony, `reset()` and a new start, an element moved to another parent, a change of
 * language. The first case must run before anything in this page has loaded the ceremony's chunk (each
 * test file runs in a page of its own): this file imports no part of it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import { zitadelV2 } from '../src/backends/zitadel-v2.js';
import type { RegistrationBackend } from '../src/backends/types.js';
import { RegistrationError } from '../src/core/errors.js';
import { loadMessages } from '../src/i18n/load-messages.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import { markdownSection, statedNumber } from './support/readme.js';
import { watchForTrouble } from './support/trouble.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function passkeyRegister(
  template = html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
) {
  const element = await fixture<PasskeyRegisterElement>(template);
  element.token = TOKENS.alice;
  return { element, harness: new RegistrationHarness(element) };
}

/** The outcome events an element dispatches, in order. */
function recordOutcomes(element: HTMLElement): string[] {
  const outcomes: string[] = [];
  element.addEventListener('registration-success', () => outcomes.push('success'));
  element.addEventListener('registration-error', (event) => outcomes.push(`error:${event.detail.code}`));
  return outcomes;
}

/** A backend whose start waits for a token that never comes; `honoursSignal` decides whether abort ends the wait. */
function slowTokenBackend(honoursSignal: boolean): RegistrationBackend {
  const real = zitadelV2({ token: TOKENS.alice });
  return {
    ...real,
    startRegistration(_request, signal) {
      return new Promise((_resolve, reject) => {
        if (honoursSignal) {
          signal?.addEventListener('abort', () => reject(new RegistrationError('aborted', 'aborted')), {
            once: true,
          });
        }
      });
    },
  };
}

/** The race cases this run started, for the README's count. */
let casesRun = 0;

describe('lifecycle races', () => {
  useVirtualAuthenticator();
  let watch: ReturnType<typeof watchForTrouble>;

  beforeEach(async () => {
    casesRun += 1;
    await mockApi.reset();
    watch = watchForTrouble();
  });

  afterEach(async () => {
    watch.stop();
    expect(watch.trouble, 'no uncaught error, unhandled rejection or console.error').to.deep.equal([]);
  });

  it('sends nothing later for an element removed while its ceremony code was still loading', async () => {
    const prefetching = await passkeyRegister(
      html`<passkey-register prefetch user-id=${USERS.alice.id}></passkey-register>`,
    );
    const registering = await passkeyRegister();
    const outcomes = [...recordOutcomes(prefetching.element), ...recordOutcomes(registering.element)];
    // Focus asks for the chunk and a prefetch; register() asks for the chunk and a start.
    prefetching.harness.button.focus();
    const pending = registering.element.register().catch((error: unknown) => error);
    prefetching.element.remove();
    registering.element.remove();

    expect(((await pending) as RegistrationError).code).to.equal('aborted');
    // The chunk has loaded by now (the test imports it after the elements did); give a start time to go.
    await import('../src/internal/registration/registration-driver.js');
    await pause(500);
    expect(await mockApi.requests()).to.deep.equal([]);
    expect(outcomes, 'a removed element tells no one').to.deep.equal([]);
  });

  it('sends the verify without the old token when the page signs out during the prompt', async () => {
    const { element, harness } = await passkeyRegister();
    // The page signs out the moment the prompt opens.
    new MutationObserver(() => {
      if (element.state === 'prompting') element.token = undefined;
    }).observe(element, { attributes: true, attributeFilter: ['state'] });

    const { detail } = await harness.clickAndWait('registration-error');
    expect(detail.code).to.equal('unauthenticated');
    const [start, verify] = await mockApi.requests();
    expect(start!.tokenOwner).to.equal('alice');
    expect(verify!.rpc).to.equal('VerifyPasskeyRegistration');
    expect(verify!.hasAuthorization, 'the old token is not sent after sign-out').to.equal(false);
    expect(verify!.tokenOwner).to.equal(null);
    expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(0);
  });

  describe('reset()', () => {
    it('clears the running ceremony: reset(); register() starts a new one', async () => {
      const { element } = await passkeyRegister();
      await mockApi.fault({ rpc: 'RegisterPasskey', delayMs: 300, times: 1 });
      const outcomes = recordOutcomes(element);
      const first = element.register();
      const stopped = first.catch((error: unknown) => error);
      await waitUntil(() => element.state === 'starting');

      element.reset();
      const second = element.register();
      expect(second, 'a new ceremony, not the stopped one').not.to.equal(first);
      expect(((await stopped) as RegistrationError).code).to.equal('aborted');
      const result = await second;
      expect(result.userId).to.equal(USERS.alice.id);
      expect(element.state).to.equal('success');
      expect(outcomes).to.deep.equal(['error:aborted', 'success']);
    });

    for (const honoursSignal of [true, false]) {
      it(`during a slow token dispatches aborted at once (a backend that ${honoursSignal ? 'honours' : 'ignores'} the signal)`, async () => {
        const { element } = await passkeyRegister();
        element.backend = slowTokenBackend(honoursSignal);
        await element.updateComplete;
        const pending = element.register().catch((error: unknown) => error);
        await waitUntil(() => element.state === 'starting');
        await pause(50);

        const aborted = oneEvent(element, 'registration-error');
        element.reset();
        const { detail } = await Promise.race([
          aborted,
          pause(200).then(() => {
            throw new Error('no registration-error within 200 ms of reset()');
          }),
        ]);
        expect(detail.code).to.equal('aborted');
        expect(((await pending) as RegistrationError).code).to.equal('aborted');
        expect(element.state).to.equal('idle');
      });
    }
  });

  describe('moving the element to another parent', () => {
    it('keeps a ceremony that is starting: it registers in the new place', async () => {
      const { element } = await passkeyRegister();
      const outcomes = recordOutcomes(element);
      await mockApi.fault({ rpc: 'RegisterPasskey', delayMs: 300, times: 1 });
      const pending = element.register();
      await waitUntil(() => element.state === 'starting');

      const dialog = document.createElement('div');
      document.body.append(dialog);
      try {
        dialog.append(element);
        const result = await pending;
        expect(result.userId).to.equal(USERS.alice.id);
        expect(element.state).to.equal('success');
        expect(outcomes).to.deep.equal(['success']);
        expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(1);
      } finally {
        dialog.remove();
      }
    });

    it('keeps a ceremony that is verifying', async () => {
      const { element } = await passkeyRegister();
      await mockApi.fault({ rpc: 'VerifyPasskeyRegistration', delayMs: 300, times: 1 });
      const pending = element.register();
      await waitUntil(() => element.state === 'verifying');
      const portal = document.createElement('section');
      document.body.append(portal);
      try {
        portal.append(element);
        await pending;
        expect(element.state).to.equal('success');
      } finally {
        portal.remove();
      }
    });

    it('keeps prefetched options: the click in the new place prompts at once, with no second start', async () => {
      const { element } = await passkeyRegister(
        html`<passkey-register prefetch user-id=${USERS.alice.id}></passkey-register>`,
      );
      const starts = async () => (await mockApi.requests()).filter((r) => r.rpc === 'RegisterPasskey').length;
      await waitUntil(async () => (await starts()) === 1, 'prefetched');
      await pause(50);
      const other = document.createElement('div');
      document.body.append(other);
      try {
        other.append(element);
        await pause(50);
        await new RegistrationHarness(element).clickAndWait('registration-success');
        expect(await starts()).to.equal(1);
      } finally {
        other.remove();
      }
    });
  });

  it('after a change of lang, shows the error in the new language only', async () => {
    const { element, harness } = await passkeyRegister();
    await mockApi.fault({ rpc: 'RegisterPasskey', status: 500 });
    await harness.clickAndWait('registration-error');
    expect(harness.messageText).to.equal('The server had a problem. Try again in a moment.');

    element.setAttribute('lang', 'de');
    const de = await loadMessages('de');
    await waitUntil(() => harness.button.textContent?.trim() === de.passkeyRetryButton, 'German button');
    expect(harness.messageText).to.equal(`${de.errors.server} ${de.hints.server}`);
  });
});

describe('the README on the lifecycle races', () => {
  it('states the number of cases this run ran', async () => {
    const reliability = await markdownSection('Reliability');
    expect(casesRun).to.be.greaterThan(0);
    expect(statedNumber(reliability, /\*\*(\d+) lifecycle races\*\*/)).to.equal(casesRun);
  });
});

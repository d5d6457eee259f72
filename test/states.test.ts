import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import '../src/authenticator-list.js';
import type { AuthenticatorListElement, PasskeyRegisterElement, U2fRegisterElement } from '../src/index.js';
import type { RegistrationElement } from '../src/internal/registration/registration-element.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { registration } from '../src/i18n/en/registration.js';
import { useVirtualAuthenticator, engine } from './support/authenticator.js';
import { RegistrationHarness, harnessFor } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import { securityKeyToday } from './support/security-key-name.js';

const part = (element: HTMLElement, name: string) => harnessFor(element).part(name);

async function registering<E extends RegistrationElement>(tag: 'passkey-register' | 'u2f-register') {
  const element = (await fixture(
    tag === 'passkey-register'
      ? html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`
      : html`<u2f-register user-id=${USERS.alice.id}></u2f-register>`,
  )) as E;
  element.token = TOKENS.alice;
  return { element, harness: new RegistrationHarness(element) };
}

/** Clicks, with the authenticator holding its prompt open (no user presence), until the element prompts. */
async function prompting(element: RegistrationElement, harness: RegistrationHarness) {
  harness.button.click();
  // The first click of a file loads the ceremony's code and asks the mock to start: more than waitUntil's
  // default second on a loaded machine (seen in Firefox at load 16 on 2 cores).
  await waitUntil(() => element.state === 'prompting', 'reaches prompting', { timeout: 5000 });
  await element.updateComplete;
}

describe('registration states', () => {
  const authenticator = useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
  });

  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  for (const tag of ['passkey-register', 'u2f-register'] as const) {
    it(`${tag}: Cancel stops the open prompt with one cancelled error, and the element can register again`, async () => {
      const { element, harness } = await registering(tag);
      await authenticator.holdPrompts();
      await prompting(element, harness);
      const errors: string[] = [];
      element.addEventListener('registration-error', (event) => errors.push(event.detail.code));

      const cancelled = oneEvent(element, 'registration-error');
      part(element, 'cancel')!.click();
      expect((await cancelled).detail.code).to.equal('cancelled');
      await element.updateComplete;

      expect(element.state).to.equal('error');
      expect(part(element, 'cancel'), 'no Cancel once the prompt is closed').to.equal(null);
      expect(part(element, 'countdown')).to.equal(null);
      expect(harness.button.textContent?.trim()).to.equal('Try again');
      await expect(element).to.be.accessible();

      await authenticator.answerPrompts();
      await harness.clickAndWait('registration-success');
      expect(errors, 'exactly one error event').to.deep.equal(['cancelled']);
    });
  }

  it('offers Cancel only while the prompt is open', async () => {
    const { element, harness } = await registering<PasskeyRegisterElement>('passkey-register');
    expect(part(element, 'cancel')).to.equal(null);
    await mockApi.fault({ rpc: 'RegisterPasskey', hang: true });
    harness.button.click();
    await waitUntil(() => element.state === 'starting');
    await element.updateComplete;
    expect(part(element, 'cancel')).to.equal(null);
    element.reset();
  });

  it('counts down the options’ timeout each second while prompting, hidden from screen readers but summed up in minutes', async () => {
    const { element, harness } = await registering<PasskeyRegisterElement>('passkey-register');
    await authenticator.holdPrompts();
    await prompting(element, harness);

    const countdown = part(element, 'countdown')!;
    const digits = countdown.querySelector('[aria-hidden="true"]')!;
    // The mock sends ZITADEL's five minutes.
    expect(digits.textContent).to.match(/^0[45]:\d\d$/);
    const first = digits.textContent!;
    expect(countdown.textContent).to.contain('Up to 5 minutes left');
    expect(countdown.closest('[aria-live]'), 'not a live region: nothing is read every second').to.equal(
      null,
    );
    await aTimeout(1_100);
    await element.updateComplete;
    const seconds = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
    expect(seconds(digits.textContent!)).to.be.lessThan(seconds(first));
    element.reset();
  });

  for (const [state, label] of [
    ['starting', 'Creating your passkey…'],
    ['verifying', 'Checking…'],
  ] as const) {
    it(`says "${label}" on the button with a progress indicator while ${state}`, async () => {
      const { element, harness } = await registering<PasskeyRegisterElement>('passkey-register');
      await mockApi.fault({
        rpc: state === 'starting' ? 'RegisterPasskey' : 'VerifyPasskeyRegistration',
        hang: true,
      });
      harness.button.click();
      await waitUntil(() => element.state === state, `reaches ${state}`);
      await element.updateComplete;
      expect(harness.button.textContent?.trim()).to.equal(label);
      const progress = harness.button.querySelector('[part~="progress"]');
      expect(progress?.getAttribute('aria-hidden')).to.equal('true');
      expect(getComputedStyle(progress!).animationName).to.equal('pk-spin');
      element.reset();
      await element.updateComplete;
      expect(harness.button.querySelector('[part~="progress"]'), 'no progress when idle').to.equal(null);
    });
  }

  it('keeps a still, visible busy cue and no animation with prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { element, harness } = await registering<PasskeyRegisterElement>('passkey-register');
    await mockApi.fault({ rpc: 'RegisterPasskey', hang: true });
    harness.button.click();
    await waitUntil(() => element.state === 'starting');
    await element.updateComplete;
    const progress = harness.button.querySelector<HTMLElement>('[part~="progress"]')!;
    const style = getComputedStyle(progress);
    expect(style.animationName).to.equal('none');
    expect(progress.getBoundingClientRect().width).to.be.greaterThan(8);
    expect(style.borderTopColor, 'a coloured arc').not.to.equal(style.borderBottomColor);
    element.reset();
  });

  it('names a security key no list knows "Security key" and the day it was added, unlike a passkey', async () => {
    const { harness } = await registering<U2fRegisterElement>('u2f-register');
    const { detail } = await harness.clickAndWait('registration-success');
    expect(detail.name).to.equal(securityKeyToday());
    expect((await mockApi.registeredOf(USERS.alice.id))[0]!.name).to.equal(securityKeyToday());
  });

  it('names a security key in the element’s language', async () => {
    const parent = await fixture<HTMLDivElement>(
      html`<div lang="de"><u2f-register user-id=${USERS.alice.id}></u2f-register></div>`,
    );
    const element = parent.querySelector<U2fRegisterElement>('u2f-register')!;
    element.token = TOKENS.alice;
    const harness = new RegistrationHarness(element);
    await waitUntil(() => harness.button.textContent?.trim() === 'Sicherheitsschlüssel hinzufügen');
    const { detail } = await harness.clickAndWait('registration-success');
    const date = new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date());
    expect(detail.name).to.equal(`Sicherheitsschlüssel, ${date}`);
  });

  describe('beside <authenticator-list>', () => {
    async function section() {
      const parent = await fixture<HTMLDivElement>(
        html`<div>
          <passkey-register user-id=${USERS.alice.id}></passkey-register>
          <authenticator-list user-id=${USERS.alice.id}></authenticator-list>
        </div>`,
      );
      const passkey = parent.querySelector<PasskeyRegisterElement>('passkey-register')!;
      const list = parent.querySelector<AuthenticatorListElement>('authenticator-list')!;
      passkey.token = TOKENS.alice;
      list.token = TOKENS.alice;
      return { passkey, list, harness: new RegistrationHarness(passkey) };
    }

    async function removeFirst(list: AuthenticatorListElement) {
      await waitUntil(() => part(list, 'delete-button'), 'the list shows the passkey');
      part(list, 'delete-button')!.click();
      await list.updateComplete;
      const removed = oneEvent(list, 'authenticator-removed');
      part(list, 'confirm-button')!.click();
      await removed;
    }

    it('returns from already-registered to idle when the list deletes that user’s passkey', async () => {
      const { passkey, list, harness } = await section();
      await harness.clickAndWait('registration-success');
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('already-registered');
      expect(harness.button.textContent?.trim(), 'another device can still register').to.equal(
        'Use another device',
      );

      await removeFirst(list);
      await passkey.updateComplete;

      expect(passkey.state).to.equal('idle');
      expect(harness.messageText).to.equal('');
      expect(harness.button.textContent?.trim()).to.equal('Create a passkey');
    });

    it('stays in its error when another user’s authenticator is deleted', async () => {
      const { passkey, harness } = await section();
      await harness.clickAndWait('registration-success');
      await harness.clickAndWait('registration-error');
      const other = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id=${USERS.bob.id}></authenticator-list>`,
      );
      other.dispatchEvent(
        new CustomEvent('authenticator-removed', {
          bubbles: true,
          composed: true,
          detail: { userId: USERS.bob.id, id: '1', kind: 'passkey', name: 'x', details: undefined },
        }),
      );
      await passkey.updateComplete;
      expect(passkey.state).to.equal('error');
    });
  });

  describe('the landing page without a link', () => {
    it('says before any click that the invitation’s link is needed, and offers no button', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url></passkey-register>`,
      );
      const harness = new RegistrationHarness(element);
      expect(harness.hasButton).to.equal(false);
      expect(part(element, 'note')?.textContent?.trim()).to.equal(
        'To create your passkey, open the link from your invitation email. This page alone cannot tell who you are.',
      );
      // The empty status line (still a live region) leaves no gap above the note.
      expect(part(element, 'note')!.getBoundingClientRect().top).to.equal(
        part(element, 'base')!.getBoundingClientRect().top,
      );
      expect(part(element, 'status')!.getAttribute('role')).to.equal('status');
      await expect(element).to.be.accessible();
      expect((await mockApi.requests()).length, 'nothing sent').to.equal(0);
    });

    it('says so in the page’s language', async () => {
      const parent = await fixture<HTMLDivElement>(
        html`<div lang="fr"><passkey-register from-url></passkey-register></div>`,
      );
      const element = parent.querySelector<PasskeyRegisterElement>('passkey-register')!;
      await waitUntil(() => part(element, 'note')?.textContent?.includes('ouvrez le lien'), 'French note');
      expect(new RegistrationHarness(element).hasButton).to.equal(false);
    });

    it('offers the button when the address carries a link', async () => {
      const before = location.href;
      const url = new URL(location.href);
      url.searchParams.set('userID', USERS.alice.id);
      url.searchParams.set('codeID', '1');
      url.searchParams.set('code', 'ABC');
      history.replaceState(history.state, '', url);
      try {
        const element = await fixture<PasskeyRegisterElement>(
          html`<passkey-register from-url></passkey-register>`,
        );
        const harness = new RegistrationHarness(element);
        expect(harness.hasButton).to.equal(true);
        // No landing-page note. Where this device has no passkey provider (Firefox on Linux), the note part
        // carries the capability note instead, once the capabilities are known.
        await waitUntil(() => element.capabilities, 'capabilities known');
        await element.updateComplete;
        expect(part(element, 'note')?.textContent?.trim() ?? null).to.equal(
          engine.hasPlatformAuthenticator ? null : registration.capabilityOtherDevice,
        );
      } finally {
        history.replaceState(history.state, '', before);
        // The tab keeps the link's code: a later landing page in this tab would find it.
        sessionStorage.clear();
      }
    });
  });
});

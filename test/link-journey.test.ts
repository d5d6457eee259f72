/**
 * The registration link as people walk it: a page opened by a mail filter, reloaded, opened on a second
 * device, and finally used by the person — the one-time code is spent only by the person's press, and
 * every outcome leads somewhere.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness, harnessFor } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const starts = async () => (await mockApi.requests()).filter((r) => r.rpc === 'RegisterPasskey').length;

/** A landing page's element with a link's code (and bob's token, so no test leans on tokenless starts). */
async function landingPage(code: { id: string; code: string }, token: string | undefined = TOKENS.bob) {
  const element = await fixture<PasskeyRegisterElement>(
    html`<passkey-register
      prefetch
      user-id=${USERS.bob.id}
      code-id=${code.id}
      code=${code.code}
    ></passkey-register>`,
  );
  if (token) element.token = token;
  return { element, harness: new RegistrationHarness(element) };
}

/** Everything a page, a person or a link scanner does short of pressing the button. */
async function lookWithoutPressing(harness: RegistrationHarness) {
  harness.element.dispatchEvent(new PointerEvent('pointerenter'));
  harness.button.focus();
  harness.button.blur();
  await pause(300);
}

/** Spies on navigator.credentials.create; `refuseFirst` makes its first call fail as Safari does. */
function spyOnCreate({ refuseFirst = false } = {}) {
  let calls = 0;
  const real = navigator.credentials.create.bind(navigator.credentials);
  navigator.credentials.create = (options?: CredentialCreationOptions) => {
    calls += 1;
    if (refuseFirst && calls === 1) {
      // Safari's answer when the wait for the options used up the click's activation.
      return Promise.reject(
        new DOMException('The request is not allowed by the user agent', 'NotAllowedError'),
      );
    }
    return real(options);
  };
  return {
    get calls() {
      return calls;
    },
    restore: () => (navigator.credentials.create = real),
  };
}

describe('the registration link journey', () => {
  useVirtualAuthenticator();
  let create: ReturnType<typeof spyOnCreate> | undefined;

  beforeEach(async () => {
    await mockApi.reset();
  });

  afterEach(async () => {
    create?.restore();
    create = undefined;
  });

  describe('a code is spent only by the person', () => {
    it('sends nothing on load, reload or a second device, even with prefetch; the code then registers from another element', async () => {
      const code = await mockApi.createCode(USERS.bob.id);

      const opened = await landingPage(code);
      await lookWithoutPressing(opened.harness);
      expect(await mockApi.requests(), 'load (or a mail filter opening the link)').to.deep.equal([]);

      opened.element.remove();
      const reloaded = await landingPage(code);
      await lookWithoutPressing(reloaded.harness);
      expect(await mockApi.requests(), 'reload').to.deep.equal([]);

      const secondDevice = await landingPage(code);
      await lookWithoutPressing(secondDevice.harness);
      expect(await mockApi.requests(), 're-opened on another device').to.deep.equal([]);

      const { detail } = await secondDevice.harness.clickAndWait('registration-success');
      expect(detail.userId).to.equal(USERS.bob.id);
      expect((await mockApi.requests()).map((r) => r.rpc)).to.deep.equal([
        'RegisterPasskey',
        'VerifyPasskeyRegistration',
      ]);
      expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(1);
    });

    it('starts the registration on pointerdown, before the click, and the click opens the prompt at once', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const { element, harness } = await landingPage(code);
      await lookWithoutPressing(harness);
      expect(await starts()).to.equal(0);
      create = spyOnCreate();

      harness.button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await waitUntil(async () => (await starts()) === 1, 'the start request goes out on pointerdown');
      expect(element.state, 'no click yet').to.equal('idle');
      expect(create.calls).to.equal(0);

      await pause(50);
      const outcome = harness.clickAndWait('registration-success');
      expect(create.calls, 'the prompt opened inside the click').to.equal(1);
      await outcome;
      expect(await starts()).to.equal(1);
    });

    it('starts the registration when Space goes down, and registers when it comes up (the click)', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const { element, harness } = await landingPage(code);
      harness.button.focus();
      await sendKeys({ down: ' ' });
      await waitUntil(async () => (await starts()) === 1, 'the start request goes out on keydown');
      expect(element.state, 'no click before the key comes up').to.equal('idle');
      const success = new Promise((resolve) => element.addEventListener('registration-success', resolve));
      await sendKeys({ up: ' ' });
      await success;
      expect(await starts()).to.equal(1);
    });

    it('after Safari refuses the prompt (activation used up by the wait), the next click prompts at once and registers: one start', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const { element, harness } = await landingPage(code);
      await lookWithoutPressing(harness);
      expect(await starts()).to.equal(0);
      // Simulated: the first navigator.credentials.create rejects with NotAllowedError, as Safari's does.
      create = spyOnCreate({ refuseFirst: true });

      harness.button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('cancelled');
      expect(create.calls).to.equal(1);
      expect(harness.button.textContent?.trim()).to.equal('Try again');

      const outcome = harness.clickAndWait('registration-success');
      // The started registration was kept: nothing is awaited before the prompt.
      expect(create.calls, 'the second prompt opened inside the click').to.equal(2);
      await outcome;
      expect(element.state).to.equal('success');
      expect(await starts(), 'the code was sent once').to.equal(1);
      expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(1);
    });
  });

  describe('outcomes lead somewhere', () => {
    it('after success with a code: the success, the done slot and "Continue", and no button that cannot work', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register
          user-id=${USERS.bob.id}
          code-id=${code.id}
          code=${code.code}
          continue-url="/account?welcome=1"
          ><p slot="done" id="next">Your account is ready.</p></passkey-register
        >`,
      );
      element.token = TOKENS.bob;
      const harness = new RegistrationHarness(element);
      const done = element.querySelector('#next')!;
      expect(done.assignedSlot, 'the done slot is empty before success').to.equal(null);
      expect(harness.continueLink).to.equal(null);

      await harness.clickAndWait('registration-success');
      expect(harness.statusText).to.contain('is ready');
      expect(harness.hasButton, 'the spent code cannot register another').to.equal(false);
      expect(done.assignedSlot?.name).to.equal('done');
      expect(harness.continueLink?.textContent?.trim()).to.equal('Continue');
      expect(harness.continueLink?.href).to.equal(new URL('/account?welcome=1', location.href).href);

      element.continueUrl = 'https://app.example.com/next';
      await element.updateComplete;
      expect(harness.continueLink?.href).to.equal('https://app.example.com/next');
      for (const hostile of [
        'javascript:alert(document.domain)',
        ' JavaScript:alert(1)',
        'java\tscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
        'http://[broken',
      ]) {
        element.continueUrl = hostile;
        await element.updateComplete;
        expect(harness.continueLink, `no link for ${JSON.stringify(hostile)}`).to.equal(null);
      }
      expect(harnessFor(element).markup).not.to.match(/href="\s*(javascript|data|vbscript):/i);

      // A new link's code given by the page: the element offers to register again.
      const fresh = await mockApi.createCode(USERS.bob.id);
      element.codeId = fresh.id;
      element.code = fresh.code;
      await element.updateComplete;
      expect(element.state).to.equal('idle');
      expect(harness.button.textContent?.trim()).to.equal('Create a passkey');
    });

    it('without a code, success keeps "Create another passkey" and shows "Continue"', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register
          user-id=${USERS.bob.id}
          continue-url="https://app.example.com/"
        ></passkey-register>`,
      );
      element.token = TOKENS.bob;
      const harness = new RegistrationHarness(element);
      await harness.clickAndWait('registration-success');
      expect(harness.button.textContent?.trim()).to.equal('Create another passkey');
      expect(harness.continueLink?.href).to.equal('https://app.example.com/');
    });

    it('a reload with a used code says the link is used, not that a session expired, and offers no button', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const first = await landingPage(code, undefined);
      await first.harness.clickAndWait('registration-success');

      first.element.remove();
      const reloaded = await landingPage(code, undefined);
      const { detail } = await reloaded.harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('invalid-code');
      expect(reloaded.harness.messageText).to.equal(
        'This registration link is invalid, has already been used or has expired. Ask for a new link.',
      );
      expect(reloaded.harness.messageText).not.to.contain('session');
      expect(reloaded.harness.hasButton).to.equal(false);
    });

    it('unauthenticated without a session: a page asks to sign in, as the list beside it does; no button', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register user-id=${USERS.bob.id}></passkey-register>`,
      );
      const harness = new RegistrationHarness(element);
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('unauthenticated');
      expect(harness.messageText).to.equal(
        'You are not signed in, or your session has expired. Sign in again, then try again.',
      );
      expect(harness.hasButton).to.equal(false);
    });

    it('unauthenticated on a landing page without a session or a code: "This page cannot register without a link."', async () => {
      sessionStorage.clear();
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url user-id=${USERS.bob.id}></passkey-register>`,
      );
      // A user but no code: the note says what is missing; a page that calls register() anyway hears it too.
      const harness = new RegistrationHarness(element);
      const failed = oneEvent(element, 'registration-error');
      element.register().catch(() => undefined);
      const { detail } = await failed;
      expect(detail.code).to.equal('unauthenticated');
      expect(harness.messageText).to.equal('This page cannot register without a link.');
      expect(harness.hasButton).to.equal(false);
    });
  });

  describe('from-url reads both link schemes and scrubs what it read', () => {
    const startUrl = location.href;
    afterEach(() => history.replaceState(null, '', startUrl));

    it('Login v2 names in the query: registers, keeps requestId and loginName', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const keep = `userId=${USERS.bob.id}&organization=${USERS.bob.orgId}`;
      history.replaceState(
        null,
        '',
        `${location.pathname}?${keep}&id=${code.id}&code=${code.code}&requestId=R%201&loginName=bob%40example.com#top`,
      );
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url></passkey-register>`,
      );
      element.token = TOKENS.bob;
      expect(location.search).to.equal(`?${keep}&requestId=R%201&loginName=bob%40example.com`);
      expect(location.hash).to.equal('#top');
      expect(element.orgId).to.equal(USERS.bob.orgId);

      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-success');
      expect(detail.userId).to.equal(USERS.bob.id);
      const [start] = await mockApi.requests();
      expect(start!.body).to.deep.include({ code: { id: code.id, code: code.code } });
    });

    it('Login v2 names in the fragment: registers, keeps the rest of the fragment', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      history.replaceState(
        null,
        '',
        `${location.pathname}?lang=en#userId=${USERS.bob.id}&id=${code.id}&code=${code.code}&step=2`,
      );
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url></passkey-register>`,
      );
      element.token = TOKENS.bob;
      expect(location.search).to.equal('?lang=en');
      expect(location.hash).to.equal(`#userId=${USERS.bob.id}&step=2`);

      await new RegistrationHarness(element).clickAndWait('registration-success');
      const [start] = await mockApi.requests();
      expect(start!.body).to.deep.include({ code: { id: code.id, code: code.code } });
    });

    it('Login v1 names in the fragment: registers and scrubs them', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      history.replaceState(
        null,
        '',
        `${location.pathname}#userID=${USERS.bob.id}&orgID=${USERS.bob.orgId}&codeID=${code.id}&code=${code.code}`,
      );
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url></passkey-register>`,
      );
      element.token = TOKENS.bob;
      expect(location.hash).to.equal(`#userID=${USERS.bob.id}&orgID=${USERS.bob.orgId}`);
      await new RegistrationHarness(element).clickAndWait('registration-success');
      expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(1);
    });
  });
});

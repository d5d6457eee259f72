import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import { RegistrationError } from '../src/core/errors.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator, engine } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import { clickPlatformRegistration } from './support/platform.js';
import { registration as registrationTexts } from '../src/i18n/en/registration.js';

async function passkeyRegister(userId: string = USERS.alice.id, token: string | null = TOKENS.alice) {
  const element = await fixture<PasskeyRegisterElement>(
    html`<passkey-register user-id=${userId}></passkey-register>`,
  );
  if (token) element.token = token;
  return { element, harness: new RegistrationHarness(element) };
}

/** Records every value the `state` attribute takes. */
function recordStates(element: Element): string[] {
  const states: string[] = [];
  new MutationObserver((records) => {
    for (const record of records) states.push((record.target as Element).getAttribute('state') ?? '');
  }).observe(element, { attributes: true, attributeFilter: ['state'] });
  return states;
}

describe('<passkey-register>', () => {
  const authenticator = useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
  });

  describe('with a token', () => {
    it('registers a passkey that the server verified and stored', async () => {
      const { element, harness } = await passkeyRegister();
      const states = recordStates(element);

      const { detail } = await harness.clickAndWait('registration-success');

      expect(detail.kind).to.equal('passkey');
      expect(detail.userId).to.equal(USERS.alice.id);
      expect(detail.name).to.equal(engine.deviceName);
      expect(detail.credential.type).to.equal('public-key');
      const [stored] = await mockApi.registeredOf(USERS.alice.id);
      expect(stored, 'the mock stored the credential').to.exist;
      expect(stored!.id).to.equal(detail.id);
      expect(stored!.kind).to.equal('passkey');
      expect(stored!.name).to.equal(engine.deviceName);
      expect(stored!.credentialId).to.equal(detail.credential.id);
      const [held] = await authenticator.credentials();
      expect(held?.isResidentCredential, 'a discoverable credential').to.equal(true);
      expect(detail.details).to.have.property('resourceOwner', USERS.alice.orgId);

      expect(states).to.deep.equal(['starting', 'prompting', 'verifying', 'success']);
      expect(element.state).to.equal('success');
      expect(harness.statusText).to.contain(engine.deviceName);
      expect(harness.button.textContent?.trim()).to.equal('Create another passkey');
    });

    it('sends exactly RegisterPasskey and VerifyPasskeyRegistration with the bodies ZITADEL expects', async () => {
      const { element, harness } = await passkeyRegister();
      element.authenticator = 'platform';
      element.passkeyName = 'My laptop';
      const detail = await clickPlatformRegistration(harness);

      const requests = await mockApi.requests();
      expect(requests[0]).to.deep.include({
        rpc: 'RegisterPasskey',
        method: 'POST',
        path: `/v2/users/${USERS.alice.id}/passkeys`,
        body: { authenticator: 'PASSKEY_AUTHENTICATOR_PLATFORM', domain: 'localhost' },
      });
      expect(requests.every((r) => r.tokenOwner === 'alice')).to.equal(true);
      if (!detail) {
        // Firefox on Linux refused the platform choice (clickPlatformRegistration checked how): no verify.
        expect(requests).to.have.length(1);
        return;
      }
      expect(requests.map((r) => `${r.rpc} ${r.method} ${r.path}`)).to.deep.equal([
        `RegisterPasskey POST /v2/users/${USERS.alice.id}/passkeys`,
        `VerifyPasskeyRegistration POST /v2/users/${USERS.alice.id}/passkeys/${detail.id}`,
      ]);
      expect(requests[1]!.body).to.deep.equal({
        publicKeyCredential: detail.credential,
        passkeyName: 'My laptop',
      });
    });

    it('cuts a long name to 200 characters (code points), never splitting an emoji', async () => {
      const { element, harness } = await passkeyRegister();
      element.passkeyName = `a${'😀'.repeat(250)}`;
      const { detail } = await harness.clickAndWait('registration-success');
      const sent = ((await mockApi.requests())[1]!.body as { passkeyName: string }).passkeyName;
      expect([...sent]).to.have.length(200);
      expect(sent).to.equal(`a${'😀'.repeat(199)}`);
      expect(detail.name).to.equal(sent);
    });

    it('takes the token from a function', async () => {
      const { element, harness } = await passkeyRegister(USERS.bob.id, null);
      element.token = async () => TOKENS.bob;
      await harness.clickAndWait('registration-success');
      expect((await mockApi.requests()).map((r) => r.tokenOwner)).to.deep.equal(['bob', 'bob']);
    });

    it('never puts the token in an attribute or the event detail', async () => {
      const { element, harness } = await passkeyRegister();
      const { detail } = await harness.clickAndWait('registration-success');
      expect(element.outerHTML).not.to.contain(TOKENS.alice);
      expect(harness.markup).not.to.contain(TOKENS.alice);
      expect(JSON.stringify(detail)).not.to.contain(TOKENS.alice);
    });

    it('is accessible when idle, and after an error', async () => {
      const { element, harness } = await passkeyRegister(USERS.alice.id, null);
      await expect(element).to.be.accessible();
      await harness.clickAndWait('registration-error');
      await expect(element).to.be.accessible();
    });
  });

  describe('with a registration link', () => {
    const startUrl = location.href;
    afterEach(() => {
      history.replaceState(null, '', startUrl);
      sessionStorage.clear();
    });

    /** The tab's address becomes this page with `query`, as a link (or a reload) leaves it. */
    const showAddress = (query: string) => history.replaceState(null, '', `${location.pathname}?${query}`);

    /** The landing page opened (or reloaded) at the address the tab shows now. */
    const land = async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register from-url base-url="/zitadel"></passkey-register>`,
      );
      return { element, harness: new RegistrationHarness(element) };
    };

    it('finds the code again after a reload, though the address bar no longer shows it; a spent one not', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      showAddress(`userID=${USERS.bob.id}&codeID=${code.id}&code=${code.code}`);
      const opened = await land();
      expect(location.search, 'the code left the address bar').to.equal(`?userID=${USERS.bob.id}`);
      opened.element.remove();

      // A reload: the same address, now without the code.
      const reloaded = await land();
      expect(reloaded.element.code).to.equal(code.code);
      expect(reloaded.harness.hasButton).to.equal(true);
      expect(await mockApi.requests(), 'nothing sent on the reload').to.deep.equal([]);
      const { detail } = await reloaded.harness.clickAndWait('registration-success');
      expect(detail.userId).to.equal(USERS.bob.id);
      const [start] = await mockApi.requests();
      expect(start!.body).to.deep.include({ code: { id: code.id, code: code.code } });
      reloaded.element.remove();

      // Reloaded after the success: the spent code is gone, and so is the button that could only fail.
      const again = await land();
      expect(again.element.code).to.equal(undefined);
      expect(again.harness.hasButton).to.equal(false);
      expect(again.harness.textOf('note')).to.equal(registrationTexts.linkMissing);
    });

    it('asks for the link where the address names a user but no code, unless the page has a session', async () => {
      showAddress(`userID=${USERS.bob.id}`);
      const { element, harness } = await land();
      expect(harness.hasButton, 'no button that can only fail').to.equal(false);
      expect(harness.textOf('note')).to.equal(registrationTexts.linkMissing);
      element.token = TOKENS.bob;
      await element.updateComplete;
      expect(harness.hasButton, 'a signed-in page registers its user without a code').to.equal(true);
      expect(await mockApi.requests()).to.deep.equal([]);
    });

    it('keeps no code of another user: a saved code goes only with its own user id', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      showAddress(`userID=${USERS.bob.id}&codeID=${code.id}&code=${code.code}`);
      (await land()).element.remove();
      showAddress(`userID=${USERS.alice.id}`);
      const { element, harness } = await land();
      expect(element.code).to.equal(undefined);
      expect(harness.hasButton).to.equal(false);
    });

    it('reads the code from the URL, registers without a token and removes the code from the address bar', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      showAddress(`userID=${USERS.bob.id}&orgID=${USERS.bob.orgId}&codeID=${code.id}&code=${code.code}`);
      const { element } = await land();
      expect(location.search).to.equal(`?userID=${USERS.bob.id}&orgID=${USERS.bob.orgId}`);
      expect(element.userId).to.equal(USERS.bob.id);
      expect(element.orgId).to.equal(USERS.bob.orgId);

      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-success');

      expect(detail.userId).to.equal(USERS.bob.id);
      const [start, verify] = await mockApi.requests();
      expect(start!.body).to.deep.equal({ code: { id: code.id, code: code.code }, domain: 'localhost' });
      // ZITADEL wants a token on every call: the proxy added the login client's, the page held none.
      expect(start!.tokenOwner).to.equal('login-client');
      expect(verify!.tokenOwner).to.equal('login-client');
      expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(1);
    });

    it('reports invalid-code when the code was already used, and works again with a new code', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const first = await passkeyRegister(USERS.bob.id, null);
      first.element.baseUrl = '/zitadel';
      first.element.codeId = code.id;
      first.element.code = code.code;
      await first.harness.clickAndWait('registration-success');

      const second = await passkeyRegister(USERS.bob.id, null);
      second.element.baseUrl = '/zitadel';
      second.element.codeId = code.id;
      second.element.code = code.code;
      const { detail } = await second.harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('invalid-code');
      expect(detail.status).to.equal(400);
      expect(detail.message).to.contain('Ask for a new link');
      expect(second.element.state).to.equal('error');
      expect(second.harness.messageText).to.equal(detail.message);
      expect(second.harness.hasButton, 'no retry: the same code cannot work').to.equal(false);

      // Works again: a fresh code on a second authenticator (the first already holds bob's passkey).
      await authenticator.replace();
      const fresh = await mockApi.createCode(USERS.bob.id);
      second.element.codeId = fresh.id;
      second.element.code = fresh.code;
      await second.element.updateComplete;
      await second.harness.clickAndWait('registration-success');
      expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(2);
    });

    it('lets the person try again after dismissing the prompt: the link’s spent code is not needed twice', async () => {
      const code = await mockApi.createCode(USERS.bob.id);
      const { element, harness } = await passkeyRegister(USERS.bob.id, null);
      element.baseUrl = '/zitadel';
      element.codeId = code.id;
      element.code = code.code;
      await authenticator.setUserVerified(false);
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('cancelled');

      await authenticator.setUserVerified(true);
      const { detail: registered } = await harness.clickAndWait('registration-success');
      expect(registered.userId).to.equal(USERS.bob.id);
      expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(1);
      // One start (which spent the code), one verify: the second try reused the pending registration.
      const requests = await mockApi.requests();
      expect(requests.map((request) => request.method)).to.deep.equal(['POST', 'POST']);
      expect(requests.filter((request) => request.path.endsWith('/passkeys'))).to.have.length(1);
    });

    it('reports invalid-code when the code has expired', async () => {
      const code = await mockApi.createCode(USERS.bob.id, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { element, harness } = await passkeyRegister(USERS.bob.id, null);
      element.baseUrl = '/zitadel';
      element.codeId = code.id;
      element.code = code.code;
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('invalid-code');
    });
  });

  describe('when something goes wrong', () => {
    it('reports forbidden for a user whose token it is not, and works again with theirs', async () => {
      // Another user's token: neither the user nor a holder of user.credential.write.
      const { element, harness } = await passkeyRegister(USERS.alice.id, TOKENS.bob);
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail).to.include({ kind: 'passkey', code: 'forbidden', status: 403, grpcCode: 7 });
      expect(element.state).to.equal('error');
      expect(harness.hasButton, "no retry: the token is still not the user's").to.equal(false);

      element.token = TOKENS.alice;
      await element.updateComplete;
      expect(element.state).to.equal('idle');
      expect(harness.button.textContent?.trim()).to.equal('Create a passkey');
      await harness.clickAndWait('registration-success');
    });

    it('reports cancelled when the person dismisses the prompt, and works again', async () => {
      const { element, harness } = await passkeyRegister();
      await authenticator.setUserVerified(false);
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('cancelled');
      expect(detail.message).to.contain('Try again');
      expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(0);

      await authenticator.setUserVerified(true);
      await harness.clickAndWait('registration-success');
      expect(element.state).to.equal('success');
    });

    it('reports already-registered when the authenticator holds a passkey for the user, and works again', async () => {
      const { element, harness } = await passkeyRegister();
      await harness.clickAndWait('registration-success');
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('already-registered');
      expect(harness.messageText).to.contain('This device already has a passkey');
      expect(harness.button.textContent?.trim(), 'not "Try again": this device cannot').to.equal(
        registrationTexts.passkeyOtherDeviceButton,
      );
      expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(1);

      element.userId = USERS.bob.id;
      element.token = TOKENS.bob;
      await element.updateComplete;
      await harness.clickAndWait('registration-success');
    });

    it('after already-registered, "Use another device" asks the browser for a phone or a key first, and registers there', async () => {
      const { harness } = await passkeyRegister();
      await harness.clickAndWait('registration-success');
      await harness.clickAndWait('registration-error');
      // The other device: a second authenticator, which holds nothing for alice.
      await authenticator.replace();
      const hints: unknown[] = [];
      const realCreate = navigator.credentials.create.bind(navigator.credentials);
      navigator.credentials.create = (options?: CredentialCreationOptions) => {
        hints.push((options?.publicKey as { hints?: unknown } | undefined)?.hints);
        return realCreate(options);
      };
      try {
        await harness.clickAndWait('registration-success');
      } finally {
        navigator.credentials.create = realCreate;
      }
      expect(hints).to.deep.equal([['hybrid', 'security-key']]);
      expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(2);
      // Only that once: the next registration asks as before.
      expect(harness.button.textContent?.trim()).to.equal(registrationTexts.passkeyAnotherButton);
    });

    it('reports unauthenticated without a valid token, and works again with one', async () => {
      const { element, harness } = await passkeyRegister(USERS.alice.id, 'expired-token');
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail).to.include({ code: 'unauthenticated', status: 401, grpcCode: 16 });
      expect(harness.messageText).to.equal(
        'You are not signed in, or your session has expired. Sign in again, then try again.',
      );
      expect(harness.hasButton, 'no retry: the token is still expired').to.equal(false);

      element.token = TOKENS.alice;
      await element.updateComplete;
      await harness.clickAndWait('registration-success');
    });

    it('reports forbidden for a token of another user', async () => {
      const { harness } = await passkeyRegister(USERS.bob.id, TOKENS.alice);
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail).to.include({ code: 'forbidden', status: 403 });
    });

    it('reports verification-failed when ZITADEL rejects the credential, and works again', async () => {
      const { harness } = await passkeyRegister();
      // ZITADEL's answer to a credential it cannot verify: INTERNAL with an error id of its WebAuthn code.
      await mockApi.fault({
        rpc: 'VerifyPasskeyRegistration',
        status: 500,
        body: JSON.stringify({ code: 13, message: 'Error on create credentials (WEBAU-3Vb9s)', details: [] }),
      });
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail).to.include({ code: 'verification-failed', status: 500, grpcCode: 13 });

      // The rejected credential stays on the authenticator; a new one replaces it.
      await authenticator.replace();
      await harness.clickAndWait('registration-success');
    });

    it('reports verification-failed for a 400 at the verify step', async () => {
      const { harness } = await passkeyRegister();
      await mockApi.fault({
        rpc: 'VerifyPasskeyRegistration',
        status: 400,
        body: JSON.stringify({ code: 3, message: 'invalid VerifyPasskeyRegistrationRequest.PasskeyName' }),
      });
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('verification-failed');
    });

    it('reports server for an internal error at the verify step that is not a rejection, also when sent again', async () => {
      const { harness } = await passkeyRegister();
      // The verify is sent once more after an answer that may have come after the work (see orphans.test.ts).
      await mockApi.fault({ rpc: 'VerifyPasskeyRegistration', status: 500, times: 2 });
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail).to.include({ code: 'server', status: 500 });
    });

    it('reports invalid-input for a missing user-id before any request', async () => {
      const element = await fixture<PasskeyRegisterElement>(html`<passkey-register></passkey-register>`);
      const { detail } = await new RegistrationHarness(element).clickAndWait('registration-error');
      expect(detail.code).to.equal('invalid-input');
      expect(await mockApi.requests()).to.have.length(0);
    });

    it('reports unsupported, naming the API, on an API that cannot register', async () => {
      const { element, harness } = await passkeyRegister();
      element.api = 'v1';
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('unsupported');
      expect(detail.message).to.equal('This ZITADEL does not offer the management v1 passkey API; use v2.');
      expect(await mockApi.requests()).to.have.length(0);
    });
  });

  describe('the ceremony', () => {
    it('runs once for a double click: one promise, one pair of requests', async () => {
      const { element } = await passkeyRegister();
      const first = element.register();
      const second = element.register();
      expect(second).to.equal(first);
      await first;
      expect(await mockApi.requests()).to.have.length(2);
    });

    it('stops before any request when registration-start is cancelled', async () => {
      const { element } = await passkeyRegister();
      let errors = 0;
      element.addEventListener('registration-error', () => errors++);
      element.addEventListener('registration-start', (event) => event.preventDefault(), { once: true });
      const error = await element.register().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(RegistrationError);
      expect((error as RegistrationError).code).to.equal('aborted');
      expect(errors).to.equal(0);
      expect(element.state).to.equal('idle');
      expect(await mockApi.requests()).to.have.length(0);
    });

    it('ends with aborted on reset() and returns to idle', async () => {
      const { element } = await passkeyRegister();
      await mockApi.fault({ rpc: 'RegisterPasskey', delayMs: 400 });
      const failed = oneEvent(element, 'registration-error');
      const pending = element.register().catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 50));
      element.reset();
      const { detail } = await failed;
      expect(detail.code).to.equal('aborted');
      expect(element.state).to.equal('idle');
      expect(((await pending) as RegistrationError).code).to.equal('aborted');

      await new RegistrationHarness(element).clickAndWait('registration-success');
    });

    it('aborts the request and reports nothing when removed from the page mid-ceremony', async () => {
      const { element } = await passkeyRegister();
      await mockApi.fault({ rpc: 'RegisterPasskey', delayMs: 400 });
      const events: string[] = [];
      for (const type of ['registration-success', 'registration-error'] as const) {
        element.addEventListener(type, () => events.push(type));
      }
      const pending = element.register().catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 50));
      element.remove();
      const error = (await pending) as RegistrationError;
      expect(error.code).to.equal('aborted');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(events).to.deep.equal([]);
      expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(0);
      expect((await mockApi.requests()).map((r) => r.rpc)).to.deep.equal(['RegisterPasskey']);
      expect(element.state).to.equal('idle');
    });

    it('shows what is happening in a polite live region', async () => {
      const { harness } = await passkeyRegister();
      const status = harness.required('status');
      expect(status.getAttribute('role')).to.equal('status');
      expect(harness.statusText).to.contain('instead of a password');
      await harness.clickAndWait('registration-success');
      expect(harness.statusText).to.contain('is ready');
    });
  });
});

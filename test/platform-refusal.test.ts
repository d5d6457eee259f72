/**
 * A browser that has no passkey provider for `authenticator="platform"` refuses the ceremony at once with
 * `NotAllowedError` — Firefox on Linux does so with every authenticator. "Cancelled, try again" would be
 * wrong: nobody cancelled, and trying again gets the same refusal. The kit tells that refusal from a
 * person's cancel by its speed (no person answers a prompt within `REFUSED_AT_ONCE_MS`) and says
 * `unsupported`, with a sentence that names the cause. These tests stage the browser's answer themselves,
 * so they state the kit's rule in every engine; the real refusal is seen in Firefox by the platform tests
 * of passkey-register, hints and v3alpha (`test/support/platform.ts`).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import { loadMessages } from '../src/i18n/load-messages.js';
import { registration } from '../src/i18n/en/registration.js';
import { REFUSED_AT_ONCE_MS } from '../src/internal/registration/ceremony.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import { expectPlatformRefused } from './support/platform.js';

/** Makes `navigator.credentials.create()` reject with `NotAllowedError` after `afterMs`, as a browser does. */
function browserRefuses(afterMs: number) {
  const realCreate = navigator.credentials.create.bind(navigator.credentials);
  navigator.credentials.create = () =>
    new Promise((_resolve, reject) =>
      setTimeout(() => reject(new DOMException('The request is not allowed.', 'NotAllowedError')), afterMs),
    );
  return () => (navigator.credentials.create = realCreate);
}

async function passkeyRegister(authenticator: '' | 'platform' | 'cross-platform') {
  const element = await fixture<PasskeyRegisterElement>(
    html`<passkey-register user-id=${USERS.alice.id} authenticator=${authenticator}></passkey-register>`,
  );
  element.token = TOKENS.alice;
  return { element, harness: new RegistrationHarness(element) };
}

describe('a browser that refuses the platform choice at once', () => {
  let restore: () => void;

  beforeEach(async () => {
    await mockApi.reset();
  });

  afterEach(() => {
    restore();
  });

  it('is unsupported, saying this browser has no passkey provider here, and offers no retry', async () => {
    restore = browserRefuses(0);
    const { element, harness } = await passkeyRegister('platform');
    await expectPlatformRefused(harness);
    expect(element.state).to.equal('error');
    expect((await mockApi.requests()).map((r) => r.rpc)).to.deep.equal(['RegisterPasskey']);
  });

  it('is a cancel when it comes after a person could have answered the prompt', async () => {
    restore = browserRefuses(REFUSED_AT_ONCE_MS + 100);
    const { harness } = await passkeyRegister('platform');
    const { detail } = await harness.clickAndWait('registration-error');
    expect(detail.code).to.equal('cancelled');
    expect(detail.message).to.not.equal(registration.platformRefused);
    expect(harness.button.textContent?.trim()).to.equal('Try again');
  });

  for (const authenticator of ['', 'cross-platform'] as const) {
    it(`is a cancel when the element did not ask for a platform authenticator (authenticator="${authenticator}")`, async () => {
      restore = browserRefuses(0);
      const { harness } = await passkeyRegister(authenticator);
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('cancelled');
      expect(detail.message).to.equal(
        'The request was cancelled or timed out. Try again when you are ready.',
      );
    });
  }

  /** A link's landing page, its code from attributes, the login client's proxy at `base-url`. */
  async function landingPage(authenticator: '' | 'platform') {
    const code = await mockApi.createCode(USERS.bob.id);
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register
        user-id=${USERS.bob.id}
        code-id=${code.id}
        code=${code.code}
        authenticator=${authenticator}
        base-url="/zitadel"
      ></passkey-register>`,
    );
    return { code, element, harness: new RegistrationHarness(element) };
  }

  it('on a landing page, says the spent link is used up and a new one is needed, and offers no retry', async () => {
    restore = browserRefuses(0);
    const { code, harness } = await landingPage('platform');
    const { detail } = await harness.clickAndWait('registration-error');
    expect(detail.code).to.equal('unsupported');
    expect(detail.message).to.equal(registration.linkRefused);
    expect(harness.messageText).to.equal(registration.linkRefused);
    expect(harness.hasButton).to.equal(false);
    const [start, ...more] = await mockApi.requests();
    expect(start?.body, 'the start spent the code').to.deep.include({
      code: { id: code.id, code: code.code },
    });
    expect(more).to.deep.equal([]);
  });

  it('on a landing page, takes a second refusal at once in a row (WKWebView in-app browsers) as this browser’s', async () => {
    restore = browserRefuses(0);
    const { code, element, harness } = await landingPage('');
    const first = await harness.clickAndWait('registration-error');
    expect(first.detail.code, 'once may be a page that lost the focus').to.equal('cancelled');
    expect(harness.button.textContent?.trim()).to.equal('Try again');
    const second = await harness.clickAndWait('registration-error');
    expect(second.detail.code).to.equal('unsupported');
    expect(harness.messageText).to.equal(registration.linkRefused);
    expect(harness.hasButton).to.equal(false);
    const starts = (await mockApi.requests()).filter((r) => r.rpc === 'RegisterPasskey');
    expect(starts, 'one start: the second try used the registration the code began').to.have.length(1);
    expect(starts[0]?.body).to.deep.include({ code: { id: code.id, code: code.code } });

    // Moved elsewhere on the page, the element still says what the error was.
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    await element.updateComplete;
    expect(harness.messageText).to.equal(registration.linkRefused);
  });

  it('without a link’s code, keeps calling refusals at once a cancel: nothing was spent', async () => {
    restore = browserRefuses(0);
    const { harness } = await passkeyRegister('');
    for (const attempt of [1, 2, 3]) {
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code, `attempt ${attempt}`).to.equal('cancelled');
    }
  });

  it('on a landing page, keeps offering a retry after refusals a person could have made', async () => {
    restore = browserRefuses(REFUSED_AT_ONCE_MS + 100);
    const { harness } = await landingPage('');
    for (const attempt of [1, 2]) {
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code, `attempt ${attempt}`).to.equal('cancelled');
      expect(harness.button.textContent?.trim()).to.equal('Try again');
    }
  });

  it('speaks the element’s language', async () => {
    restore = browserRefuses(0);
    const { element, harness } = await passkeyRegister('platform');
    element.lang = 'de';
    const de = await loadMessages('de');
    await waitUntil(() => harness.button.textContent?.trim() === de.passkeyButton, 'German before the click');
    const { detail } = await harness.clickAndWait('registration-error');
    expect(detail.code).to.equal('unsupported');
    expect(detail.message).to.equal(de.platformRefused);
  });
});

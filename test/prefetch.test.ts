import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/passkey-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import { zitadelV2 } from '../src/backends/zitadel-v2.js';
import type { RegistrationBackend } from '../src/backends/types.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spies on navigator.credentials.create: when it was called, and with which challenge. */
function spyOnCreate() {
  const calls: { challenge: string }[] = [];
  const real = navigator.credentials.create.bind(navigator.credentials);
  navigator.credentials.create = (options?: CredentialCreationOptions) => {
    const challenge = new Uint8Array(options!.publicKey!.challenge as ArrayBuffer);
    calls.push({ challenge: btoa(String.fromCharCode(...challenge)) });
    return real(options);
  };
  return { calls, restore: () => (navigator.credentials.create = real) };
}

async function configureMock(config: { latencyMs?: number }) {
  await fetch('/__mock/config', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
}

const starts = async () => (await mockApi.requests()).filter((r) => r.rpc === 'RegisterPasskey').length;

describe('prefetch: the instant prompt', () => {
  const authenticator = useVirtualAuthenticator();
  let create: ReturnType<typeof spyOnCreate>;

  beforeEach(async () => {
    await mockApi.reset();
    create = spyOnCreate();
  });

  afterEach(async () => {
    create.restore();
  });

  it('makes no request on page load without prefetch, and exactly two per registration', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    await pause(200);
    expect(await mockApi.requests()).to.deep.equal([]);
    await new RegistrationHarness(element).clickAndWait('registration-success');
    expect((await mockApi.requests()).map((r) => r.rpc)).to.deep.equal([
      'RegisterPasskey',
      'VerifyPasskeyRegistration',
    ]);
  });

  it('fetches the options when visible, so the click calls navigator.credentials.create synchronously', async () => {
    await configureMock({ latencyMs: 150 });
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register prefetch user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    await waitUntil(async () => (await starts()) === 1, 'RegisterPasskey before any click', {
      timeout: 3000,
    });
    await pause(300); // the answer arrives after the mock's 150 ms

    const harness = new RegistrationHarness(element);
    const outcome = harness.clickAndWait('registration-success');
    // Still inside the click: the prompt was asked for before click() returned, with no round trip.
    expect(create.calls).to.have.length(1);
    await outcome;
    expect((await mockApi.requests()).map((r) => r.rpc)).to.deep.equal([
      'RegisterPasskey',
      'VerifyPasskeyRegistration',
    ]);
  });

  it('waits for intent (hover or focus) when not visible', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register
        prefetch
        user-id=${USERS.alice.id}
        style="position: absolute; top: 10000px"
      ></passkey-register>`,
    );
    element.token = TOKENS.alice;
    await pause(200);
    expect(await starts()).to.equal(0);
    new RegistrationHarness(element).button.focus();
    await waitUntil(async () => (await starts()) === 1, 'RegisterPasskey on focus');
  });

  it('never uses a challenge twice: a retry after a cancelled prompt gets fresh options', async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register prefetch user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    await waitUntil(async () => (await starts()) === 1);
    const harness = new RegistrationHarness(element);
    await authenticator.setUserVerified(false);
    await pause(100);
    const { detail } = await harness.clickAndWait('registration-error');
    expect(detail.code).to.equal('cancelled');
    await authenticator.setUserVerified(true);
    await waitUntil(async () => (await starts()) === 2, 'fresh options after the failure');
    await pause(50);
    await harness.clickAndWait('registration-success');
    expect(create.calls).to.have.length(2);
    expect(create.calls[0]!.challenge).not.to.equal(create.calls[1]!.challenge);
  });

  it('fetches fresh options before the old ones expire', async () => {
    let started = 0;
    const real = zitadelV2({ token: TOKENS.alice });
    // Options that expire after one second, so the refresh shows within the test.
    const backend: RegistrationBackend = {
      ...real,
      async startRegistration(request, signal) {
        started += 1;
        const result = await real.startRegistration!(request, signal);
        const options = result.options as { publicKey: Record<string, unknown> };
        return { ...result, options: { publicKey: { ...options.publicKey, timeout: 1000 } } };
      },
    };
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register prefetch user-id=${USERS.alice.id}></passkey-register>`,
    );
    element.backend = backend;
    await waitUntil(() => started === 1);
    await waitUntil(() => started === 2, 'refetched before expiry', { timeout: 2000 });
    await pause(100);
    const outcome = new RegistrationHarness(element).clickAndWait('registration-success');
    expect(create.calls).to.have.length(1);
    await outcome;
  });

  it('never prefetches with a registration code, even with prefetch: the press starts it, and the click prompts', async () => {
    const code = await mockApi.createCode(USERS.bob.id);
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register
        prefetch
        user-id=${USERS.bob.id}
        code-id=${code.id}
        code=${code.code}
      ></passkey-register>`,
    );
    element.token = TOKENS.bob;
    const harness = new RegistrationHarness(element);
    harness.button.focus();
    harness.button.dispatchEvent(new PointerEvent('pointerenter'));
    await pause(300);
    expect(await starts(), 'visible, focused and hovered: nothing sent').to.equal(0);

    harness.button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitUntil(async () => (await starts()) === 1, 'the press starts the registration');
    await pause(50);
    const outcome = harness.clickAndWait('registration-success');
    // The options were at hand: the prompt opened inside the click.
    expect(create.calls).to.have.length(1);
    await outcome;
    expect((await mockApi.requests()).map((r) => r.rpc)).to.deep.equal([
      'RegisterPasskey',
      'VerifyPasskeyRegistration',
    ]);
  });
});

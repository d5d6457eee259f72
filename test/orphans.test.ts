/**
 * No orphan passkeys (issue 19.1): when a registration fails after the authenticator made a credential and
 * the server did not store it, the element has the passkey provider forget it
 * (`PublicKeyCredential.signalUnknownCredential`) and says so in `orphanRemoved`; it never signals a
 * credential the server kept, or may have kept without the kit being able to tell.
 *
 * How the signal is observed: most tests replace `PublicKeyCredential.signalUnknownCredential` with a
 * recorder, installed by these tests only (Firefox has no Signal API at all, and a recorder sees the exact
 * arguments). The tests under "with the browser's own Signal API" use no stand-in: in Chromium the virtual
 * authenticator shows the effect (the credential is gone), in Firefox nothing can be signalled.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/passkey-register.js';
import '../src/u2f-register.js';
import type { PasskeyRegisterElement } from '../src/passkey-register.js';
import type { U2fRegisterElement } from '../src/u2f-register.js';
import type { RegistrationErrorDetail } from '../src/internal/shared/events.js';
import { en } from '../src/i18n/en.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { engine, useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness } from './support/harness/index.js';
import { mockApi, type MockFault } from './support/mock-api.js';

interface Signal {
  rpId: string;
  credentialId: string;
}

const REAL_SIGNAL = Object.getOwnPropertyDescriptor(PublicKeyCredential, 'signalUnknownCredential');

/** Replaces the Signal API by a recorder (or, with `answer: 'missing'`, removes it) until `restoreSignal`. */
function recordSignals(answer: 'resolve' | 'reject' | 'missing' = 'resolve'): Signal[] {
  const signals: Signal[] = [];
  Object.defineProperty(PublicKeyCredential, 'signalUnknownCredential', {
    value:
      answer === 'missing'
        ? undefined
        : async (options: Signal) => {
            signals.push({ rpId: options.rpId, credentialId: options.credentialId });
            if (answer === 'reject') throw new DOMException('The provider refused', 'NotAllowedError');
          },
    configurable: true,
    writable: true,
  });
  return signals;
}

function restoreSignal(): void {
  if (REAL_SIGNAL) Object.defineProperty(PublicKeyCredential, 'signalUnknownCredential', REAL_SIGNAL);
  else Reflect.deleteProperty(PublicKeyCredential, 'signalUnknownCredential');
}

async function passkeyRegister(token: string = TOKENS.alice) {
  const element = await fixture<PasskeyRegisterElement>(
    html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
  );
  element.token = token;
  return { element, harness: new RegistrationHarness(element) };
}

/** The credential id the element sent to the server with its verify, as the authenticator made it. */
async function verifiedCredentialId(rpc = 'VerifyPasskeyRegistration'): Promise<string> {
  const verify = (await mockApi.requests()).find((request) => request.rpc === rpc);
  const body = verify?.body as { publicKeyCredential?: { id?: string } } | undefined;
  const id = body?.publicKeyCredential?.id;
  if (!id) throw new Error(`no ${rpc} with a credential was sent`);
  return id;
}

/** The rpcs the mock received, in order. */
async function rpcs(): Promise<string[]> {
  return (await mockApi.requests()).map((request) => request.rpc);
}

/** Fails the registration with the given faults and returns its error event's detail. */
async function failWith(faults: MockFault[], element?: PasskeyRegisterElement) {
  const registration = element
    ? { element, harness: new RegistrationHarness(element) }
    : await passkeyRegister();
  for (const fault of faults) await mockApi.fault(fault);
  const { detail } = await registration.harness.clickAndWait('registration-error');
  return { ...registration, detail };
}

const REMOVED = en.orphanRemoved;

describe('orphan passkeys', () => {
  const authenticator = useVirtualAuthenticator();

  beforeEach(() => mockApi.reset());

  afterEach(() => restoreSignal());

  describe('the server refused the credential or never received it: signalled at once', () => {
    for (const [status, code] of [
      [400, 'verification-failed'],
      [401, 'unauthenticated'],
      [403, 'forbidden'],
      [404, 'verification-failed'],
      [429, 'server'],
    ] as const) {
      it(`signals the credential as unknown after a ${status} at verify (${code}), without asking the server`, async () => {
        const signals = recordSignals();
        const { detail, harness } = await failWith([{ rpc: 'VerifyPasskeyRegistration', status }]);

        expect(detail.code).to.equal(code);
        expect(detail.orphanRemoved).to.equal(true);
        expect(signals).to.deep.equal([{ rpId: 'localhost', credentialId: await verifiedCredentialId() }]);
        expect(detail.message).to.contain(REMOVED);
        expect(harness.messageText).to.contain(REMOVED);
        // A refusal says for itself that nothing was stored: no listing was needed.
        expect(await rpcs()).to.deep.equal(['RegisterPasskey', 'VerifyPasskeyRegistration']);
        expect(await mockApi.registeredOf(USERS.alice.id)).to.deep.equal([]);
      });
    }

    it('signals when the token function fails at verify, so the verify never left', async () => {
      const signals = recordSignals();
      const { element, harness } = await passkeyRegister();
      let calls = 0;
      element.token = () => {
        calls += 1;
        if (calls > 1) throw new Error('the session ended');
        return TOKENS.alice;
      };
      const { detail } = await harness.clickAndWait('registration-error');
      expect(detail.code).to.equal('unauthenticated');
      expect(detail.orphanRemoved).to.equal(true);
      expect(signals).to.have.length(1);
      expect(await rpcs()).to.deep.equal(['RegisterPasskey']);
    });
  });

  describe('the server may have stored it: the same verify is sent once more, never a guess from a list', () => {
    for (const status of [500, 502, 503]) {
      it(`verifies again after a ${status} that came before the server stored it: the registration succeeds`, async () => {
        const signals = recordSignals();
        const { harness } = await passkeyRegister();
        await mockApi.fault({ rpc: 'VerifyPasskeyRegistration', status });
        await harness.clickAndWait('registration-success');

        expect(signals).to.deep.equal([]);
        const [stored] = await mockApi.registeredOf(USERS.alice.id);
        expect(stored?.credentialId).to.equal(await verifiedCredentialId());
        expect((await rpcs()).filter((rpc) => rpc === 'VerifyPasskeyRegistration')).to.have.length(2);
        // ZITADEL's lists lag its writes (a projection): they are not what decides.
        expect(await rpcs()).not.to.include('ListPasskeys');
      });
    }

    it('never signals after a 500 when the server had stored the credential: the second verify finds nothing pending', async () => {
      const signals = recordSignals();
      const { detail, harness } = await failWith([
        { rpc: 'VerifyPasskeyRegistration', status: 500, afterHandling: true },
      ]);

      expect(detail.code).to.equal('server');
      expect(detail).not.to.have.property('orphanRemoved');
      expect(signals).to.deep.equal([]);
      expect(harness.messageText).not.to.contain(REMOVED);
      const [stored] = await mockApi.registeredOf(USERS.alice.id);
      expect(stored?.credentialId, 'the passkey works: the server has it').to.equal(
        await verifiedCredentialId(),
      );
      expect((await rpcs()).filter((rpc) => rpc === 'VerifyPasskeyRegistration')).to.have.length(2);
    });

    it('verifies again after a verify that timed out once the request had left, and succeeds', async () => {
      const signals = recordSignals();
      const { element, harness } = await passkeyRegister();
      element.timeout = 1500;
      await mockApi.fault({ rpc: 'VerifyPasskeyRegistration', hang: true });
      await harness.clickAndWait('registration-success');

      expect(signals).to.deep.equal([]);
      expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(1);
    });

    it('does not signal when the second verify cannot tell either (503 twice): the first failure is reported', async () => {
      const signals = recordSignals();
      const { detail } = await failWith([{ rpc: 'VerifyPasskeyRegistration', status: 503, times: 2 }]);

      expect(detail.code).to.equal('server');
      expect(detail.status).to.equal(503);
      expect(detail).not.to.have.property('orphanRemoved');
      expect(signals).to.deep.equal([]);
    });

    it('signals when the second verify is refused with 400: the server had the registration and refused it', async () => {
      const signals = recordSignals();
      const { detail } = await failWith([
        { rpc: 'VerifyPasskeyRegistration', status: 503 },
        { rpc: 'VerifyPasskeyRegistration', status: 400 },
      ]);

      expect(detail.code).to.equal('verification-failed');
      expect(detail.orphanRemoved).to.equal(true);
      expect(signals).to.deep.equal([{ rpId: 'localhost', credentialId: await verifiedCredentialId() }]);
    });

    it('v3alpha: verifies again after a 503, and succeeds', async () => {
      await mockApi.configure({ v3alpha: 'implemented' });
      const signals = recordSignals();
      const { element, harness } = await passkeyRegister();
      element.api = 'v3alpha';
      await mockApi.fault({ rpc: 'VerifyWebAuthNRegistration', status: 503 });
      await harness.clickAndWait('registration-success');

      expect(signals).to.deep.equal([]);
      expect((await rpcs()).filter((rpc) => rpc === 'VerifyWebAuthNRegistration')).to.have.length(2);
    });

    it('a security key: verifies again after a 503, and succeeds', async () => {
      await authenticator.replace({
        transport: 'usb',
        hasResidentKey: false,
        hasUserVerification: false,
      });
      const signals = recordSignals();
      const element = await fixture<U2fRegisterElement>(
        html`<u2f-register user-id=${USERS.alice.id}></u2f-register>`,
      );
      element.token = TOKENS.alice;
      await mockApi.fault({ rpc: 'VerifyU2FRegistration', status: 503 });
      await new RegistrationHarness(element).clickAndWait('registration-success');

      expect(signals).to.deep.equal([]);
      expect((await rpcs()).filter((rpc) => rpc === 'VerifyU2FRegistration')).to.have.length(2);
    });
  });

  describe('reset or removal between the prompt and the verify', () => {
    /**
     * The person resets (or the page removes) the element at the very moment the authenticator answers:
     * a stand-in `navigator.credentials.create`, installed by this test only, lets the real one make the
     * credential and then calls `interrupt` before handing it back.
     */
    function interruptAfterThePrompt(interrupt: () => void): () => void {
      const realCreate = navigator.credentials.create;
      navigator.credentials.create = async (options?: CredentialCreationOptions) => {
        const { signal: _signal, ...unabortable } = options ?? {};
        const credential = await realCreate.call(navigator.credentials, unabortable);
        interrupt();
        return credential;
      };
      return () => {
        navigator.credentials.create = realCreate;
      };
    }

    for (const interruption of ['reset', 'removal'] as const) {
      it(`signals after a ${interruption}: the verify never left`, async () => {
        const signals = recordSignals();
        const { element } = await passkeyRegister();
        const restore = interruptAfterThePrompt(() =>
          interruption === 'reset' ? element.reset() : element.remove(),
        );
        try {
          const outcome = element.register().then(
            () => 'success',
            (error: { code?: string }) => error.code,
          );
          expect(await outcome).to.equal('aborted');
          await waitUntil(() => signals.length === 1, 'the credential was signalled');
          expect(signals[0]?.rpId).to.equal('localhost');
          expect(await rpcs()).to.deep.equal(['RegisterPasskey']);
          expect(await authenticator.credentials(), 'the virtual authenticator made one').to.have.length(1);
        } finally {
          restore();
        }
      });
    }

    it('does not signal after a reset while the verify was under way: the server may have it', async () => {
      const signals = recordSignals();
      const { element } = await passkeyRegister();
      await mockApi.fault({ rpc: 'VerifyPasskeyRegistration', hang: true });
      const error = oneEvent(element, 'registration-error');
      void element.register().catch(() => undefined);
      await waitUntil(async () => (await rpcs()).includes('VerifyPasskeyRegistration'), 'the verify left');
      element.reset();
      const { detail } = await error;

      expect(detail.code).to.equal('aborted');
      expect(detail).not.to.have.property('orphanRemoved');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(signals).to.deep.equal([]);
    });
  });

  describe('nothing to signal', () => {
    it('never signals after a success', async () => {
      const signals = recordSignals();
      const { harness } = await passkeyRegister();
      await harness.clickAndWait('registration-success');
      expect(signals).to.deep.equal([]);
      expect(await authenticator.credentials()).to.have.length(1);
    });

    it('never signals after a 2xx whose body it cannot read (bad-response): the server took it', async () => {
      const signals = recordSignals();
      const { detail } = await failWith([
        { rpc: 'VerifyPasskeyRegistration', status: 200, body: 'stored, but not JSON', afterHandling: true },
      ]);
      expect(detail.code).to.equal('bad-response');
      expect(detail).not.to.have.property('orphanRemoved');
      expect(signals).to.deep.equal([]);
      expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(1);
    });

    it('never signals for a failure before the prompt (the start failed): no credential exists', async () => {
      const signals = recordSignals();
      const { detail } = await failWith([{ rpc: 'RegisterPasskey', status: 503 }]);
      expect(detail.code).to.equal('server');
      expect(detail).not.to.have.property('orphanRemoved');
      expect(signals).to.deep.equal([]);
      expect(await authenticator.credentials()).to.deep.equal([]);
    });

    it('never signals when the person cancels the prompt: no credential exists', async () => {
      const signals = recordSignals();
      const { element, harness } = await passkeyRegister();
      await authenticator.holdPrompts();
      const error = oneEvent(element, 'registration-error');
      harness.button.click();
      await waitUntil(() => element.state === 'prompting', 'the prompt is open');
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
      const { detail } = (await error) as CustomEvent<RegistrationErrorDetail>;
      await authenticator.answerPrompts();

      expect(detail.code).to.equal('cancelled');
      expect(detail).not.to.have.property('orphanRemoved');
      expect(signals).to.deep.equal([]);
    });
  });

  describe('a browser that cannot signal', () => {
    it('reports orphanRemoved: false without the Signal API, and says nothing was removed', async () => {
      recordSignals('missing');
      const { detail, harness } = await failWith([{ rpc: 'VerifyPasskeyRegistration', status: 400 }]);
      expect(detail.code).to.equal('verification-failed');
      expect(detail.orphanRemoved).to.equal(false);
      expect(harness.messageText).not.to.contain(REMOVED);
      expect(harness.messageText).to.equal(
        `${en.errors['verification-failed']} ${en.hints['verification-failed']}`,
      );
    });

    it('reports orphanRemoved: false when the browser refuses the signal', async () => {
      const signals = recordSignals('reject');
      const { detail } = await failWith([{ rpc: 'VerifyPasskeyRegistration', status: 400 }]);
      expect(signals).to.have.length(1);
      expect(detail.orphanRemoved).to.equal(false);
    });
  });

  describe('with the browser’s own Signal API (no stand-in)', () => {
    it('a refused verify leaves no credential on the authenticator where the browser can signal', async () => {
      const canSignal = typeof REAL_SIGNAL?.value === 'function';
      // Chromium 132+ has the Signal API and its virtual authenticator deletes the credential; Firefox has none.
      expect(canSignal).to.equal(engine.name === 'chromium');
      const { detail } = await failWith([{ rpc: 'VerifyPasskeyRegistration', status: 400 }]);

      expect(detail.orphanRemoved).to.equal(canSignal);
      expect(await authenticator.credentials()).to.have.length(canSignal ? 0 : 1);
    });

    it('a 500 after the server stored the credential leaves it on the authenticator', async () => {
      const { detail } = await failWith([
        { rpc: 'VerifyPasskeyRegistration', status: 500, afterHandling: true },
      ]);
      expect(detail).not.to.have.property('orphanRemoved');
      expect(await authenticator.credentials()).to.have.length(1);
    });
  });
});

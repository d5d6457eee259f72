/**
 * The backend contract's registrations: what every ZITADEL adapter that registers does against the mock
 * ZITADEL, without any element, with a real ceremony: the creation options go through
 * `normalizeCreationOptions` to `navigator.credentials.create()`, which the virtual authenticator answers.
 * The rest of the contract (links, lists, refusals, ids) is test/backends/contract.test.ts, which runs in
 * WebKit too.
 */
import { expect } from '@open-wc/testing';
import { startRegistration as createCredential } from '@simplewebauthn/browser';
import { TOKENS, USERS } from '../../mock/seed.js';
import { normalizeCreationOptions, toBase64Url } from '../../src/backends/options.js';
import type { RegistrationBackend, RegistrationCode, RegistrationKind } from '../../src/backends/types.js';
import { useVirtualAuthenticator, type VirtualAuthenticatorOptions } from '../support/authenticator.js';
import { GENERATIONS, refusal, signal, type Generation } from '../support/backend-generations.js';
import { mockApi } from '../support/mock-api.js';

/** The authenticator a person would use for each kind: a platform passkey, a security key on USB. */
const AUTHENTICATOR_FOR: Record<RegistrationKind, VirtualAuthenticatorOptions> = {
  passkey: {},
  u2f: { transport: 'usb', hasResidentKey: false, hasUserVerification: false },
};

const NAME_FOR: Record<RegistrationKind, string> = { passkey: 'Work laptop', u2f: 'YubiKey 5C' };

/**
 * One registration as an element runs it: start, the browser's ceremony, verify. Returns the server's
 * id of the new credential.
 */
async function register(
  backend: RegistrationBackend,
  kind: RegistrationKind,
  options: { userId?: string; code?: RegistrationCode } = {},
): Promise<string> {
  const userId = options.userId ?? USERS.alice.id;
  const request = {
    kind,
    userId,
    domain: location.hostname,
    authenticator: '' as const,
    ...(options.code ? { code: options.code } : {}),
  };
  const started = await backend.startRegistration!(request, signal());
  const credential = await createCredential({ optionsJSON: normalizeCreationOptions(started.options) });
  await backend.verifyRegistration!(
    {
      kind,
      userId,
      id: started.id,
      name: NAME_FOR[kind],
      credential,
      ...(options.code ? { code: options.code } : {}),
    },
    signal(),
  );
  return started.id;
}

/** The code of a registration link made for `userId` with `delivery: 'return'`, whatever shape it came in. */
async function codeOfLink(generation: Generation, userId: string): Promise<RegistrationCode> {
  const created = await generation.backend({ token: TOKENS.admin }).createLink!(
    { userId, delivery: 'return' },
    signal(),
  );
  if (created.code) return created.code;
  const link = new URL(created.link!);
  return { id: link.searchParams.get('codeID')!, code: link.searchParams.get('code')! };
}

for (const generation of GENERATIONS.filter((item) => item.registers.length > 0)) {
  describe(`backend contract, registering: ${generation.name}`, () => {
    const asAlice = () => generation.backend({ token: TOKENS.alice });

    beforeEach(async () => {
      await mockApi.reset();
      if (generation.v3alpha) await mockApi.configure({ v3alpha: generation.v3alpha });
    });

    for (const kind of generation.registers) {
      describe(`a ${kind === 'passkey' ? 'passkey' : 'security key'}`, () => {
        const authenticator = useVirtualAuthenticator(AUTHENTICATOR_FOR[kind]);

        it('registers: start, a real ceremony, verify; ZITADEL stores it READY under its id and name', async () => {
          const id = await register(asAlice(), kind);
          const [stored] = await mockApi.registeredOf(USERS.alice.id);
          expect(stored).to.include({ id, name: NAME_FOR[kind], state: 'AUTH_FACTOR_STATE_READY' });
          const [credential] = await authenticator.credentials();
          // CDP reports the id in standard base64, WebAuthn and ZITADEL in base64url.
          expect(stored!.credentialId, 'the credential the authenticator holds').to.equal(
            toBase64Url(credential!.credentialId),
          );
        });

        it('lists what it registered as ready, by id, kind and name', async () => {
          const id = await register(asAlice(), kind);
          const list = await asAlice().listAuthenticators!({ userId: USERS.alice.id }, signal());
          const [stored] = await mockApi.registeredOf(USERS.alice.id);
          const listedAs = generation.listedKind(kind, stored!.userVerified === true);
          expect(list.authenticators).to.deep.equal([
            { id, kind: listedAs, name: NAME_FOR[kind], state: 'ready' },
          ]);
          expect(list.unlisted).to.deep.equal([]);
        });

        it('removes it; the list no longer has it, and removing it again is not-found (COMMAND-DAfb2)', async () => {
          const backend = asAlice();
          const id = await register(backend, kind);
          await backend.removeAuthenticator!({ userId: USERS.alice.id, id, kind }, signal());
          const list = await backend.listAuthenticators!({ userId: USERS.alice.id }, signal());
          expect(list.authenticators).to.deep.equal([]);
          const again = await refusal(
            backend.removeAuthenticator!({ userId: USERS.alice.id, id, kind }, signal()),
          );
          expect(again).to.include({ code: 'not-found', status: 404 });
        });

        it('refuses a second registration on the same authenticator: excludeCredentials lists the first', async () => {
          await register(asAlice(), kind);
          const error = await register(asAlice(), kind).then(
            () => undefined,
            (e: unknown) => e,
          );
          // The browser refuses (InvalidStateError) before anything is verified; the element maps it.
          expect(error).to.be.instanceOf(Error);
          expect((error as { cause?: Error }).cause?.name ?? (error as Error).name).to.equal(
            'InvalidStateError',
          );
          expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(1);
        });
      });
    }

    if (generation.registers.includes('passkey')) {
      describe("a link's code", () => {
        useVirtualAuthenticator();

        it('starts a registration for its user once; used again it is invalid-input (COMMAND-Eeb2a)', async () => {
          const code = await codeOfLink(generation, USERS.bob.id);
          // The login client acts for any user who holds a code, as Login v2 (or the kit's proxy) does.
          const loginClient = generation.backend({ token: TOKENS.loginClient });
          await register(loginClient, 'passkey', { userId: USERS.bob.id, code });
          expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(1);

          const reused = await refusal(
            loginClient.startRegistration!(
              { kind: 'passkey', userId: USERS.bob.id, domain: location.hostname, authenticator: '', code },
              signal(),
            ),
          );
          expect(reused).to.include({ code: 'invalid-input', status: 400 });
          expect(reused.serverMessage).to.include('COMMAND-Eeb2a');
        });

        it("registers through the page's proxy with no token in the page (it adds the login client's)", async () => {
          const code = await codeOfLink(generation, USERS.bob.id);
          // As a link's landing page does: base-url /zitadel, `passkey-elements/proxy` in front of the mock.
          await register(generation.backend({ baseUrl: '/zitadel' }), 'passkey', {
            userId: USERS.bob.id,
            code,
          });
          expect(await mockApi.registeredOf(USERS.bob.id)).to.have.length(1);
          const owners = (await mockApi.requests())
            .filter(({ rpc }) => rpc !== null)
            .map((r) => r.tokenOwner);
          expect(owners.slice(-2), 'start and verify carry the login client').to.deep.equal([
            'login-client',
            'login-client',
          ]);
        });

        it("is invalid-input for another user's registration (a code stands for its user only)", async () => {
          const code = await codeOfLink(generation, USERS.bob.id);
          const error = await refusal(
            generation.backend({ token: TOKENS.loginClient }).startRegistration!(
              { kind: 'passkey', userId: USERS.alice.id, domain: location.hostname, authenticator: '', code },
              signal(),
            ),
          );
          expect(error).to.include({ code: 'invalid-input', status: 400 });
        });
      });
    }
  });
}

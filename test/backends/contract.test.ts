/**
 * The backend contract: what every ZITADEL adapter does against the mock ZITADEL, without any element.
 * Each case runs for each API generation, and each generation's row says what its ZITADEL does, so v1,
 * v2 and v3alpha cannot drift apart. The adapters are called as the elements call them (`baseUrl` this
 * page's origin, a user's token, an `AbortSignal`), and a registration is a real ceremony: the creation
 * options go through `normalizeCreationOptions` to `navigator.credentials.create()`, which the virtual
 * authenticator answers.
 *
 * This is behaviour, not request shapes: the requests themselves are checked against ZITADEL's protos in
 * `test/node/schema-contract.test.js` and `test/backends/zitadel-requests.test.ts`.
 */
import { expect } from '@open-wc/testing';
import { startRegistration as createCredential } from '@simplewebauthn/browser';
import { TOKENS, UNKNOWN_USER_ID, USERS } from '../../mock/seed.js';
import { normalizeCreationOptions, toBase64Url } from '../../src/backends/options.js';
import type {
  BackendConfig,
  LinkDelivery,
  RegistrationBackend,
  RegistrationCode,
  RegistrationKind,
} from '../../src/backends/types.js';
import { zitadelV1 } from '../../src/backends/zitadel-v1.js';
import { zitadelV2 } from '../../src/backends/zitadel-v2.js';
import { zitadelV3alpha } from '../../src/backends/zitadel-v3alpha.js';
import { RegistrationError, type ErrorCode } from '../../src/core/errors.js';
import { useVirtualAuthenticator, type VirtualAuthenticatorOptions } from '../support/authenticator.js';
import { mockApi, type V3alphaMode } from '../support/mock-api.js';

/** What one API generation of ZITADEL offers, as the contract's cases read it. */
interface Generation {
  name: string;
  label: string;
  backend: (config: BackendConfig) => RegistrationBackend;
  /** How the mock plays v3alpha for this row. */
  v3alpha?: V3alphaMode;
  /** The kinds it registers, lists and removes; none where ZITADEL registers on its own login page. */
  registers: RegistrationKind[];
  /** How a created link comes back with `delivery: 'return'`: its code, or a whole link to ZITADEL's login. */
  returns: 'code' | 'link';
  deliveries: LinkDelivery[];
  /** The kind the list gives what was registered as `kind`, whose authenticator did or did not verify the user. */
  listedKind: (kind: RegistrationKind, userVerified: boolean) => RegistrationKind;
  /** How the list answers a user ZITADEL does not have: a search finds nothing, a GetUser is a 404. */
  unknownUserList?: 'empty' | 'not-found';
}

const GENERATIONS: Generation[] = [
  {
    name: 'v2 (UserService: passkeys and U2F apart)',
    label: 'ZITADEL v2',
    backend: zitadelV2,
    registers: ['passkey', 'u2f'],
    returns: 'code',
    deliveries: ['return', 'email'],
    // Passkeys and U2F keys are two lists in ZITADEL.
    listedKind: (kind) => kind,
    // ListPasskeys and ListAuthenticationFactors are searches.
    unknownUserList: 'empty',
  },
  {
    name: 'v3alpha as the protos describe it (one list of WebAuthN authenticators)',
    label: 'ZITADEL v3alpha',
    backend: zitadelV3alpha,
    v3alpha: 'implemented',
    registers: ['passkey', 'u2f'],
    returns: 'code',
    deliveries: ['return', 'email'],
    // One list of WebAuthN authenticators: one that verified the user is a passkey, else a second factor.
    // (Firefox's virtual security key verifies the user even without `hasUserVerification`.)
    listedKind: (_kind, userVerified) => (userVerified ? 'passkey' : 'u2f'),
    // GetUser reads one user.
    unknownUserList: 'not-found',
  },
  {
    name: 'management v1 (links only: ZITADEL’s login page registers)',
    label: 'ZITADEL management v1',
    backend: zitadelV1,
    registers: [],
    listedKind: (kind) => kind,
    returns: 'link',
    deliveries: ['return', 'email'],
  },
];

/**
 * ZITADEL v4 declares v3alpha in its protos but does not implement it (its v3alpha user server embeds
 * `UnimplementedZITADELUsersServer`): every rpc answers 501, so every operation is `unsupported`.
 */
const V3ALPHA_ON_ZITADEL_V4 = {
  name: 'v3alpha on ZITADEL v4 (declared, answers 501)',
  label: 'ZITADEL v3alpha',
  backend: zitadelV3alpha,
};

/** The authenticator a person would use for each kind: a platform passkey, a security key on USB. */
const AUTHENTICATOR_FOR: Record<RegistrationKind, VirtualAuthenticatorOptions> = {
  passkey: {},
  u2f: { transport: 'usb', hasResidentKey: false, hasUserVerification: false },
};

const NAME_FOR: Record<RegistrationKind, string> = { passkey: 'Work laptop', u2f: 'YubiKey 5C' };

const signal = () => new AbortController().signal;

/** The error a promise rejects with; fails the test when it resolves or rejects with anything else. */
async function refusal(promise: Promise<unknown> | undefined): Promise<RegistrationError> {
  if (!promise) throw new Error('the backend has no such operation');
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistrationError) return error;
    throw new Error(`expected a RegistrationError, got ${String(error)}`);
  }
  throw new Error('expected a refusal, but the backend answered');
}

/** The API requests the mock received (its control endpoints are not logged). */
const apiRequests = async () => (await mockApi.requests()).map((r) => `${r.method} ${r.path}`);

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

for (const generation of GENERATIONS) {
  describe(`backend contract: ${generation.name}`, () => {
    const asAlice = () => generation.backend({ token: TOKENS.alice });

    beforeEach(async () => {
      await mockApi.reset();
      if (generation.v3alpha) await mockApi.configure({ v3alpha: generation.v3alpha });
    });

    it(`is labelled "${generation.label}", the name messages give its API`, () => {
      expect(asAlice().label).to.equal(generation.label);
    });

    if (generation.registers.length === 0) {
      it('offers no registration, list or removal: ZITADEL registers on its own login page', () => {
        const backend = asAlice();
        expect(backend.startRegistration, 'startRegistration').to.equal(undefined);
        expect(backend.verifyRegistration, 'verifyRegistration').to.equal(undefined);
        expect(backend.listAuthenticators, 'listAuthenticators').to.equal(undefined);
        expect(backend.removeAuthenticator, 'removeAuthenticator').to.equal(undefined);
      });
    }

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

    if (generation.registers.length > 0) {
      it('lists nothing for a user without authenticators (proto3 JSON leaves the empty list out)', async () => {
        const list = await asAlice().listAuthenticators!({ userId: USERS.alice.id }, signal());
        expect(list).to.deep.equal({ authenticators: [], unlisted: [] });
      });
    }

    for (const delivery of generation.deliveries) {
      it(`creates a link with delivery "${delivery}"${
        delivery === 'email'
          ? ': ZITADEL mails it to the user'
          : generation.returns === 'code'
            ? ': ZITADEL returns the code'
            : ': ZITADEL returns a link to its login page'
      }`, async () => {
        const created = await generation.backend({ token: TOKENS.admin }).createLink!(
          { userId: USERS.bob.id, delivery },
          signal(),
        );
        const { codes } = await mockApi.state();
        expect(codes, 'one unused code for bob').to.have.length(1);
        expect(codes[0]).to.include({ userId: USERS.bob.id, used: false });
        const outbox = await mockApi.outbox();
        if (delivery === 'email') {
          expect(created.code, 'no code in the page when ZITADEL mails it').to.equal(undefined);
          expect(created.link).to.equal(undefined);
          expect(outbox.map(({ to }) => to)).to.deep.equal([USERS.bob.userName]);
          expect(outbox[0]!.link).to.include(`codeID=${codes[0]!.id}`);
          return;
        }
        expect(outbox, 'nothing mailed').to.deep.equal([]);
        if (generation.returns === 'code') {
          expect(created.code?.id).to.equal(codes[0]!.id);
          expect(created.code?.code).to.be.a('string').and.not.equal('');
        } else {
          const link = new URL(created.link!);
          expect(link.pathname).to.equal('/ui/login/login/passwordless/init');
          expect(link.searchParams.get('userID')).to.equal(USERS.bob.id);
          expect(link.searchParams.get('codeID')).to.equal(codes[0]!.id);
          expect(created.expiration, 'when the link stops working').to.be.a('string');
        }
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

    /** Every operation the generation has, called for alice with a given backend. */
    const operations = (backend: RegistrationBackend, userId: string = USERS.alice.id) =>
      [
        ...generation.registers.flatMap((kind) => [
          [
            `startRegistration (${kind})`,
            () =>
              backend.startRegistration!(
                { kind, userId, domain: location.hostname, authenticator: '' },
                signal(),
              ),
          ] as const,
          [
            `removeAuthenticator (${kind})`,
            () => backend.removeAuthenticator!({ userId, id: '310000000000000001', kind }, signal()),
          ] as const,
        ]),
        ...(generation.registers.length > 0
          ? [['listAuthenticators', () => backend.listAuthenticators!({ userId }, signal())] as const]
          : []),
        ...generation.deliveries.map(
          (delivery) =>
            [`createLink (${delivery})`, () => backend.createLink!({ userId, delivery }, signal())] as const,
        ),
      ] as const;

    describe('refusals', () => {
      const cases: {
        name: string;
        backend: () => RegistrationBackend;
        userId?: string;
        expect: ErrorCode;
        status: number;
      }[] = [
        {
          name: 'without a token: 401 "auth header missing"',
          backend: () => generation.backend({}),
          expect: 'unauthenticated',
          status: 401,
        },
        {
          name: 'with a token ZITADEL does not know: 401',
          backend: () => generation.backend({ token: 'not-a-token' }),
          expect: 'unauthenticated',
          status: 401,
        },
        {
          name: "with another user's token (bob for alice, no user.write): 403",
          backend: () => generation.backend({ token: TOKENS.bob }),
          expect: 'forbidden',
          status: 403,
        },
        {
          name: 'for a user ZITADEL does not have (as the admin): 404',
          backend: () => generation.backend({ token: TOKENS.admin }),
          userId: UNKNOWN_USER_ID,
          expect: 'not-found',
          status: 404,
        },
      ];
      for (const refused of cases) {
        it(`every operation ${refused.name} → ${refused.expect}`, async () => {
          for (const [name, call] of operations(refused.backend(), refused.userId)) {
            if (
              refused.expect === 'not-found' &&
              name === 'listAuthenticators' &&
              generation.unknownUserList === 'empty'
            ) {
              // ZITADEL's searches answer an unknown user with an empty list, not a 404.
              expect(await call(), name).to.deep.equal({ authenticators: [], unlisted: [] });
              continue;
            }
            const error = await refusal(call());
            expect({ name, code: error.code, status: error.status }).to.deep.equal({
              name,
              code: refused.expect,
              status: refused.status,
            });
          }
        });
      }

      for (const id of ['..', '.', '']) {
        it(`every operation refuses the user id ${JSON.stringify(id)} with invalid-input, before any request`, async () => {
          for (const [name, call] of operations(asAlice(), id)) {
            const error = await refusal(call());
            expect({ name, code: error.code }).to.deep.equal({ name, code: 'invalid-input' });
          }
          expect(await apiRequests(), 'no request reached ZITADEL').to.deep.equal([]);
        });
      }

      for (const kind of generation.registers) {
        it(`refuses the ${kind} id ".." in removeAuthenticator and verifyRegistration, before any request`, async () => {
          const backend = asAlice();
          const removal = await refusal(
            backend.removeAuthenticator!({ userId: USERS.alice.id, id: '..', kind }, signal()),
          );
          expect(removal.code).to.equal('invalid-input');
          const verification = await refusal(
            backend.verifyRegistration!(
              {
                kind,
                userId: USERS.alice.id,
                id: '..',
                name: 'x',
                credential: {} as never,
              },
              signal(),
            ),
          );
          expect(verification.code).to.equal('invalid-input');
          expect(await apiRequests(), 'no request reached ZITADEL').to.deep.equal([]);
        });
      }
    });
  });
}

describe(`backend contract: ${V3ALPHA_ON_ZITADEL_V4.name}`, () => {
  const generation = V3ALPHA_ON_ZITADEL_V4;
  const backend = () => generation.backend({ token: TOKENS.alice });
  const userId = USERS.alice.id;
  const calls: [string, () => Promise<unknown>][] = [
    [
      'startRegistration (passkey)',
      () =>
        backend().startRegistration!(
          { kind: 'passkey', userId, domain: location.hostname, authenticator: '' },
          signal(),
        ),
    ],
    [
      'startRegistration (u2f)',
      () =>
        backend().startRegistration!(
          { kind: 'u2f', userId, domain: location.hostname, authenticator: '' },
          signal(),
        ),
    ],
    [
      'verifyRegistration',
      () =>
        backend().verifyRegistration!(
          { kind: 'passkey', userId, id: '310000000000000001', name: 'x', credential: { id: 'x' } as never },
          signal(),
        ),
    ],
    ['listAuthenticators', () => backend().listAuthenticators!({ userId }, signal())],
    [
      'removeAuthenticator',
      () => backend().removeAuthenticator!({ userId, id: '310000000000000001', kind: 'passkey' }, signal()),
    ],
    ['createLink (return)', () => backend().createLink!({ userId, delivery: 'return' }, signal())],
    ['createLink (email)', () => backend().createLink!({ userId, delivery: 'email' }, signal())],
  ];

  beforeEach(async () => {
    await mockApi.reset();
    await mockApi.configure({ v3alpha: 'unimplemented' });
  });

  for (const [name, call] of calls) {
    it(`${name} is unsupported (501, UNIMPLEMENTED), naming "${generation.label}", and changes nothing`, async () => {
      const error = await refusal(call());
      expect(error).to.include({ code: 'unsupported', status: 501, grpcCode: 12, api: generation.label });
      const { users, codes } = await mockApi.state();
      expect(users.flatMap((user) => user.authenticators)).to.deep.equal([]);
      expect(codes).to.deep.equal([]);
    });
  }

  it('still asks for a token first: without one it is unauthenticated, not unsupported', async () => {
    const error = await refusal(generation.backend({}).listAuthenticators!({ userId }, signal()));
    expect(error).to.include({ code: 'unauthenticated', status: 401 });
  });
});

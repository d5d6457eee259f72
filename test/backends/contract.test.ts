/**
 * The backend contract: what every ZITADEL adapter does against the mock ZITADEL, without any element.
 * Each case runs for each API generation, and each generation's row says what its ZITADEL does, so v1,
 * v2 and v3alpha cannot drift apart. The adapters are called as the elements call them (`baseUrl` this
 * page's origin, a user's token, an `AbortSignal`). Registering, listing and removing what was registered
 * take a real ceremony: they are test/backends/contract-registration.test.ts (not in WebKit, which has no
 * Web Authentication); this file runs in every engine.
 *
 * This is behaviour, not request shapes: the requests themselves are checked against ZITADEL's protos in
 * `test/node/schema-contract.test.js` and `test/backends/zitadel-requests.test.ts`.
 */
import { expect } from '@open-wc/testing';
import { TOKENS, UNKNOWN_USER_ID, USERS } from '../../mock/seed.js';
import type { RegistrationBackend } from '../../src/backends/types.js';
import type { ErrorCode } from '../../src/core/errors.js';
import { zitadelV3alpha } from '../../src/backends/zitadel-v3alpha.js';
import { GENERATIONS, refusal, signal } from '../support/backend-generations.js';
import { mockApi } from '../support/mock-api.js';

/**
 * ZITADEL v4 declares v3alpha in its protos but does not implement it (its v3alpha user server embeds
 * `UnimplementedZITADELUsersServer`): every rpc answers 501, so every operation is `unsupported`.
 */
const V3ALPHA_ON_ZITADEL_V4 = {
  name: 'v3alpha on ZITADEL v4 (declared, answers 501)',
  label: 'ZITADEL v3alpha',
  backend: zitadelV3alpha,
};

/** The API requests the mock received (its control endpoints are not logged). */
const apiRequests = async () => (await mockApi.requests()).map((r) => `${r.method} ${r.path}`);

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
          // Login v1's link (v1) names it codeID, Login v2's (v2, v3alpha) codeId.
          const mailed = new URL(outbox[0]!.link);
          const codeId = mailed.searchParams.get('codeID') ?? mailed.searchParams.get('codeId');
          expect(codeId).to.equal(codes[0]!.id);
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

/**
 * Ids in paths (issue 15, item 1). URL parsing removes `.` segments and turns `..` into "one level up",
 * and `encodeURIComponent` leaves dots alone: an id `..` would move a request to another route (a
 * listed passkey id `..` turns "delete this passkey" into ZITADEL's "delete this user"). Every id the
 * kit puts in a path is exactly one segment of the intended route, or the call is refused before any
 * request: `invalid-input` for ids from the page, `bad-response` for ids from a server answer.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { segment } from '../../src/backends/http.js';
import type { RegistrationBackend, RegistrationKind } from '../../src/backends/types.js';
import { zitadelV1 } from '../../src/backends/zitadel-v1.js';
import { zitadelV2 } from '../../src/backends/zitadel-v2.js';
import { zitadelV3alpha } from '../../src/backends/zitadel-v3alpha.js';
import { RegistrationError } from '../../src/core/errors.js';

const BASE = 'https://id.example.com/zitadel';
const DOT_IDS = ['', '.', '..'];
/** Look like dot segments, but are not once encoded: each must travel as one segment, unchanged. */
const DOT_LOOKALIKES = [
  '...',
  '%2E',
  '%2e%2E',
  '.%2e',
  '%2E.',
  '..%2F',
  '../x',
  './',
  '/',
  '.\u200b',
  '．．',
];

const credential = {
  id: 'AQID',
  rawId: 'AQID',
  type: 'public-key' as const,
  response: { clientDataJSON: 'e30', attestationObject: 'AA' },
  clientExtensionResults: {},
};

/** A success body for whatever route was asked: the ids the server hands out are `serverId`. */
function successFor(path: string, serverId: string): Record<string, unknown> {
  if (/\/(passkeys|u2f|webauthn)$/.test(path)) {
    return {
      passkeyId: serverId,
      u2fId: serverId,
      webAuthNId: serverId,
      publicKeyCredentialCreationOptions: { publicKey: {} },
    };
  }
  if (path.endsWith('/passkeys/_search'))
    return { result: [{ id: serverId, state: 'AUTH_FACTOR_STATE_READY' }] };
  if (path.endsWith('/authentication_factors/_search')) {
    return { result: [{ state: 'AUTH_FACTOR_STATE_READY', u2f: { id: serverId, name: 'Key' } }] };
  }
  if (/\/resources\/v3alpha\/users\/[^/]+$/.test(path)) {
    return { user: { authenticators: { webAuthN: [{ webAuthNId: serverId, isVerified: true }] } } };
  }
  if (path.endsWith('/_link')) return { link: 'https://id.example.com/ui/login', expiration: '3600s' };
  return { code: { id: 'code-id', code: 'code' } };
}

/** Runs `action` over a fetch that records each URL and answers a success body. */
async function recording<T>(action: () => Promise<T>, serverId = 'server-id') {
  const realFetch = window.fetch;
  const urls: string[] = [];
  window.fetch = async (input: RequestInfo | URL) => {
    const url = String(input);
    urls.push(url);
    return Response.json(successFor(new URL(url).pathname, serverId));
  };
  try {
    return {
      urls,
      outcome: await action().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
    };
  } finally {
    window.fetch = realFetch;
  }
}

/** The path below the base URL as the server will route it: dot segments resolved, then each decoded. */
function routedSegments(url: string): string[] {
  const { pathname } = new URL(url);
  expect(pathname.startsWith('/zitadel/'), `${url} stays below the base URL`).to.equal(true);
  return pathname.slice('/zitadel/'.length).split('/').map(decodeURIComponent);
}

interface Case {
  name: string;
  call(backend: RegistrationBackend, signal: AbortSignal): Promise<unknown> | undefined;
  /** Each route the call may send, as segments; the ids appear as themselves. */
  routes: string[][];
}

/** Every adapter method that puts an id in a path, for a user id and a second id from the page. */
function cases(api: 'v2' | 'v3alpha' | 'v1', userId: string, id: string, kind: RegistrationKind): Case[] {
  const request = { kind, userId, domain: 'localhost', authenticator: '' as const };
  if (api === 'v1') {
    const base = ['management', 'v1', 'users', userId, 'passwordless'];
    return [
      {
        name: 'createLink (return)',
        call: (b, s) => b.createLink?.({ userId, delivery: 'return' }, s),
        routes: [[...base, '_link']],
      },
      {
        name: 'createLink (email)',
        call: (b, s) => b.createLink?.({ userId, delivery: 'email' }, s),
        routes: [[...base, '_send_link']],
      },
    ];
  }
  const resource = kind === 'passkey' ? 'passkeys' : 'u2f';
  const user = api === 'v2' ? ['v2', 'users', userId] : ['resources', 'v3alpha', 'users', userId];
  const authenticators = api === 'v2' ? [...user, resource] : [...user, 'webauthn'];
  return [
    {
      name: 'startRegistration',
      call: (b, s) => b.startRegistration?.(request, s),
      routes: [authenticators],
    },
    {
      name: 'startRegistration with a code',
      call: (b, s) => b.startRegistration?.({ ...request, code: { id, code: 'secret' } }, s),
      routes: [authenticators],
    },
    {
      name: 'verifyRegistration',
      call: (b, s) => b.verifyRegistration?.({ kind, userId, id, name: 'Laptop', credential }, s),
      routes: [api === 'v2' ? [...authenticators, id] : [...authenticators, id, '_verify']],
    },
    {
      name: 'createLink',
      call: (b, s) => b.createLink?.({ userId, delivery: 'return' }, s),
      routes: [
        api === 'v2'
          ? [...user, 'passkeys', 'registration_link']
          : [...user, 'webauthn', 'registration_link'],
      ],
    },
    {
      name: 'listAuthenticators',
      call: (b, s) => b.listAuthenticators?.({ userId }, s),
      routes:
        api === 'v2'
          ? [
              [...user, 'passkeys', '_search'],
              [...user, 'authentication_factors', '_search'],
            ]
          : [user],
    },
    {
      name: 'removeAuthenticator',
      call: (b, s) => b.removeAuthenticator?.({ userId, id, kind }, s),
      routes: [[...authenticators, id]],
    },
  ];
}

const FACTORIES = { v2: zitadelV2, v3alpha: zitadelV3alpha, v1: zitadelV1 } as const;

/** Whether the page's ids may go in a path: not a dot segment, not empty, valid UTF-16. */
function pathable(value: string): boolean {
  // No lone surrogate (String.prototype.isWellFormed is ES2024, past this project's lib).
  return !DOT_IDS.includes(value) && !/\p{Surrogate}/u.test(value);
}

describe('ids in paths', () => {
  describe('segment()', () => {
    for (const id of DOT_IDS) {
      it(`refuses ${JSON.stringify(id)} with invalid-input`, () => {
        expect(() => segment(id))
          .to.throw(RegistrationError)
          .with.property('code', 'invalid-input');
      });
    }

    it('encodes look-alikes of dot segments so that they stay one segment with their own text', () => {
      for (const id of DOT_LOOKALIKES) {
        const url = `${BASE}/v2/users/${segment(id)}/passkeys`;
        expect(routedSegments(url), id).to.deep.equal(['v2', 'users', id, 'passkeys']);
      }
    });
  });

  for (const api of ['v2', 'v3alpha', 'v1'] as const) {
    describe(`${api}: an id from the page`, () => {
      for (const bad of DOT_IDS) {
        for (const { name, call, field } of [
          ...cases(api, bad, 'ok', 'passkey').map((c) => ({ ...c, field: 'user id' })),
          ...cases(api, 'user-1', bad, 'u2f')
            .filter((c) => /verify|remove/.test(c.name))
            .map((c) => ({ ...c, field: 'authenticator id' })),
        ]) {
          it(`${name} refuses the ${field} ${JSON.stringify(bad)} with invalid-input before any request`, async () => {
            const backend = FACTORIES[api]({ baseUrl: BASE, token: 't' });
            const { urls, outcome } = await recording(async () =>
              call(backend, new AbortController().signal),
            );
            expect(urls).to.deep.equal([]);
            expect('error' in outcome && outcome.error).to.be.instanceOf(RegistrationError);
            expect((outcome as { error: RegistrationError }).error.code).to.equal('invalid-input');
          });
        }
      }

      it('property: any user id and id go to exactly the intended route as one segment each, or are refused', async () => {
        const anyId = fc.oneof(
          fc.constantFrom(...DOT_IDS, ...DOT_LOOKALIKES),
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .array(fc.constantFrom('.', '%', '2', 'e', 'E', '/', '\\', '?', '#', ';'), { maxLength: 6 })
            .map((parts) => parts.join('')),
        );
        await fc.assert(
          fc.asyncProperty(
            anyId,
            anyId,
            fc.constantFrom<RegistrationKind>('passkey', 'u2f'),
            async (userId, id, kind) => {
              for (const { name, call, routes } of cases(api, userId, id, kind)) {
                const backend = FACTORIES[api]({ baseUrl: BASE, token: 't' });
                const { urls, outcome } = await recording(async () =>
                  call(backend, new AbortController().signal),
                );
                // Only verify and remove put the second id in the path (a code id travels in the body).
                const idInPath = /verify|remove/.test(name);
                const allowed = pathable(userId) && (!idInPath || pathable(id));
                if (allowed) {
                  expect(outcome, name).to.have.property('value');
                  expect(urls, name).to.have.length(routes.length);
                  for (const url of urls) {
                    expect(routes, `${name}: ${url}`).to.deep.include(routedSegments(url));
                  }
                } else {
                  expect(urls, name).to.deep.equal([]);
                  const { error } = outcome as { error: unknown };
                  expect(error, name).to.be.instanceOf(RegistrationError);
                  expect((error as RegistrationError).code, name).to.equal('invalid-input');
                }
              }
            },
          ),
          { numRuns: 150 },
        );
      });
    });
  }

  for (const api of ['v2', 'v3alpha'] as const) {
    describe(`${api}: an id from a server answer`, () => {
      for (const bad of DOT_IDS) {
        it(`startRegistration answers bad-response for a registration id ${JSON.stringify(bad)}`, async () => {
          for (const kind of ['passkey', 'u2f'] as const) {
            const backend = FACTORIES[api]({ baseUrl: BASE, token: 't' });
            const { outcome } = await recording(
              async () =>
                backend.startRegistration!(
                  { kind, userId: 'user-1', domain: 'localhost', authenticator: '' },
                  new AbortController().signal,
                ),
              bad,
            );
            expect((outcome as { error: RegistrationError }).error).to.have.property('code', 'bad-response');
          }
        });

        it(`listAuthenticators answers bad-response for a listed id ${JSON.stringify(bad)}`, async () => {
          const backend = FACTORIES[api]({ baseUrl: BASE, token: 't' });
          const { outcome } = await recording(
            async () => backend.listAuthenticators!({ userId: 'user-1' }, new AbortController().signal),
            bad,
          );
          expect((outcome as { error: RegistrationError }).error).to.have.property('code', 'bad-response');
        });
      }

      it('property: a server id is handed on unchanged when it can be one segment, else bad-response', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.constantFrom(...DOT_IDS, ...DOT_LOOKALIKES),
              fc.string(),
              fc.string({ unit: 'binary' }),
            ),
            async (serverId) => {
              const backend = FACTORIES[api]({ baseUrl: BASE, token: 't' });
              const signal = new AbortController().signal;
              const started = await recording(
                async () =>
                  (
                    await backend.startRegistration!(
                      { kind: 'passkey', userId: 'u', domain: 'localhost', authenticator: '' },
                      signal,
                    )
                  ).id,
                serverId,
              );
              const listed = await recording(
                async () =>
                  (await backend.listAuthenticators!({ userId: 'u' }, signal)).authenticators.map(
                    (a) => a.id,
                  ),
                serverId,
              );
              if (pathable(serverId)) {
                expect(started.outcome).to.deep.equal({ value: serverId });
                expect((listed.outcome as { value: string[] }).value.every((id) => id === serverId)).to.equal(
                  true,
                );
              } else {
                for (const { outcome } of [started, listed]) {
                  expect((outcome as { error: RegistrationError }).error).to.have.property(
                    'code',
                    'bad-response',
                  );
                }
              }
            },
          ),
          { numRuns: 200 },
        );
      });
    });
  }
});

/**
 * The fault matrix: every way a registration or a link can fail, each ending in one typed error event
 * with the exact code and a message the person can act on — and the element works again afterwards.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/registration-link-admin.js';
import type { PasskeyRegisterElement, RegistrationLinkAdminElement } from '../../src/index.js';
import { zitadelV2 } from '../../src/backends/zitadel-v2.js';
import type { RegistrationBackend } from '../../src/backends/types.js';
import type { ErrorCode } from '../../src/core/errors.js';
import { en } from '../../src/i18n/en.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import {
  engine,
  useVirtualAuthenticator,
  type AuthenticatorForEachTest,
  type VirtualAuthenticatorOptions,
} from '../support/authenticator.js';
import { harnessFor } from '../support/harness/index.js';
import { mockApi, type MockFault } from '../support/mock-api.js';
import { markdownSection, statedNumber } from '../support/readme.js';
import { watchForTrouble } from '../support/trouble.js';

interface Context {
  authenticator: AuthenticatorForEachTest;
  passkey: PasskeyRegisterElement;
  link: RegistrationLinkAdminElement;
}

interface FaultCase {
  name: string;
  /** Which element meets the fault. */
  element: 'passkey' | 'link';
  /** The error code the case must end in, or `success` where the kit copes. */
  expect: ErrorCode | 'success';
  faults?: MockFault[];
  authenticator?: VirtualAuthenticatorOptions;
  arrange?: (context: Context) => void | Promise<void>;
  /** Undo what `arrange` broke, before the attempt that must succeed. */
  recover?: (context: Context) => void | Promise<void>;
  /** Where the message is shown and what it says, when not the `message` part with the code's sentence. */
  shown?: { part: string; message: string };
}

const STEPS = {
  start: { rpc: 'RegisterPasskey', element: 'passkey' },
  verify: { rpc: 'VerifyPasskeyRegistration', element: 'passkey' },
  link: { rpc: 'CreatePasskeyRegistrationLink', element: 'link' },
} as const;

const STATUS_EXPECTATIONS: Record<keyof typeof STEPS, Record<number, ErrorCode>> = {
  start: { 400: 'invalid-input', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' },
  verify: {
    400: 'verification-failed',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'verification-failed',
  },
  link: { 400: 'invalid-input', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' },
};

const statusCases: FaultCase[] = Object.entries(STEPS).flatMap(([step, { rpc, element }]) =>
  [400, 401, 403, 404, 409, 429, 500, 502, 503].map((status) => ({
    name: `HTTP ${status} at ${step}`,
    element,
    expect: STATUS_EXPECTATIONS[step as keyof typeof STEPS][status] ?? 'server',
    // A verify answered 5xx or 409 may have been stored: the element sends it once more (orphans.test.ts).
    faults: [
      { rpc, status, ...(step === 'verify' && (status >= 500 || status === 409) ? { times: 2 } : {}) },
    ],
  })),
);

/** A RegisterPasskey answer with made-up options: enough to fail validation before any prompt. */
function startAnswer(publicKey: Record<string, unknown> | undefined, wrap = true): string {
  return JSON.stringify({
    details: { sequence: '2', changeDate: '2026-11-22T10:00:00Z', resourceOwner: USERS.alice.orgId },
    passkeyId: '310000000000000099',
    publicKeyCredentialCreationOptions: wrap ? { publicKey } : publicKey,
  });
}

const goodOptions = {
  challenge: 'q83vEjRWeJA',
  rp: { id: 'localhost', name: 'ZITADEL' },
  user: { id: 'MTAw', name: 'alice@example.com', displayName: 'Alice' },
  pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
};
const start = (body: string, extra: Partial<MockFault> = {}): MockFault[] => [
  { rpc: 'RegisterPasskey', status: 200, body, ...extra },
];
const without = (key: keyof typeof goodOptions) => {
  const { [key]: _, ...rest } = goodOptions;
  return rest;
};

/** Wraps the real v2 backend to change what it hands the ceremony, as a page's own backend may. */
function reshaping(change: (options: Record<string, unknown>) => unknown): RegistrationBackend {
  const real = zitadelV2({ token: TOKENS.alice });
  return {
    ...real,
    async startRegistration(request, signal) {
      const started = await real.startRegistration!(request, signal);
      return { ...started, options: change(started.options as Record<string, unknown>) };
    },
  };
}

const bodyCases: FaultCase[] = [
  {
    name: 'a start answer that is not JSON',
    element: 'passkey',
    expect: 'bad-response',
    faults: start('not json'),
  },
  { name: 'an empty start answer', element: 'passkey', expect: 'bad-response', faults: start('') },
  {
    name: 'an HTML page answered with 200',
    element: 'passkey',
    expect: 'bad-response',
    faults: start('<!doctype html><title>Login</title><h1>Please sign in</h1>', { contentType: 'text/html' }),
  },
  {
    name: 'an HTML error page from a proxy (502)',
    element: 'passkey',
    expect: 'server',
    faults: start('<html><body><h1>502 Bad Gateway</h1></body></html>', {
      status: 502,
      contentType: 'text/html',
    }),
  },
  {
    name: 'JSON with the wrong types',
    element: 'passkey',
    expect: 'bad-response',
    faults: start(JSON.stringify({ passkeyId: 42, publicKeyCredentialCreationOptions: 'yes' })),
  },
  {
    name: 'options without a challenge',
    element: 'passkey',
    expect: 'bad-response',
    faults: start(startAnswer(without('challenge'))),
  },
  {
    name: 'options without rp',
    element: 'passkey',
    expect: 'bad-response',
    faults: start(startAnswer(without('rp'))),
  },
  {
    name: 'options without user',
    element: 'passkey',
    expect: 'bad-response',
    faults: start(startAnswer(without('user'))),
  },
  {
    name: 'a challenge that is not base64url',
    element: 'passkey',
    expect: 'bad-response',
    faults: start(startAnswer({ ...goodOptions, challenge: 'not*base64url!' })),
  },
  {
    name: 'a doubled publicKey wrapper',
    element: 'passkey',
    expect: 'bad-response',
    faults: start(startAnswer({ publicKey: goodOptions })),
  },
  {
    name: 'no options at all',
    element: 'passkey',
    expect: 'bad-response',
    faults: start(JSON.stringify({ passkeyId: '310000000000000099' })),
  },
  {
    name: 'options without the publicKey wrapper (accepted)',
    element: 'passkey',
    expect: 'success',
    arrange: ({ passkey }) => {
      passkey.backend = reshaping((options) => options.publicKey);
    },
    recover: ({ passkey }) => {
      passkey.backend = undefined;
    },
  },
  {
    name: 'a verify answer that is not JSON',
    element: 'passkey',
    expect: 'bad-response',
    faults: [{ rpc: 'VerifyPasskeyRegistration', status: 200, body: 'OK' }],
  },
  {
    name: 'a verify answer that is a JSON array',
    element: 'passkey',
    expect: 'bad-response',
    faults: [{ rpc: 'VerifyPasskeyRegistration', status: 200, body: '[]' }],
  },
  {
    name: 'a returned link without a code',
    element: 'link',
    expect: 'bad-response',
    faults: [{ rpc: 'CreatePasskeyRegistrationLink', status: 200, body: JSON.stringify({ details: {} }) }],
  },
];

/**
 * Chromium retries a request by itself, on each of its kept-alive connections (up to six per host), when
 * one closes without an answer; only a fresh connection's failure reaches the page. So the fault
 * outlasts the pool.
 */
const DROP_TIMES = 12;

const networkCases: FaultCase[] = [
  {
    name: 'the network drops during start',
    element: 'passkey',
    expect: 'network',
    faults: [{ rpc: 'RegisterPasskey', drop: true, times: DROP_TIMES }],
  },
  {
    name: 'the network drops during verify',
    element: 'passkey',
    expect: 'network',
    faults: [{ rpc: 'VerifyPasskeyRegistration', drop: true, times: DROP_TIMES }],
  },
  {
    name: 'the network drops while creating a link',
    element: 'link',
    expect: 'network',
    faults: [{ rpc: 'CreatePasskeyRegistrationLink', drop: true, times: DROP_TIMES }],
  },
  {
    name: 'a server that never answers (timeout)',
    element: 'passkey',
    expect: 'network',
    faults: [{ rpc: 'RegisterPasskey', hang: true }],
    arrange: ({ passkey }) => {
      passkey.timeout = 300;
    },
    recover: ({ passkey }) => {
      passkey.timeout = 30_000;
    },
  },
  {
    name: 'a slow server (answers after 300 ms)',
    element: 'passkey',
    expect: 'success',
    faults: [
      { rpc: 'RegisterPasskey', delayMs: 300 },
      { rpc: 'VerifyPasskeyRegistration', delayMs: 300 },
    ],
  },
];

const savedPublicKeyCredential = window.PublicKeyCredential;

const ceremonyCases: FaultCase[] = [
  {
    name: 'the person cancels the prompt',
    element: 'passkey',
    expect: 'cancelled',
    arrange: ({ authenticator }) => authenticator.setUserVerified(false),
    recover: ({ authenticator }) => authenticator.setUserVerified(true),
  },
  {
    name: 'the prompt times out',
    element: 'passkey',
    expect: 'cancelled',
    arrange: async ({ passkey, authenticator }) => {
      await authenticator.holdPrompts();
      passkey.backend = reshaping((options) => ({
        publicKey: { ...(options.publicKey as Record<string, unknown>), timeout: 300 },
      }));
    },
    recover: async ({ passkey, authenticator }) => {
      await authenticator.answerPrompts();
      passkey.backend = undefined;
    },
  },
  {
    name: 'the authenticator already holds a passkey for the user',
    element: 'passkey',
    expect: 'already-registered',
    arrange: async ({ passkey }) => {
      await passkey.register();
    },
    recover: ({ passkey }) => {
      passkey.userId = USERS.bob.id;
      passkey.token = TOKENS.bob;
    },
  },
  {
    name: 'the relying-party ID does not fit this origin',
    element: 'passkey',
    expect: 'security',
    arrange: ({ passkey }) => {
      passkey.domain = 'example.com';
    },
    recover: ({ passkey }) => {
      passkey.domain = undefined;
    },
  },
  {
    name: 'an authenticator that cannot keep a discoverable credential',
    element: 'passkey',
    expect: 'cancelled',
    authenticator: { hasResidentKey: false },
  },
  {
    name: 'an authenticator that cannot verify the user',
    element: 'passkey',
    // ZITADEL requires user verification for a passkey. Chromium refuses such an authenticator itself
    // (NotAllowedError); Firefox lets it answer without the UV flag, and the server's verify refuses it.
    expect: engine.refusesUnverifiedUser ? 'cancelled' : 'verification-failed',
    // An authenticator without user verification cannot have verified the user (Firefox's virtual one
    // would set the UV flag from isUserVerified all the same).
    authenticator: { hasUserVerification: false, isUserVerified: false },
  },
  {
    name: 'a browser without WebAuthn',
    element: 'passkey',
    expect: 'unsupported',
    arrange: () => {
      Object.defineProperty(window, 'PublicKeyCredential', {
        value: undefined,
        configurable: true,
        writable: true,
      });
    },
    recover: () => {
      Object.defineProperty(window, 'PublicKeyCredential', {
        value: savedPublicKeyCredential,
        configurable: true,
        writable: true,
      });
    },
  },
  {
    name: 'an API generation that cannot register (v1)',
    element: 'passkey',
    expect: 'unsupported',
    arrange: ({ passkey }) => {
      passkey.api = 'v1';
    },
    recover: ({ passkey }) => {
      passkey.api = 'v2';
    },
  },
  {
    name: 'a missing user-id',
    element: 'passkey',
    expect: 'invalid-input',
    arrange: ({ passkey }) => {
      passkey.userId = '';
    },
    recover: ({ passkey }) => {
      passkey.userId = USERS.alice.id;
    },
  },
  {
    name: 'a link template with a javascript: URL',
    element: 'link',
    expect: 'invalid-input',
    // A template error is said at the template field, in the element's own words.
    shown: { part: 'field-error', message: en.linkTemplateInvalid },
    arrange: ({ link }) => {
      link.linkTemplate = 'javascript:alert(document.domain)//{{.Code}}';
    },
    recover: ({ link }) => {
      link.linkTemplate = 'https://app.example.com/register?codeID={{.CodeID}}&code={{.Code}}';
    },
  },
];

export const FAULT_CASES: readonly FaultCase[] = [
  ...statusCases,
  ...bodyCases,
  ...networkCases,
  ...ceremonyCases,
];

function expectedMessage(code: ErrorCode, faultCase: FaultCase, orphanRemoved?: boolean): string {
  // The API's sentence says what to use instead (v2): no generic hint after it.
  if (faultCase.name.includes('(v1)')) return en.apiUnsupported('ZITADEL management v1');
  const what = en.errors[code];
  const hint = en.hints[code];
  const message = hint ? `${what} ${hint}` : what;
  // A verify that failed after the prompt: the new credential was forgotten (test/orphans.test.ts).
  return orphanRemoved ? `${message} ${en.orphanRemoved}` : message;
}

/** Clicks the element's button and resolves with the outcome event's code and message. */
async function attempt(context: Context, element: FaultCase['element']) {
  const target = element === 'link' ? context.link : context.passkey;
  const [success, failure] =
    element === 'link'
      ? (['link-created', 'link-error'] as const)
      : (['registration-success', 'registration-error'] as const);
  const outcome = await new Promise<{
    code: ErrorCode | 'success';
    message: string;
    orphanRemoved?: boolean;
  }>((resolve) => {
    target.addEventListener(success, () => resolve({ code: 'success', message: '' }), { once: true });
    target.addEventListener(failure, (event) => resolve(event.detail), { once: true });
    harnessFor(target).required('button').click();
  });
  await target.updateComplete;
  return outcome;
}

/** The errors after which `<passkey-register>` offers "Try again": a second try can mend only these. */
const RETRY_HELPS: readonly ErrorCode[] = [
  'cancelled',
  'network',
  'server',
  'bad-response',
  'verification-failed',
];

/** The measure: the matrix must have at least this many distinct cases. */
const MINIMUM_CASES = 40;

/** The cases this run started, for the README's count. */
const ran = new Set<string>();

describe(`fault matrix (${FAULT_CASES.length} cases)`, () => {
  let context: Context;
  const authenticator = useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
  });

  it(`has at least ${MINIMUM_CASES} distinct cases`, () => {
    expect(FAULT_CASES.length).to.be.at.least(MINIMUM_CASES);
    expect(new Set(FAULT_CASES.map((c) => c.name)).size).to.equal(FAULT_CASES.length);
  });

  for (const faultCase of FAULT_CASES) {
    it(`${faultCase.name} → ${faultCase.expect}, then works again`, async () => {
      ran.add(faultCase.name);
      if (faultCase.authenticator) await authenticator.replace(faultCase.authenticator);
      const passkey = await fixture<PasskeyRegisterElement>(
        html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`,
      );
      passkey.token = TOKENS.alice;
      const link = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin
          user-id=${USERS.bob.id}
          link-template="https://app.example.com/register?codeID={{.CodeID}}&code={{.Code}}"
        ></registration-link-admin>`,
      );
      link.token = TOKENS.admin;
      context = { authenticator, passkey, link };

      await faultCase.arrange?.(context);
      for (const fault of faultCase.faults ?? []) await mockApi.fault(fault);

      const watch = watchForTrouble();
      try {
        const outcome = await attempt(context, faultCase.element);
        expect(outcome.code).to.equal(faultCase.expect);
        if (outcome.code !== 'success') {
          expect(outcome.message).to.equal(
            faultCase.shown?.message ?? expectedMessage(outcome.code, faultCase, outcome.orphanRemoved),
          );
          const shown = harnessFor(faultCase.element === 'link' ? link : passkey);
          expect(shown.textOf(faultCase.shown?.part ?? 'message')).to.equal(outcome.message);
          if (faultCase.element === 'passkey') {
            expect(shown.has('button'), 'a button only where trying again can work').to.equal(
              RETRY_HELPS.includes(outcome.code) || outcome.code === 'already-registered',
            );
          }
        }

        await mockApi.clearFaults();
        await faultCase.recover?.(context);
        if (faultCase.authenticator) await authenticator.replace({});
        if (faultCase.expect === 'success') {
          // Alice has a passkey on this authenticator now; the next one is Bob's.
          passkey.userId = USERS.bob.id;
          passkey.token = TOKENS.bob;
        }
        // Where the element offers no button, the page starts over (as after signing in again).
        if (faultCase.element === 'passkey') {
          await passkey.updateComplete;
          if (!harnessFor(passkey).has('button')) passkey.reset();
          await passkey.updateComplete;
        }
        const again = await attempt(context, faultCase.element);
        expect(again.code, 'the element works again').to.equal('success');
        // Give late rejections a chance to surface before checking for them.
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        watch.stop();
      }
      expect(watch.trouble).to.deep.equal([]);
    });
  }
});

describe('the README on the fault matrix', () => {
  it('states the number of cases this run ran', async () => {
    const reliability = await markdownSection('Reliability');
    expect(statedNumber(reliability, /the fault matrix's \*\*(\d+) cases\*\*/)).to.equal(ran.size);
    expect(ran.size).to.equal(FAULT_CASES.length);
    expect(statedNumber(reliability, /at least (\d+)/)).to.equal(MINIMUM_CASES);
  });
});

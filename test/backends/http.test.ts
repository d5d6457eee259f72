import { expect } from '@open-wc/testing';
import { createHttpClient, joinUrl, segment } from '../../src/backends/http.js';
import { RegistrationError, errorCodeForStatus } from '../../src/core/errors.js';

// These tests are about the HTTP layer itself, so they replace fetch with a recorder.
type Recorded = { url: string; init: RequestInit };
let recorded: Recorded[] = [];
const realFetch = window.fetch;

function answer(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  recorded = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    recorded.push({ url, init });
    return respond(url, init);
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function rejection(promise: Promise<unknown>): Promise<RegistrationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(RegistrationError);
    return error as RegistrationError;
  }
  throw new Error('expected the promise to reject');
}

describe('joinUrl', () => {
  it('joins the base URL and the path with exactly one slash', () => {
    expect(joinUrl('https://id.example.com/', '/v2/users/1')).to.equal('https://id.example.com/v2/users/1');
    expect(joinUrl('https://proxy.example.com/zitadel//', '/v2/x')).to.equal(
      'https://proxy.example.com/zitadel/v2/x',
    );
    expect(joinUrl('', '/v2/x')).to.equal('/v2/x');
  });

  it('adds only the query parameters that have a value', () => {
    expect(
      joinUrl('', '/p', { 'instance.domain': 'a.example', 'organization.orgId': undefined, x: '' }),
    ).to.equal('/p?instance.domain=a.example');
  });
});

describe('errorCodeForStatus', () => {
  const cases: [number, number | undefined, string][] = [
    [400, 3, 'invalid-input'],
    [400, 9, 'invalid-input'],
    [401, 16, 'unauthenticated'],
    [403, 7, 'forbidden'],
    [404, 5, 'not-found'],
    [409, 6, 'server'],
    [422, 3, 'invalid-input'],
    [409, undefined, 'server'],
    [429, 8, 'server'],
    [500, 13, 'server'],
    [501, 12, 'unsupported'],
    [501, undefined, 'unsupported'],
    [405, 12, 'unsupported'],
    [502, undefined, 'server'],
    [503, 14, 'server'],
    [504, 4, 'server'],
  ];
  for (const [status, grpc, code] of cases) {
    it(`maps HTTP ${status} (grpc ${grpc ?? 'none'}) to ${code}`, () => {
      expect(errorCodeForStatus(status, grpc)).to.equal(code);
    });
  }
});

describe('createHttpClient', () => {
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('sends JSON with the bearer token from a string and the credentials mode', async () => {
    answer(() => json(200, { ok: true }));
    const http = createHttpClient({
      baseUrl: 'https://id.example.com',
      token: 'secret-1',
      credentials: 'include',
    });
    const body = await http.request({ method: 'POST', path: '/v2/users/1/passkeys', body: { domain: 'x' } });
    expect(body).to.deep.equal({ ok: true });
    const [{ url, init }] = recorded as [Recorded];
    expect(url).to.equal('https://id.example.com/v2/users/1/passkeys');
    const headers = new Headers(init.headers);
    expect(headers.get('authorization')).to.equal('Bearer secret-1');
    expect(headers.get('content-type')).to.equal('application/json');
    expect(init.credentials).to.equal('include');
    expect(init.body).to.equal('{"domain":"x"}');
  });

  it('asks a token function for a fresh token on every request', async () => {
    answer(() => json(200, {}));
    let calls = 0;
    const http = createHttpClient({ token: async () => `t${++calls}` });
    await http.request({ method: 'POST', path: '/a', body: {} });
    await http.request({ method: 'POST', path: '/b', body: {} });
    expect(recorded.map((r) => new Headers(r.init.headers).get('authorization'))).to.deep.equal([
      'Bearer t1',
      'Bearer t2',
    ]);
  });

  it('sends no authorization header without a token and defaults to same-origin credentials', async () => {
    answer(() => json(200, {}));
    await createHttpClient({}).request({ method: 'POST', path: '/a', body: {} });
    const [{ init }] = recorded as [Recorded];
    expect(new Headers(init.headers).has('authorization')).to.equal(false);
    expect(init.credentials).to.equal('same-origin');
  });

  it('reports unauthenticated when the token function throws', async () => {
    answer(() => json(200, {}));
    const error = await rejection(
      createHttpClient({
        token: () => {
          throw new Error('no session');
        },
      }).request({ method: 'POST', path: '/a' }),
    );
    expect(error.code).to.equal('unauthenticated');
    expect(recorded).to.have.length(0);
  });

  it('reports unauthenticated, before any request and without quoting it, for a token no header can carry', async () => {
    answer(() => json(200, {}));
    const error = await rejection(
      createHttpClient({ token: 'tök€n' }).request({ method: 'POST', path: '/a' }),
    );
    expect(error.code).to.equal('unauthenticated');
    expect(error.message).not.to.contain('tök€n');
    expect(error.cause).to.equal(undefined);
    expect(recorded).to.have.length(0);
  });

  it('reports invalid-input, before any request, for a header value fetch cannot send (an org-id)', async () => {
    answer(() => json(200, {}));
    for (const orgId of ['org\nid', 'Organisation €']) {
      const error = await rejection(
        createHttpClient({}).request({ method: 'POST', path: '/a', headers: { 'x-zitadel-orgid': orgId } }),
      );
      expect(error.code).to.equal('invalid-input');
    }
    expect(recorded).to.have.length(0);
  });

  it('reports invalid-input for an id that is not valid text (a lone surrogate) instead of a URIError', () => {
    expect(segment('100 / ü')).to.equal('100%20%2F%20%C3%BC');
    expect(() => segment('a\uD800'))
      .to.throw(RegistrationError)
      .with.property('code', 'invalid-input');
  });

  it("reads ZITADEL's error body: status, grpc code and message", async () => {
    answer(() => json(404, { code: 5, message: 'User could not be found (COMMAND-uXHNj)', details: [] }));
    const error = await rejection(createHttpClient({}).request({ method: 'POST', path: '/a' }));
    expect(error.code).to.equal('not-found');
    expect(error.status).to.equal(404);
    expect(error.grpcCode).to.equal(5);
    expect(error.serverMessage).to.equal('User could not be found (COMMAND-uXHNj)');
  });

  it('maps an error status even when the body is an HTML page', async () => {
    answer(() => new Response('<html><body>Bad Gateway</body></html>', { status: 502 }));
    const error = await rejection(createHttpClient({}).request({ method: 'POST', path: '/a' }));
    expect(error.code).to.equal('server');
    expect(error.status).to.equal(502);
    expect(error.grpcCode).to.equal(undefined);
  });

  for (const [label, body] of [
    ['not JSON', 'hello'],
    ['empty', ''],
    ['a JSON array', '[1]'],
    ['JSON null', 'null'],
  ] as const) {
    it(`reports bad-response for a 2xx body that is ${label}`, async () => {
      answer(() => new Response(body, { status: 200 }));
      const error = await rejection(createHttpClient({}).request({ method: 'POST', path: '/a' }));
      expect(error.code).to.equal('bad-response');
    });
  }

  it('reports network when fetch fails', async () => {
    answer(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejection(createHttpClient({}).request({ method: 'POST', path: '/a' }));
    expect(error.code).to.equal('network');
  });

  it('reports network when the server does not answer in time', async () => {
    answer(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const error = await rejection(createHttpClient({ timeout: 50 }).request({ method: 'POST', path: '/a' }));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('timed out');
  });

  it("reports aborted when the caller's signal fires", async () => {
    answer(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const controller = new AbortController();
    const pending = createHttpClient({}).request({ method: 'POST', path: '/a', signal: controller.signal });
    setTimeout(() => controller.abort('reset'), 10);
    const error = await rejection(pending);
    expect(error.code).to.equal('aborted');
  });

  describe('the token wait', () => {
    /** A token function that never settles, and counts its calls. */
    function pendingToken() {
      const state = { calls: 0, resolve: (_token: string) => {} };
      const token = () => {
        state.calls += 1;
        return new Promise<string>((resolve) => (state.resolve = resolve));
      };
      return { state, token };
    }

    it('ends in network, with no request, when the token function does not answer within the timeout', async () => {
      answer(() => json(200, {}));
      const { state, token } = pendingToken();
      const error = await rejection(
        createHttpClient({ token, timeout: 50 }).request({ method: 'POST', path: '/a' }),
      );
      expect(error.code).to.equal('network');
      expect(error.message).to.contain('timed out');
      expect(recorded).to.have.length(0);
      expect(state.calls).to.equal(1);
    });

    it("ends in aborted, with no request, when the caller's signal fires during the wait", async () => {
      answer(() => json(200, {}));
      const { state, token } = pendingToken();
      const controller = new AbortController();
      const pending = createHttpClient({ token }).request({
        method: 'POST',
        path: '/a',
        signal: controller.signal,
      });
      setTimeout(() => controller.abort('reset'), 10);
      const error = await rejection(pending);
      expect(error.code).to.equal('aborted');
      // The token arrives after the abort: it is dropped, nothing is sent with it.
      state.resolve('late-token');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(recorded).to.have.length(0);
    });

    it('counts the token wait into the one timeout of the request (no fresh timeout for the fetch)', async () => {
      answer(
        (_url, init) =>
          new Promise<Response>((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          }),
      );
      const started = performance.now();
      const token = () => new Promise<string>((resolve) => setTimeout(() => resolve('t'), 150));
      const error = await rejection(
        createHttpClient({ token, timeout: 200 }).request({ method: 'POST', path: '/a' }),
      );
      expect(error.code).to.equal('network');
      expect(recorded).to.have.length(1);
      // One timeout: about 200 ms in all; a fresh one for the fetch would end near 350 ms.
      expect(performance.now() - started).to.be.below(300);
    });
  });
});

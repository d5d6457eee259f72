import { expect, waitUntil } from '@open-wc/testing';
import type {
  AuthenticatorListElement,
  PasskeyRegisterElement,
  RegistrationLinkAdminElement,
} from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { engine, useVirtualAuthenticator } from '../support/authenticator.js';
import { LinkAdminHarness, ListHarness, RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

type FixtureWindow = Window & typeof globalThis & { cspViolations: string[] };

async function openFixture(
  src = '/test/csp/fixture.html',
  lastTag = 'registration-link-admin',
): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.allow = 'publickey-credentials-create';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FixtureWindow;
  await waitUntil(() => win.customElements.get(lastTag), 'the kit defines its elements');
  return frame;
}

function outcome(target: EventTarget, success: string, failure: string): Promise<Event> {
  return new Promise((resolve, reject) => {
    target.addEventListener(success, resolve, { once: true });
    target.addEventListener(
      failure,
      (event) => reject(new Error(JSON.stringify((event as CustomEvent).detail))),
      {
        once: true,
      },
    );
  });
}

describe('under a strict Content-Security-Policy with Trusted Types', () => {
  let frame: HTMLIFrameElement;
  useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
    frame = await openFixture();
  });

  afterEach(async () => {
    frame.remove();
  });

  it('the policy is in force on the page (eval and innerHTML strings are refused)', () => {
    const win = frame.contentWindow as FixtureWindow;
    expect(() => win.eval('1')).to.throw();
    // A TypeError in every engine, worded each engine’s own way.
    const refusal = engine.name === 'firefox' ? /Sink type mismatch violation blocked by CSP/ : /TrustedHTML/;
    let refused: Error | undefined;
    try {
      win.document.body.innerHTML = '<b>not trusted</b>';
    } catch (error) {
      refused = error as Error;
    }
    expect(refused?.name).to.equal('TypeError');
    expect(refused?.message).to.match(refusal);
    expect(win.document.body.querySelector('b')).to.equal(null);
  });

  it('runs a whole passkey registration and a link with its QR code with zero violations', async () => {
    const win = frame.contentWindow as FixtureWindow;
    const doc = frame.contentDocument!;
    const register = doc.querySelector('passkey-register') as PasskeyRegisterElement;
    register.token = TOKENS.alice;
    const registered = outcome(register, 'registration-success', 'registration-error');
    new RegistrationHarness(register).button.click();
    await registered;
    expect(register.state).to.equal('success');

    const admin = doc.querySelector('registration-link-admin') as RegistrationLinkAdminElement;
    admin.token = TOKENS.admin;
    const created = outcome(admin, 'link-created', 'link-error');
    new LinkAdminHarness(admin).submitButton.click();
    await created;
    await admin.updateComplete;
    expect(new LinkAdminHarness(admin).query('[part~="qr"] path') !== null, 'a QR code').to.equal(true);

    expect(win.cspViolations).to.deep.equal([]);
    expect((await mockApi.registeredOf(USERS.alice.id)).length).to.equal(1);
  });
});

describe('the built bundle (dist/passkey-elements.js) under the same policy', () => {
  let frame: HTMLIFrameElement;
  useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
    frame = await openFixture('/test/csp/dist-fixture.html', 'authenticator-list');
  });

  afterEach(async () => {
    frame.remove();
  });

  it('loads German on demand, registers a passkey and lists it, with zero violations', async () => {
    const win = frame.contentWindow as FixtureWindow;
    const doc = frame.contentDocument!;
    const register = doc.querySelector('passkey-register') as PasskeyRegisterElement;
    const list = doc.querySelector('authenticator-list') as AuthenticatorListElement;
    const harness = new RegistrationHarness(register);
    await waitUntil(() => harness.textOf('button') === 'Passkey erstellen', 'the German chunk loaded', {
      timeout: 5000,
    });

    list.token = TOKENS.alice;
    register.token = TOKENS.alice;
    const registered = outcome(register, 'registration-success', 'registration-error');
    harness.button.click();
    await registered;
    expect(register.state).to.equal('success');
    await new ListHarness(list).waitForRows(1, 'the list shows the new passkey');

    // The kit on this page is the build: its chunks came from dist/, nothing from src/.
    const loaded = win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(loaded.some((path) => path.startsWith('/dist/') && path !== '/dist/passkey-elements.js')).to.equal(
      true,
    );
    expect(loaded.filter((path) => path.startsWith('/src/'))).to.deep.equal([]);
    expect(win.cspViolations).to.deep.equal([]);
    expect((await mockApi.registeredOf(USERS.alice.id)).length).to.equal(1);
    // The policy was in force all along, and the watcher sees a violation (this one comes last).
    expect(() => win.eval('1')).to.throw();
    await waitUntil(() => win.cspViolations.length === 1, 'the watcher records violations');
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import type { PasskeyRegisterElement } from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

type PageWindow = Window & typeof globalThis & { pageErrors: string[] };

describe('dist/passkey-elements.js from a script tag on another origin', () => {
  let frame: HTMLIFrameElement;
  useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
    frame = document.createElement('iframe');
    frame.src = '/test/script-tag/page.html';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
  });

  afterEach(async () => {
    frame.remove();
  });

  it('defines the registering elements, twice without an error, speaks the page’s language and registers a passkey', async () => {
    const win = frame.contentWindow as PageWindow;
    for (const tag of ['passkey-register', 'u2f-register']) {
      await waitUntil(() => win.customElements.get(tag), `${tag} is defined`);
    }
    const element = frame.contentDocument!.querySelector('passkey-register') as PasskeyRegisterElement;
    const harness = new RegistrationHarness(element);
    // German, loaded on demand from beside the bundle, on the other origin.
    await waitUntil(() => harness.textOf('button') === 'Passkey erstellen', 'the German chunk loaded');

    element.token = TOKENS.alice;
    const success = new Promise<CustomEvent>((resolve) =>
      element.addEventListener('registration-success', (event) => resolve(event as CustomEvent), {
        once: true,
      }),
    );
    harness.button.click();
    const { detail } = await success;
    expect(detail.userId).to.equal(USERS.alice.id);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('defines <authenticator-list> and <registration-link-admin> when their tag first appears, not before', async () => {
    const win = frame.contentWindow as PageWindow;
    const doc = frame.contentDocument!;
    await waitUntil(() => win.customElements.get('passkey-register'), 'the bundle ran');
    const loaded = () =>
      win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(win.customElements.get('authenticator-list'), 'no <authenticator-list> on the page yet').to.equal(
      undefined,
    );
    expect(
      loaded().filter((path) => /\/(authenticator-list|registration-link-admin)-/.test(path)),
    ).to.deep.equal([]);

    const list = doc.createElement('authenticator-list');
    list.setAttribute('user-id', USERS.alice.id);
    doc.body.append(list);
    const List = await win.customElements.whenDefined('authenticator-list');
    expect(list).to.be.instanceOf(List);
    await waitUntil(() => list.shadowRoot?.querySelector('[part~="base"]'), 'the list renders');

    // Deep in the page's own markup as well; the other one stays undefined meanwhile.
    expect(win.customElements.get('registration-link-admin')).to.equal(undefined);
    const wrapper = doc.createElement('section');
    wrapper.innerHTML = '<div><registration-link-admin user-id="1"></registration-link-admin></div>';
    doc.body.append(wrapper);
    await win.customElements.whenDefined('registration-link-admin');
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('defines a kit element inside a shadow root of the page’s own when handed the root (discover)', async () => {
    const win = frame.contentWindow as PageWindow & { discovered?: Promise<void> };
    const doc = frame.contentDocument!;
    await waitUntil(() => win.customElements.get('passkey-register'), 'the bundle ran');
    const host = doc.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<authenticator-list user-id="1"></authenticator-list>';
    doc.body.append(host);
    // The document's watcher does not see into the shadow root.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(win.customElements.get('authenticator-list')).to.equal(undefined);

    const bundle = doc.querySelector<HTMLScriptElement>('script[src$="passkey-elements.js"]')!.src;
    (win as unknown as { root: ShadowRoot }).root = root;
    win.discovered = win.eval(
      `import(${JSON.stringify(bundle)}).then((kit) => kit.discover(root))`,
    ) as Promise<void>;
    await win.discovered;
    expect(win.customElements.get('authenticator-list')).to.not.equal(undefined);
    await waitUntil(() => root.querySelector('authenticator-list')?.shadowRoot, 'the list upgraded');
    expect(win.pageErrors).to.deep.equal([]);
  });
});

// Hydration support must load before lit itself: this file imports the kit only after the server's HTML is in.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import { TOKENS, USERS } from '../../mock/seed.js';
import { withVirtualAuthenticator } from '../support/authenticator.js';
import { harnessFor } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';
import { registration } from '../../src/i18n/en/registration.js';

type Rendered = [string, Record<string, string | boolean>];

/** The elements' HTML as `passkey-elements/ssr` renders it on the server (the test server runs it). */
async function renderOnServer(...requests: Rendered[]): Promise<string[]> {
  const response = await fetch(`/__ssr?render=${encodeURIComponent(JSON.stringify(requests))}`);
  if (!response.ok) throw new Error(`/__ssr answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as string[];
}

/** Shadow-DOM markup without Lit's comment markers and styles, for comparing what two renders made. */
function markup(root: ShadowRoot): string {
  const copy = document.createElement('div');
  copy.append(...[...root.childNodes].map((node) => node.cloneNode(true)));
  copy.querySelectorAll('style').forEach((style) => style.remove());
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  // Attribute order is not markup: a server writes bound attributes where the template has them.
  for (const element of copy.querySelectorAll('*')) {
    const attributes = [...element.attributes].map(({ name, value }) => [name, value] as const).sort();
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, value] of attributes) element.setAttribute(name, value);
  }
  // A server render writes `.value=${''}` as `value=""`; the browser sets only the property: the same field.
  return copy.innerHTML
    .replace(/ value=""/g, '')
    .replace(/\s+/g, ' ')
    .replace(/> </g, '><')
    .trim();
}

const css = (text: string) => text.replace(/\s+/g, '');

describe('server-rendered elements (passkey-elements/ssr)', () => {
  let container: HTMLDivElement;

  beforeEach(async () => {
    await mockApi.reset();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('paints the button before any of the kit’s code has run, then hydrates it in place and registers', async () => {
    expect(customElements.get('passkey-register'), 'the kit is not loaded yet').to.equal(undefined);
    const [html] = await renderOnServer(['passkey-register', { 'user-id': USERS.alice.id }]);
    container.setHTMLUnsafe(html!);
    const element = container.querySelector('passkey-register')!;
    const button = harnessFor(element).query('button');
    expect(button, 'the declarative shadow root holds the button').to.be.instanceOf(HTMLButtonElement);
    expect(button!.textContent?.trim()).to.equal('Create a passkey');
    expect(button!.getBoundingClientRect().height, 'styled and laid out at first paint').to.be.greaterThan(
      20,
    );
    expect(getComputedStyle(button!).cursor).to.equal('pointer');

    await import('../../src/passkey-register.js');
    const hydrated = element as import('../../src/passkey-register.js').PasskeyRegisterElement;
    await hydrated.updateComplete;
    expect(
      harnessFor(hydrated).query('button') === button,
      'the same button: hydrated, not re-created',
    ).to.equal(true);

    await withVirtualAuthenticator({}, async () => {
      hydrated.token = TOKENS.alice;
      const success = new Promise<CustomEvent>((resolve) =>
        hydrated.addEventListener('registration-success', (event) => resolve(event as CustomEvent), {
          once: true,
        }),
      );
      button!.click();
      const { detail } = await success;
      expect(detail.userId).to.equal(USERS.alice.id);
      expect(await mockApi.registeredOf(USERS.alice.id)).to.have.length(1);
    });
  });

  it('renders every element with the markup and styles the browser renders', async () => {
    const requests: Rendered[] = [
      ['passkey-register', { 'user-id': USERS.alice.id }],
      ['u2f-register', { 'user-id': USERS.alice.id }],
      ['registration-link-admin', { 'user-id': USERS.bob.id }],
      ['authenticator-list', { 'user-id': USERS.alice.id }],
    ];
    const rendered = await renderOnServer(...requests);
    // Every element's own entry: the test creates them before they are on the page.
    await Promise.all([
      import('../../src/passkey-register.js'),
      import('../../src/u2f-register.js'),
      import('../../src/registration-link-admin.js'),
      import('../../src/authenticator-list.js'),
    ]);
    for (const [index, [tag, attributes]] of requests.entries()) {
      // The server's HTML, parsed but not hydrated: a template element keeps it inert.
      const server = document.createElement('div');
      server.setHTMLUnsafe(`<template>${rendered[index]}</template>`);
      const serverElement = (
        server.firstElementChild as HTMLTemplateElement
      ).content.querySelector<HTMLElement>(tag)!;
      // The parser made the declarative shadow root (template content never upgrades custom elements).
      expect(serverElement.shadowRoot, `${tag} has a declarative shadow root`).to.be.instanceOf(ShadowRoot);
      const serverRoot = harnessFor(serverElement).root;

      // The same element rendered by the browser, before anything asynchronous has changed it.
      const client = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
      for (const [name, value] of Object.entries(attributes)) client.setAttribute(name, String(value));
      container.append(client);
      await client.updateComplete;
      expect(markup(serverRoot), tag).to.equal(markup(harnessFor(client).root));
      const serverStyles = [...serverRoot.querySelectorAll('style')]
        .map((style) => style.textContent)
        .join('');
      const clientStyles = (
        client.constructor as unknown as { elementStyles: { cssText: string }[] }
      ).elementStyles
        .map((style) => style.cssText)
        .join('');
      expect(css(serverStyles), `${tag} styles`).to.equal(css(clientStyles));
      client.remove();
    }
  });
});

describe('a server-rendered landing page (from-url)', () => {
  const startUrl = location.href;
  let container: HTMLDivElement;
  let restore: (() => void) | undefined;

  beforeEach(async () => {
    await mockApi.reset();
    // A code another test file left in this tab (Firefox runs the files in one) would be found again.
    sessionStorage.clear();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    container.remove();
    restore?.();
    restore = undefined;
    history.replaceState(null, '', startUrl);
    sessionStorage.clear();
  });

  /** The server's landing page, put in the page and hydrated (the kit is loaded by now). */
  async function hydrateLandingPage() {
    await import('../../src/passkey-register.js');
    const [html] = await renderOnServer(['passkey-register', { 'from-url': true, 'base-url': '/zitadel' }]);
    container.setHTMLUnsafe(html!);
    const element = container.querySelector('passkey-register')!;
    const hydrated = element as import('../../src/passkey-register.js').PasskeyRegisterElement;
    await hydrated.updateComplete;
    // The note comes in the update after the hydration.
    await new Promise((resolve) => setTimeout(resolve));
    await hydrated.updateComplete;
    return harnessFor(hydrated);
  }

  /** Hydration errors are thrown where nobody awaits them: they reach the window. */
  function watchErrors(): unknown[] {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    restore = () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
    return errors;
  }

  it('hydrates the server’s button, then shows the note where the address has no link', async () => {
    history.replaceState(null, '', `${location.pathname}?userID=${USERS.bob.id}`);
    const errors = watchErrors();
    const harness = await hydrateLandingPage();
    expect(errors).to.deep.equal([]);
    expect(harness.queryAll('[part~="base"]'), 'one tree, hydrated in place').to.have.length(1);
    expect(harness.noteText).to.equal(registration.linkMissing);
    expect(harness.query('button')).to.equal(null);
  });

  it('hydrates, then offers no button in a browser without WebAuthn, the code left in the address', async () => {
    const code = await mockApi.createCode(USERS.bob.id);
    const link = `userID=${USERS.bob.id}&codeID=${code.id}&code=${code.code}`;
    history.replaceState(null, '', `${location.pathname}?${link}`);
    const errors = watchErrors();
    const own = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true });
    const giveBack = restore;
    restore = () => {
      giveBack?.();
      if (own) Object.defineProperty(window, 'PublicKeyCredential', own);
    };
    const harness = await hydrateLandingPage();
    expect(errors).to.deep.equal([]);
    expect(harness.queryAll('[part~="base"]')).to.have.length(1);
    expect(harness.noteText).to.equal(registration.linkNoWebAuthn);
    expect(harness.query('button')).to.equal(null);
    expect(location.search).to.equal(`?${link}`);
  });
});

describe('the server renderer', () => {
  it('escapes attribute values and refuses names that are not attributes', async () => {
    const [html] = await renderOnServer([
      'passkey-register',
      { 'user-id': '"><img src=x onerror=alert(1)>' },
    ]);
    expect(html).to.contain('user-id="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    const response = await fetch(
      `/__ssr?render=${encodeURIComponent(JSON.stringify([['passkey-register', { 'x onload': 'y' }]]))}`,
    );
    expect(response.status).to.equal(500);
    expect(await response.text()).to.contain('is not an attribute name');
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import type { PasskeyRegisterElement } from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { useVirtualAuthenticator } from '../support/authenticator.js';
import { RegistrationHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';

/**
 * What a v2 page downloads, against the built script-tag bundle (`npm run build` first): the files the page
 * fetched (its resource timing entries) up to `registration-success`, checked by their contents, so that no
 * chunk name or split can hide v1, v3alpha or QR-code code in a file with another name.
 */
const BUNDLE = '/dist/passkey-elements.js';
const CODE_OF = {
  'the v1 adapter': /["'`]ZITADEL management v1["'`]/,
  'the v3alpha adapter': /["'`]ZITADEL v3alpha["'`]/,
  'the QR code': /crispEdges/,
  // Their English texts: the two elements a registration page does not have are defined when they appear.
  '<registration-link-admin>': /Create registration link/,
  '<authenticator-list>': /Loading your passkeys/,
};
type Code = keyof typeof CODE_OF;

/** Every file the bundle can ever load (static and dynamic imports, followed from the entry), by URL path. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["']([^"']+)["']/g;

async function everyFileOfTheBundle(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const queue = [BUNDLE];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (files.has(path)) continue;
    const response = await fetch(path);
    expect(response.ok, `${path} is served (run npm run build first)`).to.equal(true);
    const code = await response.text();
    files.set(path, code);
    for (const [, specifier] of code.matchAll(
      /\bimport\s*(?:\(\s*|[^"'`();]*?\bfrom\s*)?["']([^"']+)["']/g,
    )) {
      if (specifier?.startsWith('.')) queue.push(new URL(specifier, new URL(path, location.origin)).pathname);
    }
  }
  return files;
}

const holds = (code: string): Code[] =>
  (Object.keys(CODE_OF) as Code[]).filter((name) => CODE_OF[name].test(code));

describe('the script-tag bundle', () => {
  it('holds in its one file everything that renders the button: it imports no file statically', async () => {
    const code = await (await fetch(BUNDLE)).text();
    const staticImports = [...code.matchAll(STATIC_IMPORT)].map(([, specifier]) => specifier);
    expect(code, 'the bundle defines <passkey-register>').to.include('passkey-register');
    expect(staticImports, 'files the browser could ask for only once the bundle has arrived').to.deep.equal(
      [],
    );
  });
});

describe('a v2 <passkey-register> page of the script-tag bundle', () => {
  let frame: HTMLIFrameElement;
  useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
    frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <script type="module" src="${BUNDLE}"></script></head>
      <body><passkey-register user-id="${USERS.alice.id}"></passkey-register></body></html>`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
  });

  afterEach(async () => {
    frame.remove();
  });

  it('downloads no v1, v3alpha, QR-code, link-admin or list code, and two files after the bundle, up to its first registration', async () => {
    const win = frame.contentWindow as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('passkey-register'), '<passkey-register> is defined');
    const element = frame.contentDocument!.querySelector('passkey-register') as PasskeyRegisterElement;
    await element.updateComplete;
    element.token = TOKENS.alice;
    const success = new Promise((resolve) =>
      element.addEventListener('registration-success', resolve, { once: true }),
    );
    new RegistrationHarness(element).button.click();
    await success;

    const bundle = await everyFileOfTheBundle();
    const fetched = win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => bundle.has(path));
    // The markers are real: the bundle holds each of these codes in some file the page could have loaded.
    const inTheBundle = [...bundle.values()].flatMap(holds);
    expect([...new Set(inTheBundle)].sort()).to.deep.equal((Object.keys(CODE_OF) as Code[]).sort());
    expect(fetched, 'the page fetched the bundle and its chunks').to.include(BUNDLE);
    expect(
      fetched.some((path) => /["'`]ZITADEL v2["'`]/.test(bundle.get(path) ?? '')),
      'the v2 adapter',
    ).to.equal(true);
    const unwanted = fetched.flatMap((path) =>
      holds(bundle.get(path) ?? '').map((code) => `${code} in ${path}`),
    );
    expect(unwanted).to.deep.equal([]);
    // Few files, each a request and its own gzip: the v2 adapter with the HTTP client, and the ceremony.
    expect(
      fetched.filter((path) => path !== BUNDLE).length,
      `files after the bundle: ${fetched.join(', ')}`,
    ).to.be.at.most(2);
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import '../src/authenticator-list.js';
import { RegistrationError } from '../src/index.js';
import type { AuthenticatorInfo, AuthenticatorListElement, RegistrationBackend } from '../src/index.js';
import { list as texts } from '../src/i18n/en/list.js';
import { ListHarness } from './support/harness/index.js';

const LAPTOP: AuthenticatorInfo = { id: '1', kind: 'passkey', name: 'Laptop', state: 'ready' };
const PHONE: AuthenticatorInfo = { id: '2', kind: 'passkey', name: 'Phone', state: 'ready' };

/** A page backend whose answers the test decides: `next` lists, or fails, once `release()` is called. */
function controlledBackend(first: AuthenticatorInfo[]) {
  let answer: () => Promise<AuthenticatorInfo[]> = async () => first;
  let release: () => void = () => undefined;
  const backend: RegistrationBackend = {
    label: 'Test backend',
    listAuthenticators: async () => ({ authenticators: await answer(), unlisted: [] }),
    removeAuthenticator: async () => ({}),
  };
  return {
    backend,
    /** The next list waits for `release()`, then gives `next` or throws it. */
    holdNext(next: AuthenticatorInfo[] | RegistrationError) {
      const released = new Promise<void>((resolve) => (release = resolve));
      answer = async () => {
        await released;
        if (next instanceof RegistrationError) throw next;
        return next;
      };
    },
    release: () => release(),
  };
}

async function listWith(backend: RegistrationBackend): Promise<ListHarness> {
  const element = await fixture<AuthenticatorListElement>(
    html`<authenticator-list user-id="2000100" .backend=${backend}></authenticator-list>`,
  );
  return new ListHarness(element);
}

describe('<authenticator-list> states', () => {
  it('keeps the rows while refreshing, marked busy, and says it is loading', async () => {
    const server = controlledBackend([LAPTOP]);
    const list = await listWith(server.backend);
    await list.waitForNames(['Laptop']);
    expect(list.part('list')!.getAttribute('aria-busy')).to.equal('false');

    server.holdNext([LAPTOP, PHONE]);
    const refreshed = list.element.refresh();
    await list.element.updateComplete;
    expect(list.names, 'the old rows').to.deep.equal(['Laptop']);
    expect(list.part('list')!.getAttribute('aria-busy')).to.equal('true');
    expect(list.statusText).to.equal(texts.listLoading);

    server.release();
    await refreshed;
    await list.element.updateComplete;
    expect(list.names).to.deep.equal(['Laptop', 'Phone']);
    expect(list.part('list')!.getAttribute('aria-busy')).to.equal('false');
    expect(list.statusText).to.equal('');
  });

  it('does not say “none yet” while it is still loading', async () => {
    const server = controlledBackend([]);
    const list = await listWith(server.backend);
    await waitUntil(() => list.has('empty'), 'the empty list');

    server.holdNext([]);
    const refreshed = list.element.refresh();
    await list.element.updateComplete;
    expect(list.statusText).to.equal(texts.listLoading);
    expect(list.has('empty'), '“none yet” beside “Loading…”').to.equal(false);

    server.release();
    await refreshed;
    await list.element.updateComplete;
    expect(list.part('empty')?.textContent?.trim()).to.equal(texts.listEmpty);
  });

  it('offers no Delete beside an authentication error, and offers it again once signed in', async () => {
    const server = controlledBackend([LAPTOP, PHONE]);
    const list = await listWith(server.backend);
    await list.waitForNames(['Laptop', 'Phone']);
    expect(list.parts('delete-button').length).to.equal(2);

    server.holdNext(new RegistrationError('unauthenticated', 'The session has expired'));
    server.release();
    await list.element.refresh().catch(() => undefined);
    await list.element.updateComplete;
    expect(list.has('message'), 'the error').to.equal(true);
    expect(list.names, 'the rows stay').to.deep.equal(['Laptop', 'Phone']);
    expect(list.parts('delete-button').length, 'Delete buttons').to.equal(0);

    server.holdNext([LAPTOP, PHONE]);
    server.release();
    await list.element.refresh();
    await list.element.updateComplete;
    expect(list.parts('delete-button').length).to.equal(2);
  });

  it("draws a row's Delete as a quiet button: no fill, a border in the text colour", async () => {
    const list = await listWith(controlledBackend([LAPTOP, PHONE]).backend);
    await list.waitForNames(['Laptop', 'Phone']);
    for (const button of list.parts('delete-button')) {
      const style = getComputedStyle(button);
      expect(style.backgroundColor, 'no fill').to.equal('rgba(0, 0, 0, 0)');
      expect(style.borderTopStyle).to.equal('solid');
      expect(style.borderTopColor, 'a border that shows').to.equal(style.color);
    }
  });

  it('draws the confirmed Delete as destructive (--pk-danger-color) and Cancel as the secondary button', async () => {
    const list = await listWith(controlledBackend([LAPTOP]).backend);
    await list.waitForNames(['Laptop']);
    const accent = getComputedStyle(list.part('delete-button')!).backgroundColor;
    list.part('delete-button')!.click();
    await list.element.updateComplete;

    const confirm = getComputedStyle(list.part('confirm-button')!);
    const cancel = getComputedStyle(list.part('cancel-button')!);
    expect(confirm.backgroundColor, 'the default danger colour').to.equal('rgb(179, 38, 30)');
    expect(confirm.backgroundColor).not.to.equal(accent);
    expect(cancel.backgroundColor, 'Cancel has no fill').to.equal('rgba(0, 0, 0, 0)');
    expect(cancel.borderTopStyle).to.equal('solid');

    list.element.style.setProperty('--pk-danger-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(list.part('confirm-button')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

describe('<authenticator-list> after a list that could not load', () => {
  it('does not say "none yet" beside the error that says the list could not be read', async () => {
    let fail = false;
    const element = await fixture<AuthenticatorListElement>(
      html`<authenticator-list user-id="1"></authenticator-list>`,
    );
    element.backend = {
      label: 'Flaky server',
      listAuthenticators: async () => {
        if (fail) throw new RegistrationError('server', 'the list failed');
        return { authenticators: [], unlisted: [] };
      },
    };
    const harness = new ListHarness(element);
    await harness.waitForPart('empty', 'an empty list first');
    fail = true;
    await element.refresh().catch(() => undefined);
    await element.updateComplete;
    expect(harness.messageText).not.to.equal('');
    // A boolean, not the element: a failed assertion on an element disconnects Firefox's session.
    expect(harness.isEmpty, 'no "none yet" beside the error').to.equal(false);
  });
});

describe('<authenticator-list> with the names people and devices give', () => {
  it('names a passkey or key stored without a name by its kind, in the row, its Delete and its status', async () => {
    const unnamed: AuthenticatorInfo[] = [
      { id: '7', kind: 'passkey', name: '', state: 'ready' },
      { id: '8', kind: 'u2f', name: ' ', state: 'ready' },
    ];
    const list = await listWith(controlledBackend(unnamed).backend);
    await list.waitForNames([texts.listUnnamedPasskey, texts.listUnnamedU2f]);
    expect(list.deleteButton(texts.listUnnamedPasskey).getAttribute('aria-label')).to.equal(
      texts.listDeleteLabel(texts.listUnnamedPasskey),
    );
    const removed = await list.deleteAndWait(texts.listUnnamedPasskey);
    expect(removed.detail.name, 'the event carries the stored name').to.equal('');
    expect(list.statusText).to.equal(texts.listRemoved(texts.listUnnamedPasskey));
  });

  it('wraps a long name without spaces at 390 px, in the row, its confirmation and its status', async () => {
    const long = 'ThinkPadX1CarbonGen11WorkLaptopOffice'.repeat(3);
    const element = await fixture<AuthenticatorListElement>(
      html`<div style="width: 390px"><authenticator-list user-id="2000100"></authenticator-list></div>`,
    ).then((parent) => parent.querySelector('authenticator-list')!);
    element.backend = controlledBackend([{ ...LAPTOP, name: long }]).backend;
    const list = new ListHarness(element);
    await list.waitForNames([long]);
    const fits = () => element.scrollWidth <= 390 && element.getBoundingClientRect().width <= 390;
    expect(fits(), 'the row').to.equal(true);
    const confirmation = await list.askToDelete(long);
    expect(fits(), 'the confirmation').to.equal(true);
    list.part<HTMLButtonElement>('confirm-button', confirmation)!.click();
    await waitUntil(() => list.statusText === texts.listRemoved(long), 'the deleted status');
    expect(fits(), 'the status').to.equal(true);
  });

  it('keeps an empty status line out of the layout: no gap after the last row', async () => {
    const list = await listWith(controlledBackend([LAPTOP]).backend);
    await list.waitForNames(['Laptop']);
    const status = list.part('status')!;
    expect(status.textContent?.trim()).to.equal('');
    expect(getComputedStyle(status).position).to.equal('absolute');
    const base = list.part('base')!.getBoundingClientRect();
    const rows = list.part('list')!.getBoundingClientRect();
    expect(Math.round(base.bottom)).to.equal(Math.round(rows.bottom));
  });
});

describe('<authenticator-list> while a deletion runs', () => {
  it('shows the busy ring in the confirmed Delete, at full contrast, and the row goes when it is done', async () => {
    let finish: () => void = () => undefined;
    const backend: RegistrationBackend = {
      label: 'Test backend',
      listAuthenticators: async () => ({ authenticators: [LAPTOP], unlisted: [] }),
      removeAuthenticator: () => new Promise((resolve) => (finish = () => resolve({}))),
    };
    const list = await listWith(backend);
    await list.waitForNames(['Laptop']);
    await list.confirmDelete('Laptop');
    await list.element.updateComplete;
    const confirm = list.part<HTMLButtonElement>('confirm-button')!;
    expect(confirm.getAttribute('aria-busy')).to.equal('true');
    expect(list.part('progress', confirm), 'the ring').not.to.equal(null);
    expect(getComputedStyle(confirm).opacity, 'no fade: the label keeps its contrast').to.equal('1');
    finish();
    await list.waitForNames([]);
  });
});

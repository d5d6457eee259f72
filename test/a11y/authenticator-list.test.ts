import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import '../../src/authenticator-list.js';
import type { AuthenticatorListElement } from '../../src/index.js';
import type { ErrorCode } from '../../src/core/errors.js';
import { list as texts } from '../../src/i18n/en/list.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { ListHarness } from '../support/harness/index.js';
import { registerPasskey } from '../support/register-passkey.js';
import { mockApi } from '../support/mock-api.js';
import {
  accessibleName,
  expectAlert,
  expectPoliteStatus,
  focused,
  focusMovesTo,
  focusedPart,
  pressChord,
  tabTo,
} from '../support/a11y.js';

interface ListSettings {
  userId?: string;
  token?: string;
  api?: 'v1' | 'v2';
  baseUrl?: string;
}

/** Every way listing can fail that the person sees, one per error family. */
const FAILURES: [ErrorCode, ListSettings, (() => Promise<unknown>)?][] = [
  ['invalid-input', { userId: '' }],
  ['unsupported', { api: 'v1' }],
  ['unauthenticated', { token: 'expired-token' }],
  ['forbidden', {}, () => mockApi.fault({ rpc: 'ListPasskeys', status: 403 })],
  ['not-found', {}, () => mockApi.fault({ rpc: 'ListPasskeys', status: 404 })],
  // Nothing listens on port 1: fetch fails, as when the network is down.
  ['network', { baseUrl: 'http://localhost:1' }],
  ['server', {}, () => mockApi.fault({ rpc: 'ListPasskeys', status: 500 })],
  ['bad-response', {}, () => mockApi.fault({ rpc: 'ListPasskeys', status: 200, body: 'not json' })],
];

describe('accessibility of <authenticator-list>', () => {
  let element: AuthenticatorListElement;

  /** The list with its token set before it connects, so its first request is the one under test. */
  async function render(settings: ListSettings = {}): Promise<AuthenticatorListElement> {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    element = document.createElement('authenticator-list');
    element.userId = settings.userId ?? USERS.alice.id;
    element.token = settings.token ?? TOKENS.alice;
    if (settings.api) element.api = settings.api;
    if (settings.baseUrl) element.baseUrl = settings.baseUrl;
    parent.append(element);
    await element.updateComplete;
    return element;
  }

  const part = (name: string) => new ListHarness(element).part(name);
  const parts = (name: string) => new ListHarness(element).parts(name);
  const loaded = () =>
    waitUntil(
      () => (part('list') || part('empty') || part('message')) && !part('status')!.textContent?.trim(),
      'loaded',
    );

  beforeEach(async () => {
    await mockApi.reset();
  });

  it('passes axe while loading, and announces it politely', async () => {
    await mockApi.fault({ rpc: 'ListPasskeys', hang: true });
    await render();
    await waitUntil(() => part('status')!.textContent?.trim(), 'loading');
    await expect(element).to.be.accessible();
    expectPoliteStatus(element, texts.listLoading);
    element.remove();
  });

  it('passes axe when empty, saying so in its own part', async () => {
    await render();
    await loaded();
    await expect(element).to.be.accessible();
    expect(part('empty')?.textContent?.trim()).to.equal(texts.listEmpty);
    expect(part('list')).to.be.null;
  });

  describe('with passkeys', () => {
    beforeEach(async () => {
      await registerPasskey('Laptop');
      await registerPasskey('Phone');
      await render();
      await loaded();
    });

    it('passes axe, and names each delete button after its passkey', async () => {
      await expect(element).to.be.accessible();
      expect(parts('delete-button').map(accessibleName)).to.deep.equal([
        texts.listDeleteLabel('Laptop'),
        texts.listDeleteLabel('Phone'),
      ]);
    });

    it('asks before deleting: the confirmation passes axe, takes the focus, and Cancel returns it', async () => {
      const del = await tabTo(element, (c) => c.part.contains('delete-button'), 'a delete button');
      expect(accessibleName(del)).to.equal(texts.listDeleteLabel('Laptop'));
      await sendKeys({ press: 'Enter' });
      await focusMovesTo(element, 'cancel-button');
      await expect(element).to.be.accessible();
      const group = part('confirm')!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(group.getAttribute('aria-label')).to.equal(texts.listDeleteLabel('Laptop'));
      expect(group.textContent).to.contain(texts.listConfirm('Laptop'));

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !part('confirm'), 'the confirmation is gone');
      await waitUntil(() => focused(element) === parts('delete-button')[0], 'focus back on Laptop’s Delete');
      expect((await mockApi.requests()).map((r) => r.rpc)).not.to.include('RemovePasskey');

      // The same for the second passkey: the focus returns to its own button, not the first one.
      await sendKeys({ press: 'Tab' });
      expect(accessibleName(focused(element)!)).to.equal(texts.listDeleteLabel('Phone'));
      await sendKeys({ press: 'Space' });
      await focusMovesTo(element, 'cancel-button');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => focused(element) === parts('delete-button')[1], 'focus back on Phone’s Delete');
    });

    it('closes the confirmation with Escape, from Cancel or from Delete, and returns the focus to that row’s Delete', async () => {
      await tabTo(element, (c) => c.part.contains('delete-button'), 'a delete button');
      await sendKeys({ press: 'Tab' });
      expect(accessibleName(focused(element)!)).to.equal(texts.listDeleteLabel('Phone'));
      await sendKeys({ press: 'Enter' });
      await focusMovesTo(element, 'cancel-button');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part('confirm'), 'the confirmation is gone');
      await waitUntil(() => focused(element) === parts('delete-button')[1], 'focus back on Phone’s Delete');

      await sendKeys({ press: 'Enter' });
      await focusMovesTo(element, 'cancel-button');
      await pressChord('Shift+Tab');
      expect(focusedPart(element)).to.contain('confirm-button');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part('confirm'), 'the confirmation is gone again');
      await waitUntil(() => focused(element) === parts('delete-button')[1], 'focus back on Phone’s Delete');
      expect((await mockApi.requests()).map((r) => r.rpc)).not.to.include('RemovePasskey');
    });

    it('describes the confirmation by its question, so the warning is read when the focus lands on Cancel', async () => {
      parts('delete-button')[0]!.focus();
      parts('delete-button')[0]!.click();
      await focusMovesTo(element, 'cancel-button');
      const ids = part('confirm')!.getAttribute('aria-describedby')?.split(' ') ?? [];
      expect(ids, 'aria-describedby of the confirmation').not.to.be.empty;
      const description = ids
        .map((id) => new ListHarness(element).query(`#${id}`)?.textContent?.trim() ?? '')
        .join(' ');
      expect(description).to.equal(texts.listConfirm('Laptop'));
      await expect(element).to.be.accessible();
    });

    it('deletes with the keyboard alone, announces it politely and moves focus to the announcement', async () => {
      await tabTo(element, (c) => c.part.contains('delete-button'), 'a delete button');
      await sendKeys({ press: 'Enter' });
      await focusMovesTo(element, 'cancel-button');
      await pressChord('Shift+Tab');
      expect(focusedPart(element)).to.contain('confirm-button');
      const removed = oneEvent(element, 'authenticator-removed');
      await sendKeys({ press: 'Enter' });
      expect((await removed).detail.name).to.equal('Laptop');
      await focusMovesTo(element, 'status');
      expectPoliteStatus(element, texts.listRemoved('Laptop'));
      await expect(element).to.be.accessible();
      expect(parts('name').map((name) => name.textContent)).to.deep.equal(['Phone']);
      // The keyboard goes on from the announcement… back to the remaining passkey, with Shift+Tab.
      await pressChord('Shift+Tab');
      expect(accessibleName(focused(element)!)).to.equal(texts.listDeleteLabel('Phone'));
    });

    it('while deleting: stays busy, passes axe, and its buttons keep their names', async () => {
      await mockApi.fault({ rpc: 'RemovePasskey', hang: true });
      parts('delete-button')[0]!.click();
      await element.updateComplete;
      const confirm = part('confirm-button')!;
      confirm.focus();
      confirm.click();
      await waitUntil(() => confirm.getAttribute('aria-busy') === 'true', 'busy');
      expectPoliteStatus(element, texts.listDeleting('Laptop'));
      await expect(element).to.be.accessible();
      expect(accessibleName(confirm)).to.equal(texts.listConfirmButton);
      expect(confirm.getAttribute('aria-disabled')).to.equal('true');
      expect(part('cancel-button')!.getAttribute('aria-disabled')).to.equal('true');
      expect(focused(element)).to.equal(confirm);
      // The Delete button does not come back while the request runs, and nothing starts twice.
      expect(parts('item')[0]!.querySelector('[part~="delete-button"]')).to.be.null;
      expect(parts('delete-button').map((b) => b.getAttribute('aria-disabled'))).to.deep.equal(['true']);
      confirm.click();
      part('cancel-button')!.click();
      parts('delete-button')[0]!.click();
      // Time for a second request to reach the mock, were one sent.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await element.updateComplete;
      expect(part('confirm')?.getAttribute('aria-label')).to.equal(texts.listDeleteLabel('Laptop'));
      expect(part('confirm-button')?.getAttribute('aria-busy')).to.equal('true');
      expect((await mockApi.requests()).filter((r) => r.rpc === 'RemovePasskey')).to.have.length(1);
      element.remove();
    });

    it('when deleting fails: the alert passes axe and takes the focus, and Delete comes back', async () => {
      await mockApi.fault({ rpc: 'RemovePasskey', status: 403 });
      parts('delete-button')[0]!.click();
      await element.updateComplete;
      part('confirm-button')!.focus();
      const failed = oneEvent(element, 'list-error');
      part('confirm-button')!.click();
      expect((await failed).detail.code).to.equal('forbidden');
      await focusMovesTo(element, 'message');
      await expect(element).to.be.accessible();
      expectAlert(element);
      expect(parts('delete-button').map((b) => b.getAttribute('aria-disabled'))).to.deep.equal([
        'false',
        'false',
      ]);
      expect(parts('item')).to.have.length(2);
    });
  });

  for (const [code, settings, arrange] of FAILURES) {
    it(`after ${code} when listing: passes axe and shows an alert`, async () => {
      await arrange?.();
      const failed = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('list-error', resolve, { once: true }),
      );
      await render(settings);
      expect((await failed).detail.code).to.equal(code);
      await element.updateComplete;
      await expect(element).to.be.accessible();
      expectAlert(element);
      expectPoliteStatus(element, '');
    });
  }
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/registration-link-admin.js';
import type { RegistrationLinkAdminElement } from '../../src/registration-link-admin.js';
import type { ErrorCode } from '../../src/core/errors.js';
import { link as texts } from '../../src/i18n/en/link.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { grantClipboard, recordClipboardWrites } from '../support/clipboard.js';
import { engine } from '../support/engine.js';
import { LinkAdminHarness } from '../support/harness/index.js';
import { mockApi } from '../support/mock-api.js';
import {
  accessibleName,
  expectAlert,
  expectPoliteStatus,
  focused,
  focusMovesTo,
  focusedPart,
  tabTo,
  tabToPart,
  typeText,
} from '../support/a11y.js';

const LANDING = 'https://app.example.com/register?userID={{.UserID}}&code={{.Code}}&codeID={{.CodeID}}';
const RPC = 'CreatePasskeyRegistrationLink';

/** Every way creating a link can fail that the administrator sees, one per error family. */
const FAILURES: [ErrorCode, (element: RegistrationLinkAdminElement) => Promise<unknown>][] = [
  // ZITADEL's 400 for a request it cannot take (a template error is said at its field: tested below).
  [
    'invalid-input',
    () => mockApi.fault({ rpc: RPC, status: 400, body: '{"code":3,"message":"invalid request"}' }),
  ],
  ['unsupported', async (element) => (element.backend = { label: 'Custom server' })],
  ['unauthenticated', async (element) => (element.token = 'expired-token')],
  ['forbidden', async (element) => (element.token = TOKENS.alice)],
  ['not-found', async (element) => (element.userId = '199999999999999999')],
  // Nothing listens on port 1: fetch fails, as when the network is down.
  ['network', async (element) => (element.baseUrl = 'http://localhost:1')],
  ['server', () => mockApi.fault({ rpc: RPC, status: 500 })],
  ['bad-response', () => mockApi.fault({ rpc: RPC, status: 200, body: 'not json' })],
];

describe('accessibility of <registration-link-admin>', () => {
  let element: RegistrationLinkAdminElement;
  let harness: LinkAdminHarness;

  /** The form for bob, or with `null` the form that asks for the user. */
  async function render(userId: string | null = USERS.bob.id) {
    element = await fixture<RegistrationLinkAdminElement>(
      userId
        ? html`<registration-link-admin user-id=${userId} link-template=${LANDING}></registration-link-admin>`
        : html`<registration-link-admin link-template=${LANDING}></registration-link-admin>`,
    );
    element.token = TOKENS.admin;
    harness = new LinkAdminHarness(element);
  }

  const submitButton = () => harness.submitButton;
  /** The name an input gets from its labels: their text (what a screen reader reads as the field's name). */
  const labelText = (input: HTMLInputElement) =>
    [...(input.labels ?? [])].map((label) => label.textContent?.replace(/\s+/g, ' ').trim()).join(' ');
  /** The text of what `aria-describedby` points to, in its order. */
  const describedBy = (input: HTMLInputElement) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => harness.query(`#${id}`)?.textContent?.trim() ?? '')
      .join(' ');

  beforeEach(async () => {
    await mockApi.reset();
    await render();
  });

  /** Presses a key on what has the focus and waits for the outcome event. */
  async function pressAndWait(key: 'Enter' | 'Space', outcome: 'link-created' | 'link-error') {
    const created = oneEvent(element, 'link-created');
    const failed = oneEvent(element, 'link-error');
    await sendKeys({ press: key });
    const event = (await Promise.race([created, failed])) as CustomEvent<{ code?: string }>;
    expect(event.type, JSON.stringify(event.detail)).to.equal(outcome);
    await element.updateComplete;
    return event;
  }

  it('passes axe with its form, with and without the user field', async () => {
    await expect(element).to.be.accessible();
    await render(null);
    await expect(element).to.be.accessible();
    expect(labelText(harness.input('userId'))).to.equal(texts.linkUserIdLabel);
  });

  it('names the template field by its label alone; its hint, and its error, only describe it', async () => {
    const input = harness.input('linkTemplate');
    expect(labelText(input)).to.equal(texts.linkTemplateLabel);
    expect(describedBy(input)).to.equal(texts.linkTemplateHint);

    element.linkTemplate = 'javascript:alert(1)//{{.Code}}';
    await element.updateComplete;
    submitButton().focus();
    await pressAndWait('Enter', 'link-error');
    await focusMovesTo(element, 'input');
    expect(labelText(input), 'the error is not part of the name').to.equal(texts.linkTemplateLabel);
    expect(describedBy(input)).to.equal(`${texts.linkTemplateHint} ${texts.linkTemplateInvalid}`);
  });

  it('with an empty User ID: says so at the field (an alert), marks it invalid, focuses it, and sends nothing', async () => {
    await render(null);
    const input = harness.input('userId');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    submitButton().focus();
    const { detail } = (await pressAndWait('Enter', 'link-error')) as CustomEvent<{
      code: string;
      message: string;
    }>;
    expect(detail).to.include({ code: 'invalid-input', message: texts.linkUserIdMissing });
    await waitUntil(() => focused(element) === input, 'focus on the User ID field');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(input)).to.equal(texts.linkUserIdMissing);
    expect(harness.part('field-error')?.getAttribute('role')).to.equal('alert');
    expect(labelText(input), 'the error is not part of the name').to.equal(texts.linkUserIdLabel);
    // Said once, at the field: not again in the message below the form.
    expect(harness.has('message')).to.equal(false);
    await expect(element).to.be.accessible();
    expect(await mockApi.requests()).to.have.length(0);

    // Typing mends it: the error goes, and the form works.
    await typeText(USERS.carol.id);
    await element.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(harness.has('field-error')).to.equal(false);
    await pressAndWait('Enter', 'link-created');
  });

  it('passes axe while creating, announces it politely, and the busy button keeps its name', async () => {
    await mockApi.fault({ rpc: RPC, hang: true });
    const name = accessibleName(submitButton());
    const pending = element.create().catch(() => undefined);
    await waitUntil(() => submitButton().getAttribute('aria-disabled') === 'true', 'busy');
    await expect(element).to.be.accessible();
    expectPoliteStatus(element, texts.linkCreating);
    expect(accessibleName(submitButton())).to.equal(name);
    expect(submitButton().getAttribute('aria-busy')).to.equal('true');
    // A second press while it runs starts nothing new.
    submitButton().focus();
    await sendKeys({ press: 'Enter' });
    expect((await mockApi.requests()).filter((r) => r.rpc === RPC)).to.have.length(1);
    element.remove();
    await pending;
  });

  it('is filled in and submitted with the keyboard alone', async () => {
    await render(null);
    await tabToPart(element, 'input');
    expect(focused(element)?.getAttribute('name')).to.equal('userId');
    await typeText(USERS.carol.id);

    // The delivery radios are one tab stop; the arrow keys choose.
    await sendKeys({ press: 'Tab' });
    expect(focused(element)).to.have.property('value', 'return');
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(element.delivery).to.equal('email');
    await sendKeys({ press: 'ArrowUp' });
    await element.updateComplete;
    expect(element.delivery).to.equal('return');

    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.getAttribute('name')).to.equal('linkTemplate');
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(element)).to.equal('button');
    const { detail } = (await pressAndWait('Enter', 'link-created')) as CustomEvent<{ userId: string }>;
    expect(detail.userId).to.equal(USERS.carol.id);
  });

  it('with a returned code: moves focus to the result, which passes axe, and the link and copy button work by keyboard', async () => {
    if (engine.canGrantClipboard) await grantClipboard();
    submitButton().focus();
    const { detail } = (await pressAndWait('Enter', 'link-created')) as CustomEvent<{ link: string }>;
    await focusMovesTo(element, 'status');
    expectPoliteStatus(element, texts.linkCreated);
    await expect(element).to.be.accessible();
    const qr = harness.part('qr')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal(texts.linkQrLabel);

    // From the result the keyboard goes on to the link, then to the copy button.
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(element)).to.equal('link');
    expect(harness.link!.textContent?.trim()).to.equal(detail.link);
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(element)).to.contain('copy-button');
    expect(accessibleName(focused(element)!)).to.equal(texts.linkCopy);
    const writes = recordClipboardWrites();
    try {
      await sendKeys({ press: 'Enter' });
      const copied = harness.part('result')!.querySelector('[part~="hint"][role="status"]')!;
      await waitUntil(() => copied.textContent?.trim() === texts.linkCopied, 'the copy is announced');
      expect(copied.getAttribute('aria-live')).to.equal('polite');
    } finally {
      writes.restore();
    }
    expect(writes.texts, 'what the kit wrote').to.deep.equal([detail.link]);
    if (engine.canGrantClipboard) expect(await navigator.clipboard.readText()).to.equal(detail.link);
    await expect(element).to.be.accessible();
  });

  it('when emailed: chosen and submitted by keyboard, the result is announced and focused', async () => {
    await tabTo(element, (control) => control.getAttribute('type') === 'radio', 'the delivery radios');
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(element.delivery).to.equal('email');
    await tabToPart(element, 'button');
    await pressAndWait('Space', 'link-created');
    await focusMovesTo(element, 'status');
    expectPoliteStatus(element, texts.linkEmailed);
    expect(harness.part('result')).to.be.null;
    await expect(element).to.be.accessible();
  });

  for (const [code, arrange] of FAILURES) {
    it(`after ${code}: passes axe, shows an alert and moves focus to it; the button keeps its name`, async () => {
      await arrange(element);
      await element.updateComplete;
      submitButton().focus();
      const { detail } = (await pressAndWait('Enter', 'link-error')) as CustomEvent<{ code: string }>;
      expect(detail.code).to.equal(code);
      await focusMovesTo(element, 'message');
      await expect(element).to.be.accessible();
      expectAlert(element);
      expect(accessibleName(submitButton())).to.equal(texts.linkCreateButton);
      expect(submitButton().getAttribute('aria-disabled')).to.equal('false');
    });
  }

  it('after a template it cannot use: passes axe, says why at the field (an alert) and moves focus to the field', async () => {
    element.linkTemplate = 'javascript:alert(1)//{{.Code}}';
    await element.updateComplete;
    submitButton().focus();
    const { detail } = (await pressAndWait('Enter', 'link-error')) as CustomEvent<{ code: string }>;
    expect(detail.code).to.equal('invalid-input');
    await focusMovesTo(element, 'input');
    const error = harness.part('field-error');
    expect(error?.getAttribute('role')).to.equal('alert');
    expect(error?.textContent?.trim()).to.equal(texts.linkTemplateInvalid);
    await expect(element).to.be.accessible();
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import '../src/registration-link-admin.js';
import type { RegistrationLinkAdminElement } from '../src/index.js';
import { INSTANCE, TOKENS, USERS } from '../mock/seed.js';
import { grantClipboard, recordClipboardWrites } from './support/clipboard.js';
import { engine } from './support/engine.js';
import { LinkAdminHarness } from './support/harness/index.js';
import { LANDING, linkAdmin } from './support/link-admin-fixture.js';
import { mockApi } from './support/mock-api.js';
import { decodeQrSvg } from './support/qr.js';
import { link } from '../src/i18n/en/link.js';

async function fetchJson(path: string): Promise<unknown> {
  return (await fetch(path)).json();
}

describe('<registration-link-admin>', () => {
  beforeEach(async () => {
    await mockApi.reset();
    // ZITADEL v4 answers v3alpha with 501 (tested in test/backends/); the mock plays it as the protos describe.
    await mockApi.configure({ v3alpha: 'implemented' });
  });

  describe('sends exactly the body each API expects', () => {
    it('v2, return: CreatePasskeyRegistrationLink with returnCode, and fills the template', async () => {
      const { harness } = await linkAdmin();
      const { detail } = await harness.submitAndWait('link-created');

      const [request] = await mockApi.requests();
      expect(request).to.deep.include({
        rpc: 'CreatePasskeyRegistrationLink',
        method: 'POST',
        path: `/v2/users/${USERS.bob.id}/passkeys/registration_link`,
        body: { returnCode: {} },
      });
      expect(detail.delivery).to.equal('return');
      expect(detail.codeId).to.be.a('string');
      expect(detail.link).to.equal(
        `https://app.example.com/register?userID=${USERS.bob.id}&orgID=${USERS.bob.orgId}` +
          `&codeID=${detail.codeId}&code=${encodeURIComponent(detail.code!)}`,
      );
      expect(harness.link!.href).to.equal(detail.link);
      expect(harness.link!.textContent).to.equal(detail.link);
    });

    it('v2, email with a template: sendLink.urlTemplate, and ZITADEL sends the filled link', async () => {
      const { harness } = await linkAdmin();
      await harness.chooseDelivery('email');
      const { detail } = await harness.submitAndWait('link-created');

      const [request] = await mockApi.requests();
      expect(request!.body).to.deep.equal({ sendLink: { urlTemplate: LANDING } });
      expect(detail).to.include({ delivery: 'email', userId: USERS.bob.id });
      expect(detail.link).to.equal(undefined);
      const outbox = (await fetchJson('/__mock/outbox')) as { to: string; link: string }[];
      expect(outbox).to.have.length(1);
      expect(outbox[0]!.to).to.equal(USERS.bob.userName);
      expect(outbox[0]!.link).to.match(/^https:\/\/app\.example\.com\/register\?userID=100000000000000002&/);
      expect(harness.statusText).to.contain('email');
      expect(harness.link).to.equal(null);
    });

    it('v2, email without a template: an empty sendLink', async () => {
      const { element, harness } = await linkAdmin();
      element.linkTemplate = '';
      element.delivery = 'email';
      await harness.submitAndWait('link-created');
      expect((await mockApi.requests())[0]!.body).to.deep.equal({ sendLink: {} });
    });

    it('v3alpha, return: CreateWebAuthNRegistrationLink with organization and instance in the body', async () => {
      const { element, harness } = await linkAdmin({ api: 'v3alpha', orgId: USERS.bob.orgId });
      element.instanceDomain = INSTANCE.domain;
      const { detail } = await harness.submitAndWait('link-created');
      const [request] = await mockApi.requests();
      expect(request).to.deep.include({
        rpc: 'CreateWebAuthNRegistrationLink',
        path: `/resources/v3alpha/users/${USERS.bob.id}/webauthn/registration_link`,
        body: {
          instance: { domain: INSTANCE.domain },
          organization: { orgId: USERS.bob.orgId },
          returnCode: {},
        },
      });
      expect(detail.link).to.contain(`codeID=${detail.codeId}`);
    });

    it('v3alpha, email: sendLink with the template', async () => {
      const { harness } = await linkAdmin({ api: 'v3alpha' });
      await harness.chooseDelivery('email');
      await harness.submitAndWait('link-created');
      expect((await mockApi.requests())[0]!.body).to.deep.equal({ sendLink: { urlTemplate: LANDING } });
    });

    it('v1, return: AddPasswordlessRegistration with x-zitadel-orgid, showing the link and its expiry', async () => {
      const { element, harness } = await linkAdmin({ api: 'v1', orgId: USERS.bob.orgId });
      element.lang = 'de-DE';
      const { detail } = await harness.submitAndWait('link-created');
      const [request] = await mockApi.requests();
      expect(request).to.deep.include({
        rpc: 'AddPasswordlessRegistration',
        path: `/management/v1/users/${USERS.bob.id}/passwordless/_link`,
        body: {},
      });
      expect(request!.headers['x-zitadel-orgid']).to.equal(USERS.bob.orgId);
      expect(detail.link).to.match(/\/ui\/login\/login\/passwordless\/init\?/);
      expect(harness.link!.href).to.equal(detail.link);
      const expiration = new Date(detail.expiration!);
      expect(expiration.getTime()).to.be.greaterThan(Date.now());
      const shown = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(
        expiration,
      );
      expect(harness.part('expiration')!.textContent).to.contain(shown);
    });

    it('v1, email: SendPasswordlessRegistration, with no template (v1 has none)', async () => {
      const { element, harness } = await linkAdmin({ api: 'v1', orgId: USERS.bob.orgId });
      element.linkTemplate = '';
      await harness.chooseDelivery('email');
      await harness.submitAndWait('link-created');
      const [request] = await mockApi.requests();
      expect(request).to.deep.include({
        rpc: 'SendPasswordlessRegistration',
        path: `/management/v1/users/${USERS.bob.id}/passwordless/_send_link`,
        body: {},
      });
      expect(request!.headers['x-zitadel-orgid']).to.equal(USERS.bob.orgId);
    });
  });

  describe('v1, which has no URL template', () => {
    it('offers no link-template field, where v2 does', async () => {
      const { harness: v2 } = await linkAdmin({ api: 'v2' });
      expect(v2.offersTemplate, 'v2').to.equal(true);
      const { harness: v1 } = await linkAdmin({ api: 'v1', orgId: USERS.bob.orgId });
      expect(v1.offersTemplate, 'v1').to.equal(false);
      await v1.chooseDelivery('email');
      expect(v1.offersTemplate, 'v1, email').to.equal(false);
    });

    it('refuses email with a link-template: one invalid-input, saying why, and no request', async () => {
      const { element, harness } = await linkAdmin({ api: 'v1', orgId: USERS.bob.orgId });
      const errors: CustomEvent[] = [];
      element.addEventListener('link-error', (event) => errors.push(event));
      await harness.chooseDelivery('email');
      const { detail } = await harness.submitAndWait('link-error');
      expect(detail).to.include({ kind: 'link', code: 'invalid-input', message: link.linkTemplateV1 });
      expect(harness.messageText).to.equal(link.linkTemplateV1);
      // Time for a request to reach the mock, were one sent.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors).to.have.length(1);
      expect(await mockApi.requests()).to.deep.equal([]);
    });
  });

  it('shows the busy ring in its submit button while the link is made, at full contrast', async () => {
    await mockApi.fault({ rpc: 'CreatePasskeyRegistrationLink', delayMs: 300 });
    const { element, harness } = await linkAdmin();
    const created = harness.submitAndWait('link-created');
    await element.updateComplete;
    const submit = harness.submitButton;
    expect(submit.getAttribute('aria-busy')).to.equal('true');
    expect(harness.part('progress', submit) === null, 'the ring').to.equal(false);
    expect(getComputedStyle(submit).opacity).to.equal('1');
    await created;
    expect(harness.part('progress') === null, 'gone once the link is there').to.equal(true);
  });

  describe('the returned link', () => {
    it('is shown as a QR code that encodes exactly the link', async () => {
      const { harness } = await linkAdmin();
      const { detail } = await harness.submitAndWait('link-created');
      const qr = harness.part<SVGSVGElement>('qr')!;
      expect(qr.tagName.toLowerCase()).to.equal('svg');
      expect(qr.getAttribute('role')).to.equal('img');
      expect(await decodeQrSvg(qr)).to.equal(detail.link);
    });

    it('is copied to the clipboard with a visible confirmation', async () => {
      if (engine.canGrantClipboard) await grantClipboard();
      const { harness } = await linkAdmin();
      const { detail } = await harness.submitAndWait('link-created');
      const writes = recordClipboardWrites();
      try {
        // A person's key press: WebKit writes to the clipboard only with the user activation it gives.
        harness.copyButton.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => harness.text.includes('Link copied'), 'copied');
      } finally {
        writes.restore();
      }
      expect(writes.texts, 'what the kit wrote').to.deep.equal([detail.link]);
      if (engine.canGrantClipboard) expect(await navigator.clipboard.readText()).to.equal(detail.link);
    });

    it('is still copied where the Clipboard API refuses, by selecting it (the old way)', async () => {
      if (engine.canGrantClipboard) {
        await grantClipboard();
        await navigator.clipboard.writeText('before');
      }
      const { harness } = await linkAdmin();
      const { detail } = await harness.submitAndWait('link-created');
      // What the copy command took: the selected text of the field it copies from.
      const copiedTexts: string[] = [];
      const onCopy = (event: Event) => {
        const field = event.composedPath()[0];
        if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
          copiedTexts.push(field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0));
        }
      };
      document.addEventListener('copy', onCopy, true);
      const writeText = Object.getOwnPropertyDescriptor(Clipboard.prototype, 'writeText')!;
      let refused = 0;
      Object.defineProperty(Clipboard.prototype, 'writeText', {
        configurable: true,
        value: () => {
          refused += 1;
          return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
        },
      });
      try {
        // A person's key press: copying by selection needs the user activation it gives.
        harness.copyButton.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => harness.text.includes('Link copied'), 'copied');
      } finally {
        Object.defineProperty(Clipboard.prototype, 'writeText', writeText);
        document.removeEventListener('copy', onCopy, true);
      }
      expect(refused).to.equal(1);
      expect(copiedTexts, 'what the copy command took').to.deep.equal([detail.link]);
      if (engine.canGrantClipboard) expect(await navigator.clipboard.readText()).to.equal(detail.link);
      // The helper field is gone again.
      expect(harness.query('textarea') === null, 'no textarea').to.equal(true);
    });

    it('says so when copying does not work at all, so the person copies it by hand', async () => {
      const { harness } = await linkAdmin();
      await harness.submitAndWait('link-created');
      const writeText = Object.getOwnPropertyDescriptor(Clipboard.prototype, 'writeText')!;
      const execCommand = Object.getOwnPropertyDescriptor(Document.prototype, 'execCommand')!;
      Object.defineProperty(Clipboard.prototype, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
      });
      Object.defineProperty(Document.prototype, 'execCommand', { configurable: true, value: () => false });
      try {
        harness.copyButton.click();
        await waitUntil(() => harness.text.includes('Copying did not work'), 'the failure is shown');
      } finally {
        Object.defineProperty(Clipboard.prototype, 'writeText', writeText);
        Object.defineProperty(Document.prototype, 'execCommand', execCommand);
      }
      expect(harness.part('link')!.textContent).to.contain('https://');
    });

    it('asks for the user id when user-id is not set', async () => {
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin link-template=${LANDING}></registration-link-admin>`,
      );
      element.token = TOKENS.admin;
      const harness = new LinkAdminHarness(element);
      await harness.type('userId', USERS.carol.id);
      const { detail } = await harness.submitAndWait('link-created');
      expect(detail.userId).to.equal(USERS.carol.id);
      expect(detail.link).to.contain(`orgID=${USERS.carol.orgId}`);
    });

    it('is accessible before and after creating a link', async () => {
      const { element, harness } = await linkAdmin();
      await expect(element).to.be.accessible();
      await harness.submitAndWait('link-created');
      await expect(element).to.be.accessible();
    });
  });

  describe('a link is only ever shown for the settings it was made with', () => {
    it('a changed user takes the shown link, its QR code and its status away', async () => {
      const { element, harness } = await linkAdmin();
      const { detail } = await harness.submitAndWait('link-created');
      expect(detail.userId).to.equal(USERS.bob.id);
      expect(harness.link?.href, "Bob's link is shown").to.be.a('string');

      element.userId = USERS.alice.id;
      await element.updateComplete;
      expect(harness.link?.href, 'no link for Bob once the form is for Alice').to.equal(undefined);
      expect(harness.root.querySelector('[part~="qr"]') === null, 'no QR code').to.equal(true);
      expect(harness.markup).not.to.contain(detail.code!);
      expect(harness.submitButton.disabled).to.equal(false);
      const created = await harness.submitAndWait('link-created');
      expect(created.detail.userId).to.equal(USERS.alice.id);
    });

    it('so do a changed delivery, API, base-url, token and a typed user; the same values keep it', async () => {
      const changes: [string, (element: RegistrationLinkAdminElement) => void][] = [
        ['delivery', (element) => (element.delivery = 'email')],
        ['api', (element) => (element.api = 'v3alpha')],
        ['base-url', (element) => (element.baseUrl = `${location.origin}/elsewhere`)],
        ['token', (element) => (element.token = TOKENS.loginClient)],
      ];
      for (const [name, change] of changes) {
        const { element, harness } = await linkAdmin();
        await harness.submitAndWait('link-created');
        element.userId = USERS.bob.id;
        element.token = TOKENS.admin;
        await element.updateComplete;
        expect(harness.link?.href, `${name}: the same values keep the link`).to.be.a('string');
        change(element);
        await element.updateComplete;
        expect(harness.link?.href, name).to.equal(undefined);
      }
      const typed = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin link-template=${LANDING}></registration-link-admin>`,
      );
      typed.token = TOKENS.admin;
      const harness = new LinkAdminHarness(typed);
      await harness.type('userId', USERS.bob.id);
      await harness.submitAndWait('link-created');
      await harness.type('userId', USERS.alice.id);
      expect(harness.link?.href, 'a user typed anew').to.equal(undefined);
    });

    it('a change while the link is made stops the request: aborted, idle, and nothing shown after', async () => {
      await mockApi.fault({ rpc: 'CreatePasskeyRegistrationLink', delayMs: 300 });
      const { element, harness } = await linkAdmin();
      const errors: CustomEvent[] = [];
      let created = 0;
      element.addEventListener('link-error', (event) => errors.push(event as CustomEvent));
      element.addEventListener('link-created', () => created++);
      harness.submitButton.click();
      await element.updateComplete;
      element.userId = USERS.alice.id;
      await waitUntil(() => errors.length === 1, 'link-error after the change');
      expect(errors[0]!.detail.code).to.equal('aborted');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await element.updateComplete;
      expect(created).to.equal(0);
      expect(harness.link?.href).to.equal(undefined);
      expect(harness.messageText, 'no error on screen: the form is for the new user').to.equal('');
    });
  });

  describe('refuses a bad link template before any request', () => {
    const templates: [string, string][] = [
      ['javascript:', 'javascript:alert(1)//{{.Code}}'],
      ['data:', 'data:text/html,<script>alert(1)</script>{{.Code}}'],
      ['a foreign scheme', 'ftp://files.example.com/{{.Code}}'],
      ['http: off localhost', 'http://app.example.com/register?code={{.Code}}'],
      ['a relative URL', '/register?code={{.Code}}'],
      ['an unknown variable', 'https://app.example.com/?name={{.DisplayName}}'],
      ['a malformed action', 'https://app.example.com/?code={{.Code}'],
      ['more than 200 characters', `https://app.example.com/${'a'.repeat(180)}?code={{.Code}}`],
    ];
    for (const [label, template] of templates) {
      it(`refuses ${label}`, async () => {
        for (const delivery of ['return', 'email'] as const) {
          const { element, harness } = await linkAdmin({ template });
          element.delivery = delivery;
          const { detail } = await harness.submitAndWait('link-error');
          expect(detail).to.include({ kind: 'link', code: 'invalid-input' });
        }
        expect(await mockApi.requests()).to.have.length(0);
      });
    }

    it('accepts http: on localhost', async () => {
      const { harness } = await linkAdmin({ template: 'http://localhost:5173/register.html?code={{.Code}}' });
      const { detail } = await harness.submitAndWait('link-created');
      expect(detail.link).to.match(/^http:\/\/localhost:5173\/register\.html\?code=/);
    });
  });

  describe('errors', () => {
    it('reports forbidden for a token without the permission, and works again', async () => {
      const { element, harness } = await linkAdmin();
      element.token = TOKENS.alice;
      const { detail } = await harness.submitAndWait('link-error');
      expect(detail).to.include({ kind: 'link', code: 'forbidden', status: 403 });
      element.token = TOKENS.admin;
      await harness.submitAndWait('link-created');
    });

    it('reports not-found for an unknown user', async () => {
      const { harness } = await linkAdmin({ userId: '199999999999999999' });
      const { detail } = await harness.submitAndWait('link-error');
      expect(detail.code).to.equal('not-found');
    });
  });
});

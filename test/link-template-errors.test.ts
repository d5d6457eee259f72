import { expect, fixture, html } from '@open-wc/testing';
import '../src/registration-link-admin.js';
import type { RegistrationLinkAdminElement } from '../src/registration-link-admin.js';
import { link } from '../src/i18n/en/link.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { LinkAdminHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

async function linkAdmin(template: string) {
  const element = await fixture<RegistrationLinkAdminElement>(
    html`<registration-link-admin
      user-id=${USERS.bob.id}
      delivery="email"
      link-template=${template}
    ></registration-link-admin>`,
  );
  element.token = TOKENS.admin;
  return { element, harness: new LinkAdminHarness(element) };
}

const fieldError = (harness: LinkAdminHarness) => harness.part('field-error')?.textContent?.trim() ?? '';

describe('<registration-link-admin>: a template that cannot be used is said at its field', () => {
  beforeEach(async () => {
    await mockApi.reset();
  });

  it('refuses a variable ZITADEL’s registration page does not need, before any request, at the field', async () => {
    const { harness } = await linkAdmin('https://app.example.com/register?user={{.LoginName}}');
    const { detail } = await harness.submitAndWait('link-error');
    expect(detail.code).to.equal('invalid-input');
    expect(detail.message).to.equal(link.linkTemplateInvalid);
    expect(fieldError(harness)).to.equal(link.linkTemplateInvalid);
    expect(harness.input('linkTemplate').getAttribute('aria-invalid')).to.equal('true');
    expect(harness.input('linkTemplate').getAttribute('aria-describedby')).to.contain('template-error');
    expect(harness.messageText, 'said once, at the field').to.equal('');
    expect(await mockApi.requests()).to.have.length(0);
  });

  for (const [id, text, reason] of [
    ['DOMAIN-ieYa7', link.linkTemplateRefused, 'it cannot fill a variable'],
    ['DOMAIN-oGh5e', link.linkTemplateUnreadable, 'it cannot parse the template'],
  ] as const) {
    it(`shows ZITADEL’s refusal (${id}: ${reason}) at the field, and clears it when the template is edited`, async () => {
      // ZITADEL's answer for a template it refuses, as its gateway writes it.
      await mockApi.fault({
        rpc: 'CreatePasskeyRegistrationLink',
        status: 400,
        body: JSON.stringify({
          code: 3,
          message: `URL Template is invalid (${id})`,
          details: [
            { '@type': 'type.googleapis.com/zitadel.v1.ErrorDetail', id, message: 'URL Template is invalid' },
          ],
        }),
      });
      const { harness } = await linkAdmin('https://app.example.com/register?code={{.Code}}');
      const { detail } = await harness.submitAndWait('link-error');
      expect(detail).to.include({ code: 'invalid-input', status: 400, grpcCode: 3 });
      expect(fieldError(harness)).to.equal(text);
      expect(harness.input('linkTemplate').getAttribute('aria-invalid')).to.equal('true');

      await harness.type('linkTemplate', 'https://app.example.com/register?id={{.CodeID}}&code={{.Code}}');
      expect(fieldError(harness)).to.equal('');
      expect(harness.input('linkTemplate').getAttribute('aria-invalid')).to.equal('false');
      await harness.submitAndWait('link-created');
    });
  }

  it('keeps other invalid-input answers in the element’s message, not at the field', async () => {
    await mockApi.fault({
      rpc: 'CreatePasskeyRegistrationLink',
      status: 400,
      body: JSON.stringify({ code: 3, message: 'invalid CreatePasskeyRegistrationLinkRequest.UserId' }),
    });
    const { harness } = await linkAdmin('https://app.example.com/register?code={{.Code}}');
    await harness.submitAndWait('link-error');
    expect(fieldError(harness)).to.equal('');
    expect(harness.messageText).not.to.equal('');
  });
});

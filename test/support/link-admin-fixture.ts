import { fixture, html } from '@open-wc/testing';
import '../../src/registration-link-admin.js';
import type { RegistrationLinkAdminElement } from '../../src/registration-link-admin.js';
import type { ApiGeneration } from '../../src/backends/types.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { LinkAdminHarness } from './harness/index.js';

/** A landing page's template with all four of ZITADEL's placeholders. */
export const LANDING =
  'https://app.example.com/register?userID={{.UserID}}&orgID={{.OrgID}}&codeID={{.CodeID}}&code={{.Code}}';

/** `<registration-link-admin>` for bob (or `userId`) on v2 (or `api`), with the admin's token. */
export async function linkAdmin(
  attributes: { api?: ApiGeneration; userId?: string; template?: string; orgId?: string } = {},
) {
  const element = await fixture<RegistrationLinkAdminElement>(
    html`<registration-link-admin
      api=${attributes.api ?? 'v2'}
      user-id=${attributes.userId ?? USERS.bob.id}
      link-template=${attributes.template ?? LANDING}
      org-id=${attributes.orgId ?? ''}
    ></registration-link-admin>`,
  );
  element.token = TOKENS.admin;
  return { element, harness: new LinkAdminHarness(element) };
}

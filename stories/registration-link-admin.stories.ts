import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/registration-link-admin.js';
import type { LinkDelivery, RegistrationBackend } from '../src/index.js';
import {
  DELIVERIES,
  configurationArgs,
  configurationArgTypes,
  documentationOnly,
  select,
  type ConfigurationArgs,
} from './support/controls.js';
import {
  details,
  fakeBackend,
  httpError,
  networkError,
  pending,
  type FakeBackend,
} from './support/fake-backend.js';
import { createLink, failToCreate, linkAdmin, part, submit } from './support/link-admin.js';

type LinkAdminArgs = ConfigurationArgs & {
  'user-id'?: string;
  delivery?: LinkDelivery;
  'link-template'?: string;
};
type Story = StoryObj<LinkAdminArgs>;

const LINK_TEMPLATE =
  'https://app.example.com/register?userID={{.UserID}}&orgID={{.OrgID}}&codeID={{.CodeID}}&code={{.Code}}';

function renderLinkAdmin(args: LinkAdminArgs, backend: RegistrationBackend): TemplateResult {
  return html`<registration-link-admin
    user-id=${ifDefined(args['user-id'] || undefined)}
    delivery=${ifDefined(args.delivery)}
    link-template=${ifDefined(args['link-template'] || undefined)}
    api=${ifDefined(args.api)}
    base-url=${ifDefined(args['base-url'] || undefined)}
    org-id=${ifDefined(args['org-id'] || undefined)}
    instance-domain=${ifDefined(args['instance-domain'] || undefined)}
    credentials=${ifDefined(args.credentials)}
    theme=${ifDefined(args.theme || undefined)}
    timeout=${ifDefined(args.timeout)}
    .backend=${backend}
    .strings=${args.strings}
  ></registration-link-admin>`;
}

/** Room for link, copy button and QR code on the docs page. */
const withResult = { docs: { story: { iframeHeight: 640 } } };

/** A story whose element gets `backend`, made anew for each render. */
const withBackend = (backend: () => FakeBackend, more: Story = {}): Story => ({
  render: (args) => renderLinkAdmin(args, backend()),
  ...more,
});

// `<registration-link-admin>` with a fake backend in its `backend` property: every answer ZITADEL may give
// to "create a registration link", without a request leaving the page.
const meta: Meta<LinkAdminArgs> = {
  title: 'Elements/registration-link-admin',
  component: 'registration-link-admin',
  tags: ['autodocs'],
  args: { ...configurationArgs, 'user-id': '2000100', delivery: 'return', 'link-template': LINK_TEMPLATE },
  argTypes: {
    ...configurationArgTypes,
    delivery: select(DELIVERIES),
    'user-id': { control: 'text' },
    'link-template': { control: 'text' },
    ...documentationOnly('userId', 'linkTemplate'),
  },
  parameters: {
    actions: { handles: ['link-created', 'link-error'] },
    // Each story in its own frame on the docs page, so their clicks and typing run there without
    // taking each other's focus.
    docs: { story: { inline: false, iframeHeight: 340 } },
  },
  render: (args) =>
    renderLinkAdmin(args, fakeBackend({ createLink: { code: { id: '1234', code: 'ABCDEF' }, details } })),
};
export default meta;

/** The form for a given user (`user-id`): delivery and link template only. */
export const Idle: Story = { parameters: { docs: { story: { inline: true } } } };

/** Without `user-id`, the form asks for the user. */
export const IdleWithoutUserId: Story = { args: { 'user-id': undefined } };

/** `createLink` never answers. */
export const Creating = withBackend(() => fakeBackend({ createLink: pending }), {
  play: async ({ canvasElement }) => {
    const element = linkAdmin(canvasElement);
    await submit(element);
    await waitFor(() => expect(part(element, 'button')?.getAttribute('aria-disabled')).toBe('true'));
  },
});

/**
 * ZITADEL returned the code (`delivery="return"`): the element fills in `link-template` with the user, the
 * organization (from `details.resourceOwner`), the code's id and the code, and shows link, copy button and
 * QR code.
 */
export const Created = withBackend(
  () =>
    fakeBackend({ createLink: { code: { id: '1234', code: 'ABCDEF' }, details: { resourceOwner: '2000' } } }),
  {
    parameters: withResult,
    play: async ({ canvasElement }) => {
      const element = await createLink(canvasElement);
      await expect(part(element, 'link')?.textContent).toBe(
        'https://app.example.com/register?userID=2000100&orgID=2000&codeID=1234&code=ABCDEF',
      );
      await expect(part(element, 'qr')).not.toBeNull();
    },
  },
);

/** The user typed into the form's field, then the link was created. */
export const CreatedForEnteredUser = withBackend(
  () =>
    fakeBackend({ createLink: { code: { id: '1234', code: 'ABCDEF' }, details: { resourceOwner: '2000' } } }),
  {
    parameters: withResult,
    args: { 'user-id': undefined },
    play: async ({ canvasElement }) => {
      const element = linkAdmin(canvasElement);
      await element.updateComplete;
      const field = part(element, 'input');
      if (!field) throw new Error('no user field');
      await userEvent.type(field, '2000200');
      const created = await createLink(canvasElement);
      await expect(part(created, 'link')?.textContent).toContain('userID=2000200');
    },
  },
);

/** Without a template the link leads to ZITADEL's own login (at `base-url`), as ZITADEL's emails do. */
export const CreatedWithZitadelLink = withBackend(
  () =>
    fakeBackend({ createLink: { code: { id: '1234', code: 'ABCDEF' }, details: { resourceOwner: '2000' } } }),
  {
    parameters: withResult,
    args: { 'link-template': undefined, 'base-url': 'https://acme.zitadel.cloud' },
    play: async ({ canvasElement }) => {
      const element = await createLink(canvasElement);
      await expect(part(element, 'link')?.textContent).toContain(
        'https://acme.zitadel.cloud/ui/login/login/passwordless/init?',
      );
    },
  },
);

/** `delivery="email"`: ZITADEL sends the link itself, built from the template sent as `urlTemplate`. */
export const Emailed = withBackend(() => fakeBackend({ createLink: { details } }), {
  args: { delivery: 'email' },
  play: async ({ canvasElement }) => {
    const element = await createLink(canvasElement);
    const backend = element.backend as FakeBackend;
    await expect(backend.requests.at(-1)?.request).toEqual({
      userId: '2000100',
      delivery: 'email',
      urlTemplate: LINK_TEMPLATE,
    });
    await expect(part(element, 'result')).toBeNull();
  },
});

/** ZITADEL v1 builds the link itself and says when it expires (here: in an hour). */
export const V1LinkWithExpiration: Story = {
  name: 'v1 link with expiration',
  ...withBackend(
    () =>
      fakeBackend({
        label: 'ZITADEL v1',
        createLink: {
          link: 'https://acme.zitadel.cloud/ui/login/login/passwordless/init?userID=2000100&orgID=2000&codeID=1234&code=ABCDEF',
          expiration: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
          details,
        },
      }),
    {
      parameters: withResult,
      args: { api: 'v1', 'link-template': undefined },
      play: async ({ canvasElement }) => {
        const element = await createLink(canvasElement);
        await expect(part(element, 'expiration')).not.toBeNull();
        await expect(part(element, 'qr')).not.toBeNull();
      },
    },
  ),
};

/** HTTP 401: the administrator's session has expired. */
export const Unauthenticated = withBackend(
  () => fakeBackend({ createLink: httpError('unauthenticated', 401, 16) }),
  { play: ({ canvasElement }) => failToCreate(canvasElement, 'unauthenticated') },
);

/** HTTP 403: the administrator may not create links for this user. */
export const Forbidden = withBackend(() => fakeBackend({ createLink: httpError('forbidden', 403, 7) }), {
  play: ({ canvasElement }) => failToCreate(canvasElement, 'forbidden'),
});

/** HTTP 404: no such user. */
export const NotFound = withBackend(() => fakeBackend({ createLink: httpError('not-found', 404, 5) }), {
  play: ({ canvasElement }) => failToCreate(canvasElement, 'not-found'),
});

/** fetch failed or timed out. */
export const Network = withBackend(() => fakeBackend({ createLink: networkError() }), {
  play: ({ canvasElement }) => failToCreate(canvasElement, 'network'),
});

/** HTTP 500. */
export const Server = withBackend(() => fakeBackend({ createLink: httpError('server', 500, 13) }), {
  play: ({ canvasElement }) => failToCreate(canvasElement, 'server'),
});

/** A 2xx answer with neither a code nor a link, for a link to be shown here: the element's own check refuses it. */
export const BadResponse = withBackend(() => fakeBackend({ createLink: { details } }), {
  play: async ({ canvasElement }) => {
    await failToCreate(canvasElement, 'bad-response');
    await expect(part(linkAdmin(canvasElement), 'result')).toBeNull();
  },
});

/** A template that is not `https:` is refused before any request. */
export const InvalidTemplate = withBackend(
  () => fakeBackend({ createLink: { code: { id: '1234', code: 'ABCDEF' }, details } }),
  {
    args: { 'link-template': 'http://app.example.com/register?code={{.Code}}' },
    play: async ({ canvasElement }) => {
      await failToCreate(canvasElement, 'invalid-input');
      const backend = linkAdmin(canvasElement).backend as FakeBackend;
      await expect(backend.requests).toHaveLength(0);
    },
  },
);

/** A backend that cannot create links. */
export const UnsupportedApi: Story = {
  name: 'Unsupported API',
  ...withBackend(() => fakeBackend({ label: 'Custom server' }), {
    play: ({ canvasElement }) => failToCreate(canvasElement, 'unsupported'),
  }),
};

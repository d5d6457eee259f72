import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/authenticator-list.js';
import type { AuthenticatorInfo, ErrorCode, RegistrationBackend } from '../src/index.js';
import {
  authenticatorList,
  clickConfirm,
  clickDelete,
  confirmDelete,
  failToList,
  listed,
  listErrors,
  listHarness,
  part,
  parts,
  recordListEvents,
} from './support/authenticator-list.js';
import {
  configurationArgs,
  configurationArgTypes,
  documentationOnly,
  type ConfigurationArgs,
} from './support/controls.js';
import {
  details,
  fakeBackend,
  httpError,
  networkError,
  pending,
  type FakeBackend,
  type FakeBackendScript,
} from './support/fake-backend.js';

type ListArgs = ConfigurationArgs & {
  'user-id'?: string;
  domain?: string;
};
type Story = StoryObj<ListArgs>;

/** Passkeys and security keys, each kind with a finished and an unfinished registration. */
const AUTHENTICATORS: AuthenticatorInfo[] = [
  { id: '3000100', kind: 'passkey', name: 'MacBook Touch ID', state: 'ready' },
  { id: '3000101', kind: 'passkey', name: 'Pixel 9', state: 'ready' },
  { id: '3000102', kind: 'passkey', name: 'Chrome on Windows', state: 'not-ready' },
  { id: '3000111', kind: 'u2f', name: 'YubiKey 5C NFC', state: 'ready' },
  { id: '3000112', kind: 'u2f', name: 'Titan Security Key', state: 'not-ready' },
];

/** A backend that lists `AUTHENTICATORS` and removes any of them. */
const listing: FakeBackendScript = {
  listAuthenticators: { authenticators: AUTHENTICATORS, unlisted: [] },
  removeAuthenticator: { details },
};

function renderAuthenticatorList(args: ListArgs, backend: RegistrationBackend): TemplateResult {
  return html`<authenticator-list
    user-id=${ifDefined(args['user-id'] || undefined)}
    domain=${ifDefined(args.domain || undefined)}
    api=${ifDefined(args.api)}
    base-url=${ifDefined(args['base-url'] || undefined)}
    org-id=${ifDefined(args['org-id'] || undefined)}
    instance-domain=${ifDefined(args['instance-domain'] || undefined)}
    credentials=${ifDefined(args.credentials)}
    theme=${ifDefined(args.theme || undefined)}
    timeout=${ifDefined(args.timeout)}
    .backend=${backend}
    .strings=${args.strings}
  ></authenticator-list>`;
}

/** A story whose element gets `backend`, made anew for each render. */
const withBackend = (backend: () => FakeBackend, more: Story = {}): Story => ({
  render: (args) => renderAuthenticatorList(args, backend()),
  ...more,
});

/** A story whose list request fails with `error`, reported as `list-error` with `code`. */
const failingList = (error: Error, code: ErrorCode): Story =>
  withBackend(() => fakeBackend({ ...listing, listAuthenticators: error }), {
    play: async ({ canvasElement }) => {
      const element = await failToList(canvasElement, code);
      await expect(part(element, 'list')).toBeNull();
    },
  });

// `<authenticator-list>` with a fake backend in its `backend` property: what the element shows while it
// lists, for every answer the server may give, and the two steps of deleting one. Nothing here reaches
// the network.
const meta: Meta<ListArgs> = {
  title: 'Elements/authenticator-list',
  component: 'authenticator-list',
  tags: ['autodocs'],
  args: { ...configurationArgs, 'user-id': '2000100' },
  argTypes: {
    ...configurationArgTypes,
    'user-id': { control: 'text' },
    domain: { control: 'text' },
    ...documentationOnly('userId'),
  },
  parameters: {
    actions: { handles: ['authenticator-removed', 'list-error'] },
    // Each story in its own frame on the docs page, so the clicks of one do not move the focus of another.
    docs: { story: { inline: false, iframeHeight: 280 } },
  },
  // The element lists as soon as it connects: its events are recorded from before the first render.
  beforeEach: recordListEvents,
  render: (args) => renderAuthenticatorList(args, fakeBackend(listing)),
};
export default meta;

/** `listAuthenticators` never answers: the status says the list is loading. */
export const Loading = withBackend(() => fakeBackend({ ...listing, listAuthenticators: pending }), {
  play: async ({ canvasElement }) => {
    const element = authenticatorList(canvasElement);
    await waitFor(() => expect(part(element, 'status')?.textContent?.trim()).not.toBe(''));
    await expect(part(element, 'list')).toBeNull();
    await expect((element.backend as FakeBackend).requests).toEqual([
      { method: 'listAuthenticators', request: { userId: '2000100' } },
    ]);
  },
});

/** The user has neither passkeys nor security keys. */
export const Empty = withBackend(
  () => fakeBackend({ ...listing, listAuthenticators: { authenticators: [], unlisted: [] } }),
  {
    play: async ({ canvasElement }) => {
      const element = authenticatorList(canvasElement);
      await waitFor(() => expect(part(element, 'status')?.textContent?.trim()).toBe(''));
      await expect(part(element, 'list')).toBeNull();
      await expect(part(element, 'empty')?.textContent).toBeTruthy();
      await expect(part(element, 'message')).toBeNull();
    },
  },
);

/** Passkeys and security keys, ready or with a registration that was never finished. */
export const Listed: Story = {
  name: 'Passkeys and security keys',
  parameters: { docs: { story: { inline: true } } },
  play: async ({ canvasElement }) => {
    const items = await listed(canvasElement);
    const list = listHarness(canvasElement);
    await expect(list.names).toEqual(AUTHENTICATORS.map(({ name }) => name));
    const text = (name: string) => items.map((item) => list.textOf(name, item));
    // One wording per kind and per state, whatever the language.
    await expect(new Set(text('kind')).size).toBe(2);
    await expect(new Set(text('state')).size).toBe(2);
    await expect(text('kind')[0]).not.toBe(text('kind')[3]);
    await expect(text('state')[0]).not.toBe(text('state')[2]);
    for (const item of items) await expect(list.has('delete-button', item)).toBe(true);
  },
};

/** ZITADEL v2 lists no security keys one by one, but says the user has some: the element notes it. */
export const UnlistedSecurityKeys = withBackend(
  () =>
    fakeBackend({
      ...listing,
      listAuthenticators: {
        authenticators: AUTHENTICATORS.filter(({ kind }) => kind === 'passkey'),
        unlisted: ['u2f'],
      },
    }),
  {
    play: async ({ canvasElement }) => {
      await expect(await listed(canvasElement)).toHaveLength(3);
      await expect(part(authenticatorList(canvasElement), 'note')).not.toBeNull();
    },
  },
);

/** Delete was clicked: the item asks for a confirmation, and nothing is removed yet. */
export const ConfirmingDelete = withBackend(() => fakeBackend(listing), {
  play: async ({ canvasElement }) => {
    const item = await clickDelete(canvasElement, 'Pixel 9');
    const list = listHarness(canvasElement);
    await expect(list.has('delete-button', item)).toBe(false);
    await expect(list.has('confirm-button', item)).toBe(true);
    await expect(list.has('cancel-button', item)).toBe(true);
    const backend = authenticatorList(canvasElement).backend as FakeBackend;
    await expect(backend.requests.map(({ method }) => method)).toEqual(['listAuthenticators']);
  },
});

/**
 * Confirmed, and `removeAuthenticator` never answers: the confirmation stays with its buttons busy
 * (`aria-busy`, `aria-disabled`) and their names, and the Delete button does not come back before the answer.
 */
export const Removing = withBackend(() => fakeBackend({ ...listing, removeAuthenticator: pending }), {
  play: async ({ canvasElement }) => {
    const item = await clickDelete(canvasElement, 'Pixel 9');
    await clickConfirm(item);
    const list = listHarness(canvasElement);
    const confirm = list.part('confirm-button', item);
    await waitFor(() => expect(confirm?.getAttribute('aria-busy')).toBe('true'));
    await expect(confirm?.getAttribute('aria-disabled')).toBe('true');
    await expect(list.has('delete-button', item)).toBe(false);
    const backend = authenticatorList(canvasElement).backend as FakeBackend;
    await expect(backend.requests.map(({ method }) => method)).toEqual([
      'listAuthenticators',
      'removeAuthenticator',
    ]);
  },
});

/** Deleted after the confirmation: the item is gone, the status says so, `authenticator-removed` tells the page. */
export const Removed = withBackend(() => fakeBackend(listing), {
  play: async ({ canvasElement }) => {
    const item = await clickDelete(canvasElement, 'YubiKey 5C NFC');
    const removed = await confirmDelete(canvasElement, item);
    await expect(removed).toEqual({
      userId: '2000100',
      id: '3000111',
      kind: 'u2f',
      name: 'YubiKey 5C NFC',
      details,
    });
    const element = authenticatorList(canvasElement);
    await expect((element.backend as FakeBackend).requests.at(-1)).toEqual({
      method: 'removeAuthenticator',
      request: { userId: '2000100', id: '3000111', kind: 'u2f' },
    });
    await expect(parts(element, 'item')).toHaveLength(AUTHENTICATORS.length - 1);
    await expect(part(element, 'status')?.textContent).toContain('YubiKey 5C NFC');
  },
});

/** The server refused the deletion (HTTP 403): the item stays, and the element says why. */
export const RemoveForbidden = withBackend(
  () => fakeBackend({ ...listing, removeAuthenticator: httpError('forbidden', 403, 7) }),
  {
    play: async ({ canvasElement }) => {
      const item = await clickDelete(canvasElement, 'MacBook Touch ID');
      await clickConfirm(item);
      const element = await failToList(canvasElement, 'forbidden');
      await expect(parts(element, 'item')).toHaveLength(AUTHENTICATORS.length);
    },
  },
);

/** HTTP 401 to the list: the session has expired. */
export const Unauthenticated = failingList(httpError('unauthenticated', 401, 16), 'unauthenticated');

/** HTTP 403 to the list: the caller may not see this user's authenticators. */
export const Forbidden = failingList(httpError('forbidden', 403, 7), 'forbidden');

/** HTTP 404 to the list: no such user. */
export const NotFound = failingList(httpError('not-found', 404, 5), 'not-found');

/** fetch failed or timed out. */
export const Network = failingList(networkError(), 'network');

/** HTTP 500 to the list. */
export const Server = failingList(httpError('server', 500, 13), 'server');

/** A backend that cannot list authenticators (as ZITADEL v1): the message names its API. */
export const UnsupportedApi: Story = {
  name: 'Unsupported API',
  ...withBackend(() => fakeBackend({ label: 'ZITADEL v1' }), {
    args: { api: 'v1' },
    play: async ({ canvasElement }) => {
      const element = await failToList(canvasElement, 'unsupported');
      // The API by its name in the sentence: "This ZITADEL does not offer the v1 … API".
      await expect(part(element, 'message')?.textContent).toContain('v1');
    },
  }),
};

/** No `user-id`: refused before any request. */
export const InvalidInput = withBackend(() => fakeBackend(listing), {
  args: { 'user-id': '' },
  play: async ({ canvasElement }) => {
    const element = await failToList(canvasElement, 'invalid-input');
    await expect((element.backend as FakeBackend).requests).toHaveLength(0);
    await expect(listErrors(element)).toHaveLength(1);
  },
});

/**
 * The kit's four elements in each look the theming tests style: idle, after an error or a success, the list
 * confirming a deletion, a registration starting or prompting, idle with the first button focused. Shared by
 * test/theming.test.ts and test/theming-media.test.ts.
 */
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/registration-link-admin.js';
import '../../src/authenticator-list.js';
import type {
  AuthenticatorListElement,
  PasskeyRegisterElement,
  RegistrationBackend,
  RegistrationLinkAdminElement,
  U2fRegisterElement,
} from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { RegistrationHarness, harnessFor } from './harness/index.js';
import { mockApi } from './mock-api.js';

export type Kit =
  PasskeyRegisterElement | U2fRegisterElement | RegistrationLinkAdminElement | AuthenticatorListElement;
export type Tag = 'passkey-register' | 'u2f-register' | 'registration-link-admin' | 'authenticator-list';
/**
 * Idle with its button(s) showing; after an error; after a success; the list asking to confirm a deletion;
 * a registration starting (progress) and prompting (cancel, countdown); idle with the first button focused.
 */
export type Look = 'idle' | 'error' | 'success' | 'confirm' | 'starting' | 'prompting' | 'focused';

/** All CSS text of an element's shadow root (adopted stylesheets). */
export function cssOf(element: Kit): string {
  return harnessFor(element).cssRules.join('\n');
}

export const part = (element: Kit, name: string) => harnessFor(element).part<HTMLElement | SVGElement>(name);
export const partsOf = (element: Kit) => new Set(harnessFor(element).partNames);
export const styleOf = (element: Kit, name: string) => {
  if (name === 'host') return getComputedStyle(element);
  const found = part(element, name);
  if (!found) throw new Error(`<${element.localName}> shows no ${name} part`);
  return getComputedStyle(found);
};

/** A backend that answers at once, without a request: the link and the list in any state. */
export const LAPTOP = { id: '1', kind: 'passkey', name: 'Laptop', state: 'ready' } as const;
export const KEY = { id: '2', kind: 'u2f', name: 'YubiKey', state: 'ready' } as const;
export const backend: RegistrationBackend = {
  label: 'Test backend',
  createLink: async () => ({ code: { id: '1234', code: 'ABCDEF' }, details: { resourceOwner: '2000' } }),
  listAuthenticators: async () => ({ authenticators: [LAPTOP, KEY], unlisted: [] }),
  removeAuthenticator: async () => ({}),
};

/** The same backend, whose link and deletion never finish: the busy look (`starting`) of the other two. */
const busyBackend: RegistrationBackend = {
  ...backend,
  createLink: () => new Promise(() => undefined),
  removeAuthenticator: () => new Promise(() => undefined),
};

/**
 * Holds a registration element in `starting` (the mock never answers the start) or `prompting` (a
 * `navigator.credentials.create()` that waits until the ceremony aborts it, put back once it was called).
 */
async function holdIn(element: PasskeyRegisterElement | U2fRegisterElement, look: 'starting' | 'prompting') {
  if (look === 'starting') {
    await mockApi.fault({
      rpc: element.localName === 'u2f-register' ? 'RegisterU2F' : 'RegisterPasskey',
      hang: true,
    });
  } else {
    Object.defineProperty(navigator.credentials, 'create', {
      configurable: true,
      value: (options?: CredentialCreationOptions) =>
        new Promise((_, reject) => {
          Reflect.deleteProperty(navigator.credentials, 'create');
          options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    });
  }
  new RegistrationHarness(element).button.click();
  await waitUntil(() => element.state === look, `reaches ${look}`);
  await element.updateComplete;
}

/** Renders `<tag>` in `look`; a registration's success runs the real ceremony against the mock. */
export async function make(tag: Tag, look: Look = 'idle'): Promise<Kit> {
  if (look === 'focused') {
    const element = await make(tag);
    // Focused by script with no pointer interaction before: the browser shows the focus ring.
    (part(element, 'button') as HTMLElement).focus();
    return element;
  }
  switch (tag) {
    case 'passkey-register':
    case 'u2f-register': {
      const element = await fixture<PasskeyRegisterElement | U2fRegisterElement>(
        tag === 'passkey-register'
          ? html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`
          : html`<u2f-register user-id=${USERS.alice.id}></u2f-register>`,
      );
      element.token = TOKENS.alice;
      // A network error: its message comes with a retry button (the registration elements offer one only
      // where trying again can work). Nothing listens on port 1.
      if (look === 'error') element.baseUrl = 'http://localhost:1';
      if (look === 'starting' || look === 'prompting') await holdIn(element, look);
      else if (look !== 'idle') {
        await new RegistrationHarness(element).clickAndWait(
          look === 'error' ? 'registration-error' : 'registration-success',
        );
      }
      return element;
    }
    case 'registration-link-admin': {
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin user-id="2000100" .backend=${backend}></registration-link-admin>`,
      );
      if (look === 'error') element.backend = { label: 'No links' };
      if (look === 'starting') {
        element.backend = busyBackend;
        void element.create().catch(() => undefined);
      } else if (look !== 'idle') await element.create().catch(() => undefined);
      await element.updateComplete;
      return element;
    }
    case 'authenticator-list': {
      const element = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id="2000100" .backend=${backend}></authenticator-list>`,
      );
      await waitUntil(() => part(element, 'delete-button'), 'listed');
      if (look === 'error') {
        element.backend = { label: 'No list' };
        await element.refresh().catch(() => undefined);
      }
      if (look === 'confirm') (part(element, 'delete-button') as HTMLElement).click();
      if (look === 'starting') {
        element.backend = busyBackend;
        (part(element, 'delete-button') as HTMLElement).click();
        await element.updateComplete;
        (part(element, 'confirm-button') as HTMLElement).click();
      }
      if (look === 'success') {
        (part(element, 'delete-button') as HTMLElement).click();
        await element.updateComplete;
        const removed = oneEvent(element, 'authenticator-removed');
        (part(element, 'confirm-button') as HTMLElement).click();
        await removed;
      }
      await element.updateComplete;
      return element;
    }
  }
}

export const TAGS: Tag[] = [
  'passkey-register',
  'u2f-register',
  'registration-link-admin',
  'authenticator-list',
];

/** The computed value of a system colour (e.g. `ButtonText`) in the current colour mode. */
export function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

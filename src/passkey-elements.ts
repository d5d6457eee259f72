/**
 * The entry of `dist/passkey-elements.js`, the bundle for a `<script type="module">` tag. It defines
 * `<passkey-register>` and `<u2f-register>` at once; `<registration-link-admin>` and `<authenticator-list>`
 * (pages seldom have them, and never beside a first registration) are defined from a chunk beside the
 * bundle when such a tag first appears in the document — `customElements.whenDefined(tag)` gives their
 * class. The backend factories and the rest of the package API are in `dist/index.js`; here the ZITADEL
 * adapters and the ceremony are chunks too, loaded when an element is first used, so a page pays up front
 * only for what renders.
 */
import './passkey-register.js';
import './u2f-register.js';

export { PasskeyRegisterElement } from './internal/registration/passkey-register-element.js';
export { U2fRegisterElement } from './internal/registration/u2f-register-element.js';
// Types only: their code is in chunks; `await customElements.whenDefined('authenticator-list')` is the class.
export type { RegistrationLinkAdminElement } from './internal/link-admin/registration-link-admin-element.js';
export type { AuthenticatorListElement } from './internal/list/authenticator-list-element.js';

/** The elements defined when their tag first appears, each by the module that defines it. */
const ON_SIGHT: Readonly<Record<string, () => Promise<unknown>>> = {
  'registration-link-admin': () => import('./registration-link-admin.js'),
  'authenticator-list': () => import('./authenticator-list.js'),
};

const loading = new Map<string, Promise<void>>();

function define(tag: string): Promise<void> {
  let defined = loading.get(tag);
  if (!defined) {
    defined = (ON_SIGHT[tag]?.() ?? Promise.resolve()).then(
      () => undefined,
      (error: unknown) => {
        // Offline or a chunk removed from the server: the tag stays undefined, its next appearance tries again.
        loading.delete(tag);
        console.warn(`passkey-elements: <${tag}> could not be loaded`, error);
      },
    );
    loading.set(tag, defined);
  }
  return defined;
}

const undefinedTags = () => Object.keys(ON_SIGHT).filter((tag) => !customElements.get(tag));

/**
 * Defines the kit's elements that are in `root` and not defined yet, and resolves once they are. The bundle
 * watches the document itself; a shadow root of your own is out of its sight, so hand it here (or import
 * the element's entry) when a kit element lives in one.
 */
export function discover(root: ParentNode): Promise<void> {
  const found = undefinedTags().filter(
    (tag) => (root instanceof Element && root.localName === tag) || root.querySelector(tag),
  );
  return Promise.all(found.map(define)).then(() => undefined);
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  void discover(document);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
    }
    if (undefinedTags().length === 0) observer.disconnect();
  });
  if (undefinedTags().length > 0) observer.observe(document, { childList: true, subtree: true });
}

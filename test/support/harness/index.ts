/**
 * One harness per element, shared by the browser tests and the stories' play functions. Free of test-runner
 * modules, so Storybook bundles it.
 */
import type { AuthenticatorListElement, RegistrationLinkAdminElement } from '../../../src/index.js';
import type { RegistrationElement } from '../../../src/internal/registration/registration-element.js';
import { ElementHarness } from './element.js';
import { LinkAdminHarness } from './link-admin.js';
import { ListHarness } from './list.js';
import { RegistrationHarness } from './registration.js';

export { ElementHarness, nextEvent, textOf, waitFor } from './element.js';
export { LinkAdminHarness } from './link-admin.js';
export { ListHarness } from './list.js';
export { RegistrationHarness } from './registration.js';

/** The harness of whichever of the kit's elements `element` is. */
export function harnessFor(element: HTMLElement): ElementHarness {
  switch (element.localName) {
    case 'passkey-register':
    case 'u2f-register':
      return new RegistrationHarness(element as RegistrationElement);
    case 'registration-link-admin':
      return new LinkAdminHarness(element as RegistrationLinkAdminElement);
    case 'authenticator-list':
      return new ListHarness(element as AuthenticatorListElement);
    default:
      return new ElementHarness(element);
  }
}

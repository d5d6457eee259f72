/** Drives `<registration-link-admin>` in play functions the way an administrator does: the form's button. */
import { expect, userEvent, waitFor } from 'storybook/test';
import type { ErrorCode, RegistrationLinkAdminElement } from '../../src/index.js';
import { LinkAdminHarness, harnessFor } from '../../test/support/harness/index.js';

export function linkAdmin(canvasElement: HTMLElement): RegistrationLinkAdminElement {
  const element = canvasElement.querySelector<RegistrationLinkAdminElement>('registration-link-admin');
  if (!element) throw new Error('The story rendered no registration-link-admin');
  return element;
}

export function part(element: HTMLElement, name: string): HTMLElement | null {
  return harnessFor(element).part(name);
}

/** Submits the form with its button, as an administrator does. */
export async function submit(element: RegistrationLinkAdminElement): Promise<void> {
  await element.updateComplete;
  await userEvent.click(new LinkAdminHarness(element).submitButton);
}

/** Submits and waits for `link-created`; returns the element. */
export async function createLink(canvasElement: HTMLElement): Promise<RegistrationLinkAdminElement> {
  const element = linkAdmin(canvasElement);
  let created = false;
  element.addEventListener('link-created', () => (created = true), { once: true });
  await submit(element);
  await waitFor(() => expect(created).toBe(true));
  await element.updateComplete;
  return element;
}

/** Submits and waits for `link-error` with `code`. */
export async function failToCreate(canvasElement: HTMLElement, code: ErrorCode): Promise<void> {
  const element = linkAdmin(canvasElement);
  let reported: ErrorCode | undefined;
  element.addEventListener('link-error', (event) => (reported = event.detail.code), { once: true });
  await submit(element);
  await waitFor(() => expect(reported).toBe(code));
  await element.updateComplete;
  // Said in the element's message, or at the template field for a template it cannot use.
  await expect(part(element, 'message') ?? part(element, 'field-error')).not.toBeNull();
}

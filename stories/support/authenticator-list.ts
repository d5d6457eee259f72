/**
 * Drives `<authenticator-list>` in play functions the way its user does: the delete buttons. The element
 * lists on connect, before a play function runs, so `recordListEvents()` (a `beforeEach`) keeps its events
 * from the start.
 */
import { expect, userEvent, waitFor } from 'storybook/test';
import type {
  AuthenticatorListElement,
  AuthenticatorRemovedDetail,
  ErrorCode,
  RegistrationErrorDetail,
} from '../../src/index.js';
import { ListHarness } from '../../test/support/harness/index.js';

/** The events each list has dispatched since it was rendered, newest last. */
interface ListEvents {
  errors: RegistrationErrorDetail[];
  removed: AuthenticatorRemovedDetail[];
}

const recorded = new WeakMap<EventTarget, ListEvents>();

function eventsOf(target: EventTarget): ListEvents {
  let events = recorded.get(target);
  if (!events) {
    events = { errors: [], removed: [] };
    recorded.set(target, events);
  }
  return events;
}

const onListError = (event: CustomEvent<RegistrationErrorDetail>): void => {
  if (event.target) eventsOf(event.target).errors.push(event.detail);
};

const onRemoved = (event: CustomEvent<AuthenticatorRemovedDetail>): void => {
  if (event.target) eventsOf(event.target).removed.push(event.detail);
};

/** Records `list-error` and `authenticator-removed` (both bubble and are composed) until the story unmounts. */
export function recordListEvents(): () => void {
  document.addEventListener('list-error', onListError);
  document.addEventListener('authenticator-removed', onRemoved);
  return () => {
    document.removeEventListener('list-error', onListError);
    document.removeEventListener('authenticator-removed', onRemoved);
  };
}

export function authenticatorList(canvasElement: HTMLElement): AuthenticatorListElement {
  const element = canvasElement.querySelector<AuthenticatorListElement>('authenticator-list');
  if (!element) throw new Error('The story rendered no authenticator-list');
  return element;
}

/** The list's harness, shared with the browser tests. */
export function listHarness(canvasElement: HTMLElement): ListHarness {
  return new ListHarness(authenticatorList(canvasElement));
}

export function part(
  element: AuthenticatorListElement,
  name: string,
  within?: ParentNode,
): HTMLElement | null {
  return new ListHarness(element).part(name, within);
}

export function parts(element: AuthenticatorListElement, name: string): HTMLElement[] {
  return new ListHarness(element).parts(name);
}

/** The listed items, once the list has loaded (the status says nothing while it shows the list). */
export async function listed(canvasElement: HTMLElement): Promise<HTMLElement[]> {
  const element = authenticatorList(canvasElement);
  await waitFor(() => expect(part(element, 'list')).not.toBeNull());
  await waitFor(() => expect(part(element, 'status')?.textContent?.trim()).toBe(''));
  return parts(element, 'item');
}

/** Waits for `list-error` with `code` and the message it shows. */
export async function failToList(
  canvasElement: HTMLElement,
  code: ErrorCode,
): Promise<AuthenticatorListElement> {
  const element = authenticatorList(canvasElement);
  await waitFor(() => expect(eventsOf(element).errors.at(-1)?.code).toBe(code));
  await element.updateComplete;
  await expect(part(element, 'message')).not.toBeNull();
  return element;
}

/** Clicks the delete button of the item named `name`, as a person does; returns the item. */
export async function clickDelete(canvasElement: HTMLElement, name: string): Promise<HTMLElement> {
  await listed(canvasElement);
  const list = listHarness(canvasElement);
  const item = list.row(name);
  await userEvent.click(list.deleteButton(name));
  await waitFor(() => expect(list.has('confirm', item)).toBe(true));
  return item;
}

/** Clicks the confirm button of an item that asks for a confirmation. */
export async function clickConfirm(item: HTMLElement): Promise<void> {
  const button = item.querySelector<HTMLButtonElement>('[part~="confirm-button"]');
  if (!button) throw new Error('The confirmation step has no confirm button');
  await userEvent.click(button);
}

/** Confirms the deletion the item asks about, and waits for `authenticator-removed`. */
export async function confirmDelete(
  canvasElement: HTMLElement,
  item: HTMLElement,
): Promise<AuthenticatorRemovedDetail> {
  const element = authenticatorList(canvasElement);
  const { removed } = eventsOf(element);
  const before = removed.length;
  await clickConfirm(item);
  await waitFor(() => expect(removed.length).toBe(before + 1));
  await element.updateComplete;
  const detail = removed.at(-1);
  if (!detail) throw new Error('authenticator-removed came without a detail');
  return detail;
}

/** The errors the element has reported, oldest first. */
export function listErrors(element: AuthenticatorListElement): readonly RegistrationErrorDetail[] {
  return eventsOf(element).errors;
}

import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { AuthenticatorListElement, PasskeyRegisterElement } from '../../src/index.js';
import { TOKENS, USERS } from '../../mock/seed.js';
import { withVirtualAuthenticator } from './authenticator.js';
import { RegistrationHarness } from './harness.js';

/**
 * Registers a passkey named `name` for alice on an authenticator of its own, as a second device would, so a
 * list has something to show. Needs `../../src/passkey-register.js` (or the index) defined.
 */
export async function registerPasskey(name: string): Promise<void> {
  await withVirtualAuthenticator({}, async () => {
    const element = await fixture<PasskeyRegisterElement>(
      html`<passkey-register user-id=${USERS.alice.id} passkey-name=${name}></passkey-register>`,
    );
    element.token = TOKENS.alice;
    await new RegistrationHarness(element).clickAndWait('registration-success');
    element.remove();
  });
}

/** Drives `<authenticator-list>` as a person would: reads its rows, deletes one after confirming. */
export class ListHarness {
  constructor(readonly element: AuthenticatorListElement) {}

  part<T extends Element = HTMLElement>(
    name: string,
    within: ParentNode = this.element.shadowRoot!,
  ): T | null {
    return within.querySelector<T>(`[part~="${name}"]`);
  }

  /** Whether the element shows the part (a boolean: a failed check never prints a whole element). */
  has(name: string): boolean {
    return this.part(name) !== null;
  }

  parts<T extends Element = HTMLElement>(name: string): T[] {
    return [...this.element.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
  }

  /** Each row as "name | kind | state". */
  get rows(): string[] {
    return this.parts('item').map((item) =>
      ['name', 'kind', 'state'].map((name) => this.part(name, item)?.textContent?.trim()).join(' | '),
    );
  }

  /** The names of the rows, in order. */
  get names(): string[] {
    return this.parts('name').map((name) => name.textContent?.trim() ?? '');
  }

  get statusText(): string {
    return this.part('status')?.textContent?.trim() ?? '';
  }

  get messageText(): string {
    return this.part('message')?.textContent?.trim() ?? '';
  }

  /** The row of the authenticator named `name`. */
  row(name: string): HTMLElement {
    const row = this.parts('item').find((item) => this.part('name', item)?.textContent?.trim() === name);
    if (!row) throw new Error(`no row named ${name}; rows: ${JSON.stringify(this.rows)}`);
    return row;
  }

  /** Waits until the rows have exactly these names. */
  async waitForNames(names: string[], what = `the rows ${names.join(', ')}`): Promise<void> {
    await waitUntil(() => JSON.stringify(this.names) === JSON.stringify(names), what);
  }

  /** Clicks Delete on the row named `name`, then the confirmation's Delete; resolves once confirmed. */
  async confirmDelete(name: string): Promise<void> {
    const button = this.part<HTMLButtonElement>('delete-button', this.row(name));
    if (!button) throw new Error(`no delete button beside ${name}`);
    button.click();
    await this.element.updateComplete;
    this.part<HTMLButtonElement>('confirm-button', this.row(name))!.click();
  }

  /** Deletes the row named `name` and waits for `authenticator-removed`. */
  async deleteAndWait(name: string): Promise<HTMLElementEventMap['authenticator-removed']> {
    const removed = oneEvent(this.element, 'authenticator-removed');
    await this.confirmDelete(name);
    const event = await removed;
    await this.element.updateComplete;
    return event;
  }
}

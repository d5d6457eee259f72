import type { AuthenticatorListElement } from '../../../src/index.js';
import { ElementHarness, nextEvent, textOf, waitFor } from './element.js';

/** Drives `<authenticator-list>` as a person would: reads its rows, deletes one after confirming. */
export class ListHarness extends ElementHarness<AuthenticatorListElement> {
  /** The rows, one `item` part each. */
  get items(): HTMLElement[] {
    return this.parts('item');
  }

  /** Each row as "name | kind | state". */
  get rows(): string[] {
    return this.items.map((item) =>
      ['name', 'kind', 'state'].map((name) => this.textOf(name, item)).join(' | '),
    );
  }

  /** The names of the rows, in order. */
  get names(): string[] {
    return this.parts('name').map((name) => textOf(name));
  }

  /** Whether the list says it has nothing to show. */
  get isEmpty(): boolean {
    return this.has('empty');
  }

  /** The row of the authenticator named `name`. */
  row(name: string): HTMLElement {
    const row = this.items.find((item) => this.textOf('name', item) === name);
    if (!row) throw new Error(`no row named ${name}; rows: ${JSON.stringify(this.rows)}`);
    return row;
  }

  /** The Delete button of the row named `name`. */
  deleteButton(name: string): HTMLButtonElement {
    return this.required<HTMLButtonElement>('delete-button', this.row(name));
  }

  /** Waits until the rows have exactly these names. */
  async waitForNames(names: string[], what = `the rows ${names.join(', ')}`): Promise<void> {
    await waitFor(() => JSON.stringify(this.names) === JSON.stringify(names), what);
  }

  /** Waits until the list shows `count` rows. */
  async waitForRows(count: number, what = `${count} rows`): Promise<void> {
    await waitFor(() => this.isRendered && this.items.length === count, what);
  }

  /** Clicks Delete on the row named `name`; resolves once it asks for a confirmation. */
  async askToDelete(name: string): Promise<HTMLElement> {
    this.deleteButton(name).click();
    await this.rendered();
    return this.required<HTMLElement>('confirm', this.row(name));
  }

  /** Clicks Delete on the row named `name`, then the confirmation's Delete; resolves once confirmed. */
  async confirmDelete(name: string): Promise<void> {
    await this.askToDelete(name);
    this.required<HTMLButtonElement>('confirm-button', this.row(name)).click();
  }

  /** Deletes the row named `name` and waits for `authenticator-removed`. */
  async deleteAndWait(name: string): Promise<HTMLElementEventMap['authenticator-removed']> {
    const removed = nextEvent<HTMLElementEventMap['authenticator-removed']>(
      this.element,
      'authenticator-removed',
    );
    await this.confirmDelete(name);
    const event = await removed;
    await this.rendered();
    return event;
  }
}

import { oneEvent } from '@open-wc/testing';
import type { RegistrationLinkAdminElement } from '../../src/registration-link-admin.js';

/** Drives `<registration-link-admin>` through its form, as an administrator would. */
export class LinkAdminHarness {
  constructor(readonly element: RegistrationLinkAdminElement) {}

  part<T extends Element = HTMLElement>(name: string): T | null {
    return this.element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  }

  input(name: string): HTMLInputElement {
    const input = this.element.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new Error(`no input ${name}`);
    return input;
  }

  async type(name: string, value: string): Promise<void> {
    const input = this.input(name);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.element.updateComplete;
  }

  async chooseDelivery(value: 'return' | 'email'): Promise<void> {
    const radio = this.element.shadowRoot!.querySelector<HTMLInputElement>(
      `input[name="delivery"][value="${value}"]`,
    )!;
    radio.click();
    await this.element.updateComplete;
  }

  /** Whether the form has a link-template field. */
  get offersTemplate(): boolean {
    return this.element.shadowRoot!.querySelector('input[name="linkTemplate"]') !== null;
  }

  get messageText(): string {
    return this.part('message')?.textContent?.trim() ?? '';
  }

  get statusText(): string {
    return this.part('status')?.textContent?.trim() ?? '';
  }

  get link(): HTMLAnchorElement | null {
    return this.part<HTMLAnchorElement>('link');
  }

  /** Submits the form and waits for the outcome event. */
  async submitAndWait<K extends 'link-created' | 'link-error'>(outcome: K): Promise<HTMLElementEventMap[K]> {
    const created = oneEvent(this.element, 'link-created');
    const failed = oneEvent(this.element, 'link-error');
    this.part<HTMLButtonElement>('button')!.click();
    const event = (await Promise.race([created, failed])) as CustomEvent<unknown>;
    if (event.type !== outcome) {
      throw new Error(`expected ${outcome} but got ${event.type}: ${JSON.stringify(event.detail)}`);
    }
    await this.element.updateComplete;
    return event as HTMLElementEventMap[K];
  }
}

import type { RegistrationLinkAdminElement } from '../../../src/registration-link-admin.js';
import { ElementHarness } from './element.js';

/** Drives `<registration-link-admin>` through its form, as an administrator would. */
export class LinkAdminHarness extends ElementHarness<RegistrationLinkAdminElement> {
  input(name: string): HTMLInputElement {
    const input = this.query<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new Error(`no input ${name}`);
    return input;
  }

  async type(name: string, value: string): Promise<void> {
    const input = this.input(name);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.rendered();
  }

  /** The delivery choice `value` (a radio button). */
  delivery(value: 'return' | 'email'): HTMLInputElement {
    const radio = this.query<HTMLInputElement>(`input[name="delivery"][value="${value}"]`);
    if (!radio) throw new Error(`no delivery choice ${value}`);
    return radio;
  }

  async chooseDelivery(value: 'return' | 'email'): Promise<void> {
    this.delivery(value).click();
    await this.rendered();
  }

  /** Whether the form has a link-template field. */
  get offersTemplate(): boolean {
    return this.query('input[name="linkTemplate"]') !== null;
  }

  /** The form's submit button. */
  get submitButton(): HTMLButtonElement {
    return this.required<HTMLButtonElement>('button');
  }

  /** What the form says at the template field about a template it cannot use. */
  get fieldErrorText(): string {
    return this.textOf('field-error');
  }

  get link(): HTMLAnchorElement | null {
    return this.part<HTMLAnchorElement>('link');
  }

  /** The Copy button beside a created link. */
  get copyButton(): HTMLButtonElement {
    return this.required<HTMLButtonElement>('copy-button');
  }

  /** Submits the form and waits for the outcome event. */
  submitAndWait<K extends 'link-created' | 'link-error'>(outcome: K): Promise<HTMLElementEventMap[K]> {
    return this.outcome(() => this.submitButton.click(), outcome, ['link-created', 'link-error']);
  }
}

import type { RegistrationElement } from '../../../src/internal/registration/registration-element.js';
import { ElementHarness } from './element.js';

/**
 * Drives `<passkey-register>` and `<u2f-register>` the way a person does: the button, the name field, the
 * status and message they read.
 */
export class RegistrationHarness extends ElementHarness<RegistrationElement> {
  get button(): HTMLButtonElement {
    // By tag name, not instanceof: the element may live in another window (an iframe's page).
    const button = this.part<HTMLButtonElement>('button');
    if (button?.localName !== 'button') throw new Error('no button part');
    return button;
  }

  /** Whether the element offers a button now (it offers none where a click could not work). */
  get hasButton(): boolean {
    return this.has('button');
  }

  /** The Cancel button shown while the browser's prompt is open, if any. */
  get cancelButton(): HTMLButtonElement | null {
    return this.part<HTMLButtonElement>('cancel');
  }

  /** The name field of `ask-name`, if shown. */
  get nameField(): HTMLInputElement | null {
    return this.part<HTMLInputElement>('input');
  }

  /** The "Continue" link shown after success for `continue-url`, if any. */
  get continueLink(): HTMLAnchorElement | null {
    const link = this.part<HTMLAnchorElement>('continue');
    return link?.localName === 'a' ? link : null;
  }

  /** Types `name` into the name field, as a person does, and lets the element take it. */
  async typeName(name: string): Promise<void> {
    const field = this.nameField;
    if (!field) throw new Error('the element shows no name field (ask-name)');
    field.value = name;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.rendered();
  }

  /** Clicks the button and waits for the ceremony's outcome event. */
  clickAndWait<K extends 'registration-success' | 'registration-error'>(
    outcome: K,
  ): Promise<HTMLElementEventMap[K]> {
    return this.outcome(() => this.button.click(), outcome, ['registration-success', 'registration-error']);
  }
}

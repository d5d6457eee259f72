import { oneEvent } from '@open-wc/testing';
import type { RegistrationElement } from '../../src/internal/registration/registration-element.js';

/** Drives a registration element the way a person does, without tests reaching into its shadow DOM. */
export class RegistrationHarness {
  constructor(readonly element: RegistrationElement) {}

  private part(name: string): HTMLElement | null {
    return this.element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  get button(): HTMLButtonElement {
    const button = this.part('button');
    if (!(button instanceof HTMLButtonElement)) throw new Error('no button part');
    return button;
  }

  /** Whether the element offers a button now (it offers none where a click could not work). */
  get hasButton(): boolean {
    return this.part('button') !== null;
  }

  /** The "Continue" link shown after success for `continue-url`, if any. */
  get continueLink(): HTMLAnchorElement | null {
    const link = this.part('continue');
    return link instanceof HTMLAnchorElement ? link : null;
  }

  get statusText(): string {
    return this.part('status')?.textContent?.trim() ?? '';
  }

  get messageText(): string {
    return this.part('message')?.textContent?.trim() ?? '';
  }

  /** Clicks the button and waits for the ceremony's outcome event. */
  async clickAndWait<K extends 'registration-success' | 'registration-error'>(
    outcome: K,
  ): Promise<HTMLElementEventMap[K]> {
    const success = oneEvent(this.element, 'registration-success');
    const error = oneEvent(this.element, 'registration-error');
    this.button.click();
    const event = (await Promise.race([success, error])) as CustomEvent<unknown>;
    if (event.type !== outcome) {
      throw new Error(`expected ${outcome} but got ${event.type}: ${JSON.stringify(event.detail)}`);
    }
    await this.element.updateComplete;
    return event as HTMLElementEventMap[K];
  }
}

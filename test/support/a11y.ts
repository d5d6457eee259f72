import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { command } from './authenticator.js';
import { engine } from './engine.js';
import { harnessFor } from './harness/index.js';

/** What has the focus inside an element's shadow root, if anything. */
export function focused(element: HTMLElement): HTMLElement | null {
  return harnessFor(element).focused;
}

/** The `part` of what has the focus inside an element's shadow root ('' for none). */
export function focusedPart(element: HTMLElement): string {
  return focused(element)?.getAttribute('part') ?? '';
}

/** Waits until the focus is on the part `name` of `element`, as after an outcome. */
export async function focusMovesTo(element: HTMLElement, name: string): Promise<void> {
  await waitUntil(
    () => focusedPart(element).split(' ').includes(name),
    `focus on the ${name} part (it is on "${focusedPart(element)}")`,
  );
}

/**
 * Presses Tab, as a person does, until the focus is on a control of `element` for which `found` holds;
 * fails after `max` presses. Starts from the page, so it also proves the control is in the tab order.
 */
export async function tabTo(
  element: HTMLElement,
  found: (control: HTMLElement) => boolean,
  what: string,
  max = 12,
): Promise<HTMLElement> {
  for (let presses = 0; presses < max; presses++) {
    await sendKeys({ press: 'Tab' });
    const control = focused(element);
    if (control && found(control)) return control;
  }
  throw new Error(`Tab never reached ${what}; the focus is on "${focusedPart(element)}"`);
}

/** Tabs to the part `name` of `element`. */
export function tabToPart(element: HTMLElement, name: string, max?: number): Promise<HTMLElement> {
  return tabTo(element, (control) => control.part.contains(name), `the ${name} part`, max);
}

/** The accessible name of a button as assistive technology gets it: `aria-label`, else its text. */
export function accessibleName(button: Element): string {
  return (button.getAttribute('aria-label') ?? button.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Checks the part `status` is a polite live region (role status, aria-live polite) and, where `text` is
 * given, that it says so: what a screen reader announces without moving the focus.
 */
export function expectPoliteStatus(element: HTMLElement, text?: string | RegExp): HTMLElement {
  const status = harnessFor(element).part('status');
  expect(status, 'a status part').to.exist;
  expect(status!.getAttribute('role')).to.equal('status');
  expect(status!.getAttribute('aria-live')).to.equal('polite');
  const said = status!.textContent?.trim() ?? '';
  if (typeof text === 'string') expect(said).to.equal(text);
  else if (text) expect(said).to.match(text);
  return status!;
}

/** Checks the error message is shown as an alert that says `text`. */
export function expectAlert(element: HTMLElement, text?: string): HTMLElement {
  const message = harnessFor(element).part('message');
  expect(message, 'a message part').to.exist;
  expect(message!.getAttribute('role')).to.equal('alert');
  expect(message!.textContent?.trim()).not.to.equal('');
  if (text) expect(message!.textContent?.trim()).to.contain(text);
  return message!;
}

/**
 * Types `text` into what has the focus, as a person would. WebKitGTK's WebDriver drops a character that
 * repeats the one before it within one `type` action ("100000000000000003" arrives as "103"): there each
 * character is its own action.
 */
export async function typeText(text: string): Promise<void> {
  if (engine.name !== 'webkit') return sendKeys({ type: text });
  for (const character of text) await sendKeys({ type: character });
}

/**
 * Presses a key with a modifier held, as `sendKeys({ press: 'Shift+Tab' })` does in Chromium and Firefox;
 * WebKit's WebDriver gets the keys as a chord (`keys:chord` in webauthn-plugin.mjs), since wtr would type
 * "Shift+Tab" there as text.
 */
export async function pressChord(chord: 'Shift+Tab'): Promise<void> {
  if (engine.name !== 'webkit') return sendKeys({ press: chord });
  await command('keys:chord', { keys: chord.split('+') });
}

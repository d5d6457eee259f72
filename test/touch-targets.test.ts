/**
 * Target sizes of every control the four elements render, on a page with the browser's default font and
 * line height: at least 24 × 24 CSS px everywhere (WCAG 2.5.8), and on a touch screen (`any-pointer: coarse`)
 * at least 44 × 44, a fingertip's. A radio's target is its label, which checks it. With a mouse the buttons
 * keep their compact height. The pointer is emulated (CDP touch emulation in Chromium, LookAndFeel prefs in
 * Firefox), which WebKit's WebDriver cannot: the file is left out of WebKit (test/support/engines.mjs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { PasskeyRegisterElement, RegistrationLinkAdminElement } from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { RegistrationHarness, harnessFor } from './support/harness/index.js';
import { emulateMedia } from './support/media.js';
import { mockApi } from './support/mock-api.js';
import { backend, make, type Kit } from './support/theming-looks.js';

/** A control's name in failures: its part, else its tag and type. */
const nameOf = (control: Element) =>
  control.getAttribute('part') ?? `${control.localName}${control.getAttribute('type') ?? ''}`;

interface Target {
  name: string;
  width: number;
  height: number;
}

/** Every control an element shows now, measured; a radio by its label, the target a person taps. */
function controls(element: Kit): Target[] {
  return harnessFor(element)
    .queryAll('button, a[href], input')
    .map((control) => {
      const target = control.matches('[type="radio"]') ? control.closest('label')! : control;
      const { width, height } = target.getBoundingClientRect();
      return { name: `${nameOf(target)} "${target.textContent?.trim().slice(0, 30)}"`, width, height };
    });
}

/** One of each control of the kit, every element in the state that shows it (each measured at once). */
async function everyControl(): Promise<Target[]> {
  const found: Target[] = [];
  const prompting = (await make('passkey-register', 'prompting')) as PasskeyRegisterElement;
  found.push(...controls(prompting)); // the busy button, Cancel
  prompting.reset();
  const named = await fixture<PasskeyRegisterElement>(
    html`<passkey-register ask-name user-id=${USERS.alice.id}></passkey-register>`,
  );
  found.push(...controls(named)); // the button, the name field
  const registered = (await make('passkey-register', 'success')) as PasskeyRegisterElement;
  registered.continueUrl = '/next';
  await registered.updateComplete;
  found.push(...controls(registered)); // "Create another passkey", "Continue"
  found.push(...controls(await make('u2f-register')));
  const form = await fixture<RegistrationLinkAdminElement>(
    html`<registration-link-admin .backend=${backend}></registration-link-admin>`,
  );
  found.push(...controls(form)); // the user and template fields, the radios, the button
  const link = await make('registration-link-admin', 'success');
  found.push(...controls(link)); // the link, Copy link
  link.style.inlineSize = '200em';
  found.push(...controls(link).filter(({ name }) => name.startsWith('link'))); // the link on one line
  found.push(...controls(await make('authenticator-list'))); // Delete
  found.push(...controls(await make('authenticator-list', 'confirm'))); // the confirmed Delete, Cancel
  expect(found.map((target) => target.name.split(' "')[0])).to.include.members([
    'button',
    'cancel',
    'input',
    'continue',
    'label',
    'link',
    'button copy-button',
    'button delete-button',
    'button confirm-button',
    'button cancel-button',
  ]);
  return found;
}

function expectAtLeast(found: Target[], size: number): void {
  for (const { name, width, height } of found) {
    expect(width, `${name}: ${width}×${height}`).to.be.at.least(size);
    expect(height, `${name}: ${width}×${height}`).to.be.at.least(size);
  }
}

describe('touch targets', () => {
  useVirtualAuthenticator();

  beforeEach(async () => {
    await mockApi.reset();
  });

  describe('with a mouse', () => {
    it('gives every control at least 24 × 24 CSS px (WCAG 2.5.8), the radios’ labels too', async () => {
      expectAtLeast(await everyControl(), 24);
    });

    it('keeps the buttons compact', async () => {
      const element = await make('passkey-register');
      const button = new RegistrationHarness(element as PasskeyRegisterElement).button;
      expect(button.getBoundingClientRect().height).to.be.below(44);
    });
  });

  describe('on a touch screen (any-pointer: coarse)', () => {
    beforeEach(async () => {
      await emulateMedia({ pointer: 'coarse' });
      expect(matchMedia('(any-pointer: coarse)').matches, 'the pointer is emulated').to.equal(true);
    });

    afterEach(async () => {
      await emulateMedia({ pointer: null });
    });

    it('gives every control at least 44 × 44 CSS px', async () => {
      expectAtLeast(await everyControl(), 44);
    });

    it('keeps a grown button’s label centred, and a grown field’s text inside it', async () => {
      const element = await fixture<PasskeyRegisterElement>(
        html`<passkey-register ask-name user-id=${USERS.alice.id}></passkey-register>`,
      );
      element.token = TOKENS.alice;
      await element.updateComplete;
      const harness = new RegistrationHarness(element);
      const button = harness.button.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(harness.button);
      const label = range.getBoundingClientRect();
      const above = label.top - button.top;
      const below = button.bottom - label.bottom;
      expect(Math.abs(above - below), `${above} above, ${below} below`).to.be.at.most(1.5);
      // Padding and border count in the 44 px: the field is not 44 px of text plus its padding.
      expect(harness.nameField!.getBoundingClientRect().height).to.be.below(50);
    });
  });
});

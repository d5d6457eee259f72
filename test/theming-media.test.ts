/**
 * Theming under emulated media: `prefers-color-scheme` (`theme="auto"`) and forced colours (Windows high
 * contrast). A file of its own because WebKit's WebDriver cannot emulate media (`emulateMedia` throws
 * `UnsupportedInEngineError` there); test/theming.test.ts runs in every engine.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { emulateMedia } from './support/media.js';
import { harnessFor } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import { TAGS, make, part, styleOf, systemColor } from './support/theming-looks.js';

describe('theming under emulated media', () => {
  beforeEach(async () => {
    await mockApi.reset();
  });

  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    document.documentElement.style.colorScheme = '';
  });

  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('follows prefers-color-scheme with theme="auto" only; theme="light"/"dark" and a light page do not', async () => {
        const colours = async () => {
          const looks: Record<string, string> = {};
          for (const theme of ['light', 'dark', 'auto', '']) {
            const element = await make(tag);
            if (theme) element.setAttribute('theme', theme);
            looks[theme || 'page'] =
              `${styleOf(element, 'button').backgroundColor} ${getComputedStyle(element).color}`;
          }
          return looks;
        };
        await emulateMedia({ colorScheme: 'dark' });
        const prefersDark = await colours();
        expect(prefersDark.light).not.to.equal(prefersDark.dark);
        expect(prefersDark.auto, 'auto follows the dark preference').to.equal(prefersDark.dark);
        expect(prefersDark.page, 'a light-only page keeps it light').to.equal(prefersDark.light);

        // A page that declares both schemes lets the preference through.
        document.documentElement.style.colorScheme = 'light dark';
        expect((await colours()).page, 'a light-dark page follows the preference').to.equal(prefersDark.dark);
        document.documentElement.style.colorScheme = '';

        await emulateMedia({ colorScheme: 'light' });
        const prefersLight = await colours();
        expect(prefersLight.auto, 'auto follows the light preference').to.equal(prefersLight.light);
        expect(prefersLight.dark, 'dark stays dark').to.equal(prefersDark.dark);
        expect(prefersLight.light).to.equal(prefersDark.light);
      });
    });
  }

  describe('forced colors (Windows high contrast)', () => {
    /** Every button of the kit, in the states that show them. */
    async function everyButton(): Promise<HTMLElement[]> {
      const passkey = await make('passkey-register');
      const link = await make('registration-link-admin', 'success');
      const list = await make('authenticator-list');
      const confirming = await make('authenticator-list');
      (part(confirming, 'delete-button') as HTMLElement).click();
      await confirming.updateComplete;
      return [passkey, link, list, confirming].flatMap((element) => harnessFor(element).queryAll('button'));
    }

    for (const scheme of ['light', 'dark'] as const) {
      it(`draws every button with system colours and a visible border (${scheme} palette)`, async () => {
        await emulateMedia({ forcedColors: 'active', colorScheme: scheme });
        const buttons = await everyButton();
        expect(buttons.map((b) => b.getAttribute('part'))).to.include.members([
          'button',
          'button copy-button',
          'button delete-button',
          'button confirm-button',
          'button cancel-button',
        ]);
        const [text, face] = [systemColor('ButtonText'), systemColor('ButtonFace')];
        expect(text).not.to.equal(face);
        for (const button of buttons) {
          const style = getComputedStyle(button);
          const name = button.getAttribute('part');
          expect(style.borderTopStyle, name!).to.equal('solid');
          expect(parseFloat(style.borderTopWidth), name!).to.be.at.least(1);
          expect(style.borderTopColor, `${name} border`).to.equal(text);
          expect(style.color, `${name} text`).to.equal(text);
          expect(style.backgroundColor, `${name} background`).to.equal(face);
        }
      });
    }

    it('tells the confirmed Delete apart from Cancel without colours: a thicker border, bold text', async () => {
      await emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
      const confirming = await make('authenticator-list');
      (part(confirming, 'delete-button') as HTMLElement).click();
      await confirming.updateComplete;
      const [confirm, cancel] = ['confirm-button', 'cancel-button'].map((name) =>
        getComputedStyle(part(confirming, name)!),
      );
      expect(parseFloat(confirm!.borderTopWidth)).to.be.greaterThan(parseFloat(cancel!.borderTopWidth));
      expect(Number(confirm!.fontWeight)).to.be.greaterThan(Number(cancel!.fontWeight));
    });

    it('shows the keyboard focus with a Highlight outline', async () => {
      await emulateMedia({ forcedColors: 'active' });
      const element = await make('passkey-register');
      const harness = harnessFor(element);
      const button = harness.required('button');
      for (let i = 0; i < 10 && harness.focused !== button; i++) {
        await sendKeys({ press: 'Tab' });
      }
      expect(harness.focused === button, 'the button has the focus').to.equal(true);
      const style = getComputedStyle(button);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(1);
      expect(style.outlineColor).to.equal(systemColor('Highlight'));
    });

    it('keeps the link a LinkText link, the fields bordered, and the QR code dark on light to stay scannable', async () => {
      await emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
      const element = await make('registration-link-admin', 'success');
      expect(styleOf(element, 'link').color).to.equal(systemColor('LinkText'));
      const input = styleOf(element, 'input');
      expect(input.borderTopStyle).to.equal('solid');
      expect(input.borderTopColor).not.to.equal(input.backgroundColor);
      const qr = part(element, 'qr')!;
      expect(getComputedStyle(qr.querySelector('rect')!).fill).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(qr.querySelector('path')!).fill).to.equal('rgb(0, 0, 0)');
    });

    it('turns the error colour into the page text colour', async () => {
      await emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
      for (const tag of TAGS) {
        const element = await make(tag, 'error');
        expect(styleOf(element, 'message').color, tag).to.equal(systemColor('CanvasText'));
      }
    });
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type {
  PasskeyRegisterElement,
  RegistrationLinkAdminElement,
  U2fRegisterElement,
} from '../src/index.js';

type Kit = PasskeyRegisterElement | U2fRegisterElement | RegistrationLinkAdminElement;

/** All CSS text of an element's shadow root (adopted stylesheets). */
function cssOf(element: Kit): string {
  return element
    .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
    .join('\n');
}

const elements = {
  'passkey-register': () => fixture<PasskeyRegisterElement>(html`<passkey-register></passkey-register>`),
  'u2f-register': () => fixture<U2fRegisterElement>(html`<u2f-register></u2f-register>`),
  'registration-link-admin': () =>
    fixture<RegistrationLinkAdminElement>(html`<registration-link-admin></registration-link-admin>`),
};

describe('theming', () => {
  for (const [tag, make] of Object.entries(elements)) {
    describe(`<${tag}>`, () => {
      it('sets every private --_ variable it uses, and uses every one it sets', async () => {
        const css = cssOf(await make());
        const set = new Set([...css.matchAll(/(--_[a-z-]+)\s*:/g)].map((m) => m[1]));
        const used = new Set([...css.matchAll(/var\(\s*(--_[a-z-]+)/g)].map((m) => m[1]));
        expect(set.size).to.be.greaterThan(5);
        expect(
          [...used].filter((name) => !set.has(name)),
          'used but never set',
        ).to.deep.equal([]);
        expect(
          [...set].filter((name) => !used.has(name)),
          'set but never used',
        ).to.deep.equal([]);
      });

      it('feeds every private variable from a public --pk- custom property', async () => {
        const css = cssOf(await make());
        for (const [, name, value] of css.matchAll(/(--_[a-z-]+)\s*:\s*([^;]+);/g)) {
          expect(value, name).to.match(/^var\(--pk-[a-z-]+/);
        }
      });

      it('follows a --pk- custom property set by the page', async () => {
        const element = await make();
        element.style.setProperty('--pk-accent-color', 'rgb(1, 2, 3)');
        const button = element.shadowRoot!.querySelector('[part~="button"]')!;
        expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
      });

      it('turns dark with theme="dark", and stays light on a light page by default', async () => {
        const element = await make();
        const button = element.shadowRoot!.querySelector('[part~="button"]')!;
        const light = getComputedStyle(button).backgroundColor;
        element.setAttribute('theme', 'dark');
        await element.updateComplete;
        const dark = getComputedStyle(button).backgroundColor;
        expect(dark).not.to.equal(light);
        expect(getComputedStyle(element).colorScheme).to.equal('dark');
      });
    });
  }

  it('names a part for every visible piece', async () => {
    const passkey = await elements['passkey-register']();
    expect(
      [...passkey.shadowRoot!.querySelectorAll('[part]')].map((e) => e.getAttribute('part')),
    ).to.include.members(['base', 'status', 'button']);
    const admin = await elements['registration-link-admin']();
    const parts = [...admin.shadowRoot!.querySelectorAll('[part]')].flatMap((e) =>
      e.getAttribute('part')!.split(' '),
    );
    expect(parts).to.include.members(['form', 'field', 'input', 'button', 'status']);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import type { AuthenticatorListElement, PasskeyRegisterElement } from '../src/index.js';
import { USERS } from '../mock/seed.js';
import { engine, useVirtualAuthenticator } from './support/authenticator.js';
import { ListHarness } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';
import {
  TAGS,
  backend,
  cssOf,
  make,
  part,
  partsOf,
  styleOf,
  type Look,
  type Tag,
} from './support/theming-looks.js';

/** Whether this engine can show `look` for `tag`: a registration element never leaves idle without WebAuthn. */
function reachable(tag: Tag, look: Look): boolean {
  const registering = tag === 'passkey-register' || tag === 'u2f-register';
  return engine.hasWebAuthn || !registering || ['idle', 'error', 'focused'].includes(look);
}

/**
 * What each public custom property changes, and in which look: the value set on the element, and the part
 * (or the host) whose computed style must then show it.
 */
const EFFECTS: Record<string, { look: Look; value: string; part: string; css: string; theme?: string }> = {
  '--pk-accent-color': { look: 'idle', value: 'rgb(1, 2, 3)', part: 'button', css: 'background-color' },
  '--pk-on-accent-color': { look: 'idle', value: 'rgb(4, 5, 6)', part: 'button', css: 'color' },
  '--pk-text-color': { look: 'idle', value: 'rgb(7, 8, 9)', part: 'base', css: 'color' },
  '--pk-muted-color': { look: 'idle', value: 'rgb(10, 11, 12)', part: 'status', css: 'color' },
  '--pk-error-color': { look: 'error', value: 'rgb(13, 14, 15)', part: 'message', css: 'color' },
  '--pk-success-color': { look: 'success', value: 'rgb(16, 17, 18)', part: 'status', css: 'color' },
  '--pk-danger-color': {
    look: 'confirm',
    value: 'rgb(22, 23, 24)',
    part: 'confirm-button',
    css: 'background-color',
  },
  '--pk-radius': { look: 'idle', value: '3px', part: 'button', css: 'border-top-left-radius' },
  '--pk-spacing': { look: 'idle', value: '5px', part: 'base', css: 'row-gap' },
  '--pk-font-family': { look: 'idle', value: 'monospace', part: 'base', css: 'font-family' },
  '--pk-progress-color': {
    look: 'starting',
    value: 'rgb(22, 23, 24)',
    part: 'progress',
    css: 'border-top-color',
  },
  '--pk-countdown-color': { look: 'prompting', value: 'rgb(25, 26, 27)', part: 'countdown', css: 'color' },
  '--pk-qr-size': { look: 'success', value: '77px', part: 'qr', css: 'width' },
  '--pk-surface-color': {
    look: 'idle',
    value: 'rgb(19, 20, 21)',
    part: 'host',
    css: 'background-color',
    theme: 'dark',
  },
};

/**
 * Where an element shows a custom property other than as `EFFECTS` says: the list has no filled button
 * (its row's Delete is a quiet one), so its accent is the focus ring.
 */
const EFFECTS_OF: Partial<Record<Tag, typeof EFFECTS>> = {
  'authenticator-list': {
    '--pk-accent-color': { look: 'focused', value: 'rgb(1, 2, 3)', part: 'button', css: 'outline-color' },
    // The text on the one filled button, the confirmed Delete.
    '--pk-on-accent-color': { look: 'confirm', value: 'rgb(4, 5, 6)', part: 'confirm-button', css: 'color' },
  },
};

/** The red, green and blue of a computed colour (`rgb()` or `color(srgb …)`), 0–255. */
function channels(color: string): number[] {
  const numbers = (color.match(/[\d.]+/g) ?? []).map(Number);
  return color.startsWith('color(') ? numbers.slice(0, 3).map((value) => value * 255) : numbers.slice(0, 3);
}

describe('theming', () => {
  if (engine.hasWebAuthn) useVirtualAuthenticator({ transport: 'usb' });

  beforeEach(async () => {
    await mockApi.reset();
  });

  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('sets every private --_ variable it uses, and uses every one it sets', async () => {
        const css = cssOf(await make(tag));
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
        const css = cssOf(await make(tag));
        for (const [, name, value] of css.matchAll(/(--_[a-z-]+)\s*:\s*([^;]+);/g)) {
          expect(value, name).to.match(/^var\(--pk-[a-z-]+/);
        }
      });

      it('changes what it shows for every --pk- custom property it reads', async () => {
        const read = new Set([...cssOf(await make(tag)).matchAll(/var\((--pk-[a-z-]+)/g)].map((m) => m[1]!));
        expect(
          [...read].filter((name) => !EFFECTS[name]),
          'read but not tested here',
        ).to.deep.equal([]);
        let checked = 0;
        for (const name of read) {
          const effect = EFFECTS_OF[tag]?.[name] ?? EFFECTS[name]!;
          // Without Web Authentication (WebKitGTK) a registration element never starts, prompts or
          // succeeds: there its progress, countdown and success colours are checked by the other engines.
          if (!reachable(tag, effect.look)) continue;
          checked += 1;
          const element = await make(tag, effect.look);
          if (effect.theme) {
            element.setAttribute('theme', effect.theme);
            await element.updateComplete;
          }
          const before = styleOf(element, effect.part).getPropertyValue(effect.css);
          element.style.setProperty(name, effect.value);
          const after = styleOf(element, effect.part).getPropertyValue(effect.css);
          expect(after, `${name} → ${effect.part} ${effect.css}`).to.equal(effect.value);
          expect(before, `${name} changed nothing`).not.to.equal(after);
        }
        expect(checked, 'most of them in every engine').to.be.greaterThan(read.size / 2);
      });

      it('turns dark with theme="dark", and stays light on a light page by default', async () => {
        const element = await make(tag);
        // The fill of a filled button, the text of a quiet one (the list's Delete).
        const look = () =>
          `${styleOf(element, 'button').backgroundColor} ${styleOf(element, 'button').color}`;
        const light = look();
        element.setAttribute('theme', 'dark');
        await element.updateComplete;
        const dark = look();
        expect(dark).not.to.equal(light);
        expect(getComputedStyle(element).colorScheme).to.equal('dark');
      });

      it('takes the page’s own text colour by default: a dark page without color-scheme keeps light text', async () => {
        const element = await make(tag);
        const page = element.parentElement!;
        page.style.background = 'rgb(18, 18, 18)';
        page.style.color = 'rgb(238, 238, 238)';
        expect(getComputedStyle(element).color).to.equal('rgb(238, 238, 238)');
        // Muted text is the page's colour at 70 %: light here, where CanvasText would be black.
        const status = part(element, 'status');
        if (status) {
          const [r = 0, g = 0, b = 0] = channels(getComputedStyle(status).color);
          expect(r + g + b, getComputedStyle(status).color).to.be.greaterThan(600);
        }
      });

      it('paints its own surface with an explicit theme, so its text is legible on any page', async () => {
        const element = await make(tag);
        expect(getComputedStyle(element).backgroundColor, 'no surface by default').to.equal(
          'rgba(0, 0, 0, 0)',
        );
        for (const theme of ['dark', 'light'] as const) {
          element.setAttribute('theme', theme);
          await element.updateComplete;
          const { color, backgroundColor } = getComputedStyle(element);
          expect(backgroundColor, theme).not.to.equal('rgba(0, 0, 0, 0)');
          expect(backgroundColor, `${theme}: text and surface differ`).not.to.equal(color);
          const lightness = (rgb: string) =>
            (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, channel) => sum + Number(channel), 0);
          const darker = theme === 'dark' ? backgroundColor : color;
          const lighter = theme === 'dark' ? color : backgroundColor;
          expect(lightness(darker), `${theme}: contrast`).to.be.lessThan(lightness(lighter) - 300);
        }
      });
    });
  }

  describe('parts', () => {
    it('names a part for every visible piece of the registration elements', async () => {
      const passkey = await fixture<PasskeyRegisterElement>(
        html`<passkey-register ask-name user-id=${USERS.alice.id}></passkey-register>`,
      );
      expect([...partsOf(passkey)]).to.include.members(['base', 'status', 'field', 'input', 'button']);
      // The error look is a network error where the engine has Web Authentication (a retry is offered),
      // `unsupported` without it (WebKitGTK), where no button could help.
      expect([...partsOf(await make('u2f-register', 'error'))]).to.include.members(
        engine.hasWebAuthn ? ['base', 'status', 'message', 'button'] : ['base', 'status', 'message'],
      );
    });

    it('names a part for every visible piece of <registration-link-admin>', async () => {
      const form = await make('registration-link-admin');
      expect([...partsOf(form)]).to.include.members([
        'base',
        'form',
        'field',
        'input',
        'radio',
        'hint',
        'button',
        'status',
      ]);
      expect([...partsOf(await make('registration-link-admin', 'error'))]).to.include('message');
      expect([...partsOf(await make('registration-link-admin', 'success'))]).to.include.members([
        'result',
        'link',
        'copy-button',
        'qr',
        'hint',
      ]);
    });

    it('names a part for every visible piece of <authenticator-list>', async () => {
      const list = await make('authenticator-list');
      expect([...partsOf(list)]).to.include.members([
        'base',
        'list',
        'item',
        'name',
        'kind',
        'state',
        'button',
        'delete-button',
        'status',
      ]);
      (part(list, 'delete-button') as HTMLElement).click();
      await list.updateComplete;
      expect([...partsOf(list)]).to.include.members(['confirm', 'confirm-button', 'cancel-button']);
      expect([...partsOf(await make('authenticator-list', 'error'))]).to.include('message');
      const empty = await fixture<AuthenticatorListElement>(
        html`<authenticator-list
          user-id="2000100"
          .backend=${{ ...backend, listAuthenticators: async () => ({ authenticators: [], unlisted: [] }) }}
        ></authenticator-list>`,
      );
      await new ListHarness(empty).waitForPart('empty', 'the empty list');
      expect([...partsOf(empty)]).to.include('empty');
    });

    it('lets a page style the link parts and the form fields with ::part()', async () => {
      const PARTS = [
        'form',
        'field',
        'input',
        'radio',
        'hint',
        'button',
        'link',
        'copy-button',
        'qr',
        'result',
      ];
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        PARTS.map((name) => `registration-link-admin::part(${name}) { margin-left: 13px; }`).join('\n'),
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        const element = await make('registration-link-admin', 'success');
        for (const name of PARTS) expect(styleOf(element, name).marginLeft, name).to.equal('13px');
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    });

    it('lets a page style the list parts with ::part()', async () => {
      const PARTS = ['list', 'item', 'name', 'kind', 'state', 'delete-button', 'status'];
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        PARTS.map((name) => `authenticator-list::part(${name}) { margin-left: 13px; }`).join('\n'),
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        const element = await make('authenticator-list');
        for (const name of PARTS) expect(styleOf(element, name).marginLeft, name).to.equal('13px');
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    });
  });
});

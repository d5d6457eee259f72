import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import '../src/registration-link-admin.js';
import '../src/authenticator-list.js';
import type {
  AuthenticatorListElement,
  PasskeyRegisterElement,
  RegistrationBackend,
  RegistrationLinkAdminElement,
  U2fRegisterElement,
} from '../src/index.js';
import { TOKENS, USERS } from '../mock/seed.js';
import { useVirtualAuthenticator } from './support/authenticator.js';
import { emulateMedia } from './support/media.js';
import { ListHarness, RegistrationHarness, harnessFor } from './support/harness/index.js';
import { mockApi } from './support/mock-api.js';

type Kit =
  PasskeyRegisterElement | U2fRegisterElement | RegistrationLinkAdminElement | AuthenticatorListElement;
type Tag = 'passkey-register' | 'u2f-register' | 'registration-link-admin' | 'authenticator-list';
/**
 * Idle with its button(s) showing; after an error; after a success; the list asking to confirm a deletion;
 * a registration starting (progress) and prompting (cancel, countdown); idle with the first button focused.
 */
type Look = 'idle' | 'error' | 'success' | 'confirm' | 'starting' | 'prompting' | 'focused';

/** All CSS text of an element's shadow root (adopted stylesheets). */
function cssOf(element: Kit): string {
  return harnessFor(element).cssRules.join('\n');
}

const part = (element: Kit, name: string) => harnessFor(element).part<HTMLElement | SVGElement>(name);
const partsOf = (element: Kit) => new Set(harnessFor(element).partNames);
const styleOf = (element: Kit, name: string) => {
  if (name === 'host') return getComputedStyle(element);
  const found = part(element, name);
  if (!found) throw new Error(`<${element.localName}> shows no ${name} part`);
  return getComputedStyle(found);
};

/** A backend that answers at once, without a request: the link and the list in any state. */
const LAPTOP = { id: '1', kind: 'passkey', name: 'Laptop', state: 'ready' } as const;
const KEY = { id: '2', kind: 'u2f', name: 'YubiKey', state: 'ready' } as const;
const backend: RegistrationBackend = {
  label: 'Test backend',
  createLink: async () => ({ code: { id: '1234', code: 'ABCDEF' }, details: { resourceOwner: '2000' } }),
  listAuthenticators: async () => ({ authenticators: [LAPTOP, KEY], unlisted: [] }),
  removeAuthenticator: async () => ({}),
};

/**
 * Holds a registration element in `starting` (the mock never answers the start) or `prompting` (a
 * `navigator.credentials.create()` that waits until the ceremony aborts it, put back once it was called).
 */
async function holdIn(element: PasskeyRegisterElement | U2fRegisterElement, look: 'starting' | 'prompting') {
  if (look === 'starting') {
    await mockApi.fault({
      rpc: element.localName === 'u2f-register' ? 'RegisterU2F' : 'RegisterPasskey',
      hang: true,
    });
  } else {
    Object.defineProperty(navigator.credentials, 'create', {
      configurable: true,
      value: (options?: CredentialCreationOptions) =>
        new Promise((_, reject) => {
          Reflect.deleteProperty(navigator.credentials, 'create');
          options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    });
  }
  new RegistrationHarness(element).button.click();
  await waitUntil(() => element.state === look, `reaches ${look}`);
  await element.updateComplete;
}

/** Renders `<tag>` in `look`; a registration's success runs the real ceremony against the mock. */
async function make(tag: Tag, look: Look = 'idle'): Promise<Kit> {
  if (look === 'focused') {
    const element = await make(tag);
    // Focused by script with no pointer interaction before: the browser shows the focus ring.
    (part(element, 'button') as HTMLElement).focus();
    return element;
  }
  switch (tag) {
    case 'passkey-register':
    case 'u2f-register': {
      const element = await fixture<PasskeyRegisterElement | U2fRegisterElement>(
        tag === 'passkey-register'
          ? html`<passkey-register user-id=${USERS.alice.id}></passkey-register>`
          : html`<u2f-register user-id=${USERS.alice.id}></u2f-register>`,
      );
      element.token = TOKENS.alice;
      // A network error: its message comes with a retry button (the registration elements offer one only
      // where trying again can work). Nothing listens on port 1.
      if (look === 'error') element.baseUrl = 'http://localhost:1';
      if (look === 'starting' || look === 'prompting') await holdIn(element, look);
      else if (look !== 'idle') {
        await new RegistrationHarness(element).clickAndWait(
          look === 'error' ? 'registration-error' : 'registration-success',
        );
      }
      return element;
    }
    case 'registration-link-admin': {
      const element = await fixture<RegistrationLinkAdminElement>(
        html`<registration-link-admin user-id="2000100" .backend=${backend}></registration-link-admin>`,
      );
      if (look === 'error') element.backend = { label: 'No links' };
      if (look !== 'idle') await element.create().catch(() => undefined);
      await element.updateComplete;
      return element;
    }
    case 'authenticator-list': {
      const element = await fixture<AuthenticatorListElement>(
        html`<authenticator-list user-id="2000100" .backend=${backend}></authenticator-list>`,
      );
      await waitUntil(() => part(element, 'delete-button'), 'listed');
      if (look === 'error') {
        element.backend = { label: 'No list' };
        await element.refresh().catch(() => undefined);
      }
      if (look === 'confirm') (part(element, 'delete-button') as HTMLElement).click();
      if (look === 'success') {
        (part(element, 'delete-button') as HTMLElement).click();
        await element.updateComplete;
        const removed = oneEvent(element, 'authenticator-removed');
        (part(element, 'confirm-button') as HTMLElement).click();
        await removed;
      }
      await element.updateComplete;
      return element;
    }
  }
}

const TAGS: Tag[] = ['passkey-register', 'u2f-register', 'registration-link-admin', 'authenticator-list'];

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

/** The computed value of a system colour (e.g. `ButtonText`) in the current colour mode. */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

describe('theming', () => {
  useVirtualAuthenticator({ transport: 'usb' });

  beforeEach(async () => {
    await mockApi.reset();
  });

  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    document.documentElement.style.colorScheme = '';
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
        for (const name of read) {
          const effect = EFFECTS_OF[tag]?.[name] ?? EFFECTS[name]!;
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

  describe('parts', () => {
    it('names a part for every visible piece of the registration elements', async () => {
      const passkey = await fixture<PasskeyRegisterElement>(
        html`<passkey-register ask-name user-id=${USERS.alice.id}></passkey-register>`,
      );
      expect([...partsOf(passkey)]).to.include.members(['base', 'status', 'field', 'input', 'button']);
      expect([...partsOf(await make('u2f-register', 'error'))]).to.include.members([
        'base',
        'status',
        'message',
        'button',
      ]);
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

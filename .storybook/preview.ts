import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { withActions } from 'storybook/actions/decorator';
import { configure } from 'storybook/test';
import manifest from '../custom-elements.json';
import { LANGUAGES } from '../src/i18n/index.js';

// The docs pages and the controls' descriptions come from the Custom Elements Manifest (`npm run build`
// writes it from the elements' JSDoc).
setCustomElementsManifest(manifest);

// The play functions' waitFor: the elements load their code chunks on first use, which on a busy machine
// (CI opens stories two at a time) can take longer than testing-library's default second.
configure({ asyncUtilTimeout: 5_000 });

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

interface ManifestMember {
  name: string;
  privacy?: string;
}

/** Private and protected members of each element, which the manifest lists along with the public API. */
const internalMembers = new Map<string, Set<string>>(
  manifest.modules.flatMap((module) =>
    (module.declarations ?? []).flatMap((declaration) =>
      'tagName' in declaration && typeof declaration.tagName === 'string'
        ? [
            [
              declaration.tagName,
              new Set(
                ((declaration.members ?? []) as ManifestMember[])
                  .filter(
                    ({ name, privacy }) =>
                      privacy === 'private' || privacy === 'protected' || name.startsWith('#'),
                  )
                  .map(({ name }) => name),
              ),
            ] as const,
          ]
        : [],
    ),
  ),
);

/** Rows that describe rather than configure: they get no control. */
const DESCRIPTIVE_CATEGORIES = new Set(['events', 'css custom properties', 'css shadow parts', 'slots']);

/** Keeps the manifest's tables to the public API, and controls to what a story can set. */
const publicApiOnly: ArgTypesEnhancer = ({ argTypes, component }) => {
  const internal = typeof component === 'string' ? internalMembers.get(component) : undefined;
  return Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category ?? '';
      if (category === 'properties' && internal?.has(name)) {
        return [name, { ...argType, table: { ...argType.table, disable: true } }];
      }
      if (DESCRIPTIVE_CATEGORIES.has(category)) return [name, { ...argType, control: false }];
      return [name, argType];
    }),
  );
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

type Scheme = 'light' | 'dark' | 'auto';

/**
 * The preview page in the chosen colour scheme: its `color-scheme` (which the elements follow, as on a real
 * page) and its background (`Canvas` of that scheme), so a dark story is seen on a dark page.
 */
function applyScheme(scheme: Scheme): void {
  const root = document.documentElement;
  root.style.colorScheme = scheme === 'auto' ? 'light dark' : scheme;
  root.dataset.scheme = scheme;
}

const preview: Preview = {
  argTypesEnhancers: [publicApiOnly],
  parameters: {
    controls: { expanded: true },
    // Every story is checked with axe; a violation counts as a failure, not a to-do.
    a11y: { test: 'error' },
    docs: { source: { excludeDecorators: true } },
  },
  globalTypes: {
    lang: {
      description: 'Language of the elements (the `lang` of an ancestor)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: LANGUAGES.map((value) => ({ value, title: languageNames.of(value) ?? value, right: value })),
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme of the preview page (its `color-scheme` and background)',
      toolbar: {
        title: 'Colour scheme',
        icon: 'contrast',
        items: [
          { value: 'auto', title: 'Auto (the system’s)', icon: 'mirror' },
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Direction of the text (the `dir` of an ancestor)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en', scheme: 'auto', dir: 'ltr' },
  decorators: [
    // The elements read `lang` from the nearest ancestor when they connect: a new language makes new elements.
    (story, { globals }) => {
      const lang = typeof globals.lang === 'string' ? globals.lang : 'en';
      const dir = globals.dir === 'rtl' ? 'rtl' : 'ltr';
      applyScheme(globals.scheme === 'light' || globals.scheme === 'dark' ? globals.scheme : 'auto');
      return html`${keyed(`${lang} ${dir}`, html`<div lang=${lang} dir=${dir}>${story()}</div>`)}`;
    },
    // `parameters.actions.handles` lists each element's events: they show in the Actions panel.
    withActions,
  ],
};

export default preview;

import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { withActions } from 'storybook/actions/decorator';
import manifest from '../custom-elements.json';
import { LANGUAGES } from '../src/i18n/index.js';

// The docs pages and the controls' descriptions come from the Custom Elements Manifest (`npm run build`
// writes it from the elements' JSDoc).
setCustomElementsManifest(manifest);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

const preview: Preview = {
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
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
  },
  initialGlobals: { lang: 'en' },
  decorators: [
    // The elements read `lang` from the nearest ancestor when they connect: a new language makes new elements.
    (story, { globals }) => {
      const lang = typeof globals.lang === 'string' ? globals.lang : 'en';
      return html`${keyed(lang, html`<div lang=${lang}>${story()}</div>`)}`;
    },
    // `parameters.actions.handles` lists each element's events: they show in the Actions panel.
    withActions,
  ],
};

export default preview;

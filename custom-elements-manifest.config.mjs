/**
 * Custom Elements Manifest (`custom-elements.json`) from the JSDoc of the element classes.
 *
 * Only the files that declare elements, `src/internal/<family>/*-element.ts`: the four elements and their two
 * base classes, which must be read for the analyzer to give their parts, properties and events to the
 * elements. Helpers, adapters, catalogs and the proxy are not elements; the events' detail types are
 * interfaces, which a manifest does not list (each event names its type, `CustomEvent<…Detail>`).
 * test/node/api-contract.test.js fails when a module outside these files gets in.
 */
export default {
  globs: ['src/internal/*/*-element.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      // The analyzer lists modules in the order it happens to read them, which varies between runs; CI
      // checks the committed manifest is current, so the order must not depend on the run.
      name: 'modules-in-path-order',
      /** @param {{ customElementsManifest: { modules: { path: string }[] } }} context */
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};

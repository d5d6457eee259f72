/** Custom Elements Manifest (`custom-elements.json`) from the JSDoc of the element classes. */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
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

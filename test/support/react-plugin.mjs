// @ts-check
import * as esbuild from 'esbuild';

/** The React modules tests import, each served as an ES module with React's CommonJS as its default. */
const MODULES = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };
const url = (/** @type {string} */ source) => `/__react__/${source.replace('/', '-')}.js`;

/**
 * React ships CommonJS only. This @web/test-runner plugin bundles it once with esbuild (development build)
 * and serves it as ES modules, so the React wrapper test imports `react` like an app does.
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function prebundledReact() {
  /** @type {Promise<string> | undefined} */
  let bundle;
  const build = async () => {
    const result = await esbuild.build({
      stdin: {
        contents: Object.entries(MODULES)
          .map(([source, name]) => `import ${name} from '${source}'; export { ${name} };`)
          .join('\n'),
        resolveDir: process.cwd(),
      },
      bundle: true,
      format: 'esm',
      write: false,
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'error',
    });
    return result.outputFiles[0]?.text ?? '';
  };
  return {
    name: 'prebundled-react',
    resolveImport({ source }) {
      return source in MODULES ? url(source) : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith('/__react__/')) return undefined;
      if (context.path === '/__react__/bundle.js') return { body: await (bundle ??= build()), type: 'js' };
      const entry = Object.entries(MODULES).find(([source]) => url(source) === context.path);
      return entry
        ? { body: `import { ${entry[1]} } from './bundle.js'; export default ${entry[1]};`, type: 'js' }
        : undefined;
    },
  };
}

import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One layer's import rule: files matching `files` may not import a module matching `patterns`.
 * @param {string | string[]} files
 * @param {string[]} patterns
 * @param {string} message
 */
function layer(files, patterns, message) {
  return [
    {
      files: Array.isArray(files) ? files : [files],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['src/**/*.ts'],
    extends: [wc.configs['flat/recommended'], lit.configs['flat/recommended']],
    rules: {
      // Lit elements define their tag in the thin public file, not the class file.
      'wc/define-tag-after-class-definition': 'off',
      // Reactive properties are declared in `static properties`: lit's decorators are 0.4 KB gzip of runtime
      // that every page would load before its button (src/internal/README.md).
      'no-restricted-syntax': [
        'error',
        { selector: 'Decorator', message: 'Declare the property in `static properties` instead.' },
      ],
    },
  },
  // The layers import downward only (src/internal/README.md): core ← backends, i18n, styles ← internal/shared
  // ← the element families (registration, link-admin, list) ← frameworks and the entry files. A family may
  // use another family's events module (its public types), never its element or its code.
  ...layer('src/core/**', ['../**', './*/**'], 'core/ is neutral ground: it imports nothing of the kit.'),
  ...layer(
    ['src/backends/**', 'src/i18n/**', 'src/styles/**'],
    ['**/internal/**', '**/backends/*-element.js'],
    'backends/, i18n/ and styles/ sit below the elements: import from core/ instead.',
  ),
  ...layer(
    'src/internal/shared/**',
    ['../registration/**', '../list/**', '../link-admin/**', '../frameworks/**'],
    'internal/shared serves every element family and imports none of them.',
  ),
  ...['registration', 'list', 'link-admin'].flatMap((family) =>
    layer(
      `src/internal/${family}/**`,
      ['registration', 'list', 'link-admin', 'frameworks']
        .filter((other) => other !== family)
        .flatMap((other) => [`../${other}/*`, `!../${other}/events.js`]),
      `internal/${family} may use another family's events module only.`,
    ),
  ),
  {
    files: ['**/*.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn'] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // chai's `expect(x).to.exist` style assertions are expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests watch the console to prove the kit logs nothing.
      'no-console': 'off',
    },
  },
  {
    files: ['mock/**/*.js', 'scripts/**', 'bench/**', 'test/node/**', '*.config.*', 'vite.config.ts'],
    rules: { 'no-console': 'off' },
  },
);

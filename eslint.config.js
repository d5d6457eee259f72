import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    },
  },
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

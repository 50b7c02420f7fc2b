// Lint rules: typescript-eslint's recommended set, plus the few that guard Lectern's own conventions.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'browser', property: 'storage', message: 'Only src/storage/ touches browser.storage.' }],
    },
  },
  {
    // The harness self-test's toy extension: plain scripts sharing one global, `ext` (see its api.js).
    files: ['tests/e2e/toy-extension/src/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker, ext: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

// Lint rules: typescript-eslint's recommended set with type information (recommendedTypeChecked: floating
// and misused promises, awaits of non-promises, needless assertions...), plus the few that guard
// Lectern's own conventions.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/e2e/artifacts/', 'tests/e2e/toy-extension/dist-*/', '.profile/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
      // The TypeScript project service gives the type-aware rules the same program `tsc` checks.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // Test doubles implement the browser's promise-returning APIs with `async` methods that need no
    // `await`: that is how the fake rejects (rather than throws) like the real API.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Build scripts, benchmarks, e2e specs and configs are plain JavaScript outside tsconfig.json: no type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
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

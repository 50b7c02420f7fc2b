/** Unit and component tests: jsdom, TypeScript transformed by esbuild (fast, no type-check: `tsc --noEmit` does that). */
module.exports = {
  testEnvironment: 'jsdom',
  // jsdom's default 'browser' condition picks ES-module builds (preact) that jest's CommonJS runtime cannot load.
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  roots: ['<rootDir>/tests'],
  testMatch: ['**/tests/unit/**/*.test.ts?(x)'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/tests/helpers/esbuild-transform.cjs' },
  // approx-string-match (highlight anchoring) ships ES modules only: transformed like our own code.
  transformIgnorePatterns: ['/node_modules/(?!approx-string-match/)'],
  // The browser is faked once, in one place: every import of the polyfill gets the honest fake.
  moduleNameMapper: { '^webextension-polyfill$': '<rootDir>/tests/helpers/fake-browser.ts' },
  // A time limit is a hang detector, not a speed test (speed is measured in benchmarks): these machines
  // are shared 2-core hosts where a component test that takes 0.3 s alone can take 6 s under load.
  testTimeout: 30_000,
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/setup.ts'],
};

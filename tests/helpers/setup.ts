// Runs before every test file. Each test file gets its own module registry, so its own fake browser.
export {};
import '@testing-library/jest-dom';

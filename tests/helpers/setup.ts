// Runs before every test file. Each test file gets its own module registry, so its own fake browser.
export {};
import '@testing-library/jest-dom';

// jsdom's window lacks TextEncoder/TextDecoder, which every browser page has (the exporters use them).
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });

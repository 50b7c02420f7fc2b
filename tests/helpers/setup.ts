// Runs before every test file. Each test file gets its own module registry, so its own fake browser.
export {};
import '@testing-library/jest-dom';
// Every extension context has IndexedDB (the search index lives there); jest gets fake-indexeddb's.
import './fake-indexeddb';

// jsdom's window lacks TextEncoder/TextDecoder, which every browser page has (the exporters use them).
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });

// Runs before every test file. Each test file gets its own module registry, so its own fake browser.
export {};
import '@testing-library/jest-dom';
import { configure } from '@testing-library/preact';
// findBy*/waitFor wait for what a user would see; under load on a shared machine that takes longer than
// the 1 s default, and a wait that times out fails the test exactly as a missing element should.
configure({ asyncUtilTimeout: 10_000 });
// Every extension context has IndexedDB (the search index lives there); jest gets fake-indexeddb's.
import './fake-indexeddb';

// jsdom's window lacks TextEncoder/TextDecoder, which every browser page has (the exporters use them).
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });

// Injected by bench/sync.mjs for the global `indexedDB`: each bundled device gets its own (fake-indexeddb).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

export const indexedDB = new IDBFactory();
export { IDBKeyRange };

// IndexedDB for jest: fake-indexeddb, a complete in-memory implementation (structured clone, transactions,
// key ranges, version change events). Loaded for every test file by setup.ts.
import { deserialize, serialize } from 'node:v8';
import 'fake-indexeddb/auto';

// jsdom's window has no structuredClone (browsers and Node do); V8's serializer is the same algorithm.
if (typeof globalThis.structuredClone === 'undefined') {
  Object.defineProperty(globalThis, 'structuredClone', { value: <T>(value: T): T => deserialize(serialize(value)) as T, configurable: true });
}

/** Delete a database between tests; open connections close on the version change it causes. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}

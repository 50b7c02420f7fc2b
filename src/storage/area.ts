import browser from 'webextension-polyfill';
import { writeError, type StorageWriteError } from './write-error';

/** The one storage area Lectern uses. Writes are all-or-nothing in both browsers (one batch/transaction). */
const area = () => browser.storage.local;

export const getItems = (keys: string | string[]) => area().get(keys);

const writeFailureListeners = new Set<() => void>();

/** Call `listener` after any write the browser refuses (repair.ts checks the index then). */
export function onWriteFailed(listener: () => void): () => void {
  writeFailureListeners.add(listener);
  return () => writeFailureListeners.delete(listener);
}

function failed(error: StorageWriteError): StorageWriteError {
  for (const listener of writeFailureListeners) listener();
  return error;
}

/**
 * Run a write; a write refused for a reason we cannot read is tried once more. Firefox on a full disk
 * refuses storage.local writes alternately with "QuotaExceededError: storage.local API call exceeded its
 * quota limitations" and "An unexpected error occurred" (its words for an IndexedDB UnknownError; measured
 * with the profile on a tmpfs filled to 0 and to 64 KB free, five writes each, reads unaffected). Without
 * the second try a full disk was told to the user half the time as Firefox's "unexpected error". A write
 * is all or nothing and sets or removes the same keys again, so trying it twice is safe.
 */
async function write(attempt: () => Promise<void>): Promise<void> {
  try {
    await attempt();
  } catch (error) {
    let refused = writeError(error);
    if (refused.reason !== 'quota') {
      try {
        return await attempt();
      } catch (again) {
        const second = writeError(again);
        if (second.reason === 'quota') refused = second;
      }
    }
    throw failed(refused);
  }
}

export const setItems = (items: Record<string, unknown>): Promise<void> => write(() => area().set(items));

export const removeItems = (keys: string[]): Promise<void> => write(() => area().remove(keys));

/** Every key in storage. Chrome 130+ lists keys without reading values; elsewhere read everything. */
export async function allKeys(): Promise<string[]> {
  return (await keysIfCheap()) ?? Object.keys(await area().get(null));
}

/**
 * Every key, when the browser lists keys without reading the values (storage.local.getKeys: Chrome 130,
 * Firefox 143); null where that would mean reading the whole library.
 */
export async function keysIfCheap(): Promise<string[] | null> {
  const local = area() as unknown as { getKeys?: () => Promise<string[]> };
  return typeof local.getKeys === 'function' ? local.getKeys() : null;
}

/** Bytes the library takes. Firefox has no storage.local.getBytesInUse: count the JSON it stores instead. */
export async function bytesInUse(): Promise<number> {
  const local = area() as unknown as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof local.getBytesInUse === 'function') return local.getBytesInUse(null);
  const all = await area().get(null);
  return Object.entries(all).reduce((sum, [k, v]) => sum + k.length + JSON.stringify(v).length, 0);
}

export const onStorageChanged = browser.storage.onChanged;

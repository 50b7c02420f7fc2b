import browser from 'webextension-polyfill';
import { writeError } from './write-error';

/** The one storage area Lectern uses. Writes are all-or-nothing in both browsers (one batch/transaction). */
const area = () => browser.storage.local;

export const getItems = (keys: string | string[]) => area().get(keys);

const writeFailureListeners = new Set<() => void>();

/** Call `listener` after any write the browser refuses (repair.ts checks the index then). */
export function onWriteFailed(listener: () => void): () => void {
  writeFailureListeners.add(listener);
  return () => writeFailureListeners.delete(listener);
}

function failed(error: unknown): Error {
  for (const listener of writeFailureListeners) listener();
  return writeError(error);
}

export async function setItems(items: Record<string, unknown>): Promise<void> {
  try {
    await area().set(items);
  } catch (error) {
    throw failed(error);
  }
}

export async function removeItems(keys: string[]): Promise<void> {
  try {
    await area().remove(keys);
  } catch (error) {
    throw failed(error);
  }
}

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

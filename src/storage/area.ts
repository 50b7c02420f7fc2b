import browser from 'webextension-polyfill';
import { writeError } from './write-error';

/** The one storage area Lectern uses. Writes are all-or-nothing in both browsers (one batch/transaction). */
const area = () => browser.storage.local;

export const getItems = (keys: string | string[]) => area().get(keys);

export async function setItems(items: Record<string, unknown>): Promise<void> {
  try {
    await area().set(items);
  } catch (error) {
    throw writeError(error);
  }
}

export async function removeItems(keys: string[]): Promise<void> {
  try {
    await area().remove(keys);
  } catch (error) {
    throw writeError(error);
  }
}

/** Every key in storage. Chrome 130+ lists keys without reading values; elsewhere read everything. */
export async function allKeys(): Promise<string[]> {
  const local = area() as unknown as { getKeys?: () => Promise<string[]> };
  if (typeof local.getKeys === 'function') return local.getKeys();
  return Object.keys(await area().get(null));
}

/** Bytes the library takes. Firefox has no storage.local.getBytesInUse: count the JSON it stores instead. */
export async function bytesInUse(): Promise<number> {
  const local = area() as unknown as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof local.getBytesInUse === 'function') return local.getBytesInUse(null);
  const all = await area().get(null);
  return Object.entries(all).reduce((sum, [k, v]) => sum + k.length + JSON.stringify(v).length, 0);
}

export const onStorageChanged = browser.storage.onChanged;

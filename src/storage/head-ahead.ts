/**
 * The index head's storage read, started before the popup's modules load. popup.html runs a tiny classic
 * script first (popup/head-ahead.js, src/popup/head-ahead.ts); the popup's modules (~75 kB, three files)
 * then load and run while the read is under way, and the list paints from what it brought. Measured at
 * 10,000 articles: the head came back 15 ms after the modules had run when they started the read.
 *
 * A classic script and the modules share no module instance, so the read in flight is handed over on
 * the page's global object. It uses the browser's own promise API, not webextension-polyfill: the script
 * must stay tiny (this file and the key's name are all it holds).
 */
import { INDEX_HEAD_KEY } from './keys';

type StorageRead = Promise<Record<string, unknown>>;
interface StorageApi { storage?: { local?: { get(key: string): StorageRead } } }

/** Where the read in flight waits for the popup's modules. */
const SLOT = '__lecternIndexHeadRead';
const slots = globalThis as unknown as Record<typeof SLOT, StorageRead | undefined>;

export function startIndexHeadRead(): void {
  const { browser, chrome } = globalThis as { browser?: StorageApi; chrome?: StorageApi };
  const local = (browser ?? chrome)?.storage?.local;
  if (local) slots[SLOT] = local.get(INDEX_HEAD_KEY);
}

/** The read started ahead, once (null when none was started); the items as storage.local.get gives them. */
export function takeIndexHeadRead(): StorageRead | null {
  const read = slots[SLOT] ?? null;
  slots[SLOT] = undefined;
  return read;
}

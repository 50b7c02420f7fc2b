import { allKeys, getItems, keysIfCheap, onWriteFailed, setItems } from './area';
import { unpackRecord } from './compress';
import { entryOf } from './entry';
import { articleKey, idOfArticleKey, isArticleKey } from './keys';
import { serialized } from './queue';
import { indexItems, newestFirst, readIndex } from './read';
import type { IndexEntry } from './schema';
import { isSavedArticle } from './validate';

export interface RepairReport { added: number; dropped: number; corruptArticles: string[]; corruptEntries: number }

/**
 * Make the index agree with the article records: list records it lacks, drop rows without a record,
 * and report corrupt records (left in place, never shown, never fatal). Reads each record once.
 */
export function repairIndex(): Promise<RepairReport> {
  return serialized(async () => {
    const ids = (await allKeys()).filter(isArticleKey).map(idOfArticleKey);
    const { entries, corrupt } = await readIndex();
    const listed = new Map(entries.map((e) => [e.id, e]));
    const report: RepairReport = { added: 0, dropped: 0, corruptArticles: [], corruptEntries: corrupt };
    const next: IndexEntry[] = [];
    for (const id of ids) {
      const key = articleKey(id);
      const entry = listed.get(id);
      if (entry) {
        next.push(entry);
        continue;
      }
      const record = unpackRecord((await getItems(key))[key]);
      if (!isSavedArticle(record) || record.id !== id) {
        report.corruptArticles.push(id);
        continue;
      }
      next.push(entryOf(record));
      report.added++;
    }
    report.dropped = entries.length - (next.length - report.added);
    if (report.added || report.dropped || corrupt) await setItems(indexItems(next.sort(newestFirst)));
    return report;
  });
}

/**
 * The cheap check, for any time (the background's start, after a failed write): do the index's rows and
 * the stored article keys name the same articles? Lists keys without reading records; where the browser
 * cannot (no storage.local.getKeys), only `thorough` checks, by running the repair itself. Repairs when
 * they disagree; null when nothing needed repair.
 */
export async function checkIndex(thorough = false): Promise<RepairReport | null> {
  const agrees = await serialized(async () => {
    const keys = await keysIfCheap();
    if (!keys) return !thorough;
    const stored = new Set(keys.filter(isArticleKey).map(idOfArticleKey));
    const { entries, corrupt } = await readIndex();
    return corrupt === 0 && entries.length === stored.size && entries.every((e) => stored.has(e.id));
  });
  return agrees ? null : repairIndex();
}

let checking = false;

/**
 * After any refused write, check the index once the writes queued so far are done. A write the check
 * itself has refused (the disk is still full) does not start another: the next start checks again.
 */
export function checkIndexAfterFailedWrites(): () => void {
  return onWriteFailed(() => {
    if (checking) return;
    checking = true;
    // A timer, not a microtask: the failed write's caller handles its error before the check starts.
    setTimeout(() => {
      checkIndex(true)
        .catch((error: unknown) => console.warn('Lectern: index check after a failed write did not finish', error))
        .finally(() => (checking = false));
    }, 0);
  });
}

import { allKeys, getItems, setItems } from './area';
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
      const record = (await getItems(key))[key];
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

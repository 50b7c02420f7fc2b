/**
 * Which imported items need work: an item whose article is already in the library is not fetched
 * again (importing the same file twice adds nothing), it is reported as already saved. Items that
 * came with their content are saved straight away instead of going through the job: the job is
 * persisted after every step, and must stay small (URLs and flags, not whole articles).
 */
import type { LibraryRecord } from '../export/types';
import type { ImportItem } from './types';
import { itemKey, recordKeys } from './url-key';

export interface ImportPlan {
  /** Items without content: queue them in an import job (fetch + extract in the background). */
  queue: ImportItem[];
  /** Items that came with their content: extract from it and save, no fetch needed. */
  withContent: ImportItem[];
  /** Items already in the library, with the id of the saved record. */
  alreadySaved: { item: ImportItem; id: string }[];
}

/** `keys`: the reader's URL key of each item (ImportResult.keys), when the items are the reader's, unchanged. */
export function planImport(existing: Pick<LibraryRecord, 'id' | 'url' | 'canonicalUrl'>[], items: ImportItem[], keys: readonly (string | null)[] = []): ImportPlan {
  const saved = new Map<string, string>();
  for (const record of existing) for (const key of recordKeys(record)) saved.set(key, record.id);
  const plan: ImportPlan = { queue: [], withContent: [], alreadySaved: [] };
  items.forEach((item, i) => {
    const id = saved.get(keys[i] ?? itemKey(item.url) ?? '');
    if (id) plan.alreadySaved.push({ item, id });
    else (item.article ? plan.withContent : plan.queue).push(item);
  });
  return plan;
}

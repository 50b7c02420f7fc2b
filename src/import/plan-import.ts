/**
 * Which imported items need work: an item whose article is already in the library is not fetched
 * again (importing the same file twice adds nothing), it is reported as already saved.
 */
import type { LibraryRecord } from '../export/types';
import type { ImportItem } from './types';
import { recordKeys, urlKey } from './url-key';

export interface ImportPlan {
  /** Items to queue in an import job. */
  queue: ImportItem[];
  /** Items already in the library, with the id of the saved record. */
  alreadySaved: { item: ImportItem; id: string }[];
}

export function planImport(existing: Pick<LibraryRecord, 'id' | 'url' | 'canonicalUrl'>[], items: ImportItem[]): ImportPlan {
  const saved = new Map<string, string>();
  for (const record of existing) for (const key of recordKeys(record)) saved.set(key, record.id);
  const plan: ImportPlan = { queue: [], alreadySaved: [] };
  for (const item of items) {
    const id = saved.get(urlKey(item.url) ?? '');
    if (id) plan.alreadySaved.push({ item, id });
    else plan.queue.push(item);
  }
  return plan;
}

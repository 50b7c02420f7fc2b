/**
 * Restoring records into a library that may already hold some of them. A restored record replaces
 * the saved one with the same id or the same URL key, so restoring twice, or into the library it
 * came from, never makes duplicates; and what comes back is exactly what was exported.
 */
import type { LibraryRecord } from '../export/types';
import { recordKeys } from './url-key';

export interface RestorePlan {
  /** Records to write, as they are in the backup. */
  put: LibraryRecord[];
  /** Ids of saved records that the restored ones replace (a different id, same article). Delete before `put`. */
  remove: string[];
  /** How many backup records were new to the library, and how many replaced a saved one. */
  added: number;
  replaced: number;
}

/** What to write and delete so that `existing` ends up holding `incoming` without duplicates. */
export function planRestore(existing: LibraryRecord[], incoming: LibraryRecord[]): RestorePlan {
  const byKey = new Map<string, string>();
  const ids = new Set(existing.map((r) => r.id));
  for (const record of existing) for (const key of recordKeys(record)) byKey.set(key, record.id);
  const putIds = new Set(incoming.map((r) => r.id));
  const remove = new Set<string>();
  let replaced = 0;
  for (const record of incoming) {
    const matches = new Set(recordKeys(record).map((k) => byKey.get(k)).filter((id): id is string => id !== undefined));
    if (ids.has(record.id)) matches.add(record.id);
    if (matches.size) replaced++;
    for (const id of matches) if (!putIds.has(id)) remove.add(id);
  }
  return { put: incoming, remove: [...remove], added: incoming.length - replaced, replaced };
}

/** The library after applying `plan` (what storage will hold): for tests and for previews. */
export function applyRestore(existing: LibraryRecord[], plan: RestorePlan): LibraryRecord[] {
  const removed = new Set(plan.remove);
  const put = new Map(plan.put.map((r) => [r.id, r]));
  const kept = existing.filter((r) => !removed.has(r.id) && !put.has(r.id));
  return [...kept, ...plan.put];
}

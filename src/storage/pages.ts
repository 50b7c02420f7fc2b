import { getItems } from './area';
import { HEAD_SIZE, INDEX_HEAD_KEY, indexPageKey, pageOf } from './keys';
import { newestFirst, parseIndex, readIndex, serializeIndex } from './read';
import type { IndexEntry } from './schema';

/** `entries` with `entry` in its place (replacing an entry with the same id), newest first. */
function withEntry(entries: IndexEntry[], entry: IndexEntry): IndexEntry[] {
  const rest = entries.filter((e) => e.id !== entry.id);
  return [...rest, entry].sort(newestFirst);
}

/** The page an article's row lives on and the head, read in one get(): all a save needs to touch. */
async function readPageAndHead(id: string): Promise<{ pageKey: string; page: IndexEntry[]; head: IndexEntry[] }> {
  const pageKey = indexPageKey(pageOf(id));
  const stored = await getItems([pageKey, INDEX_HEAD_KEY]);
  return { pageKey, page: parseIndex(stored[pageKey]).entries, head: parseIndex(stored[INDEX_HEAD_KEY]).entries };
}

/**
 * The stored items that list `entry`: its page and the head. The head stays the newest HEAD_SIZE rows of
 * the whole index: a new or changed row either belongs in it or is older than all of its rows.
 * Called inside the write queue, so no other write can slip between this read and the caller's set().
 */
export async function itemsListing(entry: IndexEntry): Promise<Record<string, string>> {
  const { pageKey, page, head } = await readPageAndHead(entry.id);
  return {
    [pageKey]: serializeIndex(withEntry(page, entry)),
    [INDEX_HEAD_KEY]: serializeIndex(withEntry(head, entry).slice(0, HEAD_SIZE)),
  };
}

/** The stored items without `id`'s row, or null when no page lists it. Called inside the write queue. */
export async function itemsUnlisting(id: string): Promise<Record<string, string> | null> {
  const { pageKey, page, head } = await readPageAndHead(id);
  const remaining = page.filter((e) => e.id !== id);
  if (remaining.length === page.length) return null;
  const items: Record<string, string> = { [pageKey]: serializeIndex(remaining) };
  if (head.some((e) => e.id === id)) {
    // The head loses a row, and the next newest may be on any page: only here does a write read them all.
    const { entries } = await readIndex();
    items[INDEX_HEAD_KEY] = serializeIndex(entries.filter((e) => e.id !== id).slice(0, HEAD_SIZE));
  }
  return items;
}

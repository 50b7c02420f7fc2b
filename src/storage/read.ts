import { getItems } from './area';
import { articleKey, INDEX_KEY } from './keys';
import type { IndexEntry, SavedArticle } from './schema';
import { isIndexEntry, isSavedArticle } from './validate';

/** The index as stored, with corrupt rows skipped and counted. Reading it never loads an article body. */
export async function readIndex(): Promise<{ entries: IndexEntry[]; corrupt: number }> {
  const raw = (await getItems(INDEX_KEY))[INDEX_KEY];
  return parseIndex(raw);
}

export function parseIndex(raw: unknown): { entries: IndexEntry[]; corrupt: number } {
  if (raw === undefined) return { entries: [], corrupt: 0 };
  if (!Array.isArray(raw)) return { entries: [], corrupt: 1 };
  const entries = raw.filter(isIndexEntry);
  return { entries, corrupt: raw.length - entries.length };
}

/** One saved article, or null when it is missing or corrupt. */
export async function readArticle(id: string): Promise<SavedArticle | null> {
  const key = articleKey(id);
  const value = (await getItems(key))[key];
  return isSavedArticle(value) && value.id === id ? value : null;
}

/** Newest first; the order the list shows. */
export const newestFirst = (a: IndexEntry, b: IndexEntry) => b.savedAt - a.savedAt;

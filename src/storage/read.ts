import { getItems } from './area';
import { articleKey, HEAD_SIZE, INDEX_HEAD_KEY, INDEX_KEY } from './keys';
import type { IndexEntry, SavedArticle } from './schema';
import { isIndexEntry, isSavedArticle } from './validate';

/** The index as stored, with corrupt rows skipped and counted. Reading it never loads an article body. */
export async function readIndex(): Promise<{ entries: IndexEntry[]; corrupt: number }> {
  const raw = (await getItems(INDEX_KEY))[INDEX_KEY];
  return parseIndex(raw);
}

/**
 * The index is stored as one JSON string (schema 2): Chrome's storage turns a large array of objects
 * into V8 values far slower than JSON.parse reads the same text. Schema 1 stored the array itself.
 */
export function parseIndex(stored: unknown): { entries: IndexEntry[]; corrupt: number } {
  if (stored === undefined) return { entries: [], corrupt: 0 };
  let raw = stored;
  if (typeof stored === 'string') {
    try {
      raw = JSON.parse(stored);
    } catch {
      return { entries: [], corrupt: 1 };
    }
  }
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

/** The stored form of the index. */
export const serializeIndex = (entries: IndexEntry[]) => JSON.stringify(entries);

/** Several saved articles in one read (exports), in the order asked; missing or corrupt ones left out. */
export async function readArticles(ids: string[]): Promise<SavedArticle[]> {
  if (ids.length === 0) return [];
  const stored = await getItems(ids.map(articleKey));
  return ids.map((id) => stored[articleKey(id)]).filter((v, i): v is SavedArticle => isSavedArticle(v) && v.id === ids[i]);
}

/** The newest rows only: enough to paint the first screen of the list without reading the whole index. */
export async function readIndexHead(): Promise<{ entries: IndexEntry[]; corrupt: number }> {
  return parseIndex((await getItems(INDEX_HEAD_KEY))[INDEX_HEAD_KEY]);
}

/** The index and its head, to be written together in one set(). `entries` must be newest first. */
export const indexItems = (entries: IndexEntry[]) => ({
  [INDEX_KEY]: serializeIndex(entries),
  [INDEX_HEAD_KEY]: serializeIndex(entries.slice(0, HEAD_SIZE)),
});

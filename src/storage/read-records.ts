import { getItems } from './area';
import { unpackRecord } from './compress';
import { articleKey } from './keys';
import type { SavedArticle } from './schema';
import { isSavedArticle } from './validate';

// Apart from read.ts (the index): reading a record inflates its body with fflate, whose module sets up its
// tables when loaded (~5 ms in the popup, before its first paint, when the list's code brought it along).

/** One saved article (its body unpacked, compress.ts), or null when it is missing or corrupt. */
export async function readArticle(id: string): Promise<SavedArticle | null> {
  const key = articleKey(id);
  const value = unpackRecord((await getItems(key))[key]);
  return isSavedArticle(value) && value.id === id ? value : null;
}

/** Several saved articles in one read (exports), in the order asked; missing or corrupt ones left out. */
export async function readArticles(ids: string[]): Promise<SavedArticle[]> {
  if (ids.length === 0) return [];
  const stored = await getItems(ids.map(articleKey));
  return ids.map((id) => unpackRecord(stored[articleKey(id)])).filter((v, i): v is SavedArticle => isSavedArticle(v) && v.id === ids[i]);
}

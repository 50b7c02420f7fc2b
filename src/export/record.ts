/**
 * The one mapping between the library's stored record (SavedArticle: epoch-ms times, derived urlKey)
 * and the record export/import read and write (LibraryRecord: ISO 8601 times, the documented backup
 * format). Times are whole milliseconds both ways, so a saved article survives a backup unchanged.
 */
import { articleIdFor, urlKey } from '../storage/canonical';
import type { SavedArticle } from '../storage/schema';
import type { LibraryRecord } from './types';

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (text: string) => Date.parse(text);

/** A stored article as export sees it. */
export function toLibraryRecord(a: SavedArticle): LibraryRecord {
  const { urlKey: _key, savedAt, updatedAt, readAt, ...article } = a;
  void _key;
  return { ...article, savedAt: iso(savedAt), updatedAt: iso(updatedAt), readAt: readAt === null ? null : iso(readAt) };
}

/** A backup or imported record as the library stores it; the URL key is recomputed, never trusted. */
export function toSavedArticle(r: LibraryRecord): SavedArticle {
  const { savedAt, updatedAt, readAt, progress, ...article } = r;
  const saved = ms(savedAt);
  // Fields left undefined are dropped: Firefox's storage would keep them as keys, Chrome's would not.
  const defined = Object.fromEntries(Object.entries(article).filter(([, v]) => v !== undefined)) as typeof article;
  return {
    ...defined,
    urlKey: urlKey(r.url, r.canonicalUrl),
    savedAt: saved,
    updatedAt: updatedAt ? ms(updatedAt) : saved,
    readAt: readAt ? ms(readAt) : null,
    progress: progress ?? 0,
  };
}

/**
 * A backup record ready for storage: the id is the library's id for its URL key, so a later save of the
 * same page finds it (a Lectern backup already holds exactly these ids; other files may not).
 */
export async function toStoredArticle(r: LibraryRecord): Promise<SavedArticle> {
  const saved = toSavedArticle(r);
  return { ...saved, id: await articleIdFor(saved.urlKey) };
}

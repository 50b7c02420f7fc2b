import type { Article } from '../shared/article';
import { hostOf } from '../shared/format';
import { EXCERPT_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, type IndexEntry, type SavedArticle } from './schema';

const shorten = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…');

/**
 * The start of `source` as the list shows it: white space runs as one space, trimmed, at most
 * EXCERPT_LENGTH characters. Worked out from a prefix, longer until it is enough: the same result as
 * from the whole text (a prefix's flattened text is a prefix of the whole's), without flattening 50 KB of
 * text for 160 characters (a restore makes 10,000 rows).
 */
export function excerptOf(source: string): string {
  for (let take = 4 * EXCERPT_LENGTH; ; take *= 4) {
    const flat = source.slice(0, take).replace(/\s+/g, ' ').trim();
    if (take >= source.length || flat.length > EXCERPT_LENGTH) return shorten(flat, EXCERPT_LENGTH);
  }
}

/** The compact index row of a saved article. */
export function entryOf(a: SavedArticle): IndexEntry {
  return {
    id: a.id, urlKey: a.urlKey, url: a.url, title: a.title, site: a.siteName || hostOf(a.url),
    excerpt: excerptOf(a.excerpt || a.text),
    readingMinutes: a.readingMinutes, savedAt: a.savedAt, read: a.readAt !== null,
    archived: a.archived, favorite: a.favorite, tags: a.tags,
    ...(a.highlights?.length ? { highlights: a.highlights.length } : {}),
  };
}

/** A fresh save, or an update of an earlier save of the same article that keeps the user's choices. */
export function savedArticle(article: Article, id: string, key: string, now: number, previous?: SavedArticle): SavedArticle {
  const fields = previous
    ? { savedAt: previous.savedAt, readAt: previous.readAt, archived: previous.archived, favorite: previous.favorite, tags: previous.tags, progress: previous.progress,
      // Highlights stay: they re-anchor in the re-extracted text by their quote (src/highlights/anchor.ts).
      ...(previous.highlights ? { highlights: previous.highlights } : {}) }
    : { savedAt: now, readAt: null, archived: false, favorite: false, tags: [], progress: 0 };
  return { ...article, ...fields, id, urlKey: key, updatedAt: now };
}

/** Tags as the user means them: trimmed, lower-cased, unique, bounded. */
export function cleanTags(tags: string[]): string[] {
  const out = new Set(tags.map((t) => t.trim().toLowerCase().slice(0, MAX_TAG_LENGTH)).filter(Boolean));
  return [...out].slice(0, MAX_TAGS);
}

/**
 * Turning an imported item into a library record. The article comes from the extraction pipeline:
 * the fetched page, or the content that came with the item (run through the same extraction so
 * text, word count and metadata are computed the same way). What the source said about the item
 * (tags, dates, archived, favourite, progress) is kept over what extraction found.
 */
import { toStoredArticle } from '../export/record';
import type { LibraryRecord } from '../export/types';
import type { Article } from '../shared/article';
import type { SavedArticle } from '../storage';
import { toHighlights } from './highlights';
import type { ImportItem } from './types';

export function recordFromImport(item: ImportItem, article: Article, id: string, now: Date = new Date()): LibraryRecord {
  const record: LibraryRecord = {
    ...article,
    // The title the user kept in the other service wins over the page's, when there is one.
    title: item.title ?? article.title,
    id,
    savedAt: item.savedAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    archived: item.archived ?? false,
    favorite: item.favorite ?? false,
    tags: [...item.tags],
  };
  if (item.progress !== undefined) record.progress = item.progress;
  if (item.description) record.excerpt = item.description;
  return record;
}

/** The record as the library stores it, with the item's highlights on it. */
export async function storedFromImport(item: ImportItem, article: Article, now: Date = new Date()): Promise<SavedArticle> {
  const stored = await toStoredArticle(recordFromImport(item, article, '', now));
  const highlights = toHighlights(item.highlights, now.getTime());
  return highlights.length ? { ...stored, highlights } : stored;
}

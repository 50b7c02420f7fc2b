import type { Article } from '../shared/article';
import type { Highlight } from '../shared/highlight';

/** What the library adds to an extracted article. Times are epoch milliseconds. */
export interface LibraryFields {
  id: string;
  /** Canonical URL without tracking parameters: two saves with the same key are the same article. */
  urlKey: string;
  savedAt: number;
  updatedAt: number;
  readAt: number | null;
  archived: boolean;
  favorite: boolean;
  tags: string[];
  /** Reading position, 0 (top) to 1 (end). */
  progress: number;
  /** The reader's highlights, kept in the record (docs/storage.md). */
  highlights?: Highlight[];
}

/** One `article:<id>` record: the full article plus its library fields. */
export type SavedArticle = Article & LibraryFields;

/** One row of the compact `index`: exactly what the list shows, never the body. */
export interface IndexEntry {
  id: string;
  urlKey: string;
  url: string;
  title: string;
  site: string;
  excerpt: string;
  readingMinutes: number;
  savedAt: number;
  read: boolean;
  archived: boolean;
  favorite: boolean;
  tags: string[];
}

/** The changes the UI may make to a saved article. */
export interface ArticleChanges {
  read?: boolean;
  archived?: boolean;
  favorite?: boolean;
  tags?: string[];
  progress?: number;
}

export const EXCERPT_LENGTH = 160;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/**
 * What export and import need from a saved article. The library (src/storage) owns the stored
 * record; this interface is the subset export reads, so the two can be reconciled in one place.
 */
import type { Article } from '../shared/article';
import type { Highlight } from '../shared/highlight';

export interface LibraryRecord extends Article {
  id: string;
  /** ISO 8601: when the article was saved. */
  savedAt: string;
  /** ISO 8601: last change to flags, tags or progress. */
  updatedAt?: string;
  /** ISO 8601 when the reader finished it; null when marked unread again. */
  readAt?: string | null;
  archived: boolean;
  favorite: boolean;
  tags: string[];
  /** Reading progress, 0..1. */
  progress?: number;
  /** The reader's highlights, as stored (times in epoch milliseconds). */
  highlights?: Highlight[];
}

/** Export accepts a plain extracted article too (exporting from the reader before saving). */
export type Exportable = Article & Partial<Pick<LibraryRecord, 'savedAt' | 'tags' | 'id'>>;

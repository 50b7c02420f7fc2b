/** What every import parser returns: items to save (and fetch when they came without content). */
import type { Article } from '../shared/article';
import type { ImportMessage } from './import-text';

/** Content that came with an item; `content` is untrusted HTML like any extracted article. */
export type ImportedArticle = Pick<Article, 'content'> & Partial<Article>;

export interface ImportItem {
  /** An http(s) URL, as given by the source. */
  url: string;
  title?: string;
  tags: string[];
  /** ISO 8601, when the source says when it was saved. */
  savedAt?: string;
  archived?: boolean;
  favorite?: boolean;
  /** 0..1, when the source kept reading progress. */
  progress?: number;
  /** What the user wrote about the link (a bookmark's description); kept as the excerpt. */
  description?: string;
  /** Passages the user highlighted in the other service. */
  highlights?: ImportedHighlight[];
  article?: ImportedArticle;
}

/** A highlight as a source gives it: the quoted text, the user's note, and when (epoch ms). */
export interface ImportedHighlight {
  quote: string;
  note?: string;
  createdAt?: number;
}

/**
 * One row or entry that was skipped, and why. `line` for text formats (1-based), `index` otherwise;
 * `key`/`subs` for the UI's `t()`, `reason` the same in English.
 */
export interface ImportProblem extends ImportMessage {
  /** The file inside a zip, when the export has several. */
  file?: string;
  line?: number;
  index?: number;
  reason: string;
}

export interface ImportResult {
  items: ImportItem[];
  errors: ImportProblem[];
  /** Items imported with a change the user should know of (highlights shortened to the library's limits). */
  changed?: ImportProblem[];
  /** Readwise Reader: rows from the user's RSS feeds, imported only when asked for (ReadOptions.includeFeed). */
  feedItems?: number;
  /**
   * The URL key of each item (same index) as the reader computed it, so the plan parses no URL again
   * (50,000-row files); null where the plan should compute it.
   */
  keys?: (string | null)[];
}

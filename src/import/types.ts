/** What every import parser returns: items to save (and fetch when they came without content). */
import type { Article } from '../shared/article';
import type { ImportMessage } from './messages';

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
  article?: ImportedArticle;
}

/**
 * One row or entry that was skipped, and why. `line` for text formats (1-based), `index` otherwise;
 * `key`/`subs` for the UI's `t()`, `reason` the same in English.
 */
export interface ImportProblem extends ImportMessage {
  line?: number;
  index?: number;
  reason: string;
}

export interface ImportResult {
  items: ImportItem[];
  errors: ImportProblem[];
}

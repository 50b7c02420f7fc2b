/**
 * A highlight, stored inside its article's record (`SavedArticle.highlights`), so that every path that
 * carries a record (save, restore, backup, import, sync) carries its highlights, and deleting or restoring
 * the record deletes or restores them with it. Anchored with the W3C Web Annotation selectors
 * (https://www.w3.org/TR/annotation-model/#selectors). Plain data, JSON-safe. See docs/storage.md.
 */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** TextQuoteSelector: the exact text, with up to ~32 characters either side to tell repeats apart. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** TextPositionSelector: character offsets into the article's plain text as the reader renders it. */
export interface TextPosition {
  start: number;
  end: number;
}

export interface Highlight {
  /** Random, unique within the article. */
  id: string;
  quote: TextQuote;
  /** Null when the highlight came without one (an import) or could not be placed yet. */
  position: TextPosition | null;
  color: HighlightColor;
  /** The reader's note; '' when there is none. */
  note: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}

/**
 * A highlight, stored inside its article's record (`SavedArticle.highlights`), so that every path that
 * carries a record (save, restore, backup, import, sync) carries its highlights, and deleting or restoring
 * the record deletes or restores them with it. Anchored with the W3C Web Annotation selectors
 * (https://www.w3.org/TR/annotation-model/#selectors). Plain data, JSON-safe. See docs/storage.md.
 */
import { isObject } from './guards';

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

/** Bounds a stored highlight keeps: generous for any real quote or note, small enough to refuse junk. */
export const HIGHLIGHT_LIMITS = { quote: 20_000, context: 200, note: 20_000, perArticle: 2_000, id: 100 } as const;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export const isHighlightColor = (v: unknown): v is HighlightColor => HIGHLIGHT_COLORS.includes(v as HighlightColor);

function isQuote(v: unknown): v is TextQuote {
  return isObject(v) && isText(v.exact, HIGHLIGHT_LIMITS.quote) && v.exact.trim().length > 0
    && isText(v.prefix, HIGHLIGHT_LIMITS.context) && isText(v.suffix, HIGHLIGHT_LIMITS.context);
}

/** A TextPositionSelector: offsets, start before end. */
export const isTextPosition = (v: unknown): v is TextPosition => isObject(v) && isOffset(v.start) && isOffset(v.end) && v.start < v.end;
const isPosition = (v: unknown): v is TextPosition | null => v === null || isTextPosition(v);

/**
 * The one check of a highlight's shape, for every boundary: messages into the background, records read
 * from storage, backups and imports (src/import/backup-record.ts). The list check adds unique ids and a bound.
 */
export function isHighlight(v: unknown): v is Highlight {
  return isObject(v) && typeof v.id === 'string' && v.id.length > 0 && v.id.length <= HIGHLIGHT_LIMITS.id
    && isQuote(v.quote) && isPosition(v.position) && isHighlightColor(v.color) && isText(v.note, HIGHLIGHT_LIMITS.note)
    && isTime(v.createdAt) && isTime(v.updatedAt);
}

/** A list of highlights as one article may hold them: each valid, ids unique, not too many. */
export function isHighlightList(v: unknown): v is Highlight[] {
  return Array.isArray(v) && v.length <= HIGHLIGHT_LIMITS.perArticle && v.every(isHighlight) && new Set(v.map((h: Highlight) => h.id)).size === v.length;
}

/**
 * The fields of an article record that sync merges one by one (docs/sync.md), and the clocks that order
 * their changes. Pure functions: storage uses them to record what a write changed, src/sync/merge.ts to merge.
 *
 * A clock is a hybrid logical clock written as text that sorts in time order: 15 decimal digits of
 * milliseconds (never less than any clock this device has seen, plus one), then `.` and the device id
 * (the tie break). Comparing two clocks is comparing two strings.
 */
import type { Highlight } from '../shared/highlight';
import type { SavedArticle } from './schema';

/**
 * Field group → the clock of its last change. The groups: `body` (the article itself: title, address,
 * text, … as one unit), `tags`, `favorite`, `archived`, `read`, `progress`, and `h:<id>` for each highlight.
 */
export type FieldClocks = Record<string, string>;

/** What sync knows about one article: its field clocks and, when it was deleted, the deletion's clock. */
export interface ArticleClocks { c: FieldClocks; del?: string }

const HIGHLIGHT_PREFIX = 'h:';
const highlightField = (id: string) => HIGHLIGHT_PREFIX + id;
export const isHighlightField = (field: string) => field.startsWith(HIGHLIGHT_PREFIX);
export const highlightIdOf = (field: string) => field.slice(HIGHLIGHT_PREFIX.length);

export const clockAt = (ms: number, device: string) => `${Math.max(0, Math.floor(ms)).toString().padStart(15, '0')}.${device}`;
export const msOfClock = (clock: string) => Number(clock.slice(0, 15)) || 0;
export const laterClock = (a: string | undefined, b: string | undefined) => ((a ?? '') >= (b ?? '') ? a ?? '' : b ?? '');

/** The record without what sync merges separately (and without `updatedAt`/`savedAt`, merged as max/min). */
function bodyOf(a: SavedArticle): Record<string, unknown> {
  const { tags: _t, favorite: _f, archived: _a, readAt: _r, progress: _p, highlights: _h, updatedAt: _u, savedAt: _s, ...body } = a;
  return body;
}

/** Each field group's value, comparable as JSON; a missing highlight is absent. */
export function fieldValues(a: SavedArticle): Record<string, unknown> {
  const values: Record<string, unknown> = {
    body: bodyOf(a), tags: a.tags, favorite: a.favorite, archived: a.archived, read: a.readAt, progress: a.progress,
  };
  for (const h of a.highlights ?? []) values[highlightField(h.id)] = h;
  return values;
}

/** JSON with object keys sorted: a record read back from storage has its keys in another order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/** The field groups a write changed (a new record changes all of them; a removed highlight is a change). */
export function changedFields(before: SavedArticle | null, after: SavedArticle): string[] {
  const next = fieldValues(after);
  if (!before) return Object.keys(next);
  const prev = fieldValues(before);
  const fields = new Set([...Object.keys(prev), ...Object.keys(next)]);
  return [...fields].filter((f) => canonical(prev[f]) !== canonical(next[f]));
}

/** Clocks for a record that has none yet (saved before sync was set up): every field as of its last update. */
export function initialClocks(a: SavedArticle, device: string): FieldClocks {
  const clock = clockAt(a.updatedAt, device);
  return Object.fromEntries(Object.keys(fieldValues(a)).map((f) => [f, clock]));
}

/** The newest clock an article's state carries (its deletion included). */
export function newestClock(state: ArticleClocks): string {
  return Object.values(state.c).reduce((max, c) => laterClock(max, c), state.del ?? '');
}

/** Highlights in a stable order (when made, then id), so two devices build the same list. */
export const byCreation = (a: Highlight, b: Highlight) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

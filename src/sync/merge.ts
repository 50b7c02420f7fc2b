/**
 * The merge (docs/sync.md): per field group, the change with the later clock wins (last writer wins,
 * hybrid logical clocks with the device id as tie break, src/storage/sync-fields.ts); nothing else is
 * lost. A deletion is a tombstone with its own clock: the article stays deleted unless some field was
 * changed after it (an edit or a new save on another device brings it back, whole). Merging is
 * commutative, associative and idempotent, so devices may apply each other's journals in any order,
 * more than once, and still agree.
 */
import type { SavedArticle } from '../storage';
import { byCreation, canonical, fieldValues, highlightIdOf, isHighlightField, laterClock, type ArticleClocks } from '../storage/sync-fields';
import type { Highlight } from '../shared/highlight';

/** One side of a merge: the record (null when deleted or unknown) and its clocks. */
export interface ArticleState { record: SavedArticle | null; clocks: ArticleClocks }

const clockOf = (s: ArticleState, field: string) => s.clocks.c[field] ?? '';

/** Which side's value a field takes: the later clock among the sides that have a record. */
function winner(a: ArticleState, b: ArticleState, field: string): SavedArticle | null {
  if (!a.record) return b.record;
  if (!b.record) return a.record;
  return clockOf(a, field) >= clockOf(b, field) ? a.record : b.record;
}

export function mergeStates(a: ArticleState, b: ArticleState): ArticleState {
  const del = laterClock(a.clocks.del, b.clocks.del);
  const fields = new Set([...Object.keys(a.clocks.c), ...Object.keys(b.clocks.c)].sort()); // sorted: equal states are equal JSON
  const c = Object.fromEntries([...fields].map((f) => [f, laterClock(a.clocks.c[f], b.clocks.c[f])]));
  const clocks: ArticleClocks = del ? { c, del } : { c };
  const alive = Object.values(c).some((clock) => clock > del);
  if (!alive || (!a.record && !b.record)) return { record: null, clocks };
  return { record: mergedRecord(a, b, fields), clocks };
}

function mergedRecord(a: ArticleState, b: ArticleState, fields: Set<string>): SavedArticle {
  const from = (field: string) => winner(a, b, field)!; // at least one side has a record
  const records = [a.record, b.record].filter((r): r is SavedArticle => r !== null);
  const highlights: Highlight[] = [];
  for (const field of fields) {
    if (!isHighlightField(field)) continue;
    const h = fieldValues(from(field))[field] as Highlight | undefined;
    if (h && h.id === highlightIdOf(field)) highlights.push(h);
  }
  const merged: SavedArticle = {
    ...from('body'),
    tags: from('tags').tags, favorite: from('favorite').favorite, archived: from('archived').archived,
    readAt: from('read').readAt, progress: from('progress').progress,
    savedAt: Math.min(...records.map((r) => r.savedAt)),
    updatedAt: Math.max(...records.map((r) => r.updatedAt)),
  };
  delete merged.highlights;
  if (highlights.length) merged.highlights = highlights.sort(byCreation);
  return merged;
}

/** The same state (equal JSON, keys in any order): applying it again would change nothing. */
export const sameState = (a: ArticleState, b: ArticleState) => canonical(a) === canonical(b);

/**
 * Change tracking for sync: every write of the library records which field groups it changed and when
 * (`syncMeta:<id>`, sync-fields.ts) and marks the article in the outbox (`syncOutbox`), in the same set()
 * as the record itself, so a change is never written without being marked (or marked without being
 * written). Nothing is tracked until sync is set up on this computer (`syncClock` exists).
 */
import { isObject } from '../shared/guards';
import { getItems, onStorageChanged } from './area';
import type { SavedArticle } from './schema';
import { changedFields, clockAt, initialClocks, type ArticleClocks } from './sync-fields';

export const SYNC_CLOCK_KEY = 'syncClock';
export const SYNC_OUTBOX_KEY = 'syncOutbox';
const META_PREFIX = 'syncMeta:';
export const syncMetaKey = (id: string) => META_PREFIX + id;
export const isSyncMetaKey = (key: string) => key.startsWith(META_PREFIX);
export const idOfSyncMetaKey = (key: string) => key.slice(META_PREFIX.length);

/** This device's id and the newest time its clock has given out or seen. */
export interface ClockState { device: string; t: number }
/** Article id → the clock of its newest local change not yet uploaded. */
export type Outbox = Record<string, string>;

export const parseClockState = (v: unknown): ClockState | null =>
  isObject(v) && typeof v.device === 'string' && typeof v.t === 'number' ? { device: v.device, t: v.t } : null;
export const parseOutbox = (v: unknown): Outbox =>
  isObject(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
export function parseClocks(v: unknown): ArticleClocks | null {
  if (!isObject(v) || !isObject(v.c) || !Object.values(v.c).every((c) => typeof c === 'string')) return null;
  if (v.del !== undefined && typeof v.del !== 'string') return null;
  return { c: v.c as Record<string, string>, ...(typeof v.del === 'string' ? { del: v.del } : {}) };
}

/**
 * Sync is known not to be set up here: the last look found no `syncClock`, and it has not changed since.
 * Then a save does not read anything for sync. Set-up in this context clears it at once
 * (syncTrackingChanged); in another context the storage change event does.
 */
let knownOff = false;
/** Counts changes of `syncClock`: a look that raced with one (set-up in another context) proves nothing. */
let clockChanges = 0;
export function syncTrackingChanged(): void {
  knownOff = false;
  clockChanges++;
}
onStorageChanged.addListener((changes: Record<string, unknown>, area: string) => {
  if (area === 'local' && SYNC_CLOCK_KEY in changes) syncTrackingChanged();
});

/** One article's write: the record before (null: there was none) and after (null: deleted). */
export interface TrackedChange { id: string; before: SavedArticle | null; after: SavedArticle | null }

/**
 * The items that record `changes` for sync, to be written in the writer's own set(); {} when sync is not
 * set up or nothing a device would see changed. Called inside the write queue.
 */
export async function trackedItems(changes: TrackedChange[], now = Date.now()): Promise<Record<string, unknown>> {
  if (knownOff || changes.length === 0) return {};
  const changesBefore = clockChanges;
  const stored = await getItems([SYNC_CLOCK_KEY, SYNC_OUTBOX_KEY, ...changes.map((c) => syncMetaKey(c.id))]);
  const clock = parseClockState(stored[SYNC_CLOCK_KEY]);
  if (!clock) {
    knownOff = changesBefore === clockChanges;
    return {};
  }
  const t = Math.max(now, clock.t + 1);
  const stamp = clockAt(t, clock.device);
  const outbox = parseOutbox(stored[SYNC_OUTBOX_KEY]);
  const items: Record<string, unknown> = {};
  for (const { id, before, after } of changes) {
    const known = parseClocks(stored[syncMetaKey(id)]) ?? { c: before ? initialClocks(before, clock.device) : {} };
    const next = nextClocks(known, before, after, stamp);
    if (!next) continue;
    items[syncMetaKey(id)] = next;
    outbox[id] = stamp;
  }
  if (Object.keys(items).length === 0) return {};
  return { ...items, [SYNC_CLOCK_KEY]: { device: clock.device, t } satisfies ClockState, [SYNC_OUTBOX_KEY]: outbox };
}

function nextClocks(known: ArticleClocks, before: SavedArticle | null, after: SavedArticle | null, stamp: string): ArticleClocks | null {
  if (!after) return before ? { c: known.c, del: stamp } : null;
  const fields = changedFields(before, after);
  if (fields.length === 0) return null;
  return { ...known, c: { ...known.c, ...Object.fromEntries(fields.map((f) => [f, stamp])) } };
}

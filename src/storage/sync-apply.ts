/**
 * Writing what other devices changed (src/sync/ merges, storage writes). Unlike the user's own writes
 * these are not marked in the outbox (the server has them already), but they follow the same rules:
 * inside the write queue, records and the index rows that list them in one set() (new before old: a
 * deleted record goes after its row), the search index kept current, a refused write reported in words
 * (StorageWriteError), every batch before it intact.
 */
import { getItems, removeItems, setItems } from './area';
import { packRecord } from './compress';
import { entryOf } from './entry';
import { articleKey, HEAD_SIZE, INDEX_HEAD_KEY, indexPageKey, pageOf } from './keys';
import { serialized } from './queue';
import { newestFirst, parseIndex, readIndex, serializeIndex } from './read';
import type { IndexEntry } from './schema';
import { keepSearchIndex } from './search-write';
import { laterClock, msOfClock, newestClock } from './sync-fields';
import { parseClockState, parseOutbox, SYNC_CLOCK_KEY, SYNC_OUTBOX_KEY, syncMetaKey, type ClockState } from './sync-track';
import { readSyncedArticles, type SyncedArticle } from './sync-state';
import { isSavedArticle } from './validate';

/**
 * Given an article's local state, what it becomes (null leaves it as it is). `upload`: the result holds
 * something the server does not have yet (a newer local field), so it goes into the outbox.
 */
export type Merge = (local: SyncedArticle) => { next: SyncedArticle; upload: boolean } | null;

export interface ApplyOutcome { written: string[]; deleted: string[] }

/**
 * Merge and write a batch of remote changes (one per id). The merge runs inside the write queue, so a
 * local change can never slip between reading the local state and writing the merged one.
 */
export function applySynced(ids: string[], merge: Merge): Promise<ApplyOutcome> {
  return serialized(async () => {
    const locals = await readSyncedArticles(ids);
    const results = locals.map((local) => ({ local, ...merge(local) })).filter((r): r is { local: SyncedArticle; next: SyncedArticle; upload: boolean } => r.next !== undefined);
    if (results.length === 0) return { written: [], deleted: [] };
    for (const { next } of results) if (next.record && !isSavedArticle(next.record)) throw new Error('Refusing to store an invalid synced article');
    const kept = results.filter((r) => r.next.record);
    const gone = results.filter((r) => !r.next.record && r.local.record).map((r) => r.local.id);
    const items: Record<string, unknown> = await listingItems(kept.map((r) => entryOf(r.next.record!)), gone);
    let seen = '';
    const forgotten: string[] = []; // no clocks at all: sync forgets the article (a device coming back after its tombstone expired)
    for (const { next } of results) {
      if (next.record) items[articleKey(next.id)] = packRecord(next.record);
      if (next.clocks) items[syncMetaKey(next.id)] = next.clocks;
      else forgotten.push(syncMetaKey(next.id));
      seen = laterClock(seen, next.clocks ? newestClock(next.clocks) : '');
    }
    Object.assign(items, await clockAfter(msOfClock(seen)), await outboxWith(results.filter((r) => r.upload).map((r) => r.next)));
    await setItems(items);
    if (gone.length || forgotten.length) await removeItems([...gone.map(articleKey), ...forgotten]);
    await keepSearchIndex(results.map(({ local, next }) => ({ id: local.id, before: local.record, after: next.record })));
    return { written: kept.map((r) => r.local.id), deleted: gone };
  });
}

async function outboxWith(articles: SyncedArticle[]): Promise<Record<string, unknown>> {
  if (articles.length === 0) return {};
  const outbox = parseOutbox((await getItems(SYNC_OUTBOX_KEY))[SYNC_OUTBOX_KEY]);
  for (const a of articles) if (a.clocks) outbox[a.id] = newestClock(a.clocks);
  return { [SYNC_OUTBOX_KEY]: outbox };
}

/** This device's clock moved past every clock it has seen, so its next change sorts after them (a hybrid logical clock). */
async function clockAfter(ms: number): Promise<Record<string, ClockState>> {
  const clock = parseClockState((await getItems(SYNC_CLOCK_KEY))[SYNC_CLOCK_KEY]);
  return clock && ms > clock.t ? { [SYNC_CLOCK_KEY]: { device: clock.device, t: ms } } : {};
}

/**
 * The index pages (and head) with `rows` listed and `gone` unlisted: only the pages those ids live on
 * are read and rewritten, unless a row leaves the head (then the next newest may be on any page).
 */
async function listingItems(rows: IndexEntry[], gone: string[]): Promise<Record<string, string>> {
  const ids = new Set([...rows.map((r) => r.id), ...gone]);
  const pageKeys = [...new Set([...ids].map((id) => indexPageKey(pageOf(id))))];
  const stored = await getItems([...pageKeys, INDEX_HEAD_KEY]);
  const items: Record<string, string> = {};
  for (const key of pageKeys) {
    const page = parseIndex(stored[key]).entries.filter((e) => !ids.has(e.id));
    items[key] = serializeIndex([...page, ...rows.filter((r) => indexPageKey(pageOf(r.id)) === key)].sort(newestFirst));
  }
  const head = parseIndex(stored[INDEX_HEAD_KEY]).entries;
  const headLosesRow = head.some((e) => gone.includes(e.id));
  const base = headLosesRow ? (await readIndex()).entries : head;
  items[INDEX_HEAD_KEY] = serializeIndex([...base.filter((e) => !ids.has(e.id)), ...rows].sort(newestFirst).slice(0, HEAD_SIZE));
  return items;
}

/**
 * What a run carries from step to step, and merging remote entries into the library (a journal file's or
 * a snapshot part's: they are the same kind of entry).
 */
import type { SyncCounts } from '../shared/sync';
import * as storage from '../storage';
import type { Codec } from './codec';
import type { Head, JournalEntry } from './files';
import { mergeStates, sameState, type ArticleState } from './merge';
import type { WebDav } from './webdav';

/** Articles read from storage (and merged) at a time. */
export const READ_BATCH = 50;

export interface Run {
  dav: WebDav;
  codec: Codec;
  state: storage.SyncState;
  own: { head: Head | null; etag: string | null };
  counts: SyncCounts;
  journalBytes: number;
  now: number;
  progress: (done: number, total: number) => void;
  /** While a device rejoins (compact.ts): every article id the server still has. */
  onServer: Set<string> | null;
}

const stateOf = (e: JournalEntry): ArticleState => ({ record: e.rec, clocks: e.del ? { c: e.c, del: e.del } : { c: e.c } });

/** Merge remote entries into the library, a batch of articles per write. */
export async function applyEntries(run: Run, entries: JournalEntry[]): Promise<void> {
  const remote = new Map<string, ArticleState>();
  for (const e of entries) {
    const known = remote.get(e.id);
    remote.set(e.id, known ? mergeStates(known, stateOf(e)) : stateOf(e));
    run.onServer?.add(e.id);
  }
  const ids = [...remote.keys()];
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const { written, deleted } = await storage.applySynced(ids.slice(i, i + READ_BATCH), (local) => {
      const theirs = remote.get(local.id)!;
      const mine: ArticleState = { record: local.record, clocks: local.clocks ?? { c: {} } };
      const merged = mergeStates(mine, theirs);
      if (sameState(merged, mine) && local.tracked) return null;
      return { next: { id: local.id, record: merged.record, clocks: merged.clocks, tracked: true }, upload: !sameState(merged, theirs) };
    });
    run.counts.downloaded += written.length;
    run.counts.deleted += deleted.length;
    for (const id of deleted) await storage.releaseArticleImages(id);
  }
}

/** An article's local state as a journal entry; null when sync knows nothing to say about it. */
export function entryOf(a: storage.SyncedArticle): JournalEntry | null {
  if (!a.clocks) return null;
  if (a.record) return { id: a.id, rec: a.record, c: a.clocks.c, ...(a.clocks.del ? { del: a.clocks.del } : {}) };
  return a.clocks.del ? { id: a.id, rec: null, c: a.clocks.c, del: a.clocks.del } : null;
}

/**
 * A device coming back after it stopped counting (compact.ts): articles it still lists that the server no
 * longer has anywhere were deleted meanwhile and their tombstones expired. They are removed here, not
 * uploaded back. Kept: what it changed while away (the outbox) and what its first upload has not sent yet.
 */
export async function removeGoneWhileAway(run: Run, onServer: Set<string>): Promise<void> {
  const outbox = await storage.readOutbox();
  const first = run.state.firstUpload;
  const ids = (await storage.allSyncedIds()).filter((id) => !onServer.has(id) && !(id in outbox) && (first.done || id <= first.after));
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const { deleted } = await storage.applySynced(ids.slice(i, i + READ_BATCH), (local) =>
      (local.record || local.clocks ? { next: { id: local.id, record: null, clocks: null, tracked: true }, upload: false } : null));
    run.counts.deleted += deleted.length;
    run.counts.removedWhileAway = (run.counts.removedWhileAway ?? 0) + deleted.length;
    for (const id of deleted) await storage.releaseArticleImages(id);
  }
}

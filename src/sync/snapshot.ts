/**
 * Snapshots and compaction on the server (the rules are in compact.ts, docs/sync.md). Order of a
 * compaction, so that every state a stopped run leaves is read correctly:
 *   1. write the snapshot's parts under a new number (nobody reads them yet);
 *   2. write the head naming them, with the new base: from here readers use them;
 *   3. delete own files up to base and the older snapshot's parts (nobody reads those any more).
 * Stopped after 1: orphan parts, deleted by the next sweep. Stopped after 2: old files stay until the
 * next run's sweep (they are never read: the head says they are gone).
 */
import * as storage from '../storage';
import { applyEntries, entryOf, READ_BATCH, type Run } from './apply';
import { raise } from './compact';
import { SyncError } from './errors';
import { deviceFolder, fileOf, FORMAT, parseSnapshotPart, snapshotPath, type Head, type JournalEntry, type SnapshotRef, type Vector } from './files';

/** A file a head named is not there: its writer compacted meanwhile. The run reads the heads again. */
export class MovedError extends SyncError {
  constructor(path: string) {
    super('server', `${path} is missing`);
  }
}

/** Apply another device's snapshot, then count every file it covers as applied. */
export async function readSnapshot(run: Run, head: Head, progress: (part: number) => void): Promise<void> {
  const snap = head.snap!;
  for (let part = 1; part <= snap.parts; part++) {
    progress(part);
    const path = snapshotPath(head.device, snap.seq, part);
    const file = await run.dav.get(path);
    if (!file) throw new MovedError(path);
    await applyEntries(run, parseSnapshotPart(await run.codec.decode(file.bytes, path)).entries);
  }
  run.state.applied = raise(run.state.applied, snap.covers, run.state.deviceId);
  await storage.writeSyncState(run.state);
}

/**
 * Write this device's whole library as snapshot `seq` (parts of about `journalBytes` of text), leaving
 * out the tombstones in `expiring`. Returns its reference and the tombstones it still holds (they may
 * expire at a later compaction; one deleted here and not uploaded yet waits for the one after).
 */
export async function writeSnapshot(run: Run, seq: number, expiring: Record<string, string>): Promise<{ ref: SnapshotRef; tombs: Record<string, string> }> {
  const { state } = run;
  const covers: Vector = { ...state.applied, [state.deviceId]: state.last };
  const [ids, outbox] = await Promise.all([storage.allSyncedIds(), storage.readOutbox()]);
  const tombs: Record<string, string> = {};
  let parts = 0;
  let batch: JournalEntry[] = [];
  let bytes = 0;
  const flush = async () => {
    const path = snapshotPath(state.deviceId, seq, ++parts);
    await run.dav.put(path, await run.codec.encode({ format: FORMAT, device: state.deviceId, snapshot: seq, entries: batch }, path));
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    run.progress(i, ids.length);
    for (const a of await storage.readSyncedArticles(ids.slice(i, i + READ_BATCH))) {
      const entry = entryOf(a);
      if (!entry) continue;
      if (!entry.rec && entry.del !== undefined) {
        if (expiring[entry.id] === entry.del) continue;
        if (!(entry.id in outbox)) tombs[entry.id] = entry.del;
      }
      batch.push(entry);
      bytes += entry.rec ? entry.rec.content.length + entry.rec.text.length : 100;
      if (bytes >= run.journalBytes) await flush();
    }
  }
  if (batch.length > 0 || parts === 0) await flush();
  return { ref: { seq, parts, covers }, tombs };
}

/**
 * Delete what the head on the server no longer names: own journal files up to base, and snapshot parts
 * of any other number (an older snapshot, or a stopped compaction's). Listing the own folder makes this
 * complete whatever an earlier, stopped sweep left.
 */
export async function sweep(run: Run): Promise<void> {
  const { state } = run;
  const entries = (await run.dav.list(deviceFolder(state.deviceId))) ?? [];
  for (const entry of entries) {
    const file = entry.collection ? null : fileOf(entry.name);
    if (!file) continue;
    const stale = 'journal' in file ? file.journal <= state.base : file.snapshot !== state.snap?.seq;
    if (stale) await run.dav.delete(deviceFolder(state.deviceId) + entry.name);
  }
  state.sweep = false;
  await storage.writeSyncState(state);
}

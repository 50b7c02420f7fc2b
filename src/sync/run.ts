/**
 * One sync run (docs/sync.md): connect (passphrase checked before any write), read every device's head,
 * apply what this device has not applied yet (a snapshot first when it is new or files it needs are gone,
 * then journal files), upload the outbox (and, once, the library that existed before sync) as new journal
 * files of its own, compact when its journal is mostly history, then write its head. Every step is
 * recorded in storage as soon as the server has it, so a run stopped anywhere (worker stopped, server
 * gone) goes on from there next time and loses nothing. Cost: one request per device head plus the new files.
 */
import type { SyncCounts, SyncSettings } from '../shared/sync';
import * as storage from '../storage';
import { applyEntries, entryOf, READ_BATCH, removeGoneWhileAway, type Run } from './apply';
import type { Codec } from './codec';
import { collectableUpTo, floorOf, isGone, logWritten, mustRejoin, SEEN_REFRESH_MS, snapshotToRead, tombstonesMayExpire, trimLog } from './compact';
import { connect, settled } from './connect';
import { SyncError } from './errors';
import { DEVICES, deviceFolder, FORMAT, headPath, isDeviceId, journalPath, parseHead, parseJournal, type Head, type JournalEntry } from './files';
import { MovedError, readSnapshot, sweep, writeSnapshot } from './snapshot';
import { WebDav, type Fetch, type Traffic } from './webdav';

export interface RunOptions {
  fetch: Fetch;
  onProgress?: (progress: { done: number; total: number }) => void;
  /** PBKDF2 iterations for a new server (tests use fewer; the default is crypto.ts's). */
  iterations?: number;
  /** Called with the run's traffic at its end, failed or not (the benchmark counts it). */
  onTraffic?: (traffic: Traffic) => void;
  /** Text bytes of articles after which a journal file is closed (tests make it small to get many files). */
  journalBytes?: number;
  /** Entries uploaded since the last snapshot after which this device compacts (tests and the benchmark set it). */
  compactAfter?: number;
  /** The time (tests move it by months to see a device retire and come back). */
  now?: () => number;
}

/** The size of text at which a journal file (or a snapshot part) is closed. */
const JOURNAL_BYTES = 2_000_000;
/**
 * A device compacts when it has uploaded, since its last snapshot, twice its library (and at least this
 * many entries): its journal is then mostly history, and rewriting the library once makes a new
 * device's first sync read it once. Earlier, a compaction would cost more than it saves.
 */
const COMPACT_MIN_ENTRIES = 1000;
/** A file a head named went missing (its writer compacted meanwhile): the heads are read again, this often. */
const MOVED_RETRIES = 3;

const newDeviceId = () => [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');

type Heads = Map<string, { head: Head | null; etag: string | null }>;
const readable = (heads: Heads) => [...heads.values()].map((h) => h.head).filter((h): h is Head => h !== null);

export async function syncLibrary(settings: SyncSettings, options: RunOptions): Promise<SyncCounts> {
  const dav = new WebDav({ baseUrl: settings.serverUrl, username: settings.username, password: settings.password, fetch: options.fetch });
  try {
    const codec = await connect(dav, settings, options.iterations);
    let state = await storage.readSyncState();
    if (state?.serverUrl !== settings.serverUrl) {
      if (state) await storage.forgetSyncState();
      state = await storage.startSyncState(settings.serverUrl, newDeviceId());
    }
    const me = state.deviceId;
    let heads = await readHeads(dav, codec, me);
    const own = heads.get(me) ?? { head: null, etag: null };
    learnFromOwnHead(state, own.head);
    const now = options.now?.() ?? Date.now();
    const run: Run = {
      dav, codec, state, own, now, onServer: null, counts: { uploaded: 0, downloaded: 0, deleted: 0 },
      journalBytes: options.journalBytes ?? JOURNAL_BYTES, progress: (done, total) => options.onProgress?.({ done, total }),
    };
    const others = () => readable(heads).filter((h) => h.device !== me);
    if (mustRejoin(own.head, others(), now)) await startRejoin(run);
    for (let attempt = 1; ; attempt++) {
      try {
        await download(run, others());
        break;
      } catch (error) {
        if (!(error instanceof MovedError) || attempt >= MOVED_RETRIES) throw error;
        heads = await readHeads(dav, codec, me);
      }
    }
    if (run.onServer) await removeGoneWhileAway(run, run.onServer);
    await uploadFirst(run);
    await uploadOutbox(run);
    // Compaction needs every head: one that could not be read may be a device still needing a file.
    if (readable(heads).length === heads.size) await compactIfDue(run, others(), options.compactAfter);
    await writeHead(run);
    return run.counts;
  } finally {
    options.onTraffic?.(dav.traffic);
  }
}

/**
 * A run stopped after writing its head but before storing it here: the server knows better (the journal
 * number, the latest snapshot and base).
 */
function learnFromOwnHead(state: storage.SyncState, head: Head | null): void {
  if (!head) return;
  state.last = Math.max(state.last, head.last);
  if (head.snap && head.snap.seq > (state.snap?.seq ?? 0)) state.snap = head.snap;
  state.snapSeq = Math.max(state.snapSeq, head.snap?.seq ?? 0);
  state.base = Math.max(state.base, head.base);
}

/**
 * Back after so long that the others stopped counting this device, and a snapshot of another device
 * holds its files (compact.ts): its files are no longer read (base = last), its own old snapshot may hold
 * articles deleted since (dropped), and it reads the library again from a snapshot, noting every article
 * the server still has; removeGoneWhileAway removes the rest instead of bringing them back. Its head
 * still says it was away until the run's end, so a stopped rejoin starts again.
 */
async function startRejoin(run: Run): Promise<void> {
  Object.assign(run.state, { applied: {}, base: run.state.last, snap: null, written: [], expiry: null, sweep: true });
  run.onServer = new Set();
  await storage.writeSyncState(run.state);
}

/** Every device's head (PROPFIND of devices/, then one GET each), this device's folder made on its first run. */
async function readHeads(dav: WebDav, codec: Codec, me: string): Promise<Map<string, { head: Head | null; etag: string | null }>> {
  let folders = await dav.list(DEVICES);
  if (folders === null) {
    await dav.mkcol(DEVICES);
    folders = [];
  }
  const devices = folders.filter((f) => f.collection && isDeviceId(f.name)).map((f) => f.name);
  if (!devices.includes(me)) await dav.mkcol(deviceFolder(me));
  const heads = await Promise.all(devices.map(async (device) => [device, await readHead(dav, codec, device)] as const));
  return new Map(heads);
}

/**
 * A device's head. One that stays unreadable (its writer was stopped halfway through writing it) counts
 * as absent for this run: that device's news waits until it writes its head again; its own writer starts
 * again from the journal number it stored. A server that is gone still stops the run.
 */
async function readHead(dav: WebDav, codec: Codec, device: string): Promise<{ head: Head | null; etag: string | null }> {
  const path = headPath(device);
  try {
    return await settled(async () => {
      const file = await dav.get(path);
      const head = file ? parseHead(await codec.decode(file.bytes, path)) : null;
      return { head: head?.device === device ? head : null, etag: file?.etag ?? null };
    });
  } catch (error) {
    if (error instanceof SyncError && error.code === 'server') return { head: null, etag: null };
    throw error;
  }
}

/**
 * Apply what other devices wrote since this device last looked: first a snapshot when it must (files it
 * needs are gone) or when it is new, then every journal file after what it has applied. Each file is
 * stored as applied once merged, so a stopped run goes on from the next one.
 */
async function download(run: Run, others: Head[]): Promise<void> {
  for (let head = snapshotToRead(others, run.state.applied, run.now); head; head = snapshotToRead(others, run.state.applied, run.now)) {
    const before = JSON.stringify(run.state.applied);
    const parts = head.snap?.parts ?? 0;
    await readSnapshot(run, head, (part) => run.progress(part - 1, parts));
    if (JSON.stringify(run.state.applied) === before) break;
  }
  const live = others.filter((h) => !isGone(h, others, run.now));
  const todo = live.flatMap((h) => Array.from({ length: Math.max(0, h.last - (run.state.applied[h.device] ?? 0)) }, (_, i) => ({ device: h.device, n: (run.state.applied[h.device] ?? 0) + i + 1 })));
  for (const [i, { device, n }] of todo.entries()) {
    run.progress(i, todo.length);
    const path = journalPath(device, n);
    const file = await run.dav.get(path);
    if (!file) throw new MovedError(path);
    await applyEntries(run, parseJournal(await run.codec.decode(file.bytes, path)).entries);
    run.state.applied[device] = n;
    await storage.writeSyncState(run.state);
  }
}

/** The library that existed before sync was set up, once, in id order from a stored cursor (resumable). */
async function uploadFirst(run: Run): Promise<void> {
  const first = run.state.firstUpload;
  let batch: JournalEntry[] = [];
  let bytes = 0;
  let cursor = first.after; // stored only with the journal file that holds the articles before it
  const flush = async (done: boolean) => {
    await writeJournal(run, batch);
    run.state.firstUpload = { after: cursor, done };
    await storage.writeSyncState(run.state);
    batch = [];
    bytes = 0;
  };
  if (first.done) return;
  // Read once: articles saved meanwhile are tracked, and go with the outbox.
  const all = await storage.allArticleIds();
  for (let start = all.findIndex((id) => id > cursor); start !== -1 && start < all.length; start += READ_BATCH) {
    run.progress(start, all.length);
    for (const a of await storage.readSyncedArticles(all.slice(start, start + READ_BATCH))) {
      cursor = a.id;
      const entry = !a.tracked && a.record ? entryOf(a) : null; // tracked ones go with the outbox
      if (!entry) continue;
      batch.push(entry);
      bytes += a.record ? a.record.content.length + a.record.text.length : 0;
      if (bytes >= run.journalBytes) await flush(false);
    }
  }
  await flush(true);
}

/** Every local change since the last upload, as new journal files; each settled once the server has it. */
async function uploadOutbox(run: Run): Promise<void> {
  const outbox = await storage.readOutbox();
  const ids = Object.keys(outbox);
  let batch: JournalEntry[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await writeJournal(run, batch);
    await storage.writeSyncState(run.state);
    await storage.settleOutbox(Object.fromEntries(batch.map((e) => [e.id, outbox[e.id] ?? ''])));
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    for (const a of await storage.readSyncedArticles(ids.slice(i, i + READ_BATCH))) {
      const entry = entryOf(a);
      if (!entry) continue;
      batch.push(entry);
      bytes += a.record ? a.record.content.length + a.record.text.length : 0;
      if (bytes >= run.journalBytes) await flush();
    }
  }
  await flush();
}

/**
 * The next journal file of this device. Only this device writes its folder, so a file that exists beyond
 * its head can only be left by its own stopped run, never read by anyone: it is overwritten.
 */
async function writeJournal(run: Run, entries: JournalEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const n = run.state.last + 1;
  const path = journalPath(run.state.deviceId, n);
  const bytes = await run.codec.encode({ format: FORMAT, device: run.state.deviceId, entries }, path);
  try {
    await run.dav.put(path, bytes, { ifNoneMatch: '*' });
  } catch (error) {
    if (!(error instanceof SyncError && error.code === 'conflict')) throw error;
    await run.dav.put(path, bytes);
  }
  run.state.last = n;
  run.state.written = logWritten(run.state.written, n, run.state.applied);
  run.state.sinceSnap += entries.length;
  run.counts.uploaded += entries.length;
}


/**
 * Compact when this device's journal is mostly history: write a snapshot of its whole library, move its
 * base to the files every known device has applied, and let the tombstones the previous compaction noted
 * expire if every device's data is now past them (compact.ts). The head written next makes it count;
 * the sweep after that deletes what it replaced.
 */
async function compactIfDue(run: Run, others: Head[], compactAfter?: number): Promise<void> {
  const { state } = run;
  if (!state.firstUpload.done || state.sinceSnap < (compactAfter ?? COMPACT_MIN_ENTRIES)) return;
  if (compactAfter === undefined && state.sinceSnap < 2 * (await storage.allArticleIds()).length) return;
  const base = Math.max(state.base, collectableUpTo(state.deviceId, state.last, others, run.now));
  const covers = { ...state.applied, [state.deviceId]: state.last };
  const ownAfter = headOf({ ...state, base, snap: { seq: 0, parts: 1, covers }, written: trimLog(state.written, base) }, run.now);
  const expiring = state.expiry && tombstonesMayExpire(state.expiry.need, [...others, ownAfter], run.now) ? state.expiry.tombs : {};
  state.snapSeq += 1; // stored first: parts of a stopped compaction are never named by a head, and swept later
  await storage.writeSyncState(state);
  const { ref, tombs } = await writeSnapshot(run, state.snapSeq, expiring);
  Object.assign(state, { base, snap: ref, written: trimLog(state.written, base), sinceSnap: 0, expiry: { need: ref.covers, tombs }, sweep: true });
  await storage.writeSyncState(state);
  await storage.expireTombstones(expiring);
}

function headOf(state: storage.SyncState, now: number): Head {
  return { device: state.deviceId, last: state.last, applied: state.applied, base: state.base, snap: state.snap, floor: floorOf(state.deviceId, state), seen: now };
}

/**
 * This device's head, when it says something new or its `seen` is a day old (so the others keep counting
 * it): If-Match the version read at the start of the run. Then the sweep, once the head names the new base.
 */
async function writeHead(run: Run): Promise<void> {
  const { state, own } = run;
  const head = headOf(state, run.now);
  const same = own.head !== null && JSON.stringify({ ...own.head, seen: 0 }) === JSON.stringify({ ...head, seen: 0 });
  const fresh = own.head?.seen != null && run.now - own.head.seen < SEEN_REFRESH_MS;
  if (!same || !fresh) {
    const path = headPath(state.deviceId);
    await run.dav.put(path, await run.codec.encode(head, path), own.etag ? { ifMatch: own.etag } : { ifNoneMatch: '*' });
  }
  if (state.sweep) await sweep(run);
}

/**
 * One sync run (docs/sync.md): connect (passphrase checked before any write), read every device's head,
 * apply the journal files this device has not applied yet, upload the outbox (and, once, the library that
 * existed before sync) as new journal files of its own, then its head. Every step is recorded in
 * storage as soon as the server has it, so a run stopped anywhere (worker stopped, server gone) goes on
 * from there next time and loses nothing. Cost: one request per device head plus the new files.
 */
import type { SyncCounts, SyncSettings } from '../shared/sync';
import * as storage from '../storage';
import type { Codec } from './codec';
import { connect, settled } from './connect';
import { SyncError } from './errors';
import { DEVICES, deviceFolder, FORMAT, headPath, isDeviceId, journalPath, parseHead, parseJournal, type Head, type JournalEntry } from './files';
import { mergeStates, sameState, type ArticleState } from './merge';
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
}

/** Articles read from storage at a time, and the size at which a journal file is closed. */
const READ_BATCH = 50;
const JOURNAL_BYTES = 2_000_000;

const newDeviceId = () => [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');

interface Run {
  dav: WebDav;
  codec: Codec;
  state: storage.SyncState;
  own: { head: Head | null; etag: string | null };
  counts: SyncCounts;
  journalBytes: number;
  progress: (done: number, total: number) => void;
}

export async function syncLibrary(settings: SyncSettings, options: RunOptions): Promise<SyncCounts> {
  const dav = new WebDav({ baseUrl: settings.serverUrl, username: settings.username, password: settings.password, fetch: options.fetch });
  try {
    const codec = await connect(dav, settings, options.iterations);
    let state = await storage.readSyncState();
    if (state?.serverUrl !== settings.serverUrl) {
      if (state) await storage.forgetSyncState();
      state = await storage.startSyncState(settings.serverUrl, newDeviceId());
    }
    const heads = await readHeads(dav, codec, state.deviceId);
    const own = heads.get(state.deviceId) ?? { head: null, etag: null };
    // A run stopped after writing its head but before storing it: the server knows better.
    state.last = Math.max(state.last, own.head?.last ?? 0);
    const run: Run = { dav, codec, state, own, counts: { uploaded: 0, downloaded: 0, deleted: 0 }, journalBytes: options.journalBytes ?? JOURNAL_BYTES, progress: (done, total) => options.onProgress?.({ done, total }) };
    await download(run, [...heads.values()].map((h) => h.head).filter((h): h is Head => h !== null && h.device !== state.deviceId));
    await uploadFirst(run);
    await uploadOutbox(run);
    await writeHead(run);
    return run.counts;
  } finally {
    options.onTraffic?.(dav.traffic);
  }
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

async function download(run: Run, heads: Head[]): Promise<void> {
  const todo = heads.flatMap((h) => Array.from({ length: Math.max(0, h.last - (run.state.applied[h.device] ?? 0)) }, (_, i) => ({ device: h.device, n: (run.state.applied[h.device] ?? 0) + i + 1 })));
  for (const [i, { device, n }] of todo.entries()) {
    run.progress(i, todo.length);
    const path = journalPath(device, n);
    const file = await run.dav.get(path);
    if (!file) throw new SyncError('server', `${path} is missing`);
    await applyEntries(run, parseJournal(await run.codec.decode(file.bytes, path)).entries);
    run.state.applied[device] = n;
    await storage.writeSyncState(run.state);
  }
}

const stateOf = (e: JournalEntry): ArticleState => ({ record: e.rec, clocks: e.del ? { c: e.c, del: e.del } : { c: e.c } });

/** Merge a journal file's entries into the library, a batch of articles per write. */
async function applyEntries(run: Run, entries: JournalEntry[]): Promise<void> {
  const remote = new Map<string, ArticleState>();
  for (const e of entries) {
    const known = remote.get(e.id);
    remote.set(e.id, known ? mergeStates(known, stateOf(e)) : stateOf(e));
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

function entryOf(a: storage.SyncedArticle): JournalEntry | null {
  if (!a.clocks) return null;
  if (a.record) return { id: a.id, rec: a.record, c: a.clocks.c, ...(a.clocks.del ? { del: a.clocks.del } : {}) };
  return a.clocks.del ? { id: a.id, rec: null, c: a.clocks.c, del: a.clocks.del } : null;
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
  run.counts.uploaded += entries.length;
}

/** This device's head, when it says something new: If-Match the version read at the start of the run. */
async function writeHead(run: Run): Promise<void> {
  const { state, own } = run;
  const head: Head = { device: state.deviceId, last: state.last, applied: state.applied };
  if (own.head && JSON.stringify(own.head) === JSON.stringify(head)) return;
  const path = headPath(state.deviceId);
  await run.dav.put(path, await run.codec.encode(head, path), own.etag ? { ifMatch: own.etag } : { ifNoneMatch: '*' });
}

/**
 * What the sync engine keeps on this computer between runs (storage.local, never synced): which server
 * and device this is, how far its own journal goes, how far it has applied every other device's, the
 * first upload's cursor, and the outbox of local changes not yet uploaded (sync-track.ts writes it).
 * A stopped worker loses nothing: each step is written here as soon as the server has it.
 */
import { isObject } from '../shared/guards';
import { allKeys, getItems, onStorageChanged, removeItems, setItems } from './area';
import { serialized } from './queue';
import { readIndex } from './read';
import { readArticles } from './read-records';
import type { SavedArticle } from './schema';
import { initialClocks, type ArticleClocks } from './sync-fields';
import { idOfSyncMetaKey, isSyncMetaKey, parseClocks, parseClockState, parseOutbox, SYNC_CLOCK_KEY, SYNC_OUTBOX_KEY, syncMetaKey, syncTrackingChanged, type ClockState, type Outbox } from './sync-track';

const SYNC_STATE_KEY = 'syncState';

export interface SyncState {
  /** The server address this state belongs to: another address starts over with a new device id. */
  serverUrl: string;
  deviceId: string;
  /** The number of this device's last journal file on the server (0: none yet). */
  last: number;
  /** Other device id → the number of its last journal file applied here. */
  applied: Record<string, number>;
  /** The first upload of a library that existed before sync: the last article id sent, or done. */
  firstUpload: { after: string; done: boolean };
  /** Compaction (src/sync/compact.ts): own files up to `base` are gone or going; the snapshot that holds them. */
  base: number;
  snap: { seq: number; parts: number; covers: Record<string, number> } | null;
  /** The last snapshot number used (a stopped compaction's parts are overwritten by the next, never read). */
  snapSeq: number;
  /** [first own file, the applied vector it was written with], oldest first. */
  written: Array<[number, Record<string, number>]>;
  /** Entries uploaded since the last snapshot (compaction starts when they outgrow the library). */
  sinceSnap: number;
  /** Tombstones (id → deletion clock) that may expire once every device's data is past `need`. */
  expiry: { need: Record<string, number>; tombs: Record<string, string> } | null;
  /** Files and snapshot parts below the head's base / of older snapshots are still to be deleted. */
  sweep: boolean;
}

const isNumberMap = (v: unknown): v is Record<string, number> => isObject(v) && Object.values(v).every((n) => Number.isSafeInteger(n));

const isSnap = (v: unknown): v is SyncState['snap'] & object => isObject(v) && Number.isSafeInteger(v.seq) && Number.isSafeInteger(v.parts) && isNumberMap(v.covers);
const isWritten = (v: unknown): v is SyncState['written'] => Array.isArray(v) && v.every((e) => Array.isArray(e) && Number.isSafeInteger(e[0]) && isNumberMap(e[1]));
const isExpiry = (v: unknown): v is SyncState['expiry'] & object => isObject(v) && isNumberMap(v.need) && isObject(v.tombs) && Object.values(v.tombs).every((c) => typeof c === 'string');
const count = (v: unknown) => (Number.isSafeInteger(v) ? (v as number) : 0);

/** A stored state; one kept before compaction existed reads with no snapshot and nothing compacted. */
function parseState(v: unknown): SyncState | null {
  if (!isObject(v) || typeof v.serverUrl !== 'string' || typeof v.deviceId !== 'string' || !Number.isSafeInteger(v.last)) return null;
  if (!isNumberMap(v.applied) || !isObject(v.firstUpload)) return null;
  const { after, done } = v.firstUpload;
  if (typeof after !== 'string' || typeof done !== 'boolean') return null;
  return {
    serverUrl: v.serverUrl, deviceId: v.deviceId, last: v.last as number, applied: v.applied, firstUpload: { after, done },
    base: count(v.base), snap: isSnap(v.snap) ? v.snap : null, snapSeq: count(v.snapSeq), written: isWritten(v.written) ? v.written : [],
    sinceSnap: count(v.sinceSnap), expiry: isExpiry(v.expiry) ? v.expiry : null, sweep: v.sweep === true,
  };
}

export async function readSyncState(): Promise<SyncState | null> {
  return parseState((await getItems(SYNC_STATE_KEY))[SYNC_STATE_KEY]);
}

export const writeSyncState = (state: SyncState) => setItems({ [SYNC_STATE_KEY]: state });

/** A fresh device for `serverUrl`: from now on every library write is tracked (sync-track.ts). */
export function startSyncState(serverUrl: string, deviceId: string, now = Date.now()): Promise<SyncState> {
  return serialized(async () => {
    const state: SyncState = {
      serverUrl, deviceId, last: 0, applied: {}, firstUpload: { after: '', done: false },
      base: 0, snap: null, snapSeq: 0, written: [], sinceSnap: 0, expiry: null, sweep: false,
    };
    await setItems({ [SYNC_STATE_KEY]: state, [SYNC_CLOCK_KEY]: { device: deviceId, t: now } satisfies ClockState, [SYNC_OUTBOX_KEY]: {} });
    syncTrackingChanged();
    return state;
  });
}

/** Forget everything sync kept here (state, clocks, outbox); the library itself stays as it is. */
export function forgetSyncState(): Promise<void> {
  return serialized(async () => {
    const keys = (await allKeys()).filter(isSyncMetaKey);
    await removeItems([SYNC_STATE_KEY, SYNC_CLOCK_KEY, SYNC_OUTBOX_KEY, ...keys]);
  });
}

export async function readOutbox(): Promise<Outbox> {
  return parseOutbox((await getItems(SYNC_OUTBOX_KEY))[SYNC_OUTBOX_KEY]);
}

/** Take uploaded articles off the outbox, unless they changed again meanwhile (their clock moved on). */
export function settleOutbox(uploaded: Outbox): Promise<void> {
  return serialized(async () => {
    const outbox = await readOutbox();
    for (const [id, clock] of Object.entries(uploaded)) if (outbox[id] === clock) delete outbox[id];
    await setItems({ [SYNC_OUTBOX_KEY]: outbox });
  });
}

/** An article as sync sees it: the record (null when deleted or never here) and its clocks. */
export interface SyncedArticle {
  id: string;
  record: SavedArticle | null;
  clocks: ArticleClocks | null;
  /** False for a record saved before sync was set up (its clocks are made up from its last update). */
  tracked: boolean;
}

/**
 * The local state of these articles, to upload or to merge with. A record saved before sync was set up
 * gets clocks as of its last update (sync-fields.ts `initialClocks`).
 */
export async function readSyncedArticles(ids: string[]): Promise<SyncedArticle[]> {
  const [records, stored] = await Promise.all([readArticles(ids), getItems([SYNC_CLOCK_KEY, ...ids.map(syncMetaKey)])]);
  const device = parseClockState(stored[SYNC_CLOCK_KEY])?.device ?? '';
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => {
    const record = byId.get(id) ?? null;
    const known = parseClocks(stored[syncMetaKey(id)]);
    return { id, record, clocks: known ?? (record ? { c: initialClocks(record, device) } : null), tracked: known !== null };
  });
}

/** Every article sync knows here, listed or a tombstone, in id order (a snapshot holds them all). */
export async function allSyncedIds(): Promise<string[]> {
  const metaIds = (await allKeys()).filter(isSyncMetaKey).map(idOfSyncMetaKey);
  return [...new Set([...(await allArticleIds()), ...metaIds])].sort();
}

/**
 * Let tombstones expire: `tombs` (id → deletion clock) that are still tombstones with that clock lose
 * their `syncMeta:<id>` (an article saved or deleted again since keeps it). Returns how many went.
 */
export function expireTombstones(tombs: Record<string, string>): Promise<number> {
  return serialized(async () => {
    const ids = Object.keys(tombs);
    const [records, stored] = await Promise.all([readArticles(ids), getItems(ids.map(syncMetaKey))]);
    const listed = new Set(records.map((r) => r.id));
    const expired = ids.filter((id) => !listed.has(id) && parseClocks(stored[syncMetaKey(id)])?.del === tombs[id]);
    if (expired.length) await removeItems(expired.map(syncMetaKey));
    return expired.length;
  });
}

/** The ids of every listed article, in id order (the first upload's cursor walks them). */
export async function allArticleIds(): Promise<string[]> {
  return (await readIndex()).entries.map((e) => e.id).sort();
}

/** Call `listener` whenever a local change lands in the outbox (not when uploads take changes off it). */
export function onOutboxGrew(listener: () => void): void {
  onStorageChanged.addListener((changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = changes[SYNC_OUTBOX_KEY];
    if (area !== 'local' || !change) return;
    const before = parseOutbox(change.oldValue);
    if (Object.entries(parseOutbox(change.newValue)).some(([id, clock]) => before[id] !== clock)) listener();
  });
}

/**
 * The files on the server (docs/sync.md) and their shapes, checked on the way in: a server's files are
 * untrusted input like any other.
 *
 *   lectern-sync.json            format version and, with a passphrase, the key's salt and check (plain JSON)
 *   devices/<device>/head        that device's last journal number and how far it has applied the others'
 *   devices/<device>/<n>         journal file n: a batch of article states (record + clocks, or a tombstone)
 *   devices/<device>/s<seq>-<p>  part p of that device's snapshot number seq: its whole library (compact.ts)
 *
 * Each device writes only its own folder, so two devices never write the same file.
 */
import { isObject } from '../shared/guards';
import type { SavedArticle } from '../storage';
import { isArticleId, isSavedArticle } from '../storage/validate';
import type { FieldClocks } from '../storage/sync-fields';
import type { EncryptionInfo } from './crypto';

export const FORMAT = 1;
export const MANIFEST = 'lectern-sync.json';
export const DEVICES = 'devices/';
export const deviceFolder = (device: string) => `${DEVICES}${device}/`;
export const headPath = (device: string) => `${deviceFolder(device)}head`;
export const journalPath = (device: string, n: number) => `${deviceFolder(device)}${String(n).padStart(8, '0')}`;
export const snapshotPath = (device: string, seq: number, part: number) => `${deviceFolder(device)}s${String(seq).padStart(8, '0')}-${String(part).padStart(4, '0')}`;
/** A file name in a device folder: a journal file (its number) or a snapshot part (its snapshot's number). */
export function fileOf(name: string): { journal: number } | { snapshot: number } | null {
  const journal = /^(\d{8})$/.exec(name);
  if (journal) return { journal: Number(journal[1]) };
  const part = /^s(\d{8})-\d{4}$/.exec(name);
  return part ? { snapshot: Number(part[1]) } : null;
}
export const isDeviceId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{16}$/.test(v);

export interface Manifest { format: number; app: 'Lectern'; encryption: EncryptionInfo | null }

/** Device id → a journal file number of that device. */
export type Vector = Record<string, number>;

/** A device's snapshot: its whole library as it was when every file in `covers` was applied there. */
export interface SnapshotRef {
  seq: number;
  parts: number;
  /** Device → the last journal file of that device whose changes the snapshot holds (its maker's own too). */
  covers: Vector;
}

export interface Head {
  device: string;
  /** The last journal file written (0: none). */
  last: number;
  /** Other device → the last of its journal files this device has applied. */
  applied: Vector;
  /** Files 1..base are gone (or going): a device that has not applied them reads a snapshot instead. */
  base: number;
  snap: SnapshotRef | null;
  /**
   * Everything this device has on the server (snapshot and files after base) was written after it had
   * applied these files (its own entry: its own files): tombstones in them are in all its data (compact.ts).
   */
  floor: Vector;
  /** When this device last wrote its head (ms); null from a head written before compaction existed. */
  seen: number | null;
}

/** One article's state as a device wrote it. `rec` null: deleted (then `del` is set). */
export interface JournalEntry { id: string; rec: SavedArticle | null; c: FieldClocks; del?: string }

const isClockMap = (v: unknown): v is FieldClocks => isObject(v) && Object.values(v).every((c) => typeof c === 'string' && c.length <= 60);

export function parseManifest(v: unknown): Manifest | null {
  if (!isObject(v) || !Number.isSafeInteger(v.format)) return null;
  const e = v.encryption;
  const encryption = isObject(e) && e.kdf === 'PBKDF2-SHA-256' && Number.isSafeInteger(e.iterations) && (e.iterations as number) >= 1
    && typeof e.salt === 'string' && typeof e.check === 'string' ? (e as unknown as EncryptionInfo) : null;
  if (e !== null && !encryption) return null;
  return { format: v.format as number, app: 'Lectern', encryption };
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const vectorOf = (v: unknown): Vector => (isObject(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => isDeviceId(e[0]) && isCount(e[1]))) : {});

function parseSnapshotRef(v: unknown): SnapshotRef | null {
  if (!isObject(v) || !isCount(v.seq) || v.seq < 1 || !isCount(v.parts) || v.parts < 1 || !isObject(v.covers)) return null;
  return { seq: v.seq, parts: v.parts, covers: vectorOf(v.covers) };
}

/** A head; the fields compaction added are optional (a head written before them has no snapshot and base 0). */
export function parseHead(v: unknown): Head | null {
  if (!isObject(v) || !isDeviceId(v.device) || !isCount(v.last) || !isObject(v.applied)) return null;
  const base = isCount(v.base) && v.base <= v.last ? v.base : 0;
  const snap = parseSnapshotRef(v.snap);
  return { device: v.device, last: v.last, applied: vectorOf(v.applied), base, snap, floor: vectorOf(v.floor), seen: isCount(v.seen) ? v.seen : null };
}

/** A snapshot part: entries like a journal file's. */
export const parseSnapshotPart = (v: unknown) => parseJournal(v);

/** The entries of a journal file that are well-formed; the rest are skipped (and counted by the caller). */
export function parseJournal(v: unknown): { entries: JournalEntry[]; skipped: number } {
  const list = isObject(v) && Array.isArray(v.entries) ? (v.entries as unknown[]) : [];
  const entries = list.filter((e): e is JournalEntry => isObject(e) && isArticleId(e.id) && isClockMap(e.c)
    && (e.del === undefined || typeof e.del === 'string')
    && (e.rec === null ? typeof e.del === 'string' : isSavedArticle(e.rec) && e.rec.id === e.id));
  return { entries, skipped: list.length - entries.length };
}

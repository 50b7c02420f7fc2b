/**
 * The files on the server (docs/sync.md) and their shapes, checked on the way in: a server's files are
 * untrusted input like any other.
 *
 *   lectern-sync.json            format version and, with a passphrase, the key's salt and check (plain JSON)
 *   devices/<device>/head        that device's last journal number and how far it has applied the others'
 *   devices/<device>/<n>         journal file n: a batch of article states (record + clocks, or a tombstone)
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
export const isDeviceId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{16}$/.test(v);

export interface Manifest { format: number; app: 'Lectern'; encryption: EncryptionInfo | null }

export interface Head {
  device: string;
  /** The last journal file written (0: none). */
  last: number;
  /** Other device → the last of its journal files this device has applied. */
  applied: Record<string, number>;
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

export function parseHead(v: unknown): Head | null {
  if (!isObject(v) || !isDeviceId(v.device) || !Number.isSafeInteger(v.last) || !isObject(v.applied)) return null;
  const applied = Object.fromEntries(Object.entries(v.applied).filter((e): e is [string, number] => isDeviceId(e[0]) && Number.isSafeInteger(e[1])));
  return { device: v.device, last: v.last as number, applied };
}

/** The entries of a journal file that are well-formed; the rest are skipped (and counted by the caller). */
export function parseJournal(v: unknown): { entries: JournalEntry[]; skipped: number } {
  const list = isObject(v) && Array.isArray(v.entries) ? (v.entries as unknown[]) : [];
  const entries = list.filter((e): e is JournalEntry => isObject(e) && isArticleId(e.id) && isClockMap(e.c)
    && (e.del === undefined || typeof e.del === 'string')
    && (e.rec === null ? typeof e.del === 'string' : isSavedArticle(e.rec) && e.rec.id === e.id));
  return { entries, skipped: list.length - entries.length };
}

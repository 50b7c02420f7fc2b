import { isObject } from '../shared/guards';
import { SYNC_STATUS_KEY, type SyncCounts, type SyncErrorCode, type SyncStatus } from '../shared/sync';
import { onStorageChanged } from './area';

/**
 * The sync status as pages see it: the background writes `storage.local[SYNC_STATUS_KEY]` while it syncs
 * (also from an alarm, with no page open), and the options page watches it for its status line (and reads
 * it with readSyncStatus, ./sync-settings.ts).
 */
const NO_SYNC_STATUS: SyncStatus = { configured: false, running: false, progress: null, lastRunAt: null, lastOk: null, lastCounts: null, error: null };

const ERROR_CODES: readonly SyncErrorCode[] = ['notConfigured', 'permission', 'unreachable', 'auth', 'notWebdav', 'passphrase', 'needsPassphrase', 'notEncrypted', 'newerFormat', 'server', 'quota', 'conflict'];

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function toCounts(v: unknown): SyncCounts | null {
  if (!isObject(v)) return null;
  const counts: SyncCounts = { uploaded: count(v.uploaded), downloaded: count(v.downloaded), deleted: count(v.deleted) };
  return count(v.removedWhileAway) > 0 ? { ...counts, removedWhileAway: count(v.removedWhileAway) } : counts;
}

function toError(v: unknown): SyncStatus['error'] {
  if (!isObject(v)) return null;
  // A code this version does not know (a newer background) still reads as an error, never as success.
  const code = ERROR_CODES.includes(v.code as SyncErrorCode) ? (v.code as SyncErrorCode) : 'server';
  return typeof v.detail === 'string' && v.detail ? { code, detail: v.detail } : { code };
}

/** A stored value → a status; anything malformed reads as "not set up" rather than breaking the page. */
function toSyncStatus(v: unknown): SyncStatus {
  if (!isObject(v)) return NO_SYNC_STATUS;
  const progress = isObject(v.progress) ? { done: count(v.progress.done), total: count(v.progress.total) } : null;
  return {
    configured: v.configured === true,
    running: v.running === true,
    progress,
    lastRunAt: time(v.lastRunAt),
    lastOk: typeof v.lastOk === 'boolean' ? v.lastOk : null,
    lastCounts: toCounts(v.lastCounts),
    error: toError(v.error),
  };
}

/** Call `listener` whenever the background writes a new status. Returns the function that stops listening. */
export function onSyncStatusChanged(listener: (status: SyncStatus) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SYNC_STATUS_KEY in changes) listener(toSyncStatus(changes[SYNC_STATUS_KEY]?.newValue));
  };
  onStorageChanged.addListener(handle);
  return () => onStorageChanged.removeListener(handle);
}

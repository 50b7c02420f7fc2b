/**
 * Sync through a WebDAV folder the user owns (issue #13): the contract between the options page (which
 * sets it up and shows its state) and the background (which runs it). The design is in docs/sync.md.
 *
 * Credentials live in `storage.local` only (never `storage.sync`): they stay on this computer.
 */

/** What the user types in the options page's Sync section. */
export interface SyncSettings {
  /** The WebDAV folder, e.g. `https://cloud.example.org/remote.php/dav/files/ana/Lectern/`. */
  serverUrl: string;
  username: string;
  password: string;
  /** Empty: the server holds plain JSON. Otherwise everything on the server is AES-GCM encrypted. */
  passphrase: string;
}

/** What the options page gets back: the secrets are never sent to a page, only whether they are set. */
export interface SyncSettingsView {
  serverUrl: string;
  username: string;
  hasPassword: boolean;
  hasPassphrase: boolean;
}

/** Why a sync stopped, each shown to the user in words (locale key `syncError_<code>`). */
export type SyncErrorCode =
  | 'notConfigured' // no server address yet
  | 'permission' // the host permission for the server's origin was not granted
  | 'unreachable' // network error, server down, or stopped mid-sync
  | 'auth' // 401/403: wrong user name or password
  | 'notWebdav' // the address answers but is not a WebDAV folder
  | 'passphrase' // the server's data is encrypted with another passphrase
  | 'needsPassphrase' // the server's data is encrypted and no passphrase is set
  | 'notEncrypted' // a passphrase is set but the server's data is plain: never mixed
  | 'newerFormat' // written by a newer Lectern
  | 'server' // any other HTTP error (status in the message)
  | 'quota' // the local disk or the server is full
  | 'conflict'; // another device kept writing the same file; the next sync retries

export interface SyncCounts {
  uploaded: number;
  downloaded: number;
  deleted: number;
  /**
   * Articles removed because they were deleted on other devices while this one was away so long that it
   * stopped counting (90 days) and the deletions were forgotten (docs/sync.md, "Tombstones and compaction").
   */
  removedWhileAway?: number;
}

export interface SyncStatus {
  configured: boolean;
  running: boolean;
  /** The current run's progress (a first sync of a large library), or null. */
  progress: { done: number; total: number } | null;
  /** When the last run ended (ms since epoch), whether it completed, and what it moved. */
  lastRunAt: number | null;
  lastOk: boolean | null;
  lastCounts: SyncCounts | null;
  /** The last run's error, or null when it completed. `detail` is plain text (an HTTP status, say). */
  error: { code: SyncErrorCode; detail?: string } | null;
}

/** `storage.local` keys: settings (secret, never synced), status (pages watch it for the status line). */
export const SYNC_SETTINGS_KEY = 'syncSettings';
export const SYNC_STATUS_KEY = 'syncStatus';

/**
 * The origin pattern Lectern asks host permission for: the server's host only. Without its port: Firefox
 * match patterns cannot hold one (a pattern with a port matches nothing there, so the permission would
 * never cover the server: https://bugzilla.mozilla.org/show_bug.cgi?id=1362809), and in Chrome a pattern
 * without a port covers every port of that host.
 */
export function syncOriginPattern(serverUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return `${url.protocol}//${url.hostname}/*`;
}

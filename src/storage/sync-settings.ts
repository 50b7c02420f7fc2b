/**
 * Sync settings and status (src/shared/sync.ts), in `storage.local` only: the password and passphrase
 * stay on this computer and are never written to `storage.sync`. The background writes both; pages read
 * the status (and watch SYNC_STATUS_KEY) and ask for the settings view by message.
 */
import { isObject } from '../shared/guards';
import { SYNC_SETTINGS_KEY, SYNC_STATUS_KEY, type SyncSettings, type SyncSettingsView, type SyncStatus } from '../shared/sync';
import { getItems, removeItems, setItems } from './area';

const isSettings = (v: unknown): v is SyncSettings => isObject(v) && typeof v.serverUrl === 'string' && typeof v.username === 'string'
  && typeof v.password === 'string' && typeof v.passphrase === 'string';

/** The stored settings, or null when sync was never set up (or the stored value is damaged). */
export async function readSyncSettings(): Promise<SyncSettings | null> {
  const value = (await getItems(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY];
  return isSettings(value) && value.serverUrl !== '' ? value : null;
}

/** What a page may see: the secrets only as "set or not". */
export function settingsView(settings: SyncSettings | null): SyncSettingsView {
  return {
    serverUrl: settings?.serverUrl ?? '', username: settings?.username ?? '',
    hasPassword: !!settings?.password, hasPassphrase: !!settings?.passphrase,
  };
}

export const writeSyncSettings = (settings: SyncSettings) => setItems({ [SYNC_SETTINGS_KEY]: settings });

const IDLE_STATUS: SyncStatus = { configured: false, running: false, progress: null, lastRunAt: null, lastOk: null, lastCounts: null, error: null };

/** The status as last written (pages show it); a damaged value reads as idle. */
export async function readSyncStatus(): Promise<SyncStatus> {
  const value = (await getItems(SYNC_STATUS_KEY))[SYNC_STATUS_KEY];
  return isObject(value) && typeof value.running === 'boolean' ? { ...IDLE_STATUS, ...(value as Partial<SyncStatus>) } : { ...IDLE_STATUS };
}

export async function writeSyncStatus(status: SyncStatus): Promise<SyncStatus> {
  await setItems({ [SYNC_STATUS_KEY]: status });
  return status;
}

/** Forget the settings and the status (sync-state.ts forgets the rest). */
export const removeSyncSettings = () => removeItems([SYNC_SETTINGS_KEY, SYNC_STATUS_KEY]);

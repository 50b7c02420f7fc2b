/**
 * Runs sync in the background (docs/sync.md): one run at a time, after the user's changes (debounced
 * through an alarm, which outlives a stopped worker), on browser start, every few minutes, and on Sync
 * now. Only with the host permission for the server's origin, which the options page asks for: the
 * background never asks. The status is written to storage for the pages to follow.
 */
import browser from 'webextension-polyfill';
import { syncOriginPattern, type SyncCounts, type SyncSettings, type SyncStatus } from '../shared/sync';
import * as storage from '../storage';
import { SyncError } from '../sync/errors';
import { syncLibrary } from '../sync/run';
import { allowSyncThroughGuard } from './host-guard';

const SOON_ALARM = 'sync-soon';
const PERIODIC_ALARM = 'sync-periodic';
/**
 * After the last change of a burst (tagging five articles is one upload, not five). 30 s is also Chrome's
 * shortest alarm delay since Chrome 120 (Firefox has none):
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/alarms/create
 */
const DEBOUNCE_MINUTES = 0.5;
const PERIOD_MINUTES = 5;

let current: Promise<void> | null = null;

/** Start a run unless one is running; answers once its status says so. */
export async function startSync(): Promise<SyncStatus> {
  if (!current) {
    const run = runOnce();
    current = run.finally(() => (current = null));
    await run.started;
  }
  return storage.readSyncStatus();
}

/** Resolves when no run is going on (tests, disconnect). */
export const whenSyncIdle = async () => void (await current);

function runOnce(): Promise<void> & { started: Promise<void> } {
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const run = (async () => {
    try {
      await runWithStatus(markStarted);
    } catch (error) {
      // Only the status write itself can fail here (storage full): nothing else is left to tell.
      console.error('Lectern: sync run could not record its status', error);
    } finally {
      markStarted();
    }
  })();
  return Object.assign(run, { started });
}

async function runWithStatus(markStarted: () => void): Promise<void> {
  const before = await storage.readSyncStatus();
  const settings = await storage.readSyncSettings();
  const finish = (counts: SyncCounts | null, error: SyncStatus['error']) => storage.writeSyncStatus({
    ...before, configured: settings !== null, running: false, progress: null, lastRunAt: Date.now(), lastOk: error === null, lastCounts: counts, error,
  });
  const problem = await checkBeforeRun(settings);
  if (problem || !settings) return void (await finish(null, { code: problem ?? 'notConfigured' }));
  await storage.writeSyncStatus({ ...before, configured: true, running: true, progress: null, error: null });
  markStarted();
  await allowSyncThroughGuard();
  try {
    const counts = await syncLibrary(settings, {
      fetch: (input, init) => fetch(input, init),
      onProgress: (progress) => void storage.writeSyncStatus({ ...before, configured: true, running: true, progress, error: null }).catch(() => {}),
    });
    await finish(counts, null);
  } catch (error) {
    await finish(null, errorOf(error));
  }
}

async function checkBeforeRun(settings: SyncSettings | null): Promise<'notConfigured' | 'permission' | null> {
  const pattern = settings && syncOriginPattern(settings.serverUrl);
  if (!pattern) return 'notConfigured';
  return (await browser.permissions.contains({ origins: [pattern] })) ? null : 'permission';
}

function errorOf(error: unknown): NonNullable<SyncStatus['error']> {
  if (error instanceof SyncError) return error.detail ? { code: error.code, detail: error.detail } : { code: error.code };
  if (error instanceof storage.StorageWriteError) return { code: error.reason === 'quota' ? 'quota' : 'server', detail: error.message };
  console.error('Lectern: sync failed', error);
  return { code: 'server', detail: error instanceof Error ? error.message : String(error) };
}

/** Save what the options page sent; an omitted secret keeps the stored one. */
export async function saveSyncSettings(input: { serverUrl: string; username: string; password?: string; passphrase?: string }): Promise<SyncStatus> {
  const stored = await storage.readSyncSettings();
  await storage.writeSyncSettings({
    serverUrl: input.serverUrl.trim(), username: input.username,
    password: input.password ?? stored?.password ?? '', passphrase: input.passphrase ?? stored?.passphrase ?? '',
  });
  await schedulePeriodic();
  const status = await storage.readSyncStatus();
  return storage.writeSyncStatus({ ...status, configured: true, error: null });
}

/** Forget this device's settings and state; the server and the library stay as they are. */
export async function disconnectSync(): Promise<SyncStatus> {
  await whenSyncIdle();
  await storage.removeSyncSettings();
  await storage.forgetSyncState();
  await browser.alarms.clear(PERIODIC_ALARM);
  await browser.alarms.clear(SOON_ALARM);
  return storage.readSyncStatus();
}

export async function syncStatus(): Promise<SyncStatus> {
  const [status, settings] = await Promise.all([storage.readSyncStatus(), storage.readSyncSettings()]);
  return { ...status, configured: settings !== null, running: status.running && current !== null };
}

const schedulePeriodic = () => browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });

/** A change waits in the outbox: sync DEBOUNCE_MINUTES after the last one (a new alarm replaces the old). */
export async function syncSoon(): Promise<void> {
  if (await storage.readSyncSettings()) await browser.alarms.create(SOON_ALARM, { delayInMinutes: DEBOUNCE_MINUTES });
}

export function onSyncAlarm(alarm: { name: string }): void {
  if (alarm.name === SOON_ALARM || alarm.name === PERIODIC_ALARM) void startIfConfigured();
}

/** Browser start, worker start: a run left "running" by a stopped worker is over; sync if set up. */
export async function startIfConfigured(): Promise<void> {
  const settings = await storage.readSyncSettings();
  if (!settings) return;
  const status = await storage.readSyncStatus();
  if (status.running && !current) await storage.writeSyncStatus({ ...status, running: false, progress: null });
  if (!(await browser.alarms.get(PERIODIC_ALARM))) await schedulePeriodic();
  await startSync();
}

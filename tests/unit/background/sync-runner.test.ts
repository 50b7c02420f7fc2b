/**
 * The background's sync runs against a real WebDAV server (rclone): Sync now, the debounced run after a
 * change, the periodic alarm, and the status the options page follows.
 * @jest-environment node
 */
import browser, { alarms, fireAlarm, grantedOrigins, resetFakeBrowser } from '../../helpers/fake-browser';
import { removeDavServer, startDavServer, type DavServer } from '../../helpers/rclone';
import { sendMessage } from '../../../src/shared/messages';
import { SYNC_STATUS_KEY, syncOriginPattern, type SyncStatus } from '../../../src/shared/sync';
import * as storage from '../../../src/storage';
import { whenSyncIdle } from '../../../src/background/sync-runner';
import { article } from '../storage/fixtures';

import '../../../src/background/background';

let server: DavServer;
beforeEach(async () => {
  resetFakeBrowser();
  server = await startDavServer();
});
afterEach(async () => {
  await whenSyncIdle();
  await removeDavServer(server);
});

const settings = () => ({ serverUrl: server.url, username: server.user, password: server.pass });
const statusSeen: SyncStatus[] = [];
browser.storage.local.onChanged.addListener((changes) => {
  const change = changes[SYNC_STATUS_KEY];
  if (change?.newValue) statusSeen.push(change.newValue as SyncStatus);
});

test('Sync now answers once the run started; the status says running, then what it moved', async () => {
  for (let i = 1; i <= 3; i++) await storage.saveArticle(article(i));
  await sendMessage('saveSyncSettings', settings());
  grantedOrigins.add(syncOriginPattern(server.url)!);
  statusSeen.length = 0;
  const started = await sendMessage('syncNow', {});
  expect(started).toMatchObject({ configured: true, running: true, error: null });
  await whenSyncIdle();
  const status = await sendMessage('getSyncStatus', {});
  expect(status).toMatchObject({ running: false, lastOk: true, error: null, lastCounts: { uploaded: 3, downloaded: 0, deleted: 0 } });
  // The first upload of the existing library reported its progress while it ran.
  expect(statusSeen.some((s) => s.running && s.progress?.total === 3)).toBe(true);
  expect(status.lastRunAt).toEqual(expect.any(Number));
  expect(Object.keys(server.files()).some((f) => f.startsWith('Lectern/devices/'))).toBe(true);
});

test('a wrong password ends the run with the auth error in the status', async () => {
  await sendMessage('saveSyncSettings', { ...settings(), password: 'wrong' });
  grantedOrigins.add(syncOriginPattern(server.url)!);
  await sendMessage('syncNow', {});
  await whenSyncIdle();
  expect(await sendMessage('getSyncStatus', {})).toMatchObject({ running: false, lastOk: false, error: { code: 'auth', detail: 'HTTP 401' } });
});

test('a local change schedules a run shortly after; the alarm runs it', async () => {
  await sendMessage('saveSyncSettings', settings());
  grantedOrigins.add(syncOriginPattern(server.url)!);
  await sendMessage('syncNow', {});
  await whenSyncIdle();
  expect(alarms.has('sync-soon')).toBe(false);
  await storage.saveArticle(article(2));
  await new Promise((resolve) => setTimeout(resolve, 50)); // the change event, then the alarm
  expect(alarms.get('sync-soon')).toMatchObject({ delayInMinutes: 0.5 });
  await fireAlarm('sync-soon');
  await new Promise((resolve) => setTimeout(resolve, 100)); // the listener reads the settings, then starts
  await whenSyncIdle();
  expect(await sendMessage('getSyncStatus', {})).toMatchObject({ lastOk: true, lastCounts: { uploaded: 1 } });
  expect(await storage.readOutbox()).toEqual({});
});

test('two Sync now at once make one run', async () => {
  await sendMessage('saveSyncSettings', settings());
  grantedOrigins.add(syncOriginPattern(server.url)!);
  statusSeen.length = 0;
  await Promise.all([sendMessage('syncNow', {}), sendMessage('syncNow', {})]);
  await whenSyncIdle();
  expect(statusSeen.filter((s) => s.running && s.progress === null && s.lastRunAt === null)).toHaveLength(1);
});

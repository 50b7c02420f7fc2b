/**
 * @jest-environment node
 */
import browser, { alarms, asSender, EXTENSION_ID, grantedOrigins, resetFakeBrowser } from '../../helpers/fake-browser';
import { sendMessage } from '../../../src/shared/messages';
import { SYNC_SETTINGS_KEY, SYNC_STATUS_KEY, type SyncStatus } from '../../../src/shared/sync';
import { whenSyncIdle } from '../../../src/background/sync-runner';

import '../../../src/background/background';

beforeEach(resetFakeBrowser);

const settings = { serverUrl: 'https://dav.example.org/lectern/', username: 'ana', password: 'secret-pw', passphrase: 'long passphrase' };

test('settings are kept in storage.local only, and a page sees the secrets only as set or not', async () => {
  const status = await sendMessage('saveSyncSettings', settings);
  expect(status).toMatchObject({ configured: true, error: null });
  expect(await sendMessage('getSyncSettings', {})).toEqual({ serverUrl: settings.serverUrl, username: 'ana', hasPassword: true, hasPassphrase: true });
  expect(JSON.stringify(await browser.storage.sync.get(null))).not.toContain('secret-pw');
  expect((await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]).toEqual(settings);
  expect(alarms.has('sync-periodic')).toBe(true);
});

test('an omitted password or passphrase keeps the stored one; an empty one clears it', async () => {
  await sendMessage('saveSyncSettings', settings);
  await sendMessage('saveSyncSettings', { serverUrl: settings.serverUrl, username: 'bo' });
  expect((await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]).toEqual({ ...settings, username: 'bo' });
  await sendMessage('saveSyncSettings', { serverUrl: settings.serverUrl, username: 'bo', passphrase: '' });
  expect(await sendMessage('getSyncSettings', {})).toMatchObject({ hasPassword: true, hasPassphrase: false });
});

test.each([
  ['no scheme', { serverUrl: 'dav.example.org', username: 'a' }],
  ['a file address', { serverUrl: 'file:///etc/', username: 'a' }],
  ['credentials in the address', { serverUrl: 'https://a:b@dav.example.org/', username: 'a' }],
  ['an unknown field', { serverUrl: 'https://dav.example.org/', username: 'a', token: 'x' }],
  ['a huge password', { serverUrl: 'https://dav.example.org/', username: 'a', password: 'x'.repeat(5000) }],
])('settings with %s are refused', async (_, data) => {
  await expect(sendMessage('saveSyncSettings', data as never)).rejects.toThrow('Malformed saveSyncSettings');
});

test('web pages may not read or change sync settings', async () => {
  await sendMessage('saveSyncSettings', settings);
  const page = { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3, url: 'https://evil.example/' } };
  await expect(asSender(page, () => sendMessage('getSyncSettings', {}))).rejects.toThrow('only answered');
  await expect(asSender(page, () => sendMessage('syncNow', {}))).rejects.toThrow('only answered');
});

test('Sync now without a server, or without the host permission, says so in the status', async () => {
  await sendMessage('syncNow', {});
  await whenSyncIdle();
  expect(await sendMessage('getSyncStatus', {})).toMatchObject({ configured: false, running: false, lastOk: false, error: { code: 'notConfigured' } });
  await sendMessage('saveSyncSettings', settings);
  await sendMessage('syncNow', {});
  await whenSyncIdle();
  const stored = (await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as SyncStatus;
  expect(stored).toMatchObject({ configured: true, running: false, error: { code: 'permission' } });
  expect(grantedOrigins.size).toBe(0); // the background never asks
});

test('disconnect forgets the settings and the status', async () => {
  await sendMessage('saveSyncSettings', settings);
  expect(await sendMessage('disconnectSync', {})).toMatchObject({ configured: false, error: null });
  expect(await sendMessage('getSyncSettings', {})).toEqual({ serverUrl: '', username: '', hasPassword: false, hasPassphrase: false });
  expect(alarms.size).toBe(0);
});

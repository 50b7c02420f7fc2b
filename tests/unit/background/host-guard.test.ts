/**
 * While an import runs, the worker's requests to private and loopback hosts are blocked; the sync
 * server the user set up (a NAS on the LAN, or this computer) must still be reachable.
 * @jest-environment node
 */
import { backgroundRequestBlocked, grantedOrigins, resetFakeBrowser, sessionRuleLimit, sessionRules } from '../../helpers/fake-browser';
import { allowSyncThroughGuard, guardImportFetches, importGuardIsOn } from '../../../src/background/host-guard';
import { sendMessage } from '../../../src/shared/messages';

import '../../../src/background/background';

beforeEach(resetFakeBrowser);

const nas = { serverUrl: 'http://192.168.1.20:5005/dav/Lectern/', username: 'me', password: 'pw' };

test('the guard blocks private hosts and lets the configured sync server through', async () => {
  await sendMessage('saveSyncSettings', nas);
  await guardImportFetches(true);
  expect(backgroundRequestBlocked('http://192.168.1.20:5005/dav/Lectern/lectern-sync.json')).toBe(false);
  expect(backgroundRequestBlocked('http://192.168.1.20:8080/admin')).toBe(true); // another port: another origin
  expect(backgroundRequestBlocked('http://192.168.1.21:5005/dav/')).toBe(true);
  expect(backgroundRequestBlocked('http://127.0.0.1:9000/')).toBe(true);
  expect(backgroundRequestBlocked('https://news.example/story')).toBe(false);
  await guardImportFetches(false);
  expect(sessionRules.size).toBe(0);
});

test('a sync server set up while an import runs is let through when the run starts', async () => {
  await guardImportFetches(true);
  const loopback = { serverUrl: 'http://127.0.0.1:8765/Lectern/', username: 'me', password: 'pw' };
  await sendMessage('saveSyncSettings', loopback);
  expect(backgroundRequestBlocked('http://127.0.0.1:8765/Lectern/devices/')).toBe(true);
  await allowSyncThroughGuard();
  expect(backgroundRequestBlocked('http://127.0.0.1:8765/Lectern/devices/')).toBe(false);
  expect(backgroundRequestBlocked('http://127.0.0.1:8766/')).toBe(true);
});

test('without an import running, letting sync through adds no rule', async () => {
  await sendMessage('saveSyncSettings', nas);
  grantedOrigins.add('http://192.168.1.20:5005/*');
  await allowSyncThroughGuard();
  expect(sessionRules.size).toBe(0);
});

test('the guard ends in the state asked for last, even when the calls overlap', async () => {
  await sendMessage('saveSyncSettings', nas);
  // An import's last pump turns the guard on while the job's end turns it off: "off" was asked last.
  const on = guardImportFetches(true);
  const off = guardImportFetches(false);
  await Promise.all([on, off]);
  expect(sessionRules.size).toBe(0);
  expect(backgroundRequestBlocked('http://127.0.0.1:9000/')).toBe(false);
});

test('says whether the guard is on, so a redirect is not followed unguarded when the browser refused the rules', async () => {
  expect(await importGuardIsOn()).toBe(false);
  await guardImportFetches(true);
  expect(await importGuardIsOn()).toBe(true);
  await guardImportFetches(false);
  sessionRuleLimit.max = 2; // the browser refuses the update: no rule is set
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await guardImportFetches(true);
  expect(logged).toHaveBeenCalledWith('Lectern: could not set the import’s host guard', expect.any(Error));
  logged.mockRestore();
  expect(sessionRules.size).toBe(0);
  expect(await importGuardIsOn()).toBe(false);
});

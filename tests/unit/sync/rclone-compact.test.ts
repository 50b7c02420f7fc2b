/**
 * Compaction and tombstone expiry through a REAL WebDAV server (`rclone serve webdav`), with simulated
 * devices (tests/unit/sync/devices.ts): snapshots, deleted journal files, tombstones that expire only when
 * every device's data is past them, a device back after 90 days (an injected clock), and compaction
 * stopped by killing the server at every request.
 * @jest-environment node
 */
import { article } from '../storage/fixtures';
import { removeDavServer, startDavServer, type DavServer } from '../../helpers/rclone';
import { libraryOf, makeDevice, type Device } from './devices';
import type { Fetch } from '../../../src/sync/webdav';

let server: DavServer;
beforeEach(async () => {
  server = await startDavServer();
});
afterEach(async () => {
  await removeDavServer(server);
});

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);
const SMALL = 100; // text bytes per journal file: many files

const save = async (device: Device, n: number) => (await device.storage.saveArticle(article(n))).id;

/** Server files under one device's folder, by name. */
function folderOf(device: string): string[] {
  return Object.keys(server.files()).filter((f) => f.startsWith(`Lectern/devices/${device}/`)).map((f) => f.split('/').pop()!).sort();
}
const deviceIdOf = async (d: Device) => (await d.storage.readSyncState())!.deviceId;
const serverBytes = () => Object.values(server.files()).reduce((sum, b64) => sum + Buffer.from(b64, 'base64').length, 0);

/** Ids with a `syncMeta:` key (a tombstone or a tracked article) on this device. */
async function metaIds(d: Device): Promise<string[]> {
  const all = await d.fake.default.storage.local.get(null);
  return Object.keys(all).filter((k) => k.startsWith('syncMeta:')).map((k) => k.slice('syncMeta:'.length));
}

/** A library with history: saves, edits, deletes on A and B, everything synced both ways. */
async function history(a: Device, b: Device, now = T0) {
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push(await save(a, i));
  await a.sync({ journalBytes: SMALL, now });
  await b.sync({ now });
  for (let i = 0; i < 4; i++) await a.storage.updateArticle(ids[i]!, { tags: [`t${i}`] });
  await a.storage.deleteArticle(ids[4]!);
  await a.storage.deleteArticle(ids[5]!);
  await a.sync({ journalBytes: SMALL, now });
  await b.sync({ now });
  await b.storage.deleteArticle(ids[6]!);
  await b.storage.updateArticle(ids[0]!, { favorite: true });
  for (let i = 20; i < 23; i++) await save(b, i);
  await b.sync({ journalBytes: SMALL, now });
  await a.sync({ now });
  await b.sync({ now });
  return { deleted: [ids[4]!, ids[5]!, ids[6]!] };
}

describe.each([['plain', ''], ['encrypted', 'compaction passphrase']])('%s folder', (_, passphrase) => {
  test('after compaction a new device gets the same library from a snapshot; files go; tombstones expire', async () => {
    const [a, b] = [makeDevice(server, { passphrase }), makeDevice(server, { passphrase })];
    const { deleted } = await history(a, b);
    const reference = await libraryOf(a);
    expect(await libraryOf(b)).toEqual(reference);
    const before = makeDevice(server, { passphrase });
    const firstBefore = await before.sync({ now: T0 });
    expect(await libraryOf(before)).toEqual(reference);
    const bytesBefore = Object.entries(server.files()).filter(([f]) => /\/\d{8}$/.test(f)).reduce((sum, [, b64]) => sum + Buffer.from(b64, 'base64').length, 0);

    // First compaction on both: snapshots, own files every device applied are deleted, tombstones noted.
    await a.sync({ compactAfter: 0, now: T0 });
    await b.sync({ compactAfter: 0, now: T0 });
    await a.sync({ now: T0 });
    const [idA, idB] = [await deviceIdOf(a), await deviceIdOf(b)];
    expect(folderOf(idA).filter((f) => /^\d{8}$/.test(f))).toEqual([]);
    expect(folderOf(idA)).toEqual(['head', 's00000001-0001']);
    // A tombstone stays while some device's data could still hold the article alive.
    for (const id of deleted) expect(await metaIds(a)).toContain(id);

    // Second compaction: every device's data is now past the deletions, so they expire everywhere.
    await a.sync({ compactAfter: 0, now: T0 });
    await b.sync({ compactAfter: 0, now: T0 });
    await a.sync({ compactAfter: 0, now: T0 });
    for (const d of [a, b]) for (const id of deleted) expect(await metaIds(d)).not.toContain(id);
    expect(await libraryOf(a)).toEqual(reference);
    expect(await libraryOf(b)).toEqual(reference);

    // A new device: the same library, no deleted article back, and far less to read.
    const after = makeDevice(server, { passphrase });
    const firstAfter = await after.sync({ now: T0 });
    expect(await libraryOf(after)).toEqual(reference);
    for (const id of deleted) expect(await after.storage.readArticle(id)).toBeNull();
    expect(firstAfter.traffic.requests).toBeLessThan(firstBefore.traffic.requests);
    // Journal files every device applied are gone; each compacting device keeps one snapshot (the library once).
    for (const id of [idA, idB]) expect(folderOf(id).filter((f) => /^\d{8}$/.test(f))).toEqual([]);
    expect(serverBytes()).toBeLessThan(3 * bytesBefore);
    // The device that synced before compaction goes on from where it was.
    expect(await before.sync({ now: T0 })).toMatchObject({ downloaded: 0, deleted: 0 });
    expect(await libraryOf(before)).toEqual(reference);
  });
});

test('a device that applied part of the files goes on from there: only files everyone applied are deleted', async () => {
  const [a, p] = [makeDevice(server), makeDevice(server)];
  for (let i = 0; i < 4; i++) await save(a, i);
  await a.sync({ journalBytes: SMALL });
  await p.sync();
  const idA = await deviceIdOf(a);
  const applied = (await p.storage.readSyncState())!.applied[idA]!;
  const gone = await save(a, 10);
  for (let i = 4; i < 8; i++) await save(a, i);
  await a.sync({ journalBytes: SMALL });
  await a.storage.deleteArticle(gone);
  await a.sync({ compactAfter: 0 });
  const journals = folderOf(idA).filter((f) => /^\d{8}$/.test(f)).map(Number);
  expect(Math.min(...journals)).toBe(applied + 1); // P has not applied these yet: they stay
  await p.sync();
  expect(await libraryOf(p)).toEqual(await libraryOf(a));
  expect(await p.storage.readArticle(gone)).toBeNull();
});

test('a device away for more than 90 days stops counting; back, it removes what was deleted meanwhile', async () => {
  const [a, b, r] = [makeDevice(server), makeDevice(server), makeDevice(server)];
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(await save(a, i));
  await a.sync({ now: T0 });
  await b.sync({ now: T0 });
  const ofR = await save(r, 50); // R's own journal holds this one, alive
  await r.sync({ now: T0 });
  await a.sync({ now: T0 });
  await b.sync({ now: T0 });
  // R goes away. While it is gone: deletes in A (one of R's articles too), an edit in B.
  const later = T0 + 91 * DAY;
  await a.storage.deleteArticle(ids[0]!);
  await a.storage.deleteArticle(ofR);
  await b.storage.updateArticle(ids[1]!, { tags: ['while away'] });
  for (let round = 0; round < 3; round++) for (const d of [a, b]) await d.sync({ compactAfter: 0, now: later + round });
  // R no longer counts: the deletion expired although R never saw it.
  for (const d of [a, b]) for (const id of [ids[0], ofR]) expect(await metaIds(d)).not.toContain(id);
  // A new device meanwhile does not read R's files (a snapshot holds them): the deletions hold.
  const meanwhile = makeDevice(server);
  await meanwhile.sync({ now: later + 5 });
  expect(await libraryOf(meanwhile)).toEqual(await libraryOf(a));
  expect(await meanwhile.storage.readArticle(ofR)).toBeNull();
  // Meanwhile R changed an article of its own while offline.
  await r.storage.updateArticle(ids[2]!, { favorite: true });
  const back = await r.sync({ now: T0 + 100 * DAY });
  expect(back).toMatchObject({ removedWhileAway: 2 });
  expect(await r.storage.readArticle(ids[0]!)).toBeNull();
  expect(await r.storage.readArticle(ofR)).toBeNull();
  await a.sync({ now: T0 + 100 * DAY });
  await b.sync({ now: T0 + 100 * DAY });
  const library = await libraryOf(a);
  expect(library[ids[2]!]).toMatchObject({ favorite: true });
  expect(library[ids[1]!]).toMatchObject({ tags: ['while away'] });
  expect(await libraryOf(r)).toEqual(library);
  expect(await libraryOf(b)).toEqual(library);
  expect(Object.keys(library)).not.toContain(ids[0]);
  expect(Object.keys(library)).not.toContain(ofR);
  const fresh = makeDevice(server);
  await fresh.sync({ now: T0 + 100 * DAY });
  expect(await libraryOf(fresh)).toEqual(library);
});

test('a device away less than 90 days holds the tombstones back and gets the deletion when it comes back', async () => {
  const [a, r] = [makeDevice(server), makeDevice(server)];
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push(await save(a, i));
  await a.sync({ now: T0 });
  await r.sync({ now: T0 });
  await a.storage.deleteArticle(ids[0]!);
  for (let round = 0; round < 3; round++) await a.sync({ compactAfter: 0, now: T0 + 80 * DAY + round });
  expect(await metaIds(a)).toContain(ids[0]);
  expect(await r.sync({ now: T0 + 85 * DAY })).toMatchObject({ deleted: 1 });
  expect(await r.storage.readArticle(ids[0]!)).toBeNull();
});

/** Node's fetch, with the server stopped just before request number `n` is sent. */
function stoppingAt(n: number): Fetch {
  let count = 0;
  return async (input, init) => {
    if (++count === n) await server.stop();
    return fetch(input, init);
  };
}

test('compaction stopped at every request (rclone killed): every state in between reads right, then it completes', async () => {
  const [a, b] = [makeDevice(server), makeDevice(server)];
  const { deleted } = await history(a, b);
  await a.sync({ compactAfter: 0 });
  await b.sync({ compactAfter: 0 }); // tombstones noted: the next compaction of A lets them expire
  const reference = await libraryOf(a);
  let stops = 0;
  // Each reader below adds a head to read: stepping by 3 still moves the stop 2 requests further each time.
  for (let n = 1; ; n += 3) {
    try {
      await a.sync({ compactAfter: 0, journalBytes: SMALL, fetch: stoppingAt(n) });
      break;
    } catch (error) {
      expect(error).toMatchObject({ name: 'SyncError', code: 'unreachable' });
      stops++;
      await server.start();
    }
    // Whatever the stopped run left on the server, a new device reads the same library.
    const reader = makeDevice(server);
    await reader.sync();
    expect(await libraryOf(reader)).toEqual(reference);
  }
  expect(stops).toBeGreaterThanOrEqual(6);
  await b.sync({ compactAfter: 0 });
  await a.sync({ compactAfter: 0 });
  const idA = await deviceIdOf(a);
  expect(folderOf(idA).filter((f) => f.startsWith('s')).length).toBeGreaterThan(0);
  expect(new Set(folderOf(idA).filter((f) => f.startsWith('s')).map((f) => f.slice(0, 9))).size).toBe(1); // old and stopped snapshots swept
  const reader = makeDevice(server);
  await reader.sync();
  expect(await libraryOf(reader)).toEqual(reference);
  for (const id of deleted) expect(await reader.storage.readArticle(id)).toBeNull();
  expect(await libraryOf(b)).toEqual(reference);
}, 300_000);

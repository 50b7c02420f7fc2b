/**
 * Sync between two simulated devices through a REAL WebDAV server (`rclone serve webdav`, started here on
 * a free loopback port with a user and password).
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

async function save(device: Device, n: number, now = Date.now()) {
  return (await device.storage.saveArticle(article(n), now)).id;
}

const expectError = (promise: Promise<unknown>, code: string) => expect(promise).rejects.toMatchObject({ name: 'SyncError', code });

test('an article saved in A appears in B, body and all', async () => {
  const [a, b] = [makeDevice(server), makeDevice(server)];
  const id = await save(a, 1);
  expect(await a.sync()).toMatchObject({ uploaded: 1, downloaded: 0 });
  expect(await b.sync()).toMatchObject({ downloaded: 1 });
  expect(await b.storage.readArticle(id)).toEqual(await a.storage.readArticle(id));
  expect((await b.storage.readIndex()).entries.map((e) => e.id)).toEqual([id]);
});

test('a tag added in A and a favourite set in B on the same article both hold everywhere', async () => {
  const [a, b] = [makeDevice(server), makeDevice(server)];
  const id = await save(a, 1);
  await a.sync();
  await b.sync();
  await a.storage.updateArticle(id, { tags: ['physics'] });
  await b.storage.updateArticle(id, { favorite: true, progress: 0.4 });
  await a.sync();
  await b.sync();
  await a.sync();
  const expected = { tags: ['physics'], favorite: true, progress: 0.4 };
  expect((await libraryOf(a))[id]).toMatchObject(expected);
  expect((await libraryOf(b))[id]).toMatchObject(expected);
});

test('the same field changed on both: the later change wins, the other fields stay', async () => {
  const [a, b] = [makeDevice(server), makeDevice(server)];
  const id = await save(a, 1, 1_000);
  await a.sync();
  await b.sync();
  await b.storage.updateArticle(id, { tags: ['early'] }, Date.now());
  await a.storage.updateArticle(id, { tags: ['late'], archived: true }, Date.now() + 60_000);
  await b.sync();
  await a.sync();
  await b.sync();
  expect((await libraryOf(b))[id]).toMatchObject({ tags: ['late'], archived: true });
  expect(await libraryOf(a)).toEqual(await libraryOf(b));
});

test('a delete in B is gone in A; a delete and an edit made later elsewhere keep the article', async () => {
  const [a, b] = [makeDevice(server), makeDevice(server)];
  const one = await save(a, 1);
  const two = await save(a, 2);
  await a.sync();
  await b.sync();
  await b.storage.deleteArticle(one);
  expect(await b.sync()).toMatchObject({ uploaded: 1 });
  expect(await a.sync()).toMatchObject({ deleted: 1 });
  expect(await a.storage.readArticle(one)).toBeNull();
  expect((await a.storage.readIndex()).entries.map((e) => e.id)).toEqual([two]);
  // Deleted in A, tagged later in B: the later edit brings it back, whole.
  await a.storage.deleteArticle(two);
  await b.storage.updateArticle(two, { tags: ['keep'] }, Date.now() + 60_000);
  await a.sync();
  await b.sync();
  await a.sync();
  expect((await libraryOf(a))[two]).toMatchObject({ tags: ['keep'] });
  expect(await libraryOf(b)).toEqual(await libraryOf(a));
});

test('highlights added on two devices to one article are both kept; a removal syncs', async () => {
  const [a, b] = [makeDevice(server), makeDevice(server)];
  const id = await save(a, 1);
  await a.sync();
  await b.sync();
  const highlight = (hid: string, t: number) => ({ id: hid, quote: { exact: 'story', prefix: '', suffix: '' }, position: null, color: 'yellow' as const, note: '', createdAt: t, updatedAt: t });
  await a.storage.addHighlight(id, highlight('ha', 1));
  await b.storage.addHighlight(id, highlight('hb', 2));
  await a.sync();
  await b.sync();
  await a.sync();
  expect(((await libraryOf(a))[id] as { highlights: Array<{ id: string }> }).highlights.map((h) => h.id)).toEqual(['ha', 'hb']);
  await b.storage.removeHighlight(id, 'ha');
  await b.sync();
  await a.sync();
  expect(((await libraryOf(a))[id] as { highlights: Array<{ id: string }> }).highlights.map((h) => h.id)).toEqual(['hb']);
});

test('a wrong password fails with auth and leaves the server unchanged', async () => {
  const a = makeDevice(server);
  await save(a, 1);
  await a.sync();
  const before = server.files();
  const intruder = makeDevice(server, { password: 'wrong' });
  await save(intruder, 2);
  await expectError(intruder.sync(), 'auth');
  expect(server.files()).toEqual(before);
});

test('a wrong or missing passphrase fails before anything is written; a plain server is never mixed', async () => {
  const a = makeDevice(server, { passphrase: 'right passphrase' });
  await save(a, 1);
  await a.sync();
  const before = server.files();
  for (const [passphrase, code] of [['wrong passphrase', 'passphrase'], ['', 'needsPassphrase']] as const) {
    const other = makeDevice(server, { passphrase });
    await save(other, 2);
    await expectError(other.sync(), code);
  }
  expect(server.files()).toEqual(before);
  const b = makeDevice(server, { passphrase: 'right passphrase' });
  expect(await b.sync()).toMatchObject({ downloaded: 1 });
});

test('a passphrase against a plain server says so and writes nothing', async () => {
  const a = makeDevice(server);
  await save(a, 1);
  await a.sync();
  const before = server.files();
  await expectError(makeDevice(server, { passphrase: 'late idea' }).sync(), 'notEncrypted');
  expect(server.files()).toEqual(before);
});

test('with a passphrase nothing on the server shows a title, an address or a word of the text', async () => {
  const a = makeDevice(server, { passphrase: 'right passphrase' });
  await a.storage.saveArticle(article(1, { title: 'Secret Title', url: 'https://private.example/secret', text: 'Confidential words', content: '<p>Confidential words</p>' }));
  await a.sync();
  const all = Object.entries(server.files()).map(([name, b64]) => name + Buffer.from(b64, 'base64').toString('latin1')).join('\n');
  expect(all).not.toMatch(/Secret|private\.example|Confidential/);
  const b = makeDevice(server, { passphrase: 'right passphrase' });
  await b.sync();
  expect(Object.values(await libraryOf(b))).toEqual([expect.objectContaining({ title: 'Secret Title' })]);
});

/** Node's fetch, with the server stopped just before request number `n` is sent. */
function stoppingAt(n: number): Fetch {
  let count = 0;
  return async (input, init) => {
    if (++count === n) await server.stop();
    return fetch(input, init);
  };
}

test('the server stopped mid-sync (again and again): a clear error, nothing lost, and the next sync completes', async () => {
  const a = makeDevice(server);
  for (let i = 0; i < 30; i++) await save(a, i);
  await a.sync({ journalBytes: 100 }); // many small journal files
  const b = makeDevice(server);
  for (let i = 100; i < 130; i++) await save(b, i);
  // Stop the server at request 3 of a run, then 7 of the next, … until a run gets through.
  let stops = 0;
  for (let n = 3; ; n += 4) {
    try {
      await b.sync({ fetch: stoppingAt(n), journalBytes: 100 });
      break;
    } catch (error) {
      expect(error).toMatchObject({ name: 'SyncError', code: 'unreachable' });
      stops++;
      await server.start();
    }
  }
  expect(stops).toBeGreaterThanOrEqual(3);
  await a.sync();
  expect(Object.keys(await libraryOf(a)).sort()).toEqual(Object.keys(await libraryOf(b)).sort());
  expect(Object.keys(await libraryOf(a))).toHaveLength(60);
  expect(await libraryOf(a)).toEqual(await libraryOf(b));
});

test('a first upload of an existing library is resumable: the next run goes on where it stopped', async () => {
  const a = makeDevice(server);
  for (let i = 0; i < 40; i++) await save(a, i);
  await expectError(a.sync({ fetch: stoppingAt(12), journalBytes: 100 }), 'unreachable');
  await server.start();
  const second = await a.sync({ journalBytes: 100 });
  expect(second.uploaded).toBeGreaterThan(0);
  expect(second.uploaded).toBeLessThan(40); // what the first run sent is not sent again
  const b = makeDevice(server);
  expect(await b.sync()).toMatchObject({ downloaded: 40 });
});

test('A and B syncing at the same moment both keep their changes', async () => {
  const [a, b] = [makeDevice(server), makeDevice(server)];
  for (let i = 0; i < 5; i++) await save(a, i);
  for (let i = 10; i < 15; i++) await save(b, i);
  await Promise.all([a.sync(), b.sync()]);
  await Promise.all([a.sync(), b.sync()]);
  expect(Object.keys(await libraryOf(a))).toHaveLength(10);
  expect(await libraryOf(b)).toEqual(await libraryOf(a));
});

test('an incremental sync with one change on either side is a handful of requests', async () => {
  const [a, b] = [makeDevice(server), makeDevice(server)];
  for (let i = 0; i < 40; i++) await save(a, i);
  await a.sync();
  await b.sync();
  await a.sync();
  const id = (await a.storage.readIndex()).entries[0]!.id;
  await a.storage.updateArticle(id, { favorite: true });
  await save(b, 99);
  const up = await a.sync();
  const both = await b.sync();
  // PROPFIND devices/, GET manifest, two heads, one journal down, one up, the head.
  expect(up.traffic.requests).toBeLessThanOrEqual(6);
  expect(both.traffic.requests).toBeLessThanOrEqual(7);
  expect(both).toMatchObject({ uploaded: 1, downloaded: 1 });
});

/**
 * Change tracking for sync: what each library write records (clocks per field, the outbox), and how
 * remote changes are written (not re-marked, index and search kept current).
 * @jest-environment node
 */
import browser, { resetFakeBrowser } from '../../helpers/fake-browser';
import * as storage from '../../../src/storage';
import { idsOf, scoreWord } from '../../../src/storage/search-query';
import { article } from './fixtures';

beforeEach(resetFakeBrowser);

const DEVICE = '0123456789abcdef';
const meta = async (id: string) => (await browser.storage.local.get(`syncMeta:${id}`))[`syncMeta:${id}`] as { c: Record<string, string>; del?: string } | undefined;
const clock = (ms: number) => `${String(ms).padStart(15, '0')}.${DEVICE}`;

test('nothing is tracked before sync is set up on this computer', async () => {
  const { id } = await storage.saveArticle(article(1), 1000);
  expect(await meta(id)).toBeUndefined();
  expect(await browser.storage.local.get('syncOutbox')).toEqual({});
});

test('with sync off a save reads nothing for sync; set up here or in another context, tracking starts at once', async () => {
  await storage.saveArticle(article(1), 1000); // the first look finds no sync set up
  const get = jest.spyOn(browser.storage.local, 'get');
  const askedForClock = () => get.mock.calls.some(([keys]) => JSON.stringify(keys ?? null).includes('syncClock'));
  await storage.saveArticle(article(2), 2000);
  expect(askedForClock()).toBe(false);
  // Another context sets sync up: its write reaches this one as a storage change.
  await browser.storage.local.set({ syncClock: { device: DEVICE, t: 1000 }, syncOutbox: {} });
  const { id } = await storage.saveArticle(article(3), 3000);
  expect(askedForClock()).toBe(true);
  expect(Object.keys(await storage.readOutbox())).toEqual([id]);
  get.mockRestore();
});

test('each write records the fields it changed, with a clock that never goes back', async () => {
  await storage.startSyncState('https://dav.example/', DEVICE, 1000);
  const { id } = await storage.saveArticle(article(1), 5000);
  expect((await meta(id))?.c).toEqual({ body: clock(5000), tags: clock(5000), favorite: clock(5000), archived: clock(5000), read: clock(5000), progress: clock(5000) });
  await storage.updateArticle(id, { tags: ['a'] }, 4000); // the wall clock went back: the clock does not
  expect((await meta(id))?.c).toMatchObject({ tags: clock(5001), body: clock(5000) });
  await storage.addHighlight(id, { id: 'h1', quote: { exact: 'Body', prefix: '', suffix: '' }, position: null, color: 'blue', note: '', createdAt: 1, updatedAt: 1 });
  expect(Object.keys((await meta(id))!.c)).toContain('h:h1');
  expect(await storage.readOutbox()).toEqual({ [id]: (await meta(id))!.c['h:h1'] });
});

test('saving the same article unchanged marks nothing; a delete leaves a tombstone in the outbox', async () => {
  await storage.startSyncState('https://dav.example/', DEVICE, 1000);
  const { id } = await storage.saveArticle(article(1), 5000);
  await storage.settleOutbox(await storage.readOutbox());
  await storage.saveArticle(article(1), 6000);
  expect(await storage.readOutbox()).toEqual({});
  await storage.deleteArticle(id);
  expect((await meta(id))?.del).toBeDefined();
  expect(Object.keys(await storage.readOutbox())).toEqual([id]);
});

test('an article changed again while it was uploading stays in the outbox', async () => {
  await storage.startSyncState('https://dav.example/', DEVICE, 1000);
  const { id } = await storage.saveArticle(article(1), 5000);
  const uploading = await storage.readOutbox();
  await storage.updateArticle(id, { favorite: true }, 7000);
  await storage.settleOutbox(uploading);
  expect(Object.keys(await storage.readOutbox())).toEqual([id]);
});

test('restores and imports are tracked too', async () => {
  await storage.startSyncState('https://dav.example/', DEVICE, 1000);
  const { id } = await storage.saveArticle(article(1), 5000);
  const record = (await storage.readArticle(id))!;
  await storage.settleOutbox(await storage.readOutbox());
  await storage.restoreArticles([{ ...record, tags: ['from-backup'], updatedAt: 9000 }]);
  expect(Object.keys(await storage.readOutbox())).toEqual([id]);
});

test('remote changes are written without marking them, listed, and searchable', async () => {
  await storage.startSyncState('https://dav.example/', DEVICE, 1000);
  const { id } = await storage.saveArticle(article(1), 5000);
  await storage.settleOutbox(await storage.readOutbox());
  const local = (await storage.readArticle(id))!;
  const remote = { ...local, title: 'Zanzibar report', text: 'Zanzibar', content: '<p>Zanzibar</p>', tags: ['remote'] };
  const far = `${String(Date.now() + 3_600_000).padStart(15, '0')}.fedcba9876543210`; // another device's clock, an hour ahead
  const outcome = await storage.applySynced([id], (mine) => ({ next: { ...mine, record: remote, clocks: { c: { ...mine.clocks!.c, body: far, tags: far } }, tracked: true }, upload: false }));
  expect(outcome).toEqual({ written: [id], deleted: [] });
  expect(await storage.readOutbox()).toEqual({});
  expect((await storage.readIndex()).entries[0]).toMatchObject({ id, title: 'Zanzibar report', tags: ['remote'] });
  expect(await idsOf((await scoreWord('zanzibar', false)).nums, new Map())).toEqual([id]);
  // The clock moved past what it saw: the next local change sorts after the remote one.
  await storage.updateArticle(id, { tags: ['mine'] }, 6000);
  expect((await meta(id))!.c.tags! > far).toBe(true);
});

test('a remote delete unlists and removes the record; a refused write is reported and changes nothing', async () => {
  await storage.startSyncState('https://dav.example/', DEVICE, 1000);
  const { id } = await storage.saveArticle(article(1), 5000);
  const { id: other } = await storage.saveArticle(article(2), 5001);
  browser.storage.local.failNextWrites = { count: 1, message: 'QUOTA_BYTES quota exceeded' };
  const gone = (mine: storage.SyncedArticle) => ({ next: { ...mine, record: null, clocks: { c: mine.clocks!.c, del: clock(9999) } }, upload: false });
  await expect(storage.applySynced([id], gone)).rejects.toMatchObject({ name: 'StorageWriteError', reason: 'quota' });
  expect(await storage.readArticle(id)).not.toBeNull();
  expect(await storage.applySynced([id], gone)).toEqual({ written: [], deleted: [id] });
  expect(await storage.readArticle(id)).toBeNull();
  expect((await storage.readIndex()).entries.map((e) => e.id)).toEqual([other]);
});

test('disconnecting forgets clocks, outbox and state, and keeps the library', async () => {
  await storage.startSyncState('https://dav.example/', DEVICE, 1000);
  const { id } = await storage.saveArticle(article(1), 5000);
  await storage.forgetSyncState();
  expect(await meta(id)).toBeUndefined();
  expect(await storage.readSyncState()).toBeNull();
  expect(await storage.readArticle(id)).not.toBeNull();
});

/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import { resetFakeBrowser, type FakeStorageArea } from '../../helpers/fake-browser';
import { checkIndexAfterFailedWrites, readArticle, readArticles, readIndex, restoreArticles, saveArticle, StorageWriteError, whenWritten, type SavedArticle } from '../../../src/storage';
import { checkIndex } from '../../../src/storage/repair';
import { articleIdFor, urlKey } from '../../../src/storage/canonical';
import { packRecord } from '../../../src/storage/compress';
import { article } from './fixtures';

const local = browser.storage.local as unknown as FakeStorageArea;
const originalQuota = local.quotaBytes;
jest.setTimeout(60_000);
beforeEach(() => {
  resetFakeBrowser();
  local.quotaBytes = originalQuota;
});

/** `size` characters that do not compress (article bodies are stored compressed): a fixed pseudo-random sequence. */
function noise(seed: number, size: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'; // one long word: few search terms
  let x = seed + 1;
  let out = '';
  for (let i = 0; i < size; i++) {
    x = (x * 48271) % 2147483647;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

/** A backup record of story `n` (its id is the library's id for its address), with a body of `size` characters. */
async function record(n: number, fields: Partial<SavedArticle> = {}, size = 1000): Promise<SavedArticle> {
  const a = article(n, { text: `Story ${n} ${noise(n, size)}` });
  const key = urlKey(a.url);
  return { ...a, id: await articleIdFor(key), urlKey: key, savedAt: 1000 + n, updatedAt: 1000 + n, readAt: null, archived: false, favorite: false, tags: ['restored'], progress: 0, ...fields };
}

const listedIds = async () => (await readIndex()).entries.map((e) => e.id).sort();
const storedIds = async () => Object.keys(await local.get(null)).filter((k) => k.startsWith('article:')).map((k) => k.slice(8)).sort();

describe('restore when the disk fills up', () => {
  it('stops at a batch with every earlier article written and listed, and the saved library intact', async () => {
    const kept = await saveArticle(article(500), 1);
    const before = await readArticle(kept.id);
    const records = await Promise.all(Array.from({ length: 120 }, (_, i) => record(i, {}, 20_000)));
    // Room for about 60 more records: the second batch of 50 cannot land.
    local.quotaBytes = (await local.getBytesInUse(null)) + 60 * JSON.stringify(packRecord(records[0]!)).length;
    const error: unknown = await restoreArticles(records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageWriteError);
    expect((error as StorageWriteError).reason).toBe('quota');
    await whenWritten();
    const first = records.slice(0, 50).map((r) => r.id);
    expect(await listedIds()).toEqual([kept.id, ...first].sort());
    expect(await storedIds()).toEqual([kept.id, ...first].sort());
    expect(await readArticle(kept.id)).toEqual(before);
    expect(await readArticles(first)).toEqual(records.slice(0, 50));
  });

  it('never drops a saved article from the index, nor deletes one met under another id, when the write fails', async () => {
    const same = await saveArticle(article(1), 5);
    // A copy saved under another id (an older Lectern, another canonical address): the restore replaces it.
    const elsewhere = { ...(await record(2)), id: 'e'.repeat(20), url: 'https://news.example/story-2?utm_source=feed' };
    await restoreArticles([elsewhere]);
    const records = [await record(1, { updatedAt: 10 }), await record(2, { updatedAt: 10 })];
    local.failNextWrites = { count: 1, message: 'QuotaExceededError: the disk is full' };
    await expect(restoreArticles(records)).rejects.toMatchObject({ reason: 'quota' });
    await whenWritten();
    expect(await listedIds()).toEqual([same.id, elsewhere.id].sort());
    expect(await storedIds()).toEqual([same.id, elsewhere.id].sort());
    // With room again, the restore replaces both: new written first, then the old copy deleted.
    expect(await restoreArticles(records)).toEqual({ added: 0, replaced: 2 });
    expect(await listedIds()).toEqual(records.map((r) => r.id).sort());
    expect(await storedIds()).toEqual(records.map((r) => r.id).sort());
  });

  it('keeps the written records listed when only the deletion of an old copy fails', async () => {
    const elsewhere = { ...(await record(2)), id: 'e'.repeat(20), url: 'https://news.example/story-2?utm_source=feed' };
    await restoreArticles([elsewhere]);
    const restored = await record(2, { updatedAt: 10 });
    const remove = local.remove.bind(local);
    local.remove = () => Promise.reject(new Error('IO error'));
    await expect(restoreArticles([restored])).rejects.toThrow('IO error');
    local.remove = remove;
    // The new record is in and listed; the old copy is still stored (a duplicate at worst, never a loss).
    expect(await listedIds()).toEqual([restored.id]);
    expect(await storedIds()).toEqual([restored.id, elsewhere.id].sort());
  });
});

describe('the index check', () => {
  it('repairs an index that disagrees with the records, and leaves one that agrees alone', async () => {
    const a = await saveArticle(article(1), 1);
    const b = await saveArticle(article(2), 2);
    await whenWritten();
    expect(await checkIndex()).toBeNull();
    await local.remove(`article:${a.id}`);
    expect(await checkIndex()).toMatchObject({ dropped: 1 });
    expect(await listedIds()).toEqual([b.id]);
  });

  it('runs after a refused write, without looping while the disk stays full', async () => {
    const stop = checkIndexAfterFailedWrites();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const a = await saveArticle(article(1), 1);
      await whenWritten();
      // An index page lost its row (a worker stopped between two writes of an older version).
      const page = Object.keys(await local.get(null)).find((k) => k.startsWith('index:') && (local.data.get(k) ?? '').includes(a.id))!;
      await local.set({ [page]: '[]' });
      local.quotaBytes = await local.getBytesInUse(null);
      await expect(saveArticle(article(2), 2)).rejects.toMatchObject({ reason: 'quota' });
      // The check's own repair cannot write either: it gives up and does not start again.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await whenWritten();
      expect(await listedIds()).toEqual([]);
      expect(warn.mock.calls.filter(([m]) => String(m).includes('index check')).length).toBe(1);
      local.quotaBytes = originalQuota;
      await expect(saveArticle(article(3), 3)).resolves.toBeTruthy();
      await whenWritten();
      local.failNextWrites = { count: 1, message: 'QUOTA_BYTES quota exceeded' };
      await expect(saveArticle(article(4), 4)).rejects.toMatchObject({ reason: 'quota' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await whenWritten();
      expect((await readIndex()).entries.map((e) => e.title).sort()).toEqual(['Story 1', 'Story 3']);
    } finally {
      stop();
      warn.mockRestore();
    }
  });
});

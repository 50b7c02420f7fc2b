/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import fake, { resetFakeBrowser } from '../../helpers/fake-browser';
import { whenWritten, deleteArticle, onLibraryChanged, readArticle, readIndex, restoreArticle, saveArticle, StorageWriteError, updateArticle } from '../../../src/storage';
import { article } from './fixtures';
import { pageOf } from '../../../src/storage/keys';

beforeEach(resetFakeBrowser);

const storedKeys = async () => {
  await whenWritten();
  return Object.keys(await browser.storage.local.get(null)).sort();
};

describe('saving', () => {
  it('writes one article record and one index row', async () => {
    const { id, updated } = await saveArticle(article(1), 1000);
    expect(updated).toBe(false);
    expect(await storedKeys()).toEqual([`article:${id}`, `index:${pageOf(id)}`, 'indexHead']);
    const { entries } = await readIndex();
    expect(entries).toEqual([expect.objectContaining({ id, title: 'Story 1', site: 'News Example', savedAt: 1000, read: false })]);
    expect(entries[0]).not.toHaveProperty('content');
    expect((await readArticle(id))?.text).toBe('Body of story 1.');
  });

  it('updates the saved copy when the same article is saved again, keeping the user’s choices', async () => {
    const first = await saveArticle(article(1), 1000);
    await updateArticle(first.id, { favorite: true, tags: ['later'] });
    const again = await saveArticle(article(1, { url: 'https://www.news.example/story-1?utm_source=feed#top', title: 'Story 1, corrected' }), 2000);
    expect(again).toEqual({ id: first.id, updated: true });
    const { entries } = await readIndex();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ title: 'Story 1, corrected', favorite: true, tags: ['later'], savedAt: 1000 });
    expect((await readArticle(first.id))?.updatedAt).toBe(2000);
  });

  it('loses no index entry when many saves interleave', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => saveArticle(article(n), 1000 + n)));
    const { entries } = await readIndex();
    expect(new Set(entries.map((e) => e.id))).toEqual(new Set(results.map((r) => r.id)));
    expect(entries.map((e) => e.savedAt)).toEqual([...entries.map((e) => e.savedAt)].sort((a, b) => b - a));
  });

  it('is idempotent under concurrent saves of the same URL', async () => {
    await Promise.all([saveArticle(article(1)), saveArticle(article(1, { url: 'https://news.example/story-1?fbclid=abc' })), saveArticle(article(1))]);
    expect((await readIndex()).entries).toHaveLength(1);
  });

  it('reports a full disk as a quota error and changes nothing', async () => {
    const { id } = await saveArticle(article(1));
    await whenWritten();
    const before = new Map(fake.storage.local.data);
    fake.storage.local.quotaBytes = [...before].reduce((n, [k, v]) => n + k.length + v.length, 0) + 50;
    const failure = saveArticle(article(2, { text: 'x'.repeat(5000), content: `<p>${'x'.repeat(5000)}</p>` }));
    await expect(failure).rejects.toThrow(StorageWriteError);
    await expect(failure).rejects.toMatchObject({ reason: 'quota' });
    expect(fake.storage.local.data).toEqual(before);
    expect(await readArticle(id)).not.toBeNull();
    fake.storage.local.quotaBytes = 10 * 1024 * 1024;
    // The queue is not stuck after a failure.
    await expect(saveArticle(article(3))).resolves.toMatchObject({ updated: false });
  });

  it('tells a full disk that Firefox reports as “An unexpected error occurred” every other write as full', async () => {
    const { id } = await saveArticle(article(1));
    await whenWritten();
    const before = new Map(fake.storage.local.data);
    // Firefox on a full disk, measured: refused writes alternate between "unexpected error" and its quota words.
    let refusals = 0;
    const set = jest.spyOn(fake.storage.local, 'set').mockImplementation(async () => {
      throw new Error(refusals++ % 2 === 0 ? 'An unexpected error occurred' : 'QuotaExceededError: storage.local API call exceeded its quota limitations.');
    });
    try {
      await expect(saveArticle(article(2))).rejects.toMatchObject({ reason: 'quota' });
      await expect(saveArticle(article(3))).rejects.toMatchObject({ reason: 'quota' });
    } finally {
      set.mockRestore();
    }
    expect(fake.storage.local.data).toEqual(before);
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([id]);
  });

  it('reports other write failures and keeps going', async () => {
    fake.storage.local.failNextWrites = { count: 2, message: 'IO error: disk went away' };
    await expect(saveArticle(article(1))).rejects.toMatchObject({ reason: 'other' });
    await saveArticle(article(2));
    expect((await readIndex()).entries.map((e) => e.title)).toEqual(['Story 2']);
  });

  it('refuses to store an article that does not validate', async () => {
    await expect(saveArticle(article(1, { title: 42 as unknown as string }))).rejects.toThrow(/invalid article/);
    expect(await storedKeys()).toEqual([]);
  });
});

describe('managing', () => {
  it('marks read, archives, favourites, tags and records the position', async () => {
    const { id } = await saveArticle(article(1));
    await updateArticle(id, { read: true, archived: true, favorite: true, tags: [' Later ', 'later', 'Work', ''], progress: 0.5 }, 5000);
    expect((await readIndex()).entries[0]).toMatchObject({ read: true, archived: true, favorite: true, tags: ['later', 'work'] });
    expect(await readArticle(id)).toMatchObject({ readAt: 5000, progress: 0.5 });
    await updateArticle(id, { read: false });
    expect((await readArticle(id))?.readAt).toBeNull();
  });

  it('answers null for a change to an article that is gone', async () => {
    expect(await updateArticle('0123456789abcdef0123', { read: true })).toBeNull();
    expect(await storedKeys()).toEqual([]);
  });

  it('deletes, and undo restores exactly what was deleted', async () => {
    const { id } = await saveArticle(article(1));
    await saveArticle(article(2));
    await updateArticle(id, { favorite: true, progress: 0.3 });
    const deleted = await deleteArticle(id);
    expect((await readIndex()).entries.map((e) => e.title)).toEqual(['Story 2']);
    expect(await readArticle(id)).toBeNull();
    await restoreArticle(deleted!);
    expect(await readArticle(id)).toEqual(deleted);
    expect((await readIndex()).entries.map((e) => e.id)).toContain(id);
  });

  it('keeps the index head equal to the newest rows of the index', async () => {
    const saved = [];
    for (let i = 0; i < 55; i++) saved.push(await saveArticle(article(i), 1000 + i));
    await deleteArticle(saved[54]!.id);
    await updateArticle(saved[53]!.id, { favorite: true });
    const { indexHead } = await browser.storage.local.get('indexHead');
    expect(JSON.parse(indexHead as string)).toEqual((await readIndex()).entries.slice(0, 50));
    expect((JSON.parse(indexHead as string) as unknown[])[0]).toMatchObject({ title: 'Story 53', favorite: true });
  });

  it('rewrites only the saved article’s index page and the head, in one write', async () => {
    for (let i = 0; i < 40; i++) await saveArticle(article(i), 1000 + i);
    await whenWritten();
    const writes: string[][] = [];
    browser.storage.onChanged.addListener((c) => writes.push(Object.keys(c).sort()));
    const { id } = await saveArticle(article(99), 5000);
    await new Promise((r) => setTimeout(r, 0));
    expect(writes[0]).toEqual([`article:${id}`, `index:${pageOf(id)}`, 'indexHead']);
    expect((await readIndex()).entries).toHaveLength(41);
  });

  it('tells other pages when the index changes', async () => {
    const seen: number[] = [];
    const stop = onLibraryChanged((entries) => seen.push(entries.length));
    const { id } = await saveArticle(article(1));
    await saveArticle(article(2));
    await deleteArticle(id);
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(seen).toEqual([1, 2, 1]);
  });

  it('with `quiet`, tells a listener only once the index has stopped changing for that long', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const seen: number[] = [];
      const stop = onLibraryChanged((entries) => seen.push(entries.length), { quiet: 5000 });
      await saveArticle(article(1), 1000);
      await whenWritten();
      await jest.advanceTimersByTimeAsync(4000);
      await saveArticle(article(2), 2000);
      await whenWritten();
      await jest.advanceTimersByTimeAsync(4000);
      expect(seen).toEqual([]);
      await jest.advanceTimersByTimeAsync(1000);
      expect(seen).toEqual([2]);
      stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('with `every`, tells a listener once for a burst of changes, with the index the last one left', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const seen: string[][] = [];
      const stop = onLibraryChanged((entries) => seen.push(entries.map((e) => e.title)), { every: 60_000 });
      const { id } = await saveArticle(article(1), 1000);
      await saveArticle(article(2), 2000);
      await deleteArticle(id);
      await whenWritten();
      await jest.advanceTimersByTimeAsync(0);
      expect(seen).toEqual([['Story 2']]);
      const third = await saveArticle(article(3), 3000);
      await updateArticle(third.id, { favorite: true });
      await whenWritten();
      await jest.advanceTimersByTimeAsync(59_000);
      expect(seen).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(seen).toEqual([['Story 2'], ['Story 3', 'Story 2']]);
      stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import { resetFakeBrowser, type FakeStorageArea } from '../../helpers/fake-browser';
import { deleteArticle, readArticles, readIndex, restoreArticles, saveArticle, updateArticle, whenWritten, type SavedArticle } from '../../../src/storage';
import { articleIdFor, urlKey } from '../../../src/storage/canonical';
import { entryOf } from '../../../src/storage/entry';
import { HEAD_SIZE, INDEX_HEAD_KEY, isArticleKey, isIndexPageKey, pageOf } from '../../../src/storage/keys';
import { indexItems } from '../../../src/storage/read';
import { article } from './fixtures';

const local = browser.storage.local as unknown as FakeStorageArea;
jest.setTimeout(60_000);
beforeEach(resetFakeBrowser);

async function record(n: number, fields: Partial<SavedArticle> = {}): Promise<SavedArticle> {
  const a = article(n);
  const key = urlKey(a.url);
  return { ...a, id: await articleIdFor(key), urlKey: key, savedAt: 1000 + n, updatedAt: 1000 + n, readAt: null, archived: false, favorite: false, tags: ['restored'], progress: 0, ...fields };
}

const records = (from: number, count: number, fields: Partial<SavedArticle> = {}) =>
  Promise.all(Array.from({ length: count }, (_, i) => record(from + i, fields)));

/** Every set() from here on: the keys it wrote and the JSON bytes of their values. */
function recordWrites(): Array<{ keys: string[]; bytes: number }> {
  const writes: Array<{ keys: string[]; bytes: number }> = [];
  const set = local.set.bind(local);
  local.set = (items) => {
    writes.push({ keys: Object.keys(items).sort(), bytes: Object.values(items).reduce<number>((sum, v) => sum + JSON.stringify(v).length, 0) });
    return set(items);
  };
  return writes;
}

const indexBytes = () => [...local.data].filter(([k]) => isIndexPageKey(k) || k === INDEX_HEAD_KEY).reduce((sum, [, v]) => sum + v.length, 0);

describe('what a restore batch writes', () => {
  it('writes only the index pages its rows live on, and the head only when it changes', async () => {
    await restoreArticles(await records(0, 400), { searchLater: true });
    const writes = recordWrites();
    // An old article (not among the newest rows): its page only, no head.
    const old = await record(3, { title: 'Story 3, restored again', updatedAt: 9999 });
    await restoreArticles([old], { searchLater: true });
    expect(writes).toHaveLength(1);
    expect(writes[0]!.keys).toEqual([`article:${old.id}`, `index:${pageOf(old.id)}`]);
    // A page holds a small share of the index: the write is far below a rewrite of all of it.
    expect(writes[0]!.bytes).toBeLessThan(indexBytes() / 4);
    // A new newest article: its page and the head.
    const newest = await record(1000);
    await restoreArticles([newest], { searchLater: true });
    expect(writes[1]!.keys).toEqual([`article:${newest.id}`, `index:${pageOf(newest.id)}`, INDEX_HEAD_KEY]);
  });

  it('writes, per batch of 50, the pages of that batch’s ids and nothing else of the index', async () => {
    await restoreArticles(await records(0, 300), { searchLater: true });
    const writes = recordWrites();
    const batch = await records(300, 120);
    await restoreArticles(batch, { searchLater: true });
    expect(writes).toHaveLength(3);
    writes.forEach((write, i) => {
      const ids = batch.slice(i * 50, i * 50 + 50).map((r) => r.id);
      const pages = [...new Set(ids.map((id) => `index:${pageOf(id)}`))];
      expect(write.keys.filter(isArticleKey).sort()).toEqual(ids.map((id) => `article:${id}`).sort());
      expect(write.keys.filter(isIndexPageKey).sort()).toEqual(pages.sort());
    });
  });

  it('ends with the library the whole-index rewrite made: same records, pages and head', async () => {
    // A saved library: some articles the backup holds too (one newer here, one older), one under another id.
    const mine = await saveArticle(article(7), 50_000);
    await restoreArticles([{ ...(await record(8)), tags: ['mine'], favorite: true, updatedAt: 99_999 }]);
    const elsewhere = { ...(await record(9)), id: 'e'.repeat(20), url: 'https://www.news.example/story-9?utm_source=feed' };
    await restoreArticles([elsewhere]);
    const backup = await records(0, 180);
    const outcome = await restoreArticles(backup);
    await whenWritten();
    expect(outcome).toEqual({ added: 177, replaced: 3 });

    const { entries, corrupt } = await readIndex();
    expect(corrupt).toBe(0);
    const ids = backup.map((r) => r.id).sort();
    expect(ids).toContain(mine.id);
    expect(entries.map((e) => e.id).sort()).toEqual(ids);
    expect(Object.keys(await local.get(null)).filter(isArticleKey).sort()).toEqual(ids.map((id) => `article:${id}`));
    // Every row is its record's row, and the stored pages and head are exactly what one whole rewrite
    // of that index writes (the earlier path): no stale row, no page missing a row, no row twice.
    const stored = await readArticles(ids);
    expect(entries).toEqual(stored.map(entryOf).sort((a, b) => b.savedAt - a.savedAt));
    const whole = indexItems(entries);
    const pages = Object.fromEntries([...local.data].filter(([k]) => isIndexPageKey(k) || k === INDEX_HEAD_KEY).map(([k, v]) => [k, JSON.parse(v) as string]));
    for (const [key, text] of Object.entries(whole)) expect([key, JSON.parse(pages[key] ?? '[]')]).toEqual([key, JSON.parse(text)]);
    expect(JSON.parse(pages[INDEX_HEAD_KEY]!)).toHaveLength(HEAD_SIZE);
    // The merges are the plan's: the user's tags and favourite kept, the newer copy of the article.
    const eight = stored.find((a) => a.url === 'https://news.example/story-8')!;
    expect(eight).toMatchObject({ favorite: true, updatedAt: 99_999 });
    expect(eight.tags.sort()).toEqual(['mine', 'restored']);
    expect(stored.find((a) => a.id === mine.id)).toMatchObject({ savedAt: 1007, updatedAt: 50_000 });
  });

  it('keeps the index it held between the calls of a restore only while nothing else writes', async () => {
    // Two articles on one index page: a stale copy of that page would bring the first one's row back.
    const candidates = await records(0, 600);
    const first = candidates[0]!;
    const second = candidates.find((r) => r !== first && pageOf(r.id) === pageOf(first.id))!;
    await restoreArticles([first]);
    await deleteArticle(first.id);
    await restoreArticles([second]);
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([second.id]);
    // Between two calls with no other write, the next call goes on from the index it held.
    const third = candidates.find((r) => r !== first && r !== second && pageOf(r.id) === pageOf(first.id))!;
    await restoreArticles([third]);
    await updateArticle(second.id, { favorite: true });
    await restoreArticles([{ ...first, title: 'Back again' }]);
    const { entries } = await readIndex();
    expect(entries.map((e) => [e.id, e.title, e.favorite]).sort()).toEqual([[first.id, 'Back again', false], [second.id, second.title, true], [third.id, third.title, false]].sort());
  });

  it('reads the index again when storage changed outside the write queue (cleared by hand)', async () => {
    const batch = await records(0, 5);
    await restoreArticles(batch, { searchLater: true });
    await browser.storage.local.clear();
    expect(await restoreArticles(batch, { searchLater: true })).toEqual({ added: 5, replaced: 0 });
    expect((await readIndex()).entries.map((e) => e.id).sort()).toEqual(batch.map((r) => r.id).sort());
  });
});

/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { whenWritten, readArticle, readIndex, repairIndex, saveArticle } from '../../../src/storage';
import { article } from './fixtures';
import { pageOf } from '../../../src/storage/keys';

beforeEach(resetFakeBrowser);

describe('corrupt and missing records', () => {
  it('skips and counts corrupt index rows', async () => {
    const { id } = await saveArticle(article(1));
    const page = `index:${pageOf(id)}`;
    const stored = (await browser.storage.local.get(page))[page];
    await browser.storage.local.set({ [page]: JSON.stringify([...(JSON.parse(stored as string) as unknown[]), { id: 'nope' }, 'garbage', null]) });
    const read = await readIndex();
    expect(read.entries.map((e) => e.id)).toEqual([id]);
    expect(read.corrupt).toBe(3);
  });

  it('treats an index page that is not a list, or not JSON, as corrupt, not fatal', async () => {
    await browser.storage.local.set({ 'index:3': { oops: true } });
    expect(await readIndex()).toEqual({ entries: [], corrupt: 1 });
    await browser.storage.local.set({ 'index:3': '[{"id": "trunc' });
    expect(await readIndex()).toEqual({ entries: [], corrupt: 1 });
  });

  it('returns null for a corrupt article record', async () => {
    const { id } = await saveArticle(article(1));
    await browser.storage.local.set({ [`article:${id}`]: { id, title: 'half written' } });
    expect(await readArticle(id)).toBeNull();
  });

  it('repairs the index from the article records when they disagree', async () => {
    const kept = await saveArticle(article(1), 1000);
    const orphan = await saveArticle(article(2), 2000);
    const ghost = await saveArticle(article(3), 3000);
    // The index lost story 2, still lists story 3 whose record is gone, and has a corrupt row;
    // a fourth record is corrupt.
    const page = `index:${pageOf(orphan.id)}`;
    const rows = (JSON.parse((await browser.storage.local.get(page))[page] as string) as Array<{ id: string }>).filter((e) => e.id !== orphan.id);
    await browser.storage.local.set({ [page]: JSON.stringify([...rows, 7]) });
    await browser.storage.local.remove(`article:${ghost.id}`);
    await browser.storage.local.set({ 'article:00000000000000000000': { broken: true } });

    const report = await repairIndex();
    expect(report).toEqual({ added: 1, dropped: 1, corruptArticles: ['00000000000000000000'], corruptEntries: 1 });
    expect((await readIndex())).toEqual({ entries: [expect.objectContaining({ id: orphan.id }), expect.objectContaining({ id: kept.id })], corrupt: 0 });
  });

  it('writes nothing when the index already agrees', async () => {
    await saveArticle(article(1));
    await whenWritten();
    const seen: unknown[] = [];
    browser.storage.onChanged.addListener((c) => seen.push(c));
    expect(await repairIndex()).toEqual({ added: 0, dropped: 0, corruptArticles: [], corruptEntries: 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([]);
  });
});

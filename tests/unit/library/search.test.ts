/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { LibrarySearch } from '../../../src/library/search';
import { deleteArticle, readIndex, rebuildSearchIndex, saveArticle, whenWritten } from '../../../src/storage';
import { article } from '../storage/fixtures';

beforeEach(resetFakeBrowser);

async function searchFor(query: string) {
  const { entries } = await readIndex();
  const search = (await LibrarySearch.load(entries))!;
  const titles = new Map(entries.map((e) => [e.id, e.title]));
  return search.search(query, new Set(titles.keys())).map((id) => titles.get(id));
}

async function library() {
  await saveArticle(article(1, { title: 'Council approves library', text: 'The council voted on Tuesday. A zebracorn was seen.' }));
  await saveArticle(article(2, { title: 'Harbour reopens', byline: 'Marta Quill', text: 'Ships returned to the harbour after the storm.' }));
  await saveArticle(article(3, { title: 'Storm warning', siteName: 'Weather Desk', text: 'Forecasters expect wind and rain.' }));
  await whenWritten();
}

describe('library search', () => {
  it('finds a word that is only in an article body', async () => {
    await library();
    expect(await searchFor('zebracorn')).toEqual(['Council approves library']);
  });

  it('searches byline and site, needs every word, and completes the last word as typed', async () => {
    await library();
    expect(await searchFor('quill')).toEqual(['Harbour reopens']);
    expect(await searchFor('weather desk')).toEqual(['Storm warning']);
    expect(await searchFor('storm ships')).toEqual(['Harbour reopens']);
    expect(await searchFor('harb')).toEqual(['Harbour reopens']);
    expect((await searchFor('storm')).sort()).toEqual(['Harbour reopens', 'Storm warning']);
    expect(await searchFor('nothing-like-this')).toEqual([]);
  });

  it('completes a word as typed only from four letters: shorter words match whole words', async () => {
    await library();
    await saveArticle(article(4, { title: 'Short words', text: 'The sto was closed; a har and a shi.' }));
    await whenWritten();
    expect(await searchFor('sto')).toEqual(['Short words']);
    expect((await searchFor('stor')).sort()).toEqual(['Harbour reopens', 'Storm warning']);
  });

  it('answers every keystroke of a query as a fresh search would, reusing earlier words', async () => {
    await library();
    const { entries } = await readIndex();
    const listed = new Set(entries.map((e) => e.id));
    const typing = (await LibrarySearch.load(entries))!;
    for (const query of ['storm ships', 'the storm', 'harbour the', 'storm x']) {
      for (let i = 1; i <= query.length; i++) {
        const fresh = (await LibrarySearch.load(entries))!;
        expect(typing.search(query.slice(0, i), listed)).toEqual(fresh.search(query.slice(0, i), listed));
      }
    }
    expect(typing.search('storm ships', new Set())).toEqual([]);
  });

  it('forgets deleted articles and indexes updated text', async () => {
    await library();
    const { entries } = await readIndex();
    await deleteArticle(entries.find((e) => e.title === 'Council approves library')!.id);
    await saveArticle(article(2, { title: 'Harbour reopens', text: 'Now about lighthouses.' }));
    await whenWritten();
    expect(await searchFor('zebracorn')).toEqual([]);
    expect(await searchFor('lighthouses')).toEqual(['Harbour reopens']);
    expect(await searchFor('ships')).toEqual([]);
  });

  it('indexes from the records what the stored index misses (lost or corrupt shards)', async () => {
    await library();
    const all = await browser.storage.local.get(null);
    const shards = Object.keys(all).filter((k) => k.startsWith('search:'));
    await browser.storage.local.remove(shards.slice(1));
    await browser.storage.local.set({ [shards[0]!]: { corrupt: true } });
    expect(await searchFor('zebracorn')).toEqual(['Council approves library']);
    expect(await searchFor('quill')).toEqual(['Harbour reopens']);
  });
});

describe('rebuilding the search index', () => {
  it('writes every shard again from the article records', async () => {
    await library();
    const all = await browser.storage.local.get(null);
    await browser.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('search:')));
    expect(await rebuildSearchIndex()).toEqual({ indexed: 3 });
    const shards = Object.entries(await browser.storage.local.get(null)).filter(([k]) => k.startsWith('search:'));
    expect(shards.reduce((n, [, v]) => n + (JSON.parse(v as string) as { documentCount: number }).documentCount, 0)).toBe(3);
    expect(await searchFor('zebracorn')).toEqual(['Council approves library']);
  });
});

/**
 * @jest-environment node
 */
import { deleteDatabase } from '../../helpers/fake-indexeddb';
import browser from 'webextension-polyfill';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { FIRST_PAGE, LibrarySearch } from '../../../src/library/search';
import { nextBit, prevBit } from '../../../src/shared/search-options';
import { deleteArticle, readArticles, readIndex, rebuildSearchIndex, restoreArticles, resumeSearchRebuild, saveArticle, updateArticle } from '../../../src/storage';
import { committed, DOCS, done, META, openSearchDb, SEARCH_DB, writeRebuildState } from '../../../src/storage/search-db';
import { searchIndexDisagrees, searchIndexStatus } from '../../../src/storage/search-rebuild';
import { article } from '../storage/fixtures';
import { articleIdFor, urlKey } from '../../../src/storage/canonical';

beforeEach(async () => {
  resetFakeBrowser();
  await deleteDatabase(SEARCH_DB);
});

async function searchFor(query: string, search = new LibrarySearch()) {
  const { entries } = await readIndex();
  const titles = new Map(entries.map((e) => [e.id, e.title]));
  return (await search.searchAll(query, (id) => titles.has(id))).map((id) => titles.get(id));
}

async function library() {
  await saveArticle(article(1, { title: 'Council approves library', text: 'The council voted on Tuesday. A zebracorn was seen near the old harbour wall.' }));
  await saveArticle(article(2, { title: 'Harbour reopens', byline: 'Marta Quill', text: 'Ships returned to the harbour after the storm. The harbour wall held.' }));
  await saveArticle(article(3, { title: 'Storm warning', siteName: 'Weather Desk', text: 'Forecasters expect wind and rain. Die Fähre fährt nicht.' }));
}

describe('library search', () => {
  it('finds a word that is only in an article body', async () => {
    await library();
    expect(await searchFor('zebracorn')).toEqual(['Council approves library']);
  });

  it('searches byline, site and tags, and needs every word', async () => {
    await library();
    expect(await searchFor('quill')).toEqual(['Harbour reopens']);
    expect(await searchFor('weather desk')).toEqual(['Storm warning']);
    expect(await searchFor('storm ships')).toEqual(['Harbour reopens']);
    expect(await searchFor('nothing-like-this')).toEqual([]);
    const { entries } = await readIndex();
    await updateArticle(entries.find((e) => e.title === 'Storm warning')!.id, { tags: ['Meteorology'] });
    expect(await searchFor('meteorology')).toEqual(['Storm warning']);
  });

  it('completes the last word as typed, and only the last one', async () => {
    await library();
    expect(await searchFor('harb')).toEqual(['Harbour reopens', 'Council approves library']);
    expect(await searchFor('zebra')).toEqual(['Council approves library']);
    expect(await searchFor('zebra ')).toEqual([]);
    expect(await searchFor('zebra wall')).toEqual([]);
  });

  it('folds case and accents, in the text and in the query', async () => {
    await library();
    expect(await searchFor('FAHRE')).toEqual(['Storm warning']);
    expect(await searchFor('fährt')).toEqual(['Storm warning']);
    expect(await searchFor('ZEBRACORN')).toEqual(['Council approves library']);
  });

  it('ranks by BM25: the word in the title, or more often in a short text, comes first', async () => {
    await library();
    // "harbour" is in the title of article 2 and twice in its short body, once in article 1.
    expect(await searchFor('harbour')).toEqual(['Harbour reopens', 'Council approves library']);
  });

  it('matches a quoted phrase only with its words in that order', async () => {
    await library();
    expect(await searchFor('"harbour wall"')).toEqual(['Harbour reopens', 'Council approves library']);
    expect(await searchFor('"wall harbour"')).toEqual([]);
    expect(await searchFor('"the old harbour"')).toEqual(['Council approves library']);
    expect(await searchFor('"old harbour" council')).toEqual(['Council approves library']);
  });

  it('drops a phrase\'s candidates from the index alone when its words are never next to each other', async () => {
    await library();
    await saveArticle(article(4, { title: 'Wall', text: 'The wall was far from any harbour.' }));
    await saveArticle(article(5, { title: 'Harbour', text: 'Wall paint.' })); // adjacent only across two fields
    const { entries } = await readIndex();
    const titles = new Map(entries.map((e) => [e.id, e.title]));
    // The first page comes before any text is read: already without the articles that only have both words.
    const { ids, rest } = await new LibrarySearch().search('"harbour wall"', (id) => titles.has(id));
    expect(ids.map((id) => titles.get(id))).toEqual(['Harbour reopens', 'Council approves library']);
    expect((await rest)?.map((id) => titles.get(id))).toEqual(['Harbour reopens', 'Council approves library']);
  });

  it('reads the text of a phrase\'s candidates after the first page, and drops those that only look like it', async () => {
    // Words whose neighbour bits are those of "harbour wall": the index cannot tell them apart, the text can.
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const after = words.find((w) => nextBit(w) === nextBit('wall'))!;
    const before = words.find((w) => prevBit(w) === prevBit('harbour'))!;
    await saveArticle(article(1, { title: 'Real one', text: 'The harbour wall held.' }));
    await saveArticle(article(2, { title: 'Look-alike', text: `A harbour ${after} and a ${before} wall.` }));
    const { entries } = await readIndex();
    const titles = new Map(entries.map((e) => [e.id, e.title]));
    const search = new LibrarySearch();
    const { ids, rest } = await search.search('"harbour wall"', (id) => titles.has(id));
    expect(ids.map((id) => titles.get(id)).sort()).toEqual(['Look-alike', 'Real one']);
    expect((await rest)?.map((id) => titles.get(id))).toEqual(['Real one']);
    // The text read is kept: the next keystroke's ranking has it at once.
    expect(await searchFor('"harbour wall" hel', search)).toEqual(['Real one']);
  });

  it('stops reading a phrase\'s texts when a newer keystroke has taken over', async () => {
    await library();
    const { entries } = await readIndex();
    const { ids, rest } = await new LibrarySearch().search('"harbour wall"', () => true, () => true);
    expect(ids).toHaveLength(2);
    expect(await rest).toBeNull();
    expect(entries).toHaveLength(3);
  });

  it('searches the quotes and notes of highlights', async () => {
    const highlighted = { ...article(9, { title: 'Notes here', text: 'Plain body.' }), highlights: [
      { id: 'h1', quote: { exact: 'Plain body', prefix: '', suffix: '.' }, position: null, color: 'yellow', note: 'Remember the quokka', createdAt: 1, updatedAt: 1 },
    ] };
    await saveArticle(highlighted);
    expect(await searchFor('quokka')).toEqual(['Notes here']);
  });

  it('answers every keystroke as a fresh search would, reusing the words it read', async () => {
    await library();
    const typing = new LibrarySearch();
    for (const query of ['storm ships', 'the storm', 'harbour the', '"harbour wall" t', 'storm x']) {
      for (let i = 1; i <= query.length; i++) {
        expect(await searchFor(query.slice(0, i), typing)).toEqual(await searchFor(query.slice(0, i)));
      }
    }
  });

  it('shows the top of the full ranking first when a word is in many articles', async () => {
    const count = FIRST_PAGE * 2 + 7;
    // Scores with ties and spread: "common" 1–5 times in texts of different lengths, plus a title match.
    for (let n = 0; n < count; n++) {
      const text = `${'common '.repeat(1 + (n % 5))}${'filler words here '.repeat(n % 7)}number${n}`;
      await saveArticle(article(n, { title: n % 11 === 0 ? `Common story ${n}` : `Story ${n}`, text }));
    }
    const { entries } = await readIndex();
    const listed = new Set(entries.map((e) => e.id));
    for (const query of ['common', 'comm', 'common filler', '"common filler"']) {
      const search = new LibrarySearch();
      const { ids, rest } = await search.search(query, (id) => listed.has(id));
      const all = await search.searchAll(query, (id) => listed.has(id));
      expect(all.length).toBeGreaterThan(FIRST_PAGE);
      expect(rest).not.toBeNull();
      // Words and phrases alike: the first page is the top 64 (a phrase's from the index's neighbour signatures).
      expect(ids.length).toBe(FIRST_PAGE);
      expect(ids).toEqual(all.slice(0, ids.length));
      expect(await rest).toEqual(all);
      // The first page does not wait for the rest: a new search (its ids read from disk) is answered before
      // the whole ranking is made or a phrase's first texts are read.
      let restDone = false;
      const fresh = await new LibrarySearch().search(query, (id) => listed.has(id));
      void fresh.rest?.then(() => (restDone = true));
      await Promise.resolve();
      expect(restDone).toBe(false);
      expect(await fresh.rest).toEqual(all);
      // A newer keystroke took over: the whole ranking is not made (nor, for a phrase, its texts read).
      const stale = await new LibrarySearch().search(query, (id) => listed.has(id), () => true);
      expect(stale.ids).toEqual(ids);
      expect(await stale.rest).toBeNull();
    }
  }, 60_000);

  it('forgets deleted articles and words an update removed', async () => {
    await library();
    const { entries } = await readIndex();
    await deleteArticle(entries.find((e) => e.title === 'Council approves library')!.id);
    await saveArticle(article(2, { title: 'Harbour reopens', text: 'Now about lighthouses.' }));
    expect(await searchFor('zebracorn')).toEqual([]);
    expect(await searchFor('lighthouses')).toEqual(['Harbour reopens']);
    expect(await searchFor('ships')).toEqual([]);
  });
});

describe('a restore', () => {
  it('indexes what it writes, batch by batch, and forgets the words of the copies it replaced', async () => {
    await library();
    const [harbour] = await readArticles([(await readIndex()).entries.find((e) => e.title === 'Harbour reopens')!.id]);
    const newer = { ...harbour!, text: 'Now about lighthouses.', content: '<p>Now about lighthouses.</p>', updatedAt: harbour!.updatedAt + 1 };
    // 60 more: two batches (RESTORE_BATCH 50), each written and indexed on its own.
    const more = await Promise.all(Array.from({ length: 60 }, async (_, n) => {
      const a = article(100 + n, { title: `Ferry log ${n}`, text: `Entry ${n}: the ferry ${n % 2 ? 'sailed' : 'waited'} at dawn.` });
      const key = urlKey(a.url);
      return { ...a, id: await articleIdFor(key), urlKey: key, savedAt: 5000 + n, updatedAt: 5000 + n, readAt: null, archived: false, favorite: false, tags: [], progress: 0 };
    }));
    expect(await restoreArticles([newer, ...more])).toEqual({ added: 60, replaced: 1 });
    expect(await searchFor('lighthouses')).toEqual(['Harbour reopens']);
    expect(await searchFor('ships')).toEqual([]);
    expect((await searchFor('ferry sailed')).sort()).toEqual(more.filter((_, n) => n % 2).map((a) => a.title).sort());
    expect(await searchFor('zebracorn')).toEqual(['Council approves library']);
  });
});

describe('an index that disagrees with the library', () => {
  it('is found out when missing or short of articles, and rebuilt from the records', async () => {
    await library();
    expect(await searchIndexDisagrees(3)).toBe(false);
    expect(await searchIndexDisagrees(4)).toBe('count');
    await deleteDatabase(SEARCH_DB);
    expect(await searchIndexDisagrees(3)).toBe('missing');
    expect(await searchFor('zebracorn')).toEqual([]);
    expect(await rebuildSearchIndex()).toEqual({ indexed: 3 });
    expect(await searchIndexDisagrees(3)).toBe(false);
    expect(await searchFor('zebracorn')).toEqual(['Council approves library']);
    expect(await searchFor('"harbour wall"')).toEqual(['Harbour reopens', 'Council approves library']);
  });

  it('rebuilds a larger library, and removes the old search shards', async () => {
    for (let n = 0; n < 150; n++) await saveArticle(article(n, { text: `Story number w${n} of the library.` }));
    await browser.storage.local.set({ 'search:0': '{}', 'search:31': '{}' });
    await deleteDatabase(SEARCH_DB);
    expect(await rebuildSearchIndex()).toEqual({ indexed: 150 });
    expect(await searchFor('w149')).toEqual(['Story 149']);
    expect(await searchFor('w0')).toEqual(['Story 0']);
    expect(Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('search:'))).toEqual([]);
    expect(await searchIndexDisagrees(150)).toBe(false);
  }, 30_000);

  it('keeps saves made during a rebuild', async () => {
    await library();
    await deleteDatabase(SEARCH_DB);
    const rebuilt = rebuildSearchIndex();
    await saveArticle(article(7, { title: 'Late arrival', text: 'A capybara in the rain.' }));
    await rebuilt;
    expect(await searchFor('capybara')).toEqual(['Late arrival']);
    expect(await searchIndexDisagrees(4)).toBe(false);
  });

  it('goes on from its checkpoint when the worker stopped in the middle, never from zero', async () => {
    await library();
    const records = await readArticles((await readIndex()).entries.map((e) => e.id));
    const late = { ...records[0]!, id: 'feedfacefeedfacefeed', url: 'https://news.example/late', urlKey: 'https://news.example/late', title: 'Late one', text: 'An okapi at dusk.' };
    await restoreArticles([late], { searchLater: true });
    // As a stopped rebuild leaves it: three of the four articles indexed, the checkpoint saying so.
    const db = await openSearchDb();
    const tx = db.transaction(META, 'readwrite');
    writeRebuildState(tx.objectStore(META), { ids: [...records.map((r) => r.id), late.id], done: 3 });
    await committed(tx);
    const numbers = async () => {
      const store = db.transaction(DOCS).objectStore(DOCS);
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      return new Map(keys.map((k, i) => [k as string, values[i] as unknown]));
    };
    const before = await numbers();
    expect(await searchIndexDisagrees(4)).toBe('rebuilding');
    expect((await searchIndexStatus())?.rebuilding).toEqual({ done: 3, total: 4 });
    expect(await searchFor('okapi')).toEqual([]);
    await resumeSearchRebuild();
    expect(await searchFor('okapi')).toEqual(['Late one']);
    expect(await searchFor('zebracorn')).toEqual(['Council approves library']);
    const after = await numbers();
    for (const [id, info] of before) expect(after.get(id)).toEqual(info); // the first three were not indexed again
    expect(await searchIndexDisagrees(4)).toBe(false);
  });

  it('rebuilds an index of an earlier format when the background starts (the update that changed it)', async () => {
    await library();
    const db = await openSearchDb();
    const tx = db.transaction(META, 'readwrite');
    const meta = tx.objectStore(META);
    const stats = (await done(meta.get('stats'))) as { format: number };
    meta.put({ ...stats, format: 2 }, 'stats'); // as the previous release wrote it, without a vocabulary
    for (const kind of ['v', 'w', 'p']) meta.delete(IDBKeyRange.bound([kind], [kind, '\uffff'])); // no vocabulary either
    await committed(tx);
    expect(await searchIndexDisagrees(3)).toBe('missing');
    await resumeSearchRebuild();
    expect(await searchIndexDisagrees(3)).toBe(false);
    expect(await searchFor('zebrac')).toEqual(['Council approves library']);
  });

  it('indexes a restore written with searchLater, also when a rebuild was already running', async () => {
    await library();
    const records = await readArticles((await readIndex()).entries.map((e) => e.id));
    resetFakeBrowser();
    await deleteDatabase(SEARCH_DB);
    await saveArticle(article(8, { title: 'Already here', text: 'A lone walrus.' }));
    await deleteDatabase(SEARCH_DB);
    const first = rebuildSearchIndex(); // e.g. started by an open popup while the restore runs
    await restoreArticles(records.slice(0, 2), { searchLater: true });
    await restoreArticles(records.slice(2), { searchLater: true });
    const second = rebuildSearchIndex(); // the restore's own, at its end
    await Promise.all([first, second]);
    expect(await searchFor('zebracorn')).toEqual(['Council approves library']);
    expect(await searchFor('quill')).toEqual(['Harbour reopens']);
    expect(await searchFor('fahre')).toEqual(['Storm warning']);
    expect(await searchFor('walrus')).toEqual(['Already here']);
    expect(await searchIndexDisagrees(4)).toBe(false);
  });

  it('never fails a save: without IndexedDB the article is kept and the index found out', async () => {
    const saved = indexedDB;
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await saveArticle(article(5));
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: saved, configurable: true });
      warn.mockRestore();
    }
    const { entries } = await readIndex();
    expect(entries.map((e) => e.title)).toEqual(['Story 5']);
    expect(await searchIndexDisagrees(1)).toBe('missing');
  });
});


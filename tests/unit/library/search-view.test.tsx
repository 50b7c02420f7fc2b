import { webcrypto } from 'node:crypto';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { LibraryView } from '../../../src/library/LibraryView';
import { readIndex, saveArticle } from '../../../src/storage';
import { serialized } from '../../../src/storage/queue';
import { BLOCKS, committed, META, openSearchDb, SEARCH_DB, writeRebuildState } from '../../../src/storage/search-db';
import { deleteDatabase } from '../../helpers/fake-indexeddb';
import { article } from '../storage/fixtures';
import '../../../src/background/background';

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });

beforeEach(async () => {
  resetFakeBrowser();
  await deleteDatabase(SEARCH_DB);
});

describe('search results in the library view', () => {
  it('show a snippet of the matching text with the words marked, as text', async () => {
    await saveArticle(article(1, { title: 'Harbour news', text: 'Intro. <b>Bold</b> claims: the zebracorn swam across the bay at night.' }));
    await saveArticle(article(2, { title: 'Other', text: 'Nothing to see.' }));
    const { container } = render(<LibraryView />);
    await screen.findByText('Harbour news');
    const search = screen.getByRole('searchbox', { name: 'Search saved articles' });
    fireEvent.input(search, { target: { value: 'zebracorn sw' } });
    await waitFor(() => expect(container.querySelectorAll('mark')).toHaveLength(2));
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['zebracorn', 'sw']);
    const snippet = container.querySelector('.saved-snippet')!;
    expect(snippet.textContent).toBe('Intro. <b>Bold</b> claims: the zebracorn swam across the bay at night.');
    expect(snippet.querySelector('b')).toBeNull();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Harbour news']);
  });
});

describe('while the search index is rebuilt', () => {
  it('says how far the rebuild is, and searches in full once it is done', async () => {
    await saveArticle(article(1, { title: 'Harbour news', text: 'The zebracorn swam.' }));
    await saveArticle(article(2, { title: 'Other', text: 'Nothing to see.' }));
    const { entries } = await readIndex();
    // As a worker stopped in the middle of a rebuild leaves it: one of two articles done.
    const db = await openSearchDb();
    const tx = db.transaction(META, 'readwrite');
    writeRebuildState(tx.objectStore(META), { ids: entries.map((e) => e.id), done: 1 });
    await committed(tx);
    let release = () => {};
    void serialized(() => new Promise<void>((resolve) => (release = resolve))); // the writer is busy for now
    render(<LibraryView />);
    await screen.findByText('Search index is being rebuilt: 1 of 2 articles. Until then only titles, sites and excerpts are searched.');
    release();
    await waitFor(() => expect(screen.queryByText(/Search index is being rebuilt/)).toBeNull());
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search saved articles' }), { target: { value: 'zebracorn' } });
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Harbour news']));
  });
});

describe('when the search index cannot be rebuilt', () => {
  it('says so in words, searches titles meanwhile, and searches in full once a retry succeeds', async () => {
    await saveArticle(article(1, { title: 'Harbour news', text: 'The zebracorn swam.' }));
    await saveArticle(article(2, { title: 'Other', text: 'Nothing to see.' }));
    await deleteDatabase(SEARCH_DB); // the index is gone: the library asks for a rebuild
    // A full disk: every block the rebuild writes fails, as IndexedDB fails a put past the quota.
    const original = IDBObjectStore.prototype.put; // eslint-disable-line @typescript-eslint/unbound-method
    const put = jest.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === BLOCKS) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    render(<LibraryView />);
    await screen.findByText('Search index could not be rebuilt (The quota has been exceeded.). Until it is, only titles, sites and excerpts are searched; Lectern tries again in a moment.');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search saved articles' }), { target: { value: 'harbour' } });
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Harbour news']));
    put.mockRestore(); // space again: the next attempt rebuilds the index
    await waitFor(() => expect(screen.queryByText(/could not be rebuilt/)).toBeNull(), { timeout: 8000 });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search saved articles' }), { target: { value: 'zebracorn' } });
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Harbour news']));
  }, 15_000);
});

describe('when the search index cannot be read', () => {
  it('says so in words and searches titles, sites and excerpts instead of showing nothing', async () => {
    await saveArticle(article(1, { title: 'Harbour news', text: 'The zebracorn swam.' }));
    await saveArticle(article(2, { title: 'Other', text: 'Nothing to see.' }));
    render(<LibraryView />);
    await screen.findByText('Harbour news');
    const original = IDBObjectStore.prototype.getAll; // eslint-disable-line @typescript-eslint/unbound-method
    jest.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
      if (this.name === BLOCKS) throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return original.apply(this, args);
    });
    try {
      fireEvent.input(screen.getByRole('searchbox', { name: 'Search saved articles' }), { target: { value: 'harbour' } });
      await screen.findByText('Full-text search failed (The database connection is closing.). Only titles, sites and excerpts are searched.');
      expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Harbour news']);
    } finally {
      jest.restoreAllMocks();
    }
  });
});

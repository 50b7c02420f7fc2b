import { webcrypto } from 'node:crypto';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { LibraryView } from '../../../src/library/LibraryView';
import { readIndex, saveArticle } from '../../../src/storage';
import { serialized } from '../../../src/storage/queue';
import { committed, META, openSearchDb, SEARCH_DB, writeRebuildState } from '../../../src/storage/search-db';
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

import { webcrypto } from 'node:crypto';
import { TextEncoder } from 'node:util';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import fakeBrowser, { onInjection, openTab, resetFakeBrowser } from '../../helpers/fake-browser';
import { LibraryView } from '../../../src/library/LibraryView';
import { readIndexHeadAhead } from '../../../src/library/useLibrary';
import { startIndexHeadRead, takeIndexHeadRead } from '../../../src/storage/head-ahead';
import { Popup } from '../../../src/popup/Popup';
import { readIndex, saveArticle, updateArticle, whenWritten } from '../../../src/storage';
import { article } from '../storage/fixtures';
import '../../../src/background/background';

// jsdom has no Web Crypto or TextEncoder; browsers (pages and workers alike) do. Node's are the same standard APIs.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });
if (!globalThis.TextEncoder) Object.defineProperty(globalThis, 'TextEncoder', { value: TextEncoder });

beforeEach(resetFakeBrowser);

async function seed(n: number) {
  for (let i = 1; i <= n; i++) await saveArticle(article(i, { text: i === 2 ? 'Only here: zebracorn.' : `Body ${i}.` }), 1000 + i);
  await whenWritten();
}

const rowTitles = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('the library view', () => {
  it('lists newest first and renders only the rows in view', async () => {
    await seed(200);
    render(<LibraryView height={400} />);
    await waitFor(() => expect(rowTitles()[0]).toBe('Story 200'));
    expect(rowTitles()[1]).toBe('Story 199');
    const list = screen.getByRole('list', { name: 'Saved articles' });
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(20);
    // The head (newest 50) paints first; the whole index follows after that paint.
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '200'));
  }, 20_000); // 200 saves, each also writing the search index to fake-indexeddb (~13 ms a save)

  it('opened on the library, paints its first rows in the first render from the head read ahead', async () => {
    await seed(60);
    // popup/head-ahead.js starts the read with the browser's own API before the modules load.
    Object.assign(globalThis, { browser: fakeBrowser });
    try {
      startIndexHeadRead();
    } finally {
      delete (globalThis as { browser?: unknown }).browser;
    }
    await readIndexHeadAhead();
    expect(takeIndexHeadRead()).toBeNull(); // the read started ahead was taken, not a second one
    render(<LibraryView height={400} />);
    expect(rowTitles().slice(0, 2)).toEqual(['Story 60', 'Story 59']); // no empty first frame
    const list = screen.getByRole('list', { name: 'Saved articles' });
    expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '50'); // the head
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '60'));
  }, 20_000);

  it('finds a word that is only in an article body', async () => {
    await seed(5);
    render(<LibraryView />);
    await screen.findByText('Story 5');
    const search = screen.getByRole('searchbox', { name: 'Search saved articles' });
    await waitFor(async () => {
      fireEvent.input(search, { target: { value: 'zebracorn' } });
      expect(rowTitles()).toEqual(['Story 2']);
    });
  });

  it('filters unread, favourites and archived', async () => {
    await seed(3);
    const { entries } = await readIndex();
    await updateArticle(entries[0]!.id, { favorite: true });
    await updateArticle(entries[1]!.id, { archived: true });
    await updateArticle(entries[2]!.id, { read: true });
    render(<LibraryView />);
    await screen.findByText('Story 3');
    const show = screen.getByRole('combobox', { name: 'Show' });
    expect(rowTitles()).toEqual(['Story 3', 'Story 1']);
    fireEvent.change(show, { target: { value: 'unread' } });
    expect(rowTitles()).toEqual(['Story 3']);
    fireEvent.change(show, { target: { value: 'favorites' } });
    expect(rowTitles()).toEqual(['Story 3']);
    fireEvent.change(show, { target: { value: 'archived' } });
    expect(rowTitles()).toEqual(['Story 2']);
  });

  it('deletes, and undo brings the article back', async () => {
    await seed(2);
    render(<LibraryView />);
    const row = (await screen.findByText('Story 1')).closest('article')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Story 2']));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Story 2', 'Story 1']));
  });

  it('shows what another tab saves, as it happens', async () => {
    await seed(1);
    render(<LibraryView />);
    await screen.findByText('Story 1');
    await act(() => saveArticle(article(9), 5000).then(() => undefined));
    await waitFor(() => expect(rowTitles()).toEqual(['Story 9', 'Story 1']));
  });

  it('tags an article and filters by tag', async () => {
    await seed(2);
    render(<LibraryView />);
    const row = (await screen.findByText('Story 1')).closest('article')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Tags' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Tags, separated by commas' }), { target: { value: 'Later, work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const tag = await screen.findByRole('combobox', { name: 'Tag' });
    fireEvent.change(tag, { target: { value: 'later' } });
    expect(rowTitles()).toEqual(['Story 1']);
  });
});

describe('the popup', () => {
  it('switches between this page and the library, and saves this page', async () => {
    openTab({ url: 'https://news.example/story-1', active: true });
    onInjection((_tab, injection) => (injection.files ? undefined : { ok: true, article: article(1) }));
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Library' }));
    expect(screen.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Story 1')).toBeInTheDocument();
  });
});

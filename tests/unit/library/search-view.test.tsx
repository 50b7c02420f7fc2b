import { webcrypto } from 'node:crypto';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { LibraryView } from '../../../src/library/LibraryView';
import { saveArticle } from '../../../src/storage';
import { article } from '../storage/fixtures';
import '../../../src/background/background';

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });

beforeEach(resetFakeBrowser);

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

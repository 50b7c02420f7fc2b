import { webcrypto } from 'node:crypto';
import { TextEncoder } from 'node:util';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { onInjection, openTab, resetFakeBrowser } from '../../helpers/fake-browser';
import { Reader } from '../../../src/reader/Reader';
import { addHighlight, readArticle, readIndex, saveArticle, whenWritten } from '../../../src/storage';
import { article } from '../storage/fixtures';
import '../../../src/background/background';

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });
if (!globalThis.crypto.randomUUID) Object.defineProperty(globalThis.crypto, 'randomUUID', { value: () => webcrypto.randomUUID() });
if (!globalThis.TextEncoder) Object.defineProperty(globalThis, 'TextEncoder', { value: TextEncoder });

beforeEach(resetFakeBrowser);

const story = article(1, { content: '<p>The vote was <em>close</em> on Tuesday.</p><p>The chair resigned <a href="https://news.example/x">the next day</a>.</p>' });

/** Select `text` in the article body, as a reader dragging over it would. */
function select(text: string) {
  const root = document.querySelector('.reader-content')!;
  const start = (root.textContent ?? '').indexOf(text);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (start >= seen && start < seen + node.length) range.setStart(node, start - seen);
    if (start + text.length > seen && start + text.length <= seen + node.length) range.setEnd(node, start + text.length - seen);
    seen += node.length;
  }
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  void act(() => void document.dispatchEvent(new Event('selectionchange')));
}

const marksOf = () => [...document.querySelectorAll('.reader-content mark.highlight')].map((m) => m.textContent).join('|');

describe('highlighting in the reader', () => {
  it('the live reader: h saves the article first (and says so), then highlights across elements', async () => {
    const tab = openTab({ url: 'https://news.example/story-1' });
    onInjection((_tab, injection) => (injection.files ? undefined : { ok: true, article: story }));
    render(<Reader search={`?tab=${tab.id}`} />);
    await screen.findByText('close');
    await waitFor(() => expect(document.activeElement?.id).toBe('reader-title')); // the reader has settled
    select('close on Tuesday.The chair resigned the next');
    expect(screen.getByRole('button', { name: 'Highlight' })).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 'h' });
    await waitFor(() => expect(document.querySelector('.highlight-status')?.textContent).toBe('Saved the article to your library and highlighted the text.'), { timeout: 3000 });
    await waitFor(() => expect(marksOf()).toBe('close| on Tuesday.|The chair resigned |the next'));
    await whenWritten();
    const [entry] = (await readIndex()).entries;
    expect(entry?.highlights).toBe(1);
    const stored = (await readArticle(entry!.id))!.highlights![0]!;
    expect(stored.quote).toEqual({ exact: 'close on Tuesday.The chair resigned the next', prefix: 'The vote was ', suffix: ' day.' });
    expect(document.activeElement?.textContent).toBe('close'); // focus on the new highlight
  });

  it('the live reader of a page already saved shows its highlights', async () => {
    const { id } = await saveArticle(story);
    await addHighlight(id, { id: 'x', quote: { exact: 'vote was close', prefix: '', suffix: '' }, position: null, color: 'blue', note: '', createdAt: 1, updatedAt: 1 });
    const tab = openTab({ url: 'https://news.example/story-1' });
    onInjection((_tab, injection) => (injection.files ? undefined : { ok: true, article: story }));
    render(<Reader search={`?tab=${tab.id}`} />);
    await waitFor(() => expect(marksOf()).toBe('vote was |close'));
    expect(screen.getByRole('button', { name: 'Highlights (1)' })).toBeInTheDocument();
  });

  it('an imported highlight (quote only) found by its quote keeps its position for the next open', async () => {
    const { id } = await saveArticle(story);
    await addHighlight(id, { id: 'imp', quote: { exact: 'chair resigned', prefix: '', suffix: '' }, position: null, color: 'yellow', note: 'from Pocket', createdAt: 5, updatedAt: 5 });
    render(<Reader search={`?id=${id}`} />);
    await waitFor(() => expect(marksOf()).toBe('chair resigned'));
    const text = document.querySelector('.reader-content')?.textContent ?? '';
    await waitFor(async () => expect((await readArticle(id))?.highlights?.[0]?.position).not.toBeNull());
    const stored = (await readArticle(id))!.highlights![0]!;
    expect(text.slice(stored.position!.start, stored.position!.end)).toBe('chair resigned');
    expect({ note: stored.note, updatedAt: stored.updatedAt }).toEqual({ note: 'from Pocket', updatedAt: 5 });
    expect(document.querySelector('.highlight-status')?.textContent).toBe('');
  });

  it('h with nothing selected says what to do', async () => {
    const { id } = await saveArticle(story);
    render(<Reader search={`?id=${id}`} />);
    await screen.findByText('close');
    fireEvent.keyDown(document.body, { key: 'h' });
    expect(await screen.findByText('Select some text of the article first, then press h or Highlight.')).toBeInTheDocument();
  });

  it('a saved article: a highlight offers Add note, Change colour and Remove, each stored', async () => {
    const { id } = await saveArticle(story);
    render(<Reader search={`?id=${id}`} />);
    await screen.findByText('close');
    select('The chair resigned');
    fireEvent.click(screen.getByRole('button', { name: 'Highlight' }));
    expect(await screen.findByText('Highlighted.')).toBeInTheDocument();
    const mark = () => document.querySelector('.reader-content mark.highlight')!;
    fireEvent.keyDown(mark(), { key: 'Enter' });
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Who replaces her?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Note saved.')).toBeInTheDocument();
    expect((await readArticle(id))!.highlights![0]!.note).toBe('Who replaces her?');
    expect(mark().getAttribute('title')).toBe('Who replaces her?');

    fireEvent.click(mark());
    fireEvent.click(await screen.findByRole('button', { name: 'Change colour' }));
    fireEvent.click(screen.getByRole('button', { name: 'Green' }));
    expect(await screen.findByText('Colour changed.')).toBeInTheDocument();
    expect((await readArticle(id))!.highlights![0]!.color).toBe('green');
    await waitFor(() => expect(mark().className).toBe('highlight highlight-green'));

    fireEvent.click(mark());
    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Highlight removed.')).toBeInTheDocument();
    expect(document.querySelector('.reader-content mark')).toBeNull();
    expect(await readArticle(id)).not.toHaveProperty('highlights');
  });

  it('the Highlights panel lists them in reading order with notes, and orphans with their quote', async () => {
    const { id } = await saveArticle(story);
    const base = { prefix: '', suffix: '' };
    const make = (hid: string, exact: string, note: string) => ({ id: hid, quote: { exact, ...base }, position: null, color: 'yellow' as const, note, createdAt: 1, updatedAt: 1 });
    await addHighlight(id, make('b', 'The chair resigned', 'second'));
    await addHighlight(id, make('gone', 'A sentence this article does not have', 'kept'));
    await addHighlight(id, make('a', 'The vote was', 'first'));
    render(<Reader search={`?id=${id}`} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Highlights (3)' }));
    const panel = screen.getByRole('region', { name: 'Highlights' });
    const jumps = [...panel.querySelectorAll('.highlights-jump')].map((b) => b.textContent);
    expect(jumps).toEqual(['The vote was', 'The chair resigned']);
    expect(panel.textContent).toContain('first');
    expect(panel.textContent).toContain('Not found in this version of the article');
    expect(panel.querySelector('.highlights-orphan')!.textContent).toContain('A sentence this article does not have');
    fireEvent.click(screen.getByRole('button', { name: 'The chair resigned' }));
    expect(document.activeElement?.textContent).toBe('The chair resigned');
  });
});

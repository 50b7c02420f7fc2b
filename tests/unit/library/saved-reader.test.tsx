import { webcrypto } from 'node:crypto';
import { TextEncoder } from 'node:util';
import { fireEvent, render, screen } from '@testing-library/preact';
import { onInjection, openTab, resetFakeBrowser } from '../../helpers/fake-browser';
import { Reader } from '../../../src/reader/Reader';
import { readIndex, saveArticle, whenWritten } from '../../../src/storage';
import { article } from '../storage/fixtures';
import '../../../src/background/background';

// jsdom has no Web Crypto or TextEncoder; browsers do. Node's are the same standard APIs.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });
if (!globalThis.TextEncoder) Object.defineProperty(globalThis, 'TextEncoder', { value: TextEncoder });

beforeEach(resetFakeBrowser);

describe('reader.html?id=', () => {
  it('renders a saved article from storage, through the sanitizer', async () => {
    const { id } = await saveArticle(article(1, {
      title: '<img src=x onerror=alert(1)>Saved story',
      content: '<p>Kept text.</p><img src="https://x.example/a.png" onerror="alert(1)"><script>alert(2)</script>',
    }));
    await whenWritten();
    const { container } = render(<Reader search={`?id=${id}`} />);
    expect(await screen.findByRole('heading', { level: 1, name: '<img src=x onerror=alert(1)>Saved story' })).toBeInTheDocument();
    expect(screen.getByText('Kept text.')).toBeInTheDocument();
    expect(container.querySelector('script, [onerror]')).toBeNull();
  });

  it('says so when the saved article is missing', async () => {
    render(<Reader search="?id=0123456789abcdef0123" />);
    expect(await screen.findByText('This saved article is missing or damaged.')).toBeInTheDocument();
  });

  it('offers Save in the live reader of a tab', async () => {
    const tab = openTab({ url: 'https://news.example/story-1' });
    onInjection((_tab, injection) => (injection.files ? undefined : { ok: true, article: article(1) }));
    render(<Reader search={`?tab=${tab.id}`} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect((await readIndex()).entries.map((e) => e.title)).toEqual(['Story 1']);
  });
});

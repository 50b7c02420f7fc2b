import { webcrypto } from 'node:crypto';
import { TextEncoder } from 'node:util';
import { render, screen } from '@testing-library/preact';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { formatBytes } from '../../../src/shared/format';
import { Options } from '../../../src/options/Options';
import { saveArticle } from '../../../src/storage';
import { article } from '../storage/fixtures';
import '../../../src/background/background';

// jsdom has no Web Crypto or TextEncoder; browsers do. Node's are the same standard APIs.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });
if (!globalThis.TextEncoder) Object.defineProperty(globalThis, 'TextEncoder', { value: TextEncoder });

beforeEach(resetFakeBrowser);

describe('the options page', () => {
  it('shows how many articles are saved, the bytes they use, and what uninstalling does', async () => {
    await saveArticle(article(1));
    await saveArticle(article(2));
    render(<Options />);
    expect(await screen.findByText('Saved articles: 2')).toBeInTheDocument();
    expect(screen.getByText(/^Storage used: [\d.]+ (byte|kB)$/)).toBeInTheDocument();
    expect(screen.getByText(/Uninstalling Lectern deletes it/)).toBeInTheDocument();
  });

  it('formats sizes in the user’s units', () => {
    expect(formatBytes(512)).toBe('512 byte');
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
    expect(formatBytes(3_200_000_000)).toBe('3.2 GB');
  });
});

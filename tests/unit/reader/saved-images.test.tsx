/**
 * The saved reader (reader.html?id=) under each "Load images from the web" choice: what reaches the page.
 * jsdom loads no images, so the test watches the document itself: a web URL that is never put into the
 * page is never requested. (tests/e2e/saved-images.e2e.mjs counts the real requests in both browsers.)
 */
import { webcrypto } from 'node:crypto';
import { act, render, screen, waitFor } from '@testing-library/preact';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { SavedReader } from '../../../src/reader/SavedReader';
import { saveArticle, setWebImagePolicy, storeArticleImages } from '../../../src/storage';
import type { WebImagePolicy } from '../../../src/shared/web-images';
import { article } from '../storage/fixtures';

const CONTENT = [
  '<p>Text.</p><figure><img src="https://img.example/kept.png" alt="kept"></figure>',
  '<p><img src="https://track.example/pixel.gif" alt="pixel"></p>',
  '<picture><source srcset="https://img.example/p.webp"><img src="https://img.example/p.jpg" alt="picture"></picture>',
  '<video src="https://v.example/a.mp4" poster="https://img.example/poster.jpg" controls></video>',
].join('');

/** Every image, source and poster URL that was ever in the page, collected as the DOM changes. */
function watchWebUrls(): { urls: Set<string>; stop(): void } {
  const urls = new Set<string>();
  const collect = (node: Node) => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...Array.from(node.querySelectorAll('img, source, video'))]) {
      for (const name of ['src', 'srcset', 'poster']) {
        const value = el.getAttribute(name);
        // A video's own src is fetched only when played (the sanitizer sets preload="none").
        if (value && /https?:/.test(value) && !(el.nodeName === 'VIDEO' && name === 'src')) urls.add(value);
      }
    }
  };
  const observer = new MutationObserver((records) => records.forEach((r) => (r.type === 'attributes' ? collect(r.target) : r.addedNodes.forEach(collect))));
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'srcset', 'poster'] });
  return { urls, stop: () => observer.disconnect() };
}

async function openSaved(policy: WebImagePolicy | null) {
  const { id } = await saveArticle(article(1, { content: CONTENT }));
  await storeArticleImages(id, [{ url: 'https://img.example/kept.png', key: 'k1', type: 'image/png', bytes: 4, data: btoa('PNG!') }]);
  if (policy) await setWebImagePolicy(policy);
  const seen = watchWebUrls();
  render(<SavedReader articleId={id} />);
  await screen.findByText('Text.');
  await act(() => new Promise((r) => setTimeout(r, 0)));
  seen.stop();
  return seen.urls;
}

// jsdom has no Web Crypto (article ids are SHA-256 digests); browsers do.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });

let blobs = 0;
beforeEach(() => {
  resetFakeBrowser();
  // jsdom has no blob: URLs; browsers do. Each stored image gets a distinct one.
  URL.createObjectURL = () => `blob:chrome-extension://lectern-test-id/${++blobs}`;
  URL.revokeObjectURL = () => {};
});

describe('saved reader: images from the web', () => {
  it('never: no web image, picture source or poster is ever put into the page, and the reader says how many it left out', async () => {
    const urls = await openSaved('never');
    expect([...urls]).toEqual([]);
    expect(screen.getByRole('img', { name: 'kept' }).getAttribute('src')).toMatch(/^blob:/);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('3 images not loaded from the web (settings)');
    expect(screen.getByRole('link', { name: 'settings' }).getAttribute('href')).toBe('options.html#web-images');
  });

  it('only without an offline copy (the default): the copy for the stored image, the web for the others, no notice', async () => {
    const urls = await openSaved(null);
    expect([...urls].sort()).toEqual(['https://img.example/p.jpg', 'https://img.example/p.webp', 'https://img.example/poster.jpg', 'https://track.example/pixel.gif']);
    expect(screen.getByRole('img', { name: 'kept' }).getAttribute('src')).toMatch(/^blob:/);
    expect(screen.queryByText(/not loaded from the web/)).toBeNull();
  });

  it('always: every image from the web, the stored one too', async () => {
    const urls = await openSaved('always');
    expect(urls).toContain('https://img.example/kept.png');
    expect(urls.size).toBe(5);
  });

  it('follows a change made on the options page while the article is open', async () => {
    await openSaved('never');
    await act(() => setWebImagePolicy('withoutCopy'));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.getByRole('img', { name: 'pixel' }).getAttribute('src')).toBe('https://track.example/pixel.gif');
  });
});

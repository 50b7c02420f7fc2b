import { sanitizeToFragment } from '../../../src/sanitize/sanitize';
import { imageSources, localizeImages } from '../../../src/offline-images/localize';

const HTML = '<p><img src="a.png" srcset="a-2x.png 2x" alt="A"><picture><source srcset="b.webp"><img src="https://cdn.example/b.jpg" alt="B"></picture><img src="https://x.example/gone.png"><img src="data:image/png;base64,AAAA"></p>';

describe('offline images at the render boundary', () => {
  it('lists the absolute web image URLs of the sanitized article, once each', () => {
    const fragment = sanitizeToFragment(`${HTML}<img src="a.png">`, 'https://x.example/post/');
    expect(imageSources(fragment)).toEqual(['https://x.example/post/a.png', 'https://cdn.example/b.jpg', 'https://x.example/gone.png']);
  });

  it('points images with a local copy at it and drops the remote candidates', () => {
    const fragment = sanitizeToFragment(HTML, 'https://x.example/post/');
    const local: Record<string, string> = {
      'https://x.example/post/a.png': 'blob:chrome-extension://id/1',
      'https://cdn.example/b.jpg': 'blob:chrome-extension://id/2',
    };
    expect(localizeImages(fragment, (url) => local[url])).toBe(2);
    const imgs = Array.from(fragment.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([
      'blob:chrome-extension://id/1', 'blob:chrome-extension://id/2', 'https://x.example/gone.png', 'data:image/png;base64,AAAA',
    ]);
    expect(imgs[0]?.hasAttribute('srcset')).toBe(false);
    expect(fragment.querySelectorAll('source')).toHaveLength(0);
  });

  it('leaves images without a local copy as they are', () => {
    const fragment = sanitizeToFragment(HTML, 'https://x.example/post/');
    const before = Array.from(fragment.querySelectorAll('img'), (i) => i.outerHTML);
    expect(localizeImages(fragment, () => undefined)).toBe(0);
    expect(Array.from(fragment.querySelectorAll('img'), (i) => i.outerHTML)).toEqual(before);
  });
});

/**
 * @jest-environment node
 */
import { resolveLazyImages } from '../../../src/extract/lazy-images';
import { pageDocument } from '../../helpers/dom';

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

describe('resolveLazyImages', () => {
  it('swaps a placeholder src for data-src and copies data-srcset', () => {
    const doc = pageDocument(`<img src="${PIXEL}" data-src="/a.jpg" data-srcset="/a-2x.jpg 2x">`);
    resolveLazyImages(doc);
    const img = doc.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/a.jpg');
    expect(img.getAttribute('srcset')).toBe('/a-2x.jpg 2x');
  });

  it('keeps a real src even when data-src is present', () => {
    const doc = pageDocument('<img src="/real.jpg" data-src="/other.jpg">');
    resolveLazyImages(doc);
    expect(doc.querySelector('img')!.getAttribute('src')).toBe('/real.jpg');
  });

  it('replaces a placeholder followed by a <noscript> copy with the real image', () => {
    const doc = pageDocument(`<figure><img src="${PIXEL}"><noscript><img src="/full.jpg" alt="Harbour"></noscript></figure>`);
    resolveLazyImages(doc);
    const imgs = doc.querySelectorAll('figure img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('src')).toBe('/full.jpg');
    expect(imgs[0]?.getAttribute('alt')).toBe('Harbour');
    expect(doc.querySelector('noscript')).toBeNull();
  });

  it('reads a <noscript> copy that a browser keeps as text (scripting on)', () => {
    const doc = pageDocument(`<figure><img src="${PIXEL}"><noscript></noscript></figure>`);
    // With scripting on, a browser parses <noscript> content as raw text, not elements.
    doc.querySelector('noscript')!.textContent = '<img src="/full.jpg" alt="Harbour" onerror="alert(1)">';
    resolveLazyImages(doc);
    const imgs = doc.querySelectorAll('figure img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]!.getAttribute('src')).toBe('/full.jpg');
    expect(imgs[0]!.ownerDocument).toBe(doc);
    expect(doc.querySelector('noscript')).toBeNull();
  });

  it('removes a <noscript> without an image, and keeps one whose image stays unresolved', () => {
    const doc = pageDocument(`<p id="story">Story.</p><noscript id="tracker"><p>Please enable JavaScript.</p></noscript>
      <noscript id="gallery"><img src="/a.jpg"><img src="/b.jpg"></noscript>`);
    resolveLazyImages(doc);
    expect(Array.from(doc.querySelectorAll('[id]'), (el) => el.id)).toEqual(['story', 'gallery']);
  });

  it('unwraps a lone <noscript> image', () => {
    const doc = pageDocument('<div><noscript><img src="/only.jpg"></noscript></div>');
    resolveLazyImages(doc);
    expect(doc.querySelector('div > img')!.getAttribute('src')).toBe('/only.jpg');
  });

  it('fills <picture><source data-srcset>', () => {
    const doc = pageDocument('<picture><source data-srcset="/p.webp 1x" type="image/webp"><img data-src="/p.jpg"></picture>');
    resolveLazyImages(doc);
    expect(doc.querySelector('source')!.getAttribute('srcset')).toBe('/p.webp 1x');
    expect(doc.querySelector('img')!.getAttribute('src')).toBe('/p.jpg');
  });
});

/**
 * @jest-environment node
 */
/** Captioned images reach the reader as <figure>: the image, then its <figcaption>, including the ones Readability drops or leaves as plain blocks. */
import { extractArticle } from '../../../src/extract/extract';
import { normalizeFigures } from '../../../src/extract/structure/figures';
import { copyFigures, restoreFigures } from '../../../src/extract/structure/figures-restore';
import { extractFixture, render } from '../../helpers/extract-fixture';
import { pageDocument } from '../../helpers/dom';

/** "image file → caption" for every figure, and whether the caption comes after the image. */
const figures = (root: Element) =>
  Array.from(root.querySelectorAll('figure')).map((f) => {
    const img = f.querySelector('img')?.getAttribute('src')?.split('/').pop()?.replace(/\?.*$/, '');
    const kids = Array.from(f.children).map((c) => c.tagName);
    const captionLast = kids[kids.length - 1] === 'FIGCAPTION' && kids.filter((k) => k === 'FIGCAPTION').length === 1;
    return `${img} → ${captionLast ? '' : '(caption misplaced) '}${f.querySelector('figcaption')?.textContent?.trim()}`;
  });

describe('fixture en-figures-captions, as rendered', () => {
  const { rendered } = extractFixture('en-figures-captions');

  test('every captioned image is a figure with its caption after it, in page order', () => {
    expect(figures(rendered)).toEqual([
      'north-point.jpg → North Point at dusk: the oldest tower on the coast, lit for the first time in 1821. Photo: Ines Varga',
      "keepers-cottage.jpg → The keeper's cottage at Gull Rock, now a museum of the lighthouse service.",
      'logbook-1.jpg → A logbook page from the winter of 1902.',
      'watch-clock.jpg → The brass clock of the watch room.',
      'lens.jpg → Three panels of the original lens.',
      'south-head-800.jpg → South Head in fog, when the foghorn still sounded every thirty seconds.',
    ]);
  });

  test('a figure with <picture> keeps its sources and their srcset', () => {
    const source = rendered.querySelector('figure picture source');
    expect(source?.getAttribute('srcset')).toBe('https://shoreline.example/img/south-head-800.webp 800w, https://shoreline.example/img/south-head-1600.webp 1600w');
    expect(source?.getAttribute('type')).toBe('image/webp');
  });

  test('restored gallery figures sit after the paragraph they followed on the page, and each image appears once', () => {
    const gallery = rendered.querySelectorAll('figure')[2];
    expect(gallery?.previousElementSibling?.textContent).toMatch(/^At Gull Rock the keeper's cottage/);
    const srcs = Array.from(rendered.querySelectorAll('img')).map((img) => img.getAttribute('src'));
    expect(new Set(srcs).size).toBe(srcs.length);
  });
});

describe('normalizeFigures', () => {
  const normalize = (html: string) => {
    const root = pageDocument(`<div id="root">${html}</div>`).getElementById('root')!;
    normalizeFigures(root);
    return render(root.innerHTML, 'https://site.example/post').innerHTML;
  };

  test('a div or paragraph holding one image and a *-caption element becomes a figure', () => {
    expect(normalize('<div class="wp-caption"><p><a href="/big.jpg"><img src="/a.jpg"></a></p><p class="wp-caption-text">A caption</p></div>'))
      .toBe('<figure><p><a href="https://site.example/big.jpg" target="_blank" rel="noopener noreferrer"><img src="https://site.example/a.jpg"></a></p><figcaption>A caption</figcaption></figure>');
    expect(normalize('<p><img src="/e.jpg"><span class="image-caption">Caption E</span></p>')).toBe('<figure><img src="https://site.example/e.jpg"><figcaption>Caption E</figcaption></figure>');
  });

  test('a caption before its image moves after it', () => {
    expect(normalize('<div class="photo"><span class="caption">Before</span><img src="/a.jpg"></div>')).toBe('<figure><img src="https://site.example/a.jpg"><figcaption>Before</figcaption></figure>');
    expect(normalize('<figure><figcaption>Top</figcaption><img src="/a.jpg"></figure>')).toBe('<figure><img src="https://site.example/a.jpg"><figcaption>Top</figcaption></figure>');
  });

  test('blocks with other text, several images or no image are left alone', () => {
    const withText = '<div><img src="https://site.example/a.jpg"><p>A paragraph of the article.</p><p class="caption">Caption</p></div>';
    expect(normalize(withText)).toBe('<div><img src="https://site.example/a.jpg"><p>A paragraph of the article.</p><p>Caption</p></div>');
    expect(normalize('<div><img src="https://site.example/a.jpg"><img src="https://site.example/b.jpg"><p class="caption">Both</p></div>')).not.toContain('figure');
    expect(normalize('<div><p class="caption">No image</p></div>')).not.toContain('figure');
  });
});

describe('figures Readability drops', () => {
  const para = (n: number) => `<p>Paragraph ${n} of the story, long enough to count: the council met on Tuesday evening to discuss the new library, the river path and the budget, and agreed on all three.</p>`;
  const extract = (body: string) => {
    const url = 'https://news.example/2024/story';
    const result = extractArticle(pageDocument(`<html><body>${body}</body></html>`, url), url);
    if (!result.ok) throw new Error(result.reason);
    return result.article;
  };
  /** What the reader shows: captions are there, with their images (the running text leaves them out). */
  const shown = (article: { content: string }) => pageDocument(`<body>${article.content}</body>`).body.textContent ?? '';
  const gallery = (caption: (i: number) => string) => `<div class="gallery">${[1, 2, 3].map((i) => `<figure><img src="/g${i}.jpg"><figcaption>${caption(i)}</figcaption></figure>`).join('')}</div>`;

  test('come back next to their paragraph', () => {
    const article = extract(`<article>${para(1)}${para(2)}${gallery((i) => `The harbour from the north pier, view ${i}`)}${para(3)}${para(4)}</article>`);
    expect(shown(article)).toMatch(/Paragraph 2[^]*north pier, view 1[^]*north pier, view 3[^]*Paragraph 3/);
  });

  test('without their photo credits; a caption that is only a credit or a label brings nothing back', () => {
    // Readability's output without the figures: the two paragraphs alone.
    const credited = gallery((i) => `The harbour from the north pier, view ${i} <span class="photo-credit">Foto: Ines Varga</span>`);
    const creditOnly = gallery(() => '© Getty Images');
    const doc = pageDocument(`<body><article>${para(1)}${credited}${para(2)}${creditOnly}</article><div id="out"></div></body>`);
    const copies = copyFigures(Array.from(doc.getElementsByTagName('figure')));
    const content = doc.getElementById('out')!;
    content.append(...Array.from(doc.querySelectorAll('article > p')).map((p) => p.cloneNode(true)));
    restoreFigures(content, copies);
    expect(Array.from(content.querySelectorAll('figcaption')).map((c) => c.textContent?.trim())).toEqual([1, 2, 3].map((i) => `The harbour from the north pier, view ${i}`));
  });

  test('nor lead images, portraits and promotions', () => {
    const lead = '<div><figure class="lead-image"><img src="/l1.jpg"><figcaption>The harbour at dawn on the day it reopened.</figcaption></figure><figure class="lead-image"><img src="/l2.jpg"><figcaption>The harbour master on the day it reopened.</figcaption></figure></div>';
    expect(shown(extract(`<article>${para(1)}${para(2)}${lead}${para(3)}${para(4)}</article>`))).not.toContain('on the day it reopened');
  });

  test('but not teaser cards (linked captions) nor figures from outside the article', () => {
    const teasers = gallery((i) => `<a href="/other-${i}">Another story about the harbour, number ${i}</a>`);
    const article = extract(`<article>${para(1)}${para(2)}${teasers}${para(3)}${para(4)}</article><aside><figure><img src="/side.jpg"><figcaption>Sidebar caption about the harbour, long enough</figcaption></figure></aside>`);
    expect(shown(article)).not.toMatch(/Another story|Sidebar caption/);
    expect(article.content).not.toMatch(/g1\.jpg|side\.jpg/);
  });
});

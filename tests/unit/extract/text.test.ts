/**
 * @jest-environment node
 */
import { elementToText } from '../../../src/extract/text';
import { pageDocument } from '../../helpers/dom';

it('gives one paragraph per block, inline text joined, whitespace folded', () => {
  const doc = pageDocument('<div><h2>Title</h2><p>One <em>two</em>\n   three.</p><ul><li>a</li><li>b</li></ul><blockquote><p>Quote</p></blockquote><p>x<br>y</p></div>');
  expect(elementToText(doc.querySelector('div')!)).toBe('Title\n\nOne two three.\n\na\n\nb\n\nQuote\n\nx y');
});

describe('captions and credits', () => {
  const text = (html: string) => elementToText(pageDocument(`<div>${html}</div>`).querySelector('div')!);

  it('leaves figure captions and photo credits out of the running text', () => {
    const html = `
      <p>First paragraph.</p>
      <figure><img src="a.jpg"><figcaption>Pumps at sunset. Photo: Jane Roe/Agency</figcaption></figure>
      <div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">A second caption</p></div>
      <p>Second paragraph.</p>
      <span class="image-credit">© Agency</span>
      <p class="photoCredit">Bild: dpa</p>`;
    expect(text(html)).toBe('First paragraph.\n\nSecond paragraph.');
  });

  it('keeps blocks whose name only contains such a word, and long blocks named like captions', () => {
    const long = 'An article body that a theme happens to call a caption. '.repeat(12);
    expect(text(`<div class="capital-news"><p>Kept.</p></div><div class="item-caption"><p>${long}</p></div>`)).toBe(`Kept.\n\n${long.trim()}`);
  });
});

it('keeps the lines and indentation of preformatted code', () => {
  const doc = pageDocument('<div><p>Run   this:</p><pre><code class="language-js">function f() {\n  return 1;\n}\n</code></pre><p>Done.</p></div>');
  expect(elementToText(doc.querySelector('div')!)).toBe('Run this:\n\nfunction f() {\n  return 1;\n}\n\nDone.');
});

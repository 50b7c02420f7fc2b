/**
 * @jest-environment node
 */
import { isPageFurniture } from '../../../src/extract/furniture';
import { scanPage } from '../../../src/extract/scan';
import { pageDocument } from '../../helpers/dom';

const page = (html: string) => pageDocument(`<body>${html}</body>`);
const first = (doc: Document, selector: string) => doc.querySelector(selector)!;

it('takes the page navigation and the page footer out in the page walk', () => {
  const doc = page('<nav><a href="/">Home</a></nav><div id="main"><p>Text</p></div><footer>Impressum · Datenschutz</footer>');
  scanPage(doc);
  expect(doc.querySelector('nav')).toBeNull();
  expect(doc.querySelector('footer')).toBeNull();
  expect(doc.getElementById('main')).not.toBeNull();
});

it('keeps an article\'s own footer and furniture that wraps the article', () => {
  const doc = page('<article><p>Text</p><footer>Filed under: rivers</footer></article><nav class="wrap"><article><p>Odd page</p></article></nav>');
  expect(isPageFurniture(first(doc, 'article footer'), 'FOOTER')).toBe(false);
  expect(isPageFurniture(first(doc, 'nav'), 'NAV')).toBe(false);
  const declared = page('<footer><div itemprop="articleBody"><p>Text</p></div></footer>');
  expect(isPageFurniture(first(declared, 'footer'), 'FOOTER')).toBe(false);
});

it('takes out sidebars, but not one that holds the article', () => {
  expect(isPageFurniture(first(page('<aside><p>Sidebar</p></aside>'), 'aside'), 'ASIDE')).toBe(true);
  expect(isPageFurniture(first(page('<aside><section itemprop="articleBody"><p>Text</p></section></aside>'), 'aside'), 'ASIDE')).toBe(false);
});

it('leaves other elements alone', () => {
  expect(isPageFurniture(first(page('<header><h1>Title</h1></header>'), 'header'), 'HEADER')).toBe(false);
});

it('keeps furniture that holds the byline (Readability reads it from there)', () => {
  expect(isPageFurniture(first(page('<aside><p class="byline">By Ann Author</p></aside>'), 'aside'), 'ASIDE')).toBe(false);
  expect(isPageFurniture(first(page('<footer><a rel="author" href="/ann">Ann Author</a></footer>'), 'footer'), 'FOOTER')).toBe(false);
});

/**
 * @jest-environment node
 */
import { removeBoilerplate } from '../../../src/extract/boilerplate';
import { isBoilerplateByName, nameWords, removeNamedBoilerplate } from '../../../src/extract/cleanup/attributes';
import { paragraphs, pageDocument } from '../../helpers/dom';

const articleRoot = (inner: string) => pageDocument(`<div id="root">${paragraphs(4)}${inner}</div>`).getElementById('root')!;

describe('nameWords', () => {
  it('splits class names at separators and case changes', () => {
    expect(nameWords('mvp-author-box-wrap TestReport__AuthorBox akismet_comment_form')).toEqual(
      ['mvp', 'author', 'box', 'wrap', 'test', 'report', 'author', 'box', 'akismet', 'comment', 'form'],
    );
  });
});

describe('isBoilerplateByName', () => {
  const el = (html: string) => pageDocument(html).body.firstElementChild!;
  it.each([
    '<div class="share-buttons"></div>',
    '<section class="related-posts"></section>',
    '<div id="newsletter-teaser"></div>',
    '<div class="entry-author-info"></div>',
    '<ul class="breadcrumb"></ul>',
    '<div role="navigation"></div>',
    '<div aria-label="Social links"></div>',
  ])('recognises %s', (html) => expect(isBoilerplateByName(el(html))).toBe(true));

  it.each(['<div class="shared-story"></div>', '<div class="header"></div>', '<div class="entry-content"></div>', '<div class="loaded"></div>'])(
    'leaves %s alone (a word that only contains a boilerplate word)',
    (html) => expect(isBoilerplateByName(el(html))).toBe(false),
  );
});

describe('removeNamedBoilerplate', () => {
  it('removes share bars, related lists and author boxes inside the article', () => {
    const root = articleRoot(`
      <div class="article-share"><a href="#">Teilen</a><a href="#">Tweet</a></div>
      <section class="related-content"><h3>Ähnliches</h3><ul><li><a href="/a">Another story</a></li></ul></section>
      <div class="mvp-author-box"><p>Sam writes about cities. Follow Sam on every network.</p></div>`);
    removeNamedBoilerplate(root);
    const text = root.textContent;
    expect(text).toContain('Paragraph 4.');
    for (const gone of ['Teilen', 'Another story', 'Follow Sam']) expect(text).not.toContain(gone);
  });

  it('never removes a block holding most of the article, whatever its name says', () => {
    const root = pageDocument(`<div id="root"><article class="post tag-politics comments-open">${paragraphs(6)}</article><p>Short tail.</p></div>`).getElementById('root')!;
    removeNamedBoilerplate(root);
    expect(root.querySelector('article')).not.toBeNull();
    expect(root.textContent).toContain('Paragraph 6.');
  });
});

describe('author boxes (removed before Readability, which unwraps single-paragraph boxes)', () => {
  it('removes a short box named author-box/author-bio, keeps a long block that merely mentions an author', () => {
    const doc = pageDocument(`<article>${paragraphs(2)}<div class="mvp-author-box-wrap"><p>Robin bakes bread.</p></div><div class="author-info-story">${paragraphs(3)}</div></article>`);
    removeBoilerplate(doc);
    expect(doc.body.textContent).not.toContain('Robin bakes');
    expect(doc.body.textContent).toContain('Paragraph 3.');
  });
});

describe('words that also name layout slots', () => {
  it('removes a short ad slot but keeps a long section whose modifier class mentions ads', () => {
    const root = pageDocument(`<div id="root"><section class="Report__Section Report__Section--Ads">${paragraphs(2)}</section>${paragraphs(4)}<div class="ad-slot">Anzeige</div></div>`).getElementById('root')!;
    removeNamedBoilerplate(root);
    expect(root.querySelector('section')).not.toBeNull();
    expect(root.textContent).not.toContain('Anzeige');
  });

  it('keeps page-builder widgets, collapsed "read more" text and headings with nav ids', () => {
    const root = articleRoot('<div class="elementor-widget"><p>Widget text</p></div><p class="js_readmore">Collapsed text</p><h3 id="nav_section_2">Heading</h3>');
    removeNamedBoilerplate(root);
    for (const kept of ['Widget text', 'Collapsed text', 'Heading']) expect(root.textContent).toContain(kept);
  });
});

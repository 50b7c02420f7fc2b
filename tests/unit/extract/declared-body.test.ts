/**
 * @jest-environment node
 */
import { findDeclaredBody, isDeclaredBody, declaredBodyRank, preferDeclaredBody } from '../../../src/extract/declared-body';
import { paragraphs, pageDocument } from '../../helpers/dom';

const page = (html: string) => pageDocument(`<body>${html}</body>`);
const candidates = (doc: Document) => Array.from(doc.querySelectorAll('*')).filter(isDeclaredBody);

describe('declaredBodyRank', () => {
  const el = (html: string) => page(html).body.firstElementChild!;
  it.each([
    ['<div itemprop="articleBody"></div>', 2],
    ['<div class="entry-content"></div>', 1],
    ['<section class="foo article__body"></section>', 1],
    ['<div id="articleBody"></div>', 1],
    ['<div class="field field--name-body"></div>', 1],
    ['<div class="entry-content-wrapper"></div>', 0],
    ['<p class="entry-content"></p>', 0],
    ['<div class="content"></div>', 0],
  ])('%s → %d', (html, rank) => expect(declaredBodyRank(el(html))).toBe(rank));
});

describe('findDeclaredBody', () => {
  it('takes the one declared body, narrowed to a declared block holding most of its text', () => {
    const doc = page(`<div class="post-content"><div itemprop="articleBody" id="inner">${paragraphs(3)}</div><p>x</p></div>`);
    expect(findDeclaredBody(candidates(doc))?.id).toBe('inner');
  });

  it('prefers schema.org articleBody to a larger block marked by class (which also holds the comments)', () => {
    const doc = page(`<div class="postcontent"><div itemprop="articleBody" id="article">${paragraphs(2)}</div><div class="comments">${paragraphs(6)}</div></div>`);
    expect(findDeclaredBody(candidates(doc))?.id).toBe('article');
  });

  it('finds no single article among several similar declared blocks (a blog front page, teasers)', () => {
    const doc = page(`<div class="entry-content">${paragraphs(2)}</div><div class="entry-content">${paragraphs(2)}</div>`);
    expect(findDeclaredBody(candidates(doc))).toBeNull();
    const teasers = page(`<div class="post_text">${paragraphs(1, 30)}</div>${'<div class="post_text">A teaser of another story, a line or two of it, and a link</div>'.repeat(6)}`);
    expect(findDeclaredBody(candidates(teasers))).toBeNull();
  });

  it('ignores declared blocks in the page header, footer or navigation', () => {
    const doc = page(`<footer><div class="field--name-body">Verband e. V., Chausseestr. 37, Berlin</div></footer>`);
    expect(findDeclaredBody(candidates(doc))).toBeNull();
  });
});

describe('preferDeclaredBody', () => {
  const para = (n: number) => `Paragraph ${n} of the article has enough words in it to be recognised again later on.`;
  const text = (...ns: number[]) => ns.map(para).join('\n\n');
  it('prefers the declared body when Readability chose another part of the page', () => {
    expect(preferDeclaredBody(text(1, 2, 3), text(7, 8, 9))).toBe(true);
  });
  it('prefers the declared body when Readability kept only a small part of it', () => {
    expect(preferDeclaredBody(text(1, 2, 3, 4, 5), text(1))).toBe(true);
  });
  it('keeps Readability when it found the same article, or most of it', () => {
    expect(preferDeclaredBody(text(1, 2, 3), text(1, 2, 3))).toBe(false);
    expect(preferDeclaredBody(text(1, 2, 3), text(1, 2, 3, 4, 5))).toBe(false);
    expect(preferDeclaredBody(text(1, 2, 3, 4), text(1, 2, 3))).toBe(false);
  });
});

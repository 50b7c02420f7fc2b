/**
 * @jest-environment node
 */
/** The article's heading hierarchy is the page's own: Readability's h1 → h2 does not flatten sections into their sub-sections. */
import { markPageH1s, restoreHeadingLevels } from '../../../src/extract/structure/headings';
import { extractFixture } from '../../helpers/extract-fixture';
import { pageDocument } from '../../helpers/dom';

const outline = (root: Element) => Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => `${h.tagName} ${h.textContent?.trim()}`);

test('fixture en-headings-footnotes: h2, h3, h4 kept in order and level (the title h1 is not in the article)', () => {
  expect(outline(extractFixture('en-headings-footnotes').rendered)).toEqual([
    'H2 Origins', 'H3 The Venetian press', 'H4 The typeface', 'H2 The great semicolon debate', 'H3 Writers against it',
  ]);
});

test('fixture en-h1-sections: <h1> sections stay above their <h2> and <h3> sub-sections', () => {
  const headings = outline(extractFixture('en-h1-sections').rendered).filter((h) => !h.includes('Rooftop Almanac'));
  expect(headings).toEqual(['H2 Before you start', 'H3 Weight and wind', 'H4 Straps and anchors', 'H2 The first season', 'H3 Water']);
});

describe('restoreHeadingLevels', () => {
  /** What Readability does: marks survive its renaming of h1 to h2. */
  const readabilityLike = (html: string) => {
    const root = pageDocument(`<div>${html}</div>`).querySelector('div')!;
    markPageH1s(Array.from(root.getElementsByTagName('h1')));
    for (const h1 of Array.from(root.getElementsByTagName('h1'))) {
      const h2 = root.ownerDocument.createElement('h2');
      for (const a of Array.from(h1.attributes)) h2.setAttribute(a.name, a.value);
      h2.append(...Array.from(h1.childNodes));
      h1.replaceWith(h2);
    }
    restoreHeadingLevels(root);
    return root;
  };

  test('a single <h1> at the top is the title: the h2 sections stay h2', () => {
    expect(outline(readabilityLike('<h1>Title</h1><p>Intro</p><h2>A</h2><h3>A.1</h3>'))).toEqual(['H2 Title', 'H2 A', 'H3 A.1']);
  });

  test('an <h1> after text, or several, are sections: the rest move one level down (h6 stays h6)', () => {
    expect(outline(readabilityLike('<p>Intro</p><h1>A</h1><h2>A.1</h2>'))).toEqual(['H2 A', 'H3 A.1']);
    expect(outline(readabilityLike('<h1>A</h1><h2>A.1</h2><h6>deep</h6><h1>B</h1>'))).toEqual(['H2 A', 'H3 A.1', 'H6 deep', 'H2 B']);
  });

  test('no marker is left in the article, and attributes move with a renamed heading', () => {
    const root = readabilityLike('<h1>A</h1><h2 id="a1" lang="fr">A.1</h2><h1>B</h1>');
    expect(root.querySelector('[data-lectern-h1]')).toBeNull();
    expect(root.querySelector('h3')!.getAttribute('lang')).toBe('fr');
  });
});

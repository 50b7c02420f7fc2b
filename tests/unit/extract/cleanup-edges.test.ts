/**
 * @jest-environment node
 */
import { removeEdgeFurniture } from '../../../src/extract/cleanup/edges';
import { elementToText } from '../../../src/extract/text';
import { paragraphs, pageDocument } from '../../helpers/dom';

const cleaned = (html: string) => {
  const root = pageDocument(`<div id="root">${html}</div>`).getElementById('root')!;
  removeEdgeFurniture(root);
  return elementToText(root);
};
const body = paragraphs(3);

describe('removeEdgeFurniture, before the first paragraph', () => {
  it.each([
    ['a dateline', '<p>23.10.2018</p>'],
    ['a date with time', '<div><time>14. Juni 2019 | 15:49</time></div>'],
    ['an English date', '<p>March 3, 2021</p>'],
    ['a Polish date', '<p>16 marca 2021</p>'],
    ['a byline', '<p class="x">Von Sina Giebel</p>'],
    ['a labelled date', '<p>Veröffentlichung: 2. Februar 2022</p>'],
    ['a category', '<div>Kategorie: News</div>'],
    ['a reading time', '<p>5 min read</p>'],
    ['skip links', '<div><a href="#content">Zum Inhalt springen</a></div>'],
  ])('removes %s', (_, html) => {
    const text = cleaned(`${html}${body}`);
    expect(text.startsWith('Paragraph 1.')).toBe(true);
  });

  it.each([
    ['a short first paragraph', '<p>It was the coldest night of the year.</p>'],
    ['a short line starting with a lower-case "von"', '<p>von oben gesehen: ein Fluss</p>'],
    ['an in-page link that is not a skip link', '<p><a href="#fn1">See the note</a></p>'],
  ])('keeps %s', (_, html) => {
    expect(cleaned(`${html}${body}`).startsWith('Paragraph 1.')).toBe(false);
  });
});

describe('removeEdgeFurniture, after the last paragraph', () => {
  it.each([
    ['a copyright line', '<p>© 2020 CBS Interactive Inc. All Rights Reserved.</p>'],
    ['a photo credit', '<p>Titelbild: Geyres Christophe/ABACA</p>'],
    ['a source line', '<p>Źródło: ISBnews</p>'],
    ['a publication date', '<p>Publiziert: 03.04.2020, 12:35</p>'],
    ['a log-in-to-comment prompt', '<p>Du musst eingeloggt sein, um Kommentare zu schreiben!</p>'],
  ])('removes %s', (_, html) => {
    expect(cleaned(`${body}${html}`).endsWith('next year.')).toBe(true);
  });

  it('keeps a short closing sentence of the article', () => {
    expect(cleaned(`${body}<p>The meeting ends at nine.</p>`).endsWith('The meeting ends at nine.')).toBe(true);
  });

  it('leaves short lines between paragraphs alone', () => {
    expect(cleaned(`${paragraphs(1)}<p>23.10.2018</p>${paragraphs(1)}`)).toContain('23.10.2018');
  });
});

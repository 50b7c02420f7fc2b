import { strFromU8, unzipSync } from 'fflate';
import { buildEpub } from '../../../src/export/epub';
import { DUPLICATE_IDS_HTML } from '../../fixtures/export/duplicate-ids';
import { sampleRecord } from './sample-article';

/** The first chapter of a one-article book made from `content`, parsed as the XML it is. */
async function chapter(content: string): Promise<Document> {
  const files = unzipSync(await buildEpub([sampleRecord({ content })], { identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000' }));
  const xhtml = files['OEBPS/chapter-0001.xhtml'];
  if (!xhtml) throw new Error('the book has no chapter');
  return new DOMParser().parseFromString(strFromU8(xhtml), 'application/xhtml+xml');
}

const ids = (doc: Document) => Array.from(doc.querySelectorAll('[id]'), (el) => el.getAttribute('id')!);
const fragmentLinks = (doc: Document) => Array.from(doc.querySelectorAll('a[href^="#"]'));

describe('EPUB ids', () => {
  it('are unique, and each one an XML name (epubcheck: no duplicates, no spaces)', async () => {
    const doc = await chapter(DUPLICATE_IDS_HTML);
    const all = ids(doc);
    expect(all).toHaveLength(9);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[\p{L}_][\p{L}\p{N}_.-]*$/u);
  });

  it('keep every in-article link pointing at the element it pointed at', async () => {
    const doc = await chapter(DUPLICATE_IDS_HTML);
    const target = (text: string) => {
      const link = fragmentLinks(doc).find((a) => a.textContent === text);
      expect(link).toBeDefined();
      return doc.getElementById(link!.getAttribute('href')!.slice(1));
    };
    // A duplicated id led to its first element, in the browser and in the reader: so it does in the book.
    expect(target('the introduction')?.textContent).toBe('Introduction');
    expect(target('1')?.textContent).toMatch(/^The footnote\./);
    expect(target('encoded')?.textContent).toMatch(/^An id with a space/);
    const linked = fragmentLinks(doc).filter((a) => a.textContent === 'linked');
    expect(linked.map((a) => doc.getElementById(a.getAttribute('href')!.slice(1))?.textContent)).toEqual([
      'An id that starts with a digit, linked.',
      'Unicode and a colon, linked.',
    ]);
  });

  it('drop the href of a link to an id the article does not have, and keep its text', async () => {
    const doc = await chapter(DUPLICATE_IDS_HTML);
    for (const a of fragmentLinks(doc)) expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
    const dangling = Array.from(doc.querySelectorAll('a')).find((a) => a.textContent === 'A link to an id that is not there.');
    expect(dangling?.hasAttribute('href')).toBe(false);
  });
});

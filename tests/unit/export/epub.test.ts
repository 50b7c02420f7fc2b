import { strFromU8, unzipSync } from 'fflate';
import { buildEpub, epubDate } from '../../../src/export/epub';
import { NASTY_TEXT, sampleRecord } from './sample-article';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OPTIONS = { identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000', modified: new Date('2024-05-03T10:00:00.123Z') };

async function book(...args: Parameters<typeof buildEpub>) {
  const bytes = await buildEpub(...args);
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]!);
  return { bytes, files, text };
}

function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}\n${xml}`);
  return doc;
}

describe('buildEpub', () => {
  it('starts with an uncompressed mimetype entry without extra field', async () => {
    const { bytes } = await book([sampleRecord()], OPTIONS);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(8, true)).toBe(0); // method: stored
    expect(view.getUint16(26, true)).toBe(8); // name length
    expect(view.getUint16(28, true)).toBe(0); // extra length
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(bytes.subarray(38, 58))).toBe('application/epub+zip');
  });

  it('has container, package, nav and one well-formed chapter per article', async () => {
    const articles = [sampleRecord(), sampleRecord({ id: 'b', title: 'Second', lang: 'en' })];
    const { files, text } = await book(articles, { ...OPTIONS, title: 'My reading' });
    expect(Object.keys(files).sort()).toEqual([
      'META-INF/container.xml', 'OEBPS/chapter-0001.xhtml', 'OEBPS/chapter-0002.xhtml', 'OEBPS/content.opf',
      'OEBPS/nav.xhtml', 'OEBPS/style.css', 'mimetype',
    ]);
    const opf = parseXml(text('OEBPS/content.opf'));
    expect(opf.getElementsByTagName('dc:title')[0]?.textContent).toBe('My reading');
    expect(opf.getElementsByTagName('dc:identifier')[0]?.textContent).toBe(OPTIONS.identifier);
    expect(opf.querySelector('meta[property="dcterms:modified"]')!.textContent).toBe('2024-05-03T10:00:00Z');
    expect(Array.from(opf.getElementsByTagName('itemref'), (i) => i.getAttribute('idref'))).toEqual(['nav', 'c1', 'c2']);
    const nav = parseXml(text('OEBPS/nav.xhtml'));
    expect(Array.from(nav.getElementsByTagName('a'), (a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['chapter-0001.xhtml', 'The river path: what the council decided'],
      ['chapter-0002.xhtml', 'Second'],
    ]);
    const chapter = parseXml(text('OEBPS/chapter-0001.xhtml'));
    expect(chapter.documentElement.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    expect(chapter.getElementsByTagName('h1')[0]?.textContent).toBe('The river path: what the council decided');
    expect(chapter.getElementsByTagName('table')).toHaveLength(1);
  });

  it('takes a single article\'s title, author and source for the book', async () => {
    const { text } = await book([sampleRecord()], OPTIONS);
    const opf = parseXml(text('OEBPS/content.opf'));
    expect(opf.getElementsByTagName('dc:title')[0]?.textContent).toBe('The river path: what the council decided');
    expect(opf.getElementsByTagName('dc:creator')[0]?.textContent).toBe('Ana Pérez');
    expect(opf.getElementsByTagName('dc:source')[0]?.textContent).toBe('https://news.example/2024/river-path.html');
    expect(opf.getElementsByTagName('dc:language')[0]?.textContent).toBe('en');
  });

  it.each(NASTY_TEXT)('stays well-formed with title and author %j', async (nasty) => {
    const { text } = await book([sampleRecord({ title: nasty, byline: nasty }), sampleRecord({ title: nasty })], OPTIONS);
    for (const name of ['OEBPS/content.opf', 'OEBPS/nav.xhtml', 'OEBPS/chapter-0001.xhtml']) parseXml(text(name));
    expect(text('OEBPS/chapter-0001.xhtml')).not.toContain('<script');
  });

  it('replaces remote images with links to them, and keeps offline images in the book', async () => {
    const content = '<p><img src="https://img.example/a.png" alt="Chart"><img src="https://img.example/b.webp" alt="Photo"><img src="/c.jpg" alt=""></p>';
    const image = (url: string) =>
      url.endsWith('a.png') ? { bytes: PNG, mediaType: 'image/png' } : url.endsWith('.webp') ? { bytes: PNG, mediaType: 'image/webp' } : undefined;
    const { files, text } = await book([sampleRecord({ content })], { ...OPTIONS, image });
    const chapter = parseXml(text('OEBPS/chapter-0001.xhtml'));
    const imgs = Array.from(chapter.getElementsByTagName('img'));
    expect(imgs.map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([['images/1.png', 'Chart']]);
    const links = Array.from(chapter.querySelectorAll('p a'), (a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toContainEqual(['https://img.example/b.webp', 'Photo']); // not a core EPUB image type
    expect(links).toContainEqual(['https://news.example/c.jpg', 'https://news.example/c.jpg']);
    expect(files['OEBPS/images/1.png']).toEqual(PNG);
    expect(text('OEBPS/content.opf')).toContain('<item id="i1" href="images/1.png" media-type="image/png"/>');
  });

  it('turns media into links and drops values the XHTML schema rejects', async () => {
    const content = '<video src="https://v.example/a.mp4" controls></video><table><tr><td colspan="0" width="50%" headers="x">a</td></tr></table><p lang="en_US">x</p><h2><div>block in heading</div></h2><li>orphan</li>';
    const { text } = await book([sampleRecord({ content })], OPTIONS);
    const xml = text('OEBPS/chapter-0001.xhtml');
    const chapter = parseXml(xml);
    expect(chapter.getElementsByTagName('video')).toHaveLength(0);
    expect(chapter.querySelector('a[href="https://v.example/a.mp4"]')).not.toBeNull();
    expect(xml).not.toMatch(/colspan|width=|headers=|en_US/);
    expect(chapter.querySelector('h2 > span')!.textContent).toBe('block in heading');
    expect(chapter.getElementsByTagName('li')).toHaveLength(0);
  });

  it('marks an all-right-to-left book and its chapters', async () => {
    const { text } = await book([sampleRecord({ lang: 'ar', dir: 'rtl' })], OPTIONS);
    expect(text('OEBPS/content.opf')).toContain('page-progression-direction="rtl"');
    expect(text('OEBPS/chapter-0001.xhtml')).toMatch(/<body dir="rtl">/);
    expect(text('OEBPS/chapter-0001.xhtml')).toMatch(/lang="ar" xml:lang="ar"/);
  });

  it('refuses an empty book', async () => {
    await expect(buildEpub([])).rejects.toThrow(/at least one/);
  });
});

describe('epubDate', () => {
  it('has seconds precision and a Z', () => {
    expect(epubDate(new Date('2024-01-02T03:04:05.678Z'))).toBe('2024-01-02T03:04:05Z');
  });
});

describe('buildEpub with awkward input', () => {
  it('keeps one figure caption and percent-encodes the source link', async () => {
    const content = '<figure><figcaption>a</figcaption><img src="https://i.example/x.png" alt="x"><figcaption>b</figcaption></figure>';
    const { text } = await book([sampleRecord({ content, url: 'https://h.example/p?a=1&b=<2>' })], OPTIONS);
    const chapter = parseXml(text('OEBPS/chapter-0001.xhtml'));
    expect(Array.from(chapter.getElementsByTagName('figcaption'), (f) => f.textContent)).toEqual(['a']);
    expect(chapter.querySelector('header a')!.getAttribute('href')).toBe('https://h.example/p?a=1&b=%3C2%3E');
  });
});

describe('buildEpub with a wrong clock', () => {
  it.each(['1970-01-01T00:00:00Z', '2150-01-01T00:00:00Z'])('still builds a book dated %s', async (date) => {
    const { text } = await book([sampleRecord()], { ...OPTIONS, modified: new Date(date) });
    expect(text('OEBPS/content.opf')).toContain(`<meta property="dcterms:modified">${date}</meta>`);
  });
});

import { parseBookmarksHtml } from '../../../src/import/bookmarks';
import { ImportError } from '../../../src/import/limits';
import { fixture, readFixture, readText } from './fixture';

describe('Netscape bookmarks HTML', () => {
  const { items, errors } = readFixture('bookmarks/bookmarks.html');

  it('reads links with their date, TAGS, enclosing folders as tags, and the <DD> description', () => {
    expect(items).toEqual([
      { url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z' },
      { url: 'https://longform.example/essay', title: 'An essay & a half', tags: ['Reading', 'Long reads'], savedAt: '2024-05-04T10:00:00.000Z', description: 'Worth a second read: long but good' },
      { url: 'https://blog.example/post', title: 'Blog post', tags: ['Reading'], savedAt: '2024-05-05T10:00:00.000Z' },
      { url: 'https://other.example/', title: 'Far future date', tags: [] },
    ]);
  });

  it('skips bookmarklets, browser-internal places, hosts off the public web, and duplicates', () => {
    expect(errors).toMatchObject([
      { index: 3, reason: 'not a web address (javascript:): javascript:(function(){alert(1)})()' },
      { index: 4, reason: 'not a web address (place:): place:sort=8&maxResults=10' },
      { index: 6, reason: 'not on the public web, so it is not fetched: http://router.lan/admin' },
      { index: 7, reason: 'not on the public web, so it is not fetched: http://127.0.0.1:8080/' },
      { index: 8, reason: 'same article as entry 1' },
    ]);
  });

  it('runs nothing in the file', () => {
    const result = parseBookmarksHtml('<!DOCTYPE NETSCAPE-Bookmark-file-1><script>globalThis.ran = true</script><DL><DT><A HREF="https://a.example/" onclick="x()">a</A></DL><img src=x onerror="globalThis.ran = true">');
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(result.items).toHaveLength(1);
  });

  it('refuses a page with no links', () => {
    expect(() => parseBookmarksHtml('<html><body><p>hello</p></body></html>')).toThrow(ImportError);
  });
});

describe('Pocket ril_export.html (wallabag’s real fixture)', () => {
  it('keeps the date, the tags and whether the link was under "Read Archive"', () => {
    const { format, items } = readFixture('pocket/ril_export.html');
    expect(format).toBe('pocket');
    expect(items).toEqual([
      { url: 'https://www.20minutes.fr/sport/4002755-20220928-tarn-lapins-ravagent-terrain-match-rugby-doit-etre-annule', title: 'Tarn : Des lapins ravagent le terrain, le match de rugby doit être annulé', tags: ['ifttt', 'new_entry_simple'], savedAt: '2023-07-06T07:31:35.000Z', archived: false },
      { url: 'https://www.20minutes.fr/paris/4100740-20240715-jo-paris-2024-courir-capitale-maintenant-quais-fermes', title: 'JO Paris 2024 : Où courir dans la capitale maintenant que les quais sont fermés ?', tags: ['ifttt', 'new_entry_simple'], savedAt: '2023-07-06T07:10:12.000Z', archived: false },
    ]);
  });

  it('marks links under "Read Archive" archived', () => {
    const html = fixture('pocket/ril_export.html').replace('<h1>Read Archive</h1>\n\t\t<ul>', '<h1>Read Archive</h1>\n\t\t<ul><li><a href="https://done.example/read" time_added="1688628000" tags="">Read one</a></li>');
    expect(readText(html).items[2]).toEqual({ url: 'https://done.example/read', title: 'Read one', tags: [], savedAt: '2023-07-06T07:20:00.000Z', archived: true });
  });
});

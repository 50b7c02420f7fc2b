import { parseBookmarksHtml } from '../../../src/import/bookmarks';
import { ImportError } from '../../../src/import/limits';
import { fixture } from './fixture';

describe('parseBookmarksHtml', () => {
  const { items, errors } = parseBookmarksHtml(fixture('bookmarks.html'));

  it('reads links with their date, TAGS and enclosing folders as tags', () => {
    expect(items).toEqual([
      { url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z' },
      { url: 'https://longform.example/essay', title: 'An essay & a half', tags: ['Reading', 'Long reads'], savedAt: '2024-05-04T10:00:00.000Z' },
      { url: 'https://blog.example/post', title: 'Blog post', tags: ['Reading'], savedAt: '2024-05-05T10:00:00.000Z' },
      { url: 'https://other.example/', title: 'Far future date', tags: [], savedAt: undefined },
    ]);
  });

  it('skips bookmarklets, browser-internal places and duplicates', () => {
    expect(errors).toMatchObject([
      { index: 3, reason: 'not a web address (javascript:): javascript:(function(){alert(1)})()' },
      { index: 4, reason: 'not a web address (place:): place:sort=8&maxResults=10' },
      { index: 6, reason: 'same article as entry 1' },
    ]);
  });

  it('runs nothing in the file', () => {
    const result = parseBookmarksHtml('<!DOCTYPE NETSCAPE-Bookmark-file-1><script>globalThis.ran = true</script><DL><DT><A HREF="https://a.example/" onclick="x()">a</A></DL><img src=x onerror="globalThis.ran = true">');
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(result.items).toHaveLength(1);
  });

  it('refuses a file that is not a bookmarks file', () => {
    expect(() => parseBookmarksHtml('<html><body><p>hello</p></body></html>')).toThrow(ImportError);
    expect(() => parseBookmarksHtml('<html><body><p>hello</p></body></html>')).toThrow(/not a bookmarks file/);
  });
});

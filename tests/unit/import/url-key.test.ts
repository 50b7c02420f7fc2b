/** @jest-environment node */
import { itemKey, recordKeys } from '../../../src/import/url-key';
import { urlKey } from '../../../src/storage/canonical';

describe('import URL keys (the library urlKey)', () => {
  it.each([
    ['https://www.news.example/a/b/', 'https://news.example/a/b'],
    ['https://news.example/a#section', 'https://news.example/a'],
    ['https://news.example/a?utm_source=x&b=2&a=1&fbclid=z', 'https://news.example/a?a=1&b=2'],
    ['HTTPS://News.Example:443/a', 'https://news.example/a'],
    ['https://news.example/', 'https://news.example'],
  ])('treats %s and %s as the same article', (a, b) => {
    expect(itemKey(a)).toBe(itemKey(b));
    expect(itemKey(a)).not.toBeNull();
  });

  it.each([
    ['https://news.example/a', 'https://news.example/b'],
    ['https://news.example/a?id=1', 'https://news.example/a?id=2'],
    ['https://news.example/A', 'https://news.example/a'],
    ['https://news.example:8080/a', 'https://news.example/a'],
    ['https://a.news.example/x', 'https://b.news.example/x'],
    ['https://groups.example/forum/#!topic/lectern/abc', 'https://groups.example/forum/#!topic/lectern/xyz'],
    ['https://social.example/#!/ana/status/1', 'https://social.example/#!/ana/status/2'],
    ['https://app.example/#/thread/1', 'https://app.example/#/thread/2'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(itemKey(a)).not.toBe(itemKey(b));
  });

  it('keeps the route fragment in the key, the same key the library saves under', () => {
    expect(itemKey('https://www.app.example/?utm_source=x#!/ana/status/1')).toBe('https://app.example/#!/ana/status/1');
    expect(itemKey('https://app.example/#/thread/1')).toBe(urlKey('https://app.example/#/thread/1'));
    expect(itemKey('https://news.example/a#comments')).toBe(urlKey('https://news.example/a'));
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x.example/', 'not a url', ''])(
    'has no key for %j',
    (url) => expect(itemKey(url)).toBeNull(),
  );

  it('knows a record by its URL and its canonical URL', () => {
    expect(recordKeys({ url: 'https://m.news.example/a?utm_medium=x', canonicalUrl: 'https://news.example/a' })).toEqual([
      'https://m.news.example/a',
      'https://news.example/a',
    ]);
    expect(recordKeys({ url: 'https://news.example/a', canonicalUrl: 'https://news.example/a/' })).toEqual(['https://news.example/a']);
  });
});

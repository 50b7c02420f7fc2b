/** @jest-environment node */
import { recordKeys, urlKey } from '../../../src/import/url-key';

describe('urlKey', () => {
  it.each([
    ['https://www.news.example/a/b/', 'http://news.example/a/b'],
    ['https://news.example/a#section', 'https://news.example/a'],
    ['https://news.example/a?utm_source=x&b=2&a=1&fbclid=z', 'https://news.example/a?a=1&b=2'],
    ['HTTPS://News.Example:443/a', 'https://news.example/a'],
    ['https://news.example/', 'https://news.example'],
  ])('treats %s and %s as the same article', (a, b) => {
    expect(urlKey(a)).toBe(urlKey(b));
    expect(urlKey(a)).not.toBeNull();
  });

  it.each([
    ['https://news.example/a', 'https://news.example/b'],
    ['https://news.example/a?id=1', 'https://news.example/a?id=2'],
    ['https://news.example/A', 'https://news.example/a'],
    ['https://news.example:8080/a', 'https://news.example/a'],
    ['https://a.news.example/x', 'https://b.news.example/x'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(urlKey(a)).not.toBe(urlKey(b));
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x.example/', 'not a url', ''])(
    'has no key for %j',
    (url) => expect(urlKey(url)).toBeNull(),
  );

  it('knows a record by its URL and its canonical URL', () => {
    expect(recordKeys({ url: 'https://m.news.example/a?utm_medium=x', canonicalUrl: 'https://news.example/a' })).toEqual([
      'm.news.example/a',
      'news.example/a',
    ]);
    expect(recordKeys({ url: 'https://news.example/a', canonicalUrl: 'https://news.example/a/' })).toEqual(['news.example/a']);
  });
});

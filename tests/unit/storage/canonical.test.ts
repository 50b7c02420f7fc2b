/**
 * @jest-environment node
 */
import { articleIdFor, urlKey } from '../../../src/storage/canonical';

describe('urlKey', () => {
  it.each([
    ['https://news.example/a?utm_source=x&utm_medium=y&utm_campaign=z', 'https://news.example/a'],
    ['https://news.example/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=home', 'https://news.example/a'],
    ['https://news.example/a?UTM_Source=x&msclkid=1&_hsenc=2&igshid=3', 'https://news.example/a'],
    ['https://www.news.example/a/#comments', 'https://news.example/a'],
    ['https://news.example:443/a/', 'https://news.example/a'],
    ['https://news.example/a?page=2&id=7&utm_term=x', 'https://news.example/a?id=7&page=2'],
    // Names written encoded, or with a value that decodes oddly, key as the parsed parameters do.
    ['https://news.example/a?utm%5Fsource=x&utm_medium=a%26b', 'https://news.example/a'],
    ['https://news.example/a?utm_source=x&&q=a+b&ref', 'https://news.example/a?q=a+b'],
    ['https://news.example/a?utm_source=pocket&utm_x', 'https://news.example/a'],
    ['https://news.example/a?q=%7E&utm_source=x', 'https://news.example/a?q=%7E'],
  ])('%s → %s', (url, key) => {
    expect(urlKey(url)).toBe(key);
  });

  it('keeps parameters that choose the article', () => {
    expect(urlKey('https://forum.example/viewtopic.php?t=42')).not.toBe(urlKey('https://forum.example/viewtopic.php?t=43'));
  });

  it('prefers the canonical URL the page declares', () => {
    expect(urlKey('https://m.news.example/a?utm_source=x', 'https://news.example/a')).toBe('https://news.example/a');
  });

  it('gives the same id to the same key and different ids to different keys', async () => {
    const a = await articleIdFor(urlKey('https://news.example/a?utm_source=x'));
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(await articleIdFor(urlKey('https://news.example/a'))).toBe(a);
    expect(await articleIdFor(urlKey('https://news.example/b'))).not.toBe(a);
  });
});

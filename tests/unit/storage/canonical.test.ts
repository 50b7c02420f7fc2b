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

describe('the query in a key', () => {
  // Names in many spellings: cases, escapes (`%5F`, `%41`, `+`), the Kelvin sign (lower-cases to `k`), `ſ`.
  const TRACKING = ['utm_source', 'UTM_Medium', 'utm_', 'fbclid', 'FBCLID', 'ref', 'Ref', 'mkt_tok', 'm\u212At_tok', 'utm%5Fx', 'utm_%41', 'utm+x', '__twitter_impression'];
  const OTHER = ['q', 'id', 'page', 'a%20b', 'é', 'refx', 'xref', 'utm', '', 'ſ'];
  // The names the key drops (src/storage/canonical.ts), besides every `utm_…`.
  const TRACKING_NAMES = new Set(['fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'twclid', 'ttclid', 'li_fat_id', 'igshid',
    'yclid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'vero_id', 'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid', 'wt_mc', 'ref',
    'ref_src', 'ref_url', 'referrer', 'cmpid', 'ncid', 'sr_share', 'at_medium', 'at_campaign', 'spm', 'guccounter', '__twitter_impression', 'ito', 'xtor']);
  it('drops exactly the tracking parameters, fast path or not, on 20,000 generated queries', () => {
    let seed = 3;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const differ: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const pairs = Array.from({ length: 1 + Math.floor(next() * 4) }, () => `${next() < 0.7 ? pick(TRACKING) : pick(OTHER)}${next() < 0.8 ? `=${pick(['', 'x', 'a%26b', 'pocket'])}` : ''}`);
      const query = pairs.join('&');
      const url = new URL(`https://news.example/a?${query}`);
      // Reference: the parameters as URLSearchParams decodes them, filtered by the documented rule, sorted.
      const kept = [...url.searchParams].filter(([name]) => {
        const lower = name.toLowerCase();
        return !lower.startsWith('utm_') && !TRACKING_NAMES.has(lower);
      }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const want = `https://news.example/a${kept.length ? `?${new URLSearchParams(kept).toString()}` : ''}`;
      if (urlKey(url.href) !== want) differ.push(`${url.href} → ${urlKey(url.href)}, not ${want}`);
    }
    expect(differ).toEqual([]);
  });
});

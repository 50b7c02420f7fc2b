/**
 * @jest-environment node
 */
import { findCanonicalUrl, findLang, findLeadImage, findPublishedTime, normalizeDate } from '../../../src/extract/metadata';
import { pageDocument } from '../../helpers/dom';

describe('metadata', () => {
  it('prefers Readability’s date, then meta tags, then <time>', () => {
    expect(findPublishedTime(pageDocument(''), '2020-01-02T03:04:05Z')).toBe('2020-01-02T03:04:05.000Z');
    expect(findPublishedTime(pageDocument('<meta property="article:published_time" content="2019-05-06">'), null)).toBe('2019-05-06T00:00:00.000Z');
    expect(findPublishedTime(pageDocument('<article><time datetime="2018-07-08T10:00:00Z">8 July</time></article>'), null)).toBe('2018-07-08T10:00:00.000Z');
    expect(findPublishedTime(pageDocument('<p>no date</p>'), 'not a date')).toBeNull();
  });

  it('normalizes or rejects dates', () => {
    expect(normalizeDate('garbage')).toBeNull();
    expect(normalizeDate(undefined)).toBeNull();
  });

  it('takes the social-card image, else the first article image, only over http(s)', () => {
    const doc = pageDocument('<meta property="og:image" content="/social.jpg"><div><img src="https://x.example/first.jpg"></div>', 'https://s.example/a');
    expect(findLeadImage(doc, doc.querySelector('div')!, 'https://s.example/a')).toBe('https://s.example/social.jpg');
    const plain = pageDocument('<meta property="og:image" content="javascript:alert(1)"><div><img src="b.jpg"></div>', 'https://s.example/a');
    expect(findLeadImage(plain, plain.querySelector('div')!, 'https://s.example/a')).toBe('https://s.example/b.jpg');
  });

  it('accepts a canonical URL only on the same site', () => {
    const same = pageDocument('<link rel="canonical" href="https://www.s.example/story">', 'https://s.example/story?utm_source=x');
    expect(findCanonicalUrl(same, 'https://s.example/story?utm_source=x')).toBe('https://www.s.example/story');
    const other = pageDocument('<link rel="canonical" href="https://evil.example/story">', 'https://s.example/story');
    expect(findCanonicalUrl(other, 'https://s.example/story')).toBeUndefined();
  });

  it('reads a valid language tag and rejects junk', () => {
    expect(findLang(pageDocument('<html lang="pt_BR"><body></body></html>'), null)).toBe('pt-BR');
    expect(findLang(pageDocument('<html lang="<script>"><body></body></html>'), null)).toBeNull();
  });
});

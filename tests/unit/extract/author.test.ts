/**
 * @jest-environment node
 */
/** The byline: Readability's when it is a name, else JSON-LD's author in all its shapes, else a meta tag that holds a name. */
import { findByline, isName, jsonLdAuthor } from '../../../src/extract/author';
import { indexMetas } from '../../../src/extract/metadata';
import { extractFixture } from '../../helpers/extract-fixture';
import { pageDocument } from '../../helpers/dom';

const scripts = (...json: unknown[]) => {
  const doc = pageDocument(json.map((j) => `<script type="application/ld+json">${typeof j === 'string' ? j : JSON.stringify(j)}</script>`).join(''));
  return Array.from(doc.getElementsByTagName('script'));
};
const metas = (html: string) => indexMetas(Array.from(pageDocument(html).getElementsByTagName('meta')));

describe('jsonLdAuthor', () => {
  test('author as a string', () => {
    expect(jsonLdAuthor(scripts({ '@type': 'NewsArticle', author: 'Mara Lind' }))).toBe('Mara Lind');
  });

  test('author as an object, and as an array of objects and strings', () => {
    expect(jsonLdAuthor(scripts({ '@type': 'Article', author: { '@type': 'Person', name: ' Mara  Lind ' } }))).toBe('Mara Lind');
    expect(jsonLdAuthor(scripts({ '@type': 'BlogPosting', author: [{ '@type': 'Person' }, { name: 'Ana Ruiz' }, 'Tom Berg'] }))).toBe('Ana Ruiz, Tom Berg');
  });

  test('an @id reference into the @graph (Yoast), with @type given as an array', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [
      { '@type': ['Article', 'NewsArticle'], author: { '@id': '#p1' } },
      { '@type': 'Person', '@id': '#p1', name: 'Harriet Oduya' },
    ] };
    expect(jsonLdAuthor(scripts(graph))).toBe('Harriet Oduya');
  });

  test('the article node wins over other nodes; broken scripts are skipped', () => {
    expect(jsonLdAuthor(scripts('{broken', { '@type': 'WebSite', author: 'Site Team' }, { '@type': 'Article', author: 'Real Writer' }))).toBe('Real Writer');
    expect(jsonLdAuthor(scripts({ '@type': 'Recipe', author: 'Cook Name' }))).toBe('Cook Name');
  });

  test('never a URL or an address', () => {
    expect(jsonLdAuthor(scripts({ '@type': 'Article', author: ['https://x.example/me', { name: 'me@x.example' }, { '@id': 'https://x.example/#nobody' }] }))).toBeNull();
  });
});

describe('findByline', () => {
  test("keeps Readability's byline when it is a name", () => {
    expect(findByline('By Robin Ashdown', scripts({ '@type': 'Article', author: 'Other' }), metas(''))).toBe('By Robin Ashdown');
  });

  test("replaces Readability's byline when it is a URL or an address", () => {
    expect(findByline('https://facebook.com/someone', scripts({ '@type': 'Article', author: 'Mara Lind' }), metas(''))).toBe('Mara Lind');
    expect(findByline('desk@paper.example', [], metas(''))).toBeNull();
  });

  test('falls back to <meta name=author> and article:author when they hold a name', () => {
    expect(findByline(null, [], metas('<meta name="author" content="Jo Park">'))).toBe('Jo Park');
    expect(findByline(null, [], metas('<meta name="author" content="jo@park.example"><meta property="article:author" content="Jo Park">'))).toBe('Jo Park');
    expect(findByline(null, [], metas('<meta property="article:author" content="https://www.facebook.com/jopark">'))).toBeNull();
  });

  test('isName', () => {
    expect(['Jo Park', 'Dr. A. N. Other', 'María José Ñúñez'].every(isName)).toBe(true);
    expect(['', 'www.x.example', 'x.example/authors/jo', '//x.example/jo', 'mailto:jo@x.example', 'jo@x.example'].some(isName)).toBe(false);
  });
});

test('fixture en-yoast-graph-author: the author from the graph, not the address or the profile URL in the meta tags', () => {
  expect(extractFixture('en-yoast-graph-author').article.byline).toBe('Harriet Oduya');
});

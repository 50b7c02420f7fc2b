/**
 * @jest-environment node
 */
/** When is there no article? Short posts and texts without spaces between words are articles; listings are not. */
import { extractArticle } from '../../../src/extract/extract';
import { pageDocument } from '../../helpers/dom';

const URL = 'https://blog.example/post';

it('gives an article for a short blog post (two paragraphs, ~40 words)', () => {
  const doc = pageDocument(`<body><nav><a href="/">Home</a> <a href="/about">About</a></nav><article><h1>Garden, week 12</h1>
    <p>The beans are finally up, three weeks late, and the slugs found them on the first night.</p>
    <p>Next week I will try copper tape around the beds, which the neighbour swears by, and report back here.</p></article></body>`);
  const result = extractArticle(doc, URL);
  expect(result.ok).toBe(true);
});

it('gives an article for Chinese text, whose words are not separated by spaces', () => {
  const sentence = '今年春天，市图书馆在河边新开了一个阅览室，周末有很多家长带着孩子来看书。';
  const doc = pageDocument(`<body><article><h1>河边的阅览室</h1><p>${sentence.repeat(3)}</p><p>${sentence.repeat(2)}</p></article></body>`);
  expect(extractArticle(doc, URL).ok).toBe(true);
});

it('gives no article for a page of search results (mostly links, no long paragraph)', () => {
  const result = (i: number) => `<div class="result"><h3><a href="https://site${i}.example/">Tide tables for harbour ${i}, updated weekly</a></h3><p>tides.example · High and low water.</p></div>`;
  const doc = pageDocument(`<body><form><input name="q" value="harbour"></form><div id="results">${Array.from({ length: 12 }, (_, i) => result(i)).join('')}</div></body>`);
  expect(extractArticle(doc, URL)).toMatchObject({ ok: false, reason: 'no-article' });
});

it('gives no article for a page with almost no text', () => {
  expect(extractArticle(pageDocument('<body><h1>Sign in</h1><p>Please sign in.</p></body>'), URL)).toMatchObject({ ok: false, reason: 'no-article' });
});

it('gives an article for a short post whose one link is a long quoted URL', () => {
  const doc = pageDocument(`<body><div class="newsentry"><h2>Das Ministerium informiert</h2><div class="newstext">
    <p>Die GEMA dreht völlig am Zeiger! Durch die geplanten Tariferhöhungen stehen viele Clubbesitzer vor dem Aus.</p>
    <p>Damit DJs ihre Sets nicht vorlesen müssen, unterschreibt bitte alle diese Petition:
    <a href="https://petition.example/online/gegen-die-tarifreform">https://petition.example/online/gegen-die-tarifreform-2013-gema-verliert-augenmass</a></p></div></div></body>`);
  expect(extractArticle(doc, URL).ok).toBe(true);
});

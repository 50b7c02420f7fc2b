/**
 * @jest-environment node
 */
/** Footnotes and other in-page links keep working inside the reader, and page ids cannot clobber it. */
import { keepInPageLinks } from '../../../src/extract/structure/footnotes';
import { extractFixture, render } from '../../helpers/extract-fixture';
import { pageDocument } from '../../helpers/dom';

describe('fixture en-headings-footnotes, as rendered', () => {
  const { rendered } = extractFixture('en-headings-footnotes');
  const links = Array.from(rendered.querySelectorAll('a[href^="#"]'));

  test('footnote references and back-references stay in-page links, none opens a tab', () => {
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#user-content-fn1', '#user-content-fn2', '#user-content-fnref1', '#user-content-fnref2']);
    expect(links.filter((a) => a.hasAttribute('target'))).toEqual([]);
  });

  test('every in-page link finds its target in the rendered article', () => {
    const doc = rendered.ownerDocument;
    const targets = links.map((a) => doc.getElementById(a.getAttribute('href')!.slice(1))?.textContent?.trim().slice(0, 12));
    expect(targets).toEqual(['The book was', 'Aldus also i', '[1]', '[2]']);
  });

  test('only the footnote targets keep an id, prefixed', () => {
    const ids = Array.from(rendered.querySelectorAll('[id]')).map((el) => el.id);
    expect(ids.sort()).toEqual(['user-content-fn1', 'user-content-fn2', 'user-content-fnref1', 'user-content-fnref2']);
  });

  test('links out of the article still open in a new tab', () => {
    const out = Array.from(rendered.querySelectorAll('a:not([href^="#"])'));
    expect(out.every((a) => a.getAttribute('target') === '_blank')).toBe(true);
  });
});

describe('keepInPageLinks', () => {
  const run = (body: string, urls: [string, ...string[]] = ['https://site.example/post', 'https://cdn.site.example/']) => {
    const doc = pageDocument(`<div>${body}</div>`, urls[0]);
    const root = doc.querySelector('div')!;
    keepInPageLinks(root, urls);
    return Array.from(root.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'));
  };

  test('a link resolved against the page or its base becomes a fragment when its target is in the article', () => {
    expect(run('<a href="https://cdn.site.example/#n1">1</a><a href="https://site.example/post#n2">2</a><p id="n1"></p><p id="n2"></p>')).toEqual(['#n1', '#n2']);
  });

  test('a fragment whose target is not in the article links to the page', () => {
    expect(run('<a href="#comments">Comments</a>')).toEqual(['https://site.example/post#comments']);
  });

  test('old-style <a name> targets get the id a fragment looks for', () => {
    const doc = pageDocument('<div><a href="#note">*</a><p><a name="note"></a>The note.</p></div>', 'https://site.example/post');
    const root = doc.querySelector('div')!;
    keepInPageLinks(root, ['https://site.example/post']);
    expect(root.querySelector('a[name]')!.id).toBe('note');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('#note');
  });

  test('links to other pages and other sites are left alone', () => {
    expect(run('<a href="https://site.example/other#n1">x</a><a href="https://elsewhere.example/#n1">y</a><p id="n1"></p>')).toEqual(['https://site.example/other#n1', 'https://elsewhere.example/#n1']);
  });
});

describe('the sanitizer and in-page links', () => {
  test('ids are prefixed and the matching hrefs too, so a page id cannot shadow document or window properties', () => {
    const body = render('<p id="location">x</p><p id="cookie">y</p><a href="#location">l</a>', 'https://site.example/post');
    expect(body.querySelector('p')!.id).toBe('user-content-location');
    expect(body.querySelector('a')!.getAttribute('href')).toBe('#user-content-location');
    expect(typeof body.ownerDocument.cookie).toBe('string');
  });

  test('an already prefixed id or href is not prefixed twice (sanitizing is stable)', () => {
    const once = render('<p id="fn1">x</p><a href="#fn1">1</a>', 'https://site.example/post').innerHTML;
    expect(render(once, 'https://site.example/post').innerHTML).toBe(once);
  });

  test('a bare "#" link leads nowhere: its href is dropped, its text kept', () => {
    const body = render('<a href="#">Top</a>', 'https://site.example/post');
    expect(body.querySelector('a')!.hasAttribute('href')).toBe(false);
    expect(body.textContent).toBe('Top');
  });
});

test('ids no in-page link points at are dropped (page styling and script hooks)', () => {
  const doc = pageDocument('<div><p id="intro">a</p><a href="#n1">1</a><p id="n1">note</p></div>', 'https://site.example/post');
  const root = doc.querySelector('div')!;
  keepInPageLinks(root, ['https://site.example/post']);
  expect(Array.from(root.querySelectorAll('[id]')).map((el) => el.id)).toEqual(['n1']);
});

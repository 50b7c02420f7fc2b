/**
 * @jest-environment node
 */
import { extractArticle } from '../../../src/extract/extract';
import { scanPage } from '../../../src/extract/scan';
import { pageDocument } from '../../helpers/dom';

/** The ids left on the page after the walk. */
function survivors(body: string): string[] {
  const doc = pageDocument(`<html><head><title>t</title></head><body>${body}</body></html>`);
  scanPage(doc);
  return Array.from(doc.querySelectorAll('[id]'), (el) => el.id);
}

const STORY = '<p>The harbour reopened on Monday after a week of repairs, and the first fishing boats came in at dawn with the tide. </p>'.repeat(6);

describe('the page walk removes what the reader can never show', () => {
  it.each([
    ['svg', '<svg id="x"><title>Share icon</title><path d="M0 0"/></svg>'],
    ['math', '<math id="x"><mi>x</mi></math>'],
    ['template', '<template id="x"><p>later</p></template>'],
    ['iframe', '<iframe id="x" src="https://ads.example/"></iframe>'],
    ['object', '<object id="x" data="/f.swf">Flash fallback text</object>'],
    ['embed', '<embed id="x" src="/f.swf">'],
    ['button', '<button id="x">Subscribe</button>'],
    ['select', '<select id="x"><option>Deutsch</option><option>English</option></select>'],
    ['textarea', '<textarea id="x">Your comment</textarea>'],
    ['the hidden attribute', '<div id="x" hidden><p>menu</p></div>'],
    ['aria-hidden', '<div id="x" aria-hidden="true"><p>menu</p></div>'],
    ['inline display:none', '<div id="x" style="display: none"><p>menu</p></div>'],
    ['inline visibility:hidden', '<div id="x" style="color:red;visibility:hidden"><p>menu</p></div>'],
  ])('removes %s with its contents', (_, html) => {
    expect(survivors(`<main id="main"><p id="p">Story.</p>${html}</main>`)).toEqual(['main', 'p']);
  });

  it.each([
    ['a form (ASP.NET pages wrap the whole page in one)', '<form id="x"><p id="y">Story.</p></form>', ['x', 'y']],
    ['a noscript (lazy images come from it)', '<noscript id="x"><img id="y" src="/a.jpg"></noscript>', ['x', 'y']],
    ['aria-hidden="false"', '<div id="x" aria-hidden="false"><p id="y">Story.</p></div>', ['x', 'y']],
    ['a fallback-image (Readability keeps Wikimedia math images)', '<img id="x" class="mwe-math-fallback-image-inline" aria-hidden="true" src="/m.png">', ['x']],
    ['styles that do not hide', '<div id="x" style="overflow: hidden; border: none"><p id="y">Story.</p></div>', ['x', 'y']],
    ['inputs (the sign-up box test needs e-mail fields)', '<input id="x" type="email">', ['x']],
    ['video and audio', '<video id="x" src="/v.mp4"></video><audio id="y" src="/a.mp3"></audio>', ['x', 'y']],
  ])('keeps %s', (_, html, ids) => {
    expect(survivors(html)).toEqual(ids);
  });

  it('never removes the body, even when a modal left it aria-hidden', () => {
    const doc = pageDocument(`<body aria-hidden="true" style="display:none"><p>Story.</p></body>`);
    scanPage(doc);
    expect(doc.body?.textContent).toBe('Story.');
  });

  it('walks on after a removed element and still counts what it removed', () => {
    const doc = pageDocument('<div><button><span>a</span><span>b</span></button></div><h1>Title</h1>');
    const scan = scanPage(doc);
    expect(scan.h1s).toHaveLength(1);
    // html > head, body > div > button > span, span; h1 (everything below <html>, as before)
    expect(scan.elements).toBe(doc.getElementsByTagName('*').length - 1 + 3);
  });

  it('keeps icon titles, button labels and option lists out of the article text', () => {
    const doc = pageDocument(`<article><h1>Harbour reopens</h1>${STORY}
      <p>Share: <svg><title>Facebook icon</title></svg> <button>Copy link</button></p>
      <select><option>Choose a language</option></select></article>`);
    const result = extractArticle(doc, 'https://news.example/harbour');
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.text).toContain('first fishing boats');
    expect(result.article.text).not.toMatch(/Facebook icon|Copy link|Choose a language/);
  });
});

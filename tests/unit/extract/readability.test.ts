/**
 * @jest-environment node
 */
import { Readability } from '@mozilla/readability';
import { LecternReadability, OVERRIDDEN } from '../../../src/extract/readability';
import { pageDocument } from '../../helpers/dom';

type Probe = {
  _isProbablyVisible(node: Element): boolean;
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Element): boolean;
};

/** The original and the replacement, each on its own parser instance of the same document. */
function both(html: string): { doc: Document; original: Probe; ours: Probe } {
  const doc = pageDocument(html);
  return {
    doc,
    original: new Readability(doc) as unknown as Probe,
    ours: new LecternReadability(doc),
  };
}

const matchString = (el: Element) => `${el.className} ${el.id}`;

describe('LecternReadability', () => {
  it('replaces methods that the pinned Readability still has (an upgrade must not bypass them silently)', () => {
    const proto = Readability.prototype as unknown as Record<string, unknown>;
    for (const name of OVERRIDDEN) {
      expect(typeof proto[name]).toBe('function');
      expect(Object.prototype.hasOwnProperty.call(LecternReadability.prototype, name)).toBe(true);
    }
  });

  it('answers visibility like the original', () => {
    const { doc, original, ours } = both(`
      <p id="plain">text</p>
      <p id="styled" style="color: red; font-weight: bold">text</p>
      <p id="display-none" style="display:none">text</p>
      <p id="display-none-important" style="display: none !important">text</p>
      <p id="display-none-upper" style="DISPLAY: NONE">text</p>
      <p id="display-overridden" style="display: none; display: block">text</p>
      <p id="visibility-hidden" style="visibility: hidden">text</p>
      <p id="overflow-hidden" style="overflow: hidden">text</p>
      <p id="border-none" style="border: none">text</p>
      <p id="hidden-attr" hidden>text</p>
      <p id="aria-true" aria-hidden="true">text</p>
      <p id="aria-false" aria-hidden="false">text</p>
      <img id="fallback" class="mwe-math-fallback-image-inline" aria-hidden="true" src="/f.png">
      <svg id="svg-aria" aria-hidden="true"><path d="M0 0"/></svg>
      <svg id="svg-plain"><path d="M0 0"/></svg>`);
    const answers = Array.from(doc.body.querySelectorAll('[id]'), (el) => [el.id, ours._isProbablyVisible(el)]);
    const expected = Array.from(doc.body.querySelectorAll('[id]'), (el) => [el.id, !!original._isProbablyVisible(el)]);
    // (the original answers `undefined`, falsy, for an aria-hidden <svg>: its className is not a string)
    expect(answers).toEqual(expected);
    // The cases are not all alike: both answers occur.
    expect(Object.fromEntries(answers)).toMatchObject({
      plain: true, 'overflow-hidden': true, 'display-overridden': true, fallback: true, 'aria-false': true,
      'display-none': false, 'display-none-important': false, 'visibility-hidden': false, 'hidden-attr': false, 'aria-true': false, 'svg-aria': false,
    });
  });

  it('answers bylines like the original', () => {
    const { doc, original, ours } = both(`
      <a id="rel" rel="author" href="/a">Jane Doe</a>
      <span id="itemprop" itemprop="author">Jane Doe</span>
      <div id="class" class="post-byline">By Jane Doe</div>
      <div id="empty" class="byline"> </div>
      <div id="long" class="author">${'word '.repeat(30)}</div>
      <p id="unnamed">By Jane Doe</p>
      <div id="dateline-id">Paris, May 1</div>`);
    const answers = Array.from(doc.body.querySelectorAll('[id]'), (el) => [el.id, ours._isValidByline(el, matchString(el))]);
    const expected = Array.from(doc.body.querySelectorAll('[id]'), (el) => [el.id, original._isValidByline(el, matchString(el))]);
    expect(answers).toEqual(expected);
    expect(Object.fromEntries(answers)).toEqual({
      rel: true, itemprop: true, class: true, empty: false, long: false, unnamed: false, 'dateline-id': true,
    });
  });

  it('answers "element without content" like the original', () => {
    const { doc, original, ours } = both(`
      <div id="empty"></div>
      <div id="spaces"> \n\t\u00a0 </div>
      <div id="brs"><br><br><hr></div>
      <div id="br-and-span"><br><span> </span></div>
      <div id="image"><img src="/a.jpg"></div>
      <div id="comment"><!-- not text --></div>
      <section id="deep"><div><div><span> </span><b>word</b></div></div></section>
      <h2 id="heading">Title</h2>
      <header id="nbsp-only">&nbsp;</header>`);
    const answers = Array.from(doc.body.querySelectorAll('[id]'), (el) => [el.id, ours._isElementWithoutContent(el)]);
    const expected = Array.from(doc.body.querySelectorAll('[id]'), (el) => [el.id, original._isElementWithoutContent(el)]);
    expect(answers).toEqual(expected);
    expect(Object.fromEntries(answers)).toEqual({
      empty: true, spaces: true, brs: true, 'br-and-span': false, image: false, comment: true, deep: false, heading: false, 'nbsp-only': true,
    });
  });

  it('parses a page to the same article as the original', () => {
    const html = `<head><title>Harbour reopens</title></head><body>
      <div class="byline">By Jane Doe</div><div style="display:none"><p>Hidden promo text.</p></div>
      <article>${'<p>The harbour reopened on Monday after a week of repairs, and the first boats came in at dawn. '.repeat(8)}</p></article></body>`;
    const ours = new LecternReadability(pageDocument(html)).parse();
    const original = new Readability(pageDocument(html)).parse();
    expect(ours).toEqual(original);
    expect(ours?.byline).toBe('By Jane Doe');
    expect(ours?.textContent).not.toContain('Hidden promo');
  });

  it('restores the page between attempts like the original', () => {
    // The story sits in a block whose class Readability's first attempt strips as unlikely: only the
    // retry on the restored page finds it.
    const html = `<body><div class="comment-sidebar">${'<p>The harbour reopened on Monday after a week of repairs, and the first boats came in. </p>'.repeat(8)}</div>
      <div class="footer"><p>Short footer.</p></div></body>`;
    const doc = pageDocument(html);
    const reference = pageDocument(html);
    const ours = new LecternReadability(doc).parse();
    expect(ours).toEqual(new Readability(reference).parse());
    expect(ours?.textContent).toContain('first boats came in');
    // What is left of the page is the same.
    expect(doc.body.innerHTML).toBe(reference.body.innerHTML);
  });

  it('falls back to its longest attempt on a short page, and leaves the page restored, like the original', () => {
    const html = '<body><nav><a href="/a">Home</a> <a href="/b">News</a></nav><p>Too short.</p></body>';
    const doc = pageDocument(html);
    const reference = pageDocument(html);
    expect(new LecternReadability(doc).parse()).toEqual(new Readability(reference).parse());
    expect(doc.body.innerHTML).toBe(reference.body.innerHTML);
    expect(doc.body.textContent).toContain('Too short.');
  });
});

/**
 * @jest-environment node
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { installOffscreen } from '../../helpers/fake-browser';
import { paragraphs } from '../../helpers/dom';
import { extractHtml } from '../../../src/background/extract-html';

// Chrome: the worker has no DOMParser (none is installed here); only the offscreen document has one.
// Its documents have the extension page's URL, as in Chrome: without a <base>, links would resolve against it.
const offscreenWindow = new JSDOM('', { url: 'chrome-extension://lectern-test-id/offscreen.html', virtualConsole: new VirtualConsole() }).window;
const offscreen = installOffscreen(() => {
  // The offscreen document's global scope has a DOM; its script registers the listener.
  Object.assign(globalThis, { DOMParser: offscreenWindow.DOMParser });
  jest.requireActual('../../../src/offscreen/offscreen');
});

const html = `<html lang="en"><head><title>Through the offscreen document</title></head><body><article>
<h1>Through the offscreen document</h1>${paragraphs(6)}<p><a href="../other.html">Other</a> <img src="pic.jpg" alt="p"></p></article></body></html>`;

describe('extraction in Chrome (offscreen document)', () => {
  it('creates one offscreen document for concurrent extractions and resolves links against the page', async () => {
    expect(typeof (globalThis as { DOMParser?: unknown }).DOMParser).toBe('undefined');
    const [a, b] = await Promise.all([
      extractHtml(html, 'https://news.example/2024/a/story.html'),
      extractHtml(html, 'https://news.example/2024/b/story.html'),
    ]);
    expect(offscreen.url).toBe('offscreen.html');
    expect(a.ok && a.article.title).toBe('Through the offscreen document');
    expect(a.ok && a.article.content).toContain('https://news.example/2024/other.html');
    expect(b.ok && b.article.content).toContain('https://news.example/2024/b/pic.jpg');
  });
});

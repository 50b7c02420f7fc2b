// Extraction tests run in jest's node environment (docblock) so that each page gets its own jsdom at its own URL.
import { JSDOM, VirtualConsole } from 'jsdom';

/** A standalone document for `html` at `url`, as the content script's clone of the live page would be. */
export function pageDocument(html: string, url = 'https://news.example/2024/story.html'): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

export { paragraphs } from './dom-parser';

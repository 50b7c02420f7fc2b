import { strFromU8, unzipSync } from 'fflate';
import { buildEpub } from '../../../src/export/epub';
import { articleToHtml } from '../../../src/export/html';
import { articleToMarkdown } from '../../../src/export/markdown';
import { HOSTILE_CASES } from '../../fixtures/hostile/cases';
import { sampleRecord } from './sample-article';

const ACTIVE_TAGS = 'script, iframe, frame, object, embed, svg, math, form, input, button, base, link, style, template, noscript';
const BAD_SCHEME = /^\s*(javascript|vbscript|data:text|file):/i;

/** What in a parsed document could run code or leave the page: elements, handlers, script URLs. */
function activeParts(root: Element): string[] {
  const found = Array.from(root.querySelectorAll(ACTIVE_TAGS), (el) => `<${el.nodeName}>`);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${el.nodeName}@${attr.name}`);
      if (['href', 'src', 'srcset', 'action', 'formaction', 'poster'].includes(attr.name) && BAD_SCHEME.test(attr.value)) found.push(`${el.nodeName}@${attr.name}=${attr.value}`);
    }
  }
  return found;
}

describe.each(HOSTILE_CASES)('exporting hostile content: $name', ({ html, mustKeepText }) => {
  const record = sampleRecord({ content: html, url: 'https://hostile.example/post' });

  it('Markdown has no live HTML and no script links, and keeps the article text', () => {
    const markdown = articleToMarkdown(record);
    // Markdown viewers render inline HTML: every tag in the output must be one the sanitizer let through.
    const rendered = new DOMParser().parseFromString(markdown, 'text/html');
    expect(activeParts(rendered.body)).toEqual([]);
    expect(markdown).not.toMatch(/\]\(\s*(javascript|vbscript|data:text)/i);
    for (const text of mustKeepText ?? []) expect(markdown).toContain(text);
  });

  it('HTML body has nothing active', () => {
    const doc = new DOMParser().parseFromString(articleToHtml(record), 'text/html');
    expect(activeParts(doc.body)).toEqual([]);
    expect(doc.head.querySelectorAll('script, link, base')).toHaveLength(0);
  });

  it('the EPUB chapter is well-formed XML with nothing active', async () => {
    const files = unzipSync(await buildEpub([record], { identifier: 'urn:uuid:1', modified: new Date('2024-01-01T00:00:00Z') }));
    const doc = new DOMParser().parseFromString(strFromU8(files['OEBPS/chapter-0001.xhtml']!), 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(activeParts(doc.getElementsByTagName('body')[0]!)).toEqual([]);
    for (const text of mustKeepText ?? []) expect(doc.documentElement.textContent).toContain(text);
  });
});

it('escapes "<" in Markdown text so a described tag stays text', () => {
  const markdown = articleToMarkdown(sampleRecord({ content: '<p>&lt;img src=x onerror=alert(1)&gt; and 1 &lt; 2</p>' }));
  expect(markdown).toContain('\\<img src=x onerror=alert(1)> and 1 \\< 2');
});

/**
 * Link titles and image alt/title text come from the page: whatever they hold, the exported Markdown must
 * render (here with markdown-it, html enabled like most note apps) to text, never to live HTML.
 */
import MarkdownIt from 'markdown-it';
import { htmlToMarkdown } from '../../../src/export/markdown';

const base = 'https://news.example/a/';
const markdownIt = new MarkdownIt({ html: true });
const PAYLOAD = '<img src=x onerror=alert(1)>';

/** The article HTML → Markdown → HTML again, parsed, as a viewer would show it. */
function rendered(html: string): HTMLElement {
  const out = document.createElement('div');
  out.innerHTML = markdownIt.render(htmlToMarkdown(html, base));
  return out;
}

/** Every element and attribute name in `root`: none of them may come from the payload. */
function liveMarkup(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('*')).flatMap((el) => [el.nodeName, ...Array.from(el.attributes, (a) => `${el.nodeName}@${a.name}`)]);
}

const HOSTILE_CASES: Array<[string, string]> = [
  ['a link title ending in a backslash', `<p><a href="https://x.example/" title="${PAYLOAD.replace(/</g, '&lt;')}\\">link</a> after</p>`],
  ['a link title with quotes and a backslash', `<p><a href="https://x.example/" title='a \\" b\\\\" ${PAYLOAD.replace(/</g, '&lt;')}\\'>link</a></p>`],
  ['an image title ending in a backslash', `<p><img src="pic.png" alt="pic" title="${PAYLOAD.replace(/</g, '&lt;')}\\"> after</p>`],
  ['an image alt that closes the brackets', `<p><img src="pic.png" alt="](x) ${PAYLOAD.replace(/</g, '&lt;')} [\\"> after</p>`],
  ['an image alt ending in a backslash', `<p><img src="pic.png" alt="${PAYLOAD.replace(/</g, '&lt;')}\\" title="t"> after</p>`],
];

describe('Markdown export of page-controlled attributes', () => {
  it.each(HOSTILE_CASES)('%s renders no HTML of its own', (_, html) => {
    const root = rendered(html);
    const markup = liveMarkup(root);
    expect(markup).not.toContain('IMG@onerror');
    expect(markup.filter((m) => m.startsWith('IMG')).every((m) => !m.includes('onerror'))).toBe(true);
    // The only image left is the article's own picture, at its absolute address.
    for (const img of Array.from(root.querySelectorAll('img'))) expect(img.getAttribute('src')).toBe('https://news.example/a/pic.png');
  });

  it('keeps link titles, image alt and image titles exactly, backslashes included', () => {
    const root = rendered('<p><a href="https://x.example/" title="ends in \\ and &quot;q&quot; \\">link</a> <img src="pic.png" alt="a [b] *c* \\ <d>" title="t \\"></p>');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://x.example/');
    expect(link.getAttribute('title')).toBe('ends in \\ and "q" \\');
    expect(link.textContent).toBe('link');
    const img = root.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('a [b] *c* \\ <d>');
    expect(img.getAttribute('title')).toBe('t \\');
  });
});

/**
 * One article as a Markdown file with YAML front matter. Needs a DOM (an extension page):
 * the HTML is sanitized first, and only the sanitized DOM is converted.
 */
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { sanitizeToFragment } from '../sanitize/sanitize';
import type { Exportable } from './types';
import { frontMatter } from './yaml';

/** The Markdown file for `article`: front matter, a title heading, then the body. */
export function articleToMarkdown(article: Exportable): string {
  const service = markdownService();
  const meta = frontMatter({
    title: article.title,
    author: article.byline,
    site: article.siteName,
    url: article.url,
    published: article.publishedTime,
    saved: article.savedAt,
    tags: article.tags?.length ? article.tags : undefined,
  });
  const heading = article.title.trim() ? `# ${service.escape(article.title.replace(/\s+/g, ' ').trim())}\n\n` : '';
  return `${meta}\n${heading}${htmlToMarkdown(article.content, article.url, service)}\n`;
}

/** Sanitized `html` (relative URLs against `baseUrl`) as Markdown. */
export function htmlToMarkdown(html: string, baseUrl: string, service = markdownService()): string {
  const fragment = sanitizeToFragment(html, baseUrl);
  prepareCode(fragment);
  return service.turndown(fragment);
}

function markdownService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    hr: '---',
  });
  service.use(gfm);
  // Article text that reads "<img src=x onerror=…>" would become live HTML in Markdown viewers that
  // render inline HTML: escape every "<" in text (CommonMark's backslash escape keeps it literal).
  const escape = service.escape.bind(service);
  service.escape = (text: string) => escape(text).replace(/</g, '\\<');
  escapeAttributes(service);
  return service;
}

/**
 * Turndown escapes only `"` in link and image titles, so a title ending in `\` escapes its own closing
 * quote: the link falls apart and whatever the title held (`<img src=x onerror=…>`) is read as inline
 * HTML. Titles escape `\` too, and alt text (already Markdown-escaped) escapes `<`.
 */
function escapeAttributes(service: TurndownService): void {
  const oneLine = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  const title = (el: HTMLElement) => {
    const text = oneLine(el.getAttribute('title'));
    return text ? ` "${text.replace(/[\\"]/g, '\\$&')}"` : '';
  };
  const destination = (url: string) => {
    const escaped = url.replace(/[<>()\\]/g, '\\$&');
    return /\s/.test(escaped) ? `<${escaped}>` : escaped;
  };
  service.addRule('inlineLinkWithSafeTitle', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => `[${content}](${destination(node.getAttribute('href')!)}${title(node)})`,
  });
  service.addRule('imageWithSafeText', {
    filter: 'img',
    replacement: (_, img) => {
      const src = img.getAttribute('src');
      if (!src) return '';
      return `![${service.escape(oneLine(img.getAttribute('alt')))}](${destination(src)}${title(img)})`;
    },
  });
}

/**
 * Turndown fences only `<pre><code>` and reads the language from the code element. Pages often
 * put `language-x` on the `<pre>`, or have no `<code>` at all: move both into the expected shape.
 */
function prepareCode(root: DocumentFragment): void {
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    let code = pre.firstElementChild?.nodeName === 'CODE' && pre.childNodes.length === 1 ? pre.firstElementChild : null;
    if (!code) {
      code = pre.ownerDocument.createElement('code');
      code.textContent = pre.textContent;
      pre.replaceChildren(code);
    }
    const language = pre.className.match(/language-[\w+#.-]+/);
    if (language && !/language-/.test(code.className)) code.classList.add(language[0]);
  }
}

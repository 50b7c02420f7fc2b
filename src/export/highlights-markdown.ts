/**
 * Highlights as Markdown, the form Obsidian users keep them in: each quote a blockquote, its note the
 * paragraph after it. Used after the front matter of one article's Markdown, and for the library-wide
 * "highlights only" file (one section per article). Needs a DOM (the order comes from the rendered text).
 */
import TurndownService from 'turndown';
import { sanitizeToFragment } from '../sanitize/sanitize';
import type { Highlight } from '../shared/highlight';
import { inReadingOrder } from './highlights-marks';
import type { Exportable } from './types';
import { frontMatter } from './yaml';

const markdownEscape = (() => {
  const service = new TurndownService();
  // As in markdown.ts: "<" in page text must not become live HTML in viewers that render inline HTML.
  return (text: string) => service.escape(text).replace(/</g, '\\<');
})();

/** One highlight: the quote, line by line, as a blockquote; then its note, if any. */
function highlightBlock(h: Highlight): string {
  // No-break spaces (pages write them between words) are plain spaces in a text file.
  const quote = h.quote.exact.replace(/\u00a0/g, ' ').trim().split(/\r?\n/).map((line) => (line.trim() ? `> ${markdownEscape(line.trim())}` : '>')).join('\n');
  const note = h.note.trim();
  return note ? `${quote}\n\n${note.split(/\r?\n/).map((line) => markdownEscape(line)).join('\n')}\n` : `${quote}\n`;
}

/** The article's highlights in reading order as Markdown blocks; '' when it has none. */
export function highlightsMarkdown(article: Exportable): string {
  if (!article.highlights?.length) return '';
  const ordered = inReadingOrder(sanitizeToFragment(article.content, article.url), article.highlights);
  return `${ordered.map(highlightBlock).join('\n')}\n`;
}

/** An article heading: the title as a link to the page when it is a web address. */
function sectionHeading(article: Exportable): string {
  const title = markdownEscape(article.title.replace(/\s+/g, ' ').trim() || article.url);
  return /^https?:\/\//i.test(article.url) ? `## [${title}](<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : `## ${title}`;
}

/** Every article with highlights, one section each (heading, source, the highlights), under front matter. */
export function highlightsOnlyMarkdown(articles: readonly Exportable[], title: string, now = new Date()): string {
  const sections = articles.filter((a) => a.highlights?.length).map((a) => {
    const source = [a.byline, a.siteName].filter(Boolean).map((s) => markdownEscape(String(s))).join(' · ');
    return `${sectionHeading(a)}\n\n${source ? `${source}\n\n` : ''}${highlightsMarkdown(a)}`;
  });
  return `${frontMatter({ title, exported: now.toISOString() })}\n# ${markdownEscape(title)}\n\n${sections.join('\n')}`;
}

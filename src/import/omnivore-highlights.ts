/**
 * Omnivore's `highlights/<slug>.md`, as its exporter writes it (highlightToMarkdown in
 * packages/api/src/utils/parser.ts): highlights joined by a blank line, each `> quote ` (the blank
 * lines of a multi-paragraph quote become `> `, so a quote is one block), then `#label …` and the
 * note as paragraphs of their own. A page note (no quote) has nothing to anchor: it is kept as the
 * note of the highlight before it, or dropped when there is none.
 */
import type { ImportedHighlight } from './types';

export function parseOmnivoreHighlights(markdown: string): ImportedHighlight[] {
  const highlights: ImportedHighlight[] = [];
  for (const block of markdown.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const text = block.trim();
    const last = highlights[highlights.length - 1];
    if (text.startsWith('>')) {
      const quote = text.split('\n').map((line) => line.replace(/^> ?/, '')).join('\n').trim();
      if (quote) highlights.push({ quote });
      continue;
    }
    if (!text || !last || /^(#\S+\s*)+$/.test(text)) continue; // labels are Omnivore's, not the user's note
    last.note = last.note ? `${last.note}\n\n${text}` : text;
  }
  return highlights;
}

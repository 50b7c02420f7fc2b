import type { TextPosition, TextQuote } from '../shared/highlight';
import { articleText, offsetsOfRange, type TextRoot } from './text-model';

/** How much context is kept either side of a quote to tell repeats apart (Hypothesis keeps 32). */
const CONTEXT_LENGTH = 32;

/** The W3C selectors for characters [start, end) of `text`. */
function selectorsAt(text: string, start: number, end: number): { quote: TextQuote; position: TextPosition } {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { start, end },
  };
}

/**
 * The selectors for what the reader selected, trimmed of white space at either end (a triple-click
 * selects the paragraph break too); null when the range holds no text of the article.
 */
export function describeRange(root: TextRoot, range: Range): { quote: TextQuote; position: TextPosition } | null {
  const offsets = offsetsOfRange(root, range);
  if (!offsets) return null;
  const text = articleText(root);
  let { start, end } = offsets;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? selectorsAt(text, start, end) : null;
}

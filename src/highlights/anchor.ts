import type { Highlight } from '../shared/highlight';
import { matchQuote } from './match-quote';

/** Where a highlight lies in the article's text now, or that it could not be placed. */
type Anchor = { start: number; end: number; how: 'position' | 'quote' } | null;

/**
 * Place a highlight in `text` (see text-model.ts): the stored position first, if the text there is
 * still the quote; else the quote, fuzzily, with its prefix and suffix and the old position as hints.
 * Imported highlights have only the quote (prefix and suffix '', position null): they are found by it.
 */
export function anchorIn(text: string, h: Pick<Highlight, 'quote' | 'position'>): Anchor {
  const { quote, position } = h;
  if (position && position.end <= text.length && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, how: 'position' };
  }
  const match = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start });
  return match ? { start: match.start, end: match.end, how: 'quote' } : null;
}

export interface Placed<T> { highlight: T; anchor: Anchor }

/** Every highlight with its anchor, in reading order; the ones that could not be placed last, as stored. */
export function placeAll<T extends Pick<Highlight, 'quote' | 'position'>>(text: string, highlights: readonly T[]): Placed<T>[] {
  const placed = highlights.map((highlight) => ({ highlight, anchor: anchorIn(text, highlight) }));
  const at = (p: Placed<T>) => p.anchor?.start ?? Number.POSITIVE_INFINITY;
  return placed.sort((a, b) => at(a) - at(b));
}

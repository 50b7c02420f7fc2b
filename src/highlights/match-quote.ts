import search from 'approx-string-match';

/**
 * Find a quote in a text that may have changed since the quote was taken, the way Hypothesis does
 * (client/src/annotator/anchoring/match-quote.ts): every exact occurrence, or else the best
 * approximate ones (Myers' bit-parallel algorithm from `approx-string-match`, up to half the quote's
 * length in edits), each scored on how well the quote, the prefix and the suffix match and how near it
 * lies to where it used to be. The best score wins.
 */
interface QuoteMatch { start: number; end: number; score: number }

interface Candidate { start: number; end: number; errors: number }

/** Edits allowed: half the quote, capped so a very long quote stays fast. */
const maxErrorsFor = (quote: string) => Math.min(256, Math.floor(quote.length / 2));

function candidates(text: string, pattern: string, maxErrors: number): Candidate[] {
  const exact: Candidate[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) exact.push({ start: at, end: at + pattern.length, errors: 0 });
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

/** 1 when `pattern` occurs in `text` exactly, falling towards 0 with the edits needed. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const best = candidates(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
const MIN_SCORE = 0.5;

interface QuoteContext { prefix?: string; suffix?: string; /** Where the quote used to start. */ hint?: number }

export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0) return null;
  const score = (m: Candidate) => {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / Math.max(1, text.length);
    return (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore) / TOTAL;
  };
  let best: QuoteMatch | null = null;
  for (const m of candidates(text, quote, maxErrorsFor(quote))) {
    const s = score(m);
    if (!best || s > best.score) best = { start: m.start, end: m.end, score: s };
  }
  // Half the quote edited and neither neighbour recognisable: some other text, not the highlight moved.
  return best && best.score >= MIN_SCORE ? best : null;
}

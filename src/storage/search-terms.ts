import { hostOf } from '../shared/format';
import { FIELD_WEIGHTS, nextBit, prevBit, terms, type SearchField } from '../shared/search-options';
import type { SavedArticle } from './schema';

/**
 * An article as the index sees it: each word's weighted frequency (BM25F), the signature of the words next to
 * it (search-options.ts `nextBit`/`prevBit`, within one field: a phrase does not run from the title into the
 * body), and the length in words.
 */
export interface IndexedTerms { tf: Map<string, number>; sig: Map<string, number>; len: number }

/**
 * The texts of the article's highlights: quote and note of each. Read defensively: the records carry
 * `highlights?: Highlight[]` (src/shared/highlight.ts), and a malformed one must not stop a save.
 */
function highlightTexts(article: SavedArticle): string[] {
  const highlights = (article as { highlights?: unknown }).highlights;
  if (!Array.isArray(highlights)) return [];
  return highlights.flatMap((h: unknown) => {
    if (typeof h !== 'object' || h === null) return [];
    const { quote, note } = h as { quote?: { exact?: unknown }; note?: unknown };
    return [quote?.exact, note].filter((s): s is string => typeof s === 'string');
  });
}

/** The text of each field the library searches. */
export function searchFields(article: SavedArticle): Array<[SearchField, string]> {
  return [
    ['title', article.title],
    ['byline', article.byline ?? ''],
    ['site', `${article.siteName ?? ''} ${hostOf(article.url)}`],
    ['tags', article.tags.join(' ')],
    ...highlightTexts(article).map((text): [SearchField, string] => ['notes', text]),
    ['body', article.text],
  ];
}

export function indexedTerms(article: SavedArticle): IndexedTerms {
  const tf = new Map<string, number>();
  const sig = new Map<string, number>();
  const bits = new Map<string, [number, number]>(); // word → [nextBit, prevBit], hashed once per article
  const bitsOf = (term: string) => {
    let b = bits.get(term);
    if (!b) bits.set(term, (b = [nextBit(term), prevBit(term)]));
    return b;
  };
  let len = 0;
  for (const [field, text] of searchFields(article)) {
    const weight = FIELD_WEIGHTS[field];
    let prev: string | null = null;
    for (const term of terms(text)) {
      tf.set(term, (tf.get(term) ?? 0) + weight);
      if (!sig.has(term)) sig.set(term, 0);
      if (prev !== null) {
        sig.set(prev, (sig.get(prev) ?? 0) | bitsOf(term)[0]);
        sig.set(term, (sig.get(term) ?? 0) | bitsOf(prev)[1]);
      }
      prev = term;
      len++;
    }
  }
  return { tf, sig, len };
}

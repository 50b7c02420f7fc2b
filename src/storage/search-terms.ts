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
  // One entry per distinct word, its neighbour bits hashed once: a token costs one Map lookup.
  const words = new Map<string, { tf: number; sig: number; next: number; prev: number }>();
  let len = 0;
  for (const [field, text] of searchFields(article)) {
    const weight = FIELD_WEIGHTS[field];
    let before: { sig: number; prev: number } | null = null;
    for (const term of terms(text)) {
      let word = words.get(term);
      if (!word) words.set(term, (word = { tf: 0, sig: 0, next: nextBit(term), prev: prevBit(term) }));
      word.tf += weight;
      if (before) {
        before.sig |= word.next;
        word.sig |= before.prev;
      }
      before = word;
      len++;
    }
  }
  const tf = new Map<string, number>();
  const sig = new Map<string, number>();
  for (const [term, word] of words) {
    tf.set(term, word.tf);
    sig.set(term, word.sig >>> 0);
  }
  return { tf, sig, len };
}

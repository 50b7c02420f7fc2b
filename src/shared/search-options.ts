/**
 * How Lectern's full-text search reads text, shared by the writer (src/storage/search-write.ts builds the
 * index) and the readers (the popup's queries and snippets), so both cut and fold words the same way.
 */

/** A search field and how much a word in it counts against a word of the body (BM25F-style field weights). */
export const FIELD_WEIGHTS = { title: 3, byline: 2, site: 2, tags: 2, notes: 2, body: 1 } as const;
export type SearchField = keyof typeof FIELD_WEIGHTS;

/** BM25 parameters (the common defaults, as in Lucene and SQLite FTS5). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** The last word of a query is also matched as the start of longer words from this many letters on. */
const PREFIX_FROM = 2;

/** Words longer than this are not indexed (base64 runs, hashes): they would only bloat the index. */
const MAX_TERM_LENGTH = 40;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Case and accents folded away: "Fähre" and "FAHRE" are both "fahre". */
export const fold = (text: string): string => text.normalize('NFD').replace(MARKS, '').toLowerCase();

/** The searchable words of a text, folded, in order. */
export function terms(text: string): string[] {
  return (fold(text).match(WORD) ?? []).filter((w) => w.length <= MAX_TERM_LENGTH);
}

/** A word's 32-bit FNV-1a hash: picks the bits it sets in its neighbours' signatures. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
/**
 * The index keeps, per word and article, a 32-bit signature of the words next to it (search-terms.ts):
 * `nextBit(w)` is set where `w` follows it somewhere, `prevBit(w)` where `w` comes right before it. A phrase
 * "a b" is only possible where a's signature has nextBit(b) and b's has prevBit(a): most candidates of a phrase
 * are dropped from the index alone, before any text is read. A set bit may be another word's (a hash).
 */
export const nextBit = (word: string): number => 1 << (wordHash(word) & 31);
export const prevBit = (word: string): number => 1 << ((wordHash(word) >>> 5) & 31);

/** One part of a query: a word (the last one may be a prefix) or a quoted phrase of several words. */
export type QueryPart = { kind: 'word'; term: string; prefix: boolean } | { kind: 'phrase'; terms: string[] };

/**
 * A typed query as its parts: `"…"` is a phrase, every other word stands alone. All parts are required.
 * While a quote is still open its words count as single words (a phrase is checked once it is closed:
 * that costs reading its candidates' text). The last word is a prefix unless a space or quote follows it.
 */
export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const chunks = query.split('"');
  chunks.forEach((chunk, i) => {
    const words = terms(chunk);
    const closed = i < chunks.length - 1;
    if (i % 2 === 1 && closed && words.length > 1) parts.push({ kind: 'phrase', terms: words });
    else for (const term of words) parts.push({ kind: 'word', term, prefix: false });
  });
  const last = parts.at(-1);
  const open = !/[\s"]$/.test(query);
  if (last?.kind === 'word' && open && last.term.length >= PREFIX_FROM) last.prefix = true;
  return parts;
}

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

const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\u0000-\u007f]/; // eslint-disable-line no-control-regex -- the ASCII range, by definition
/** A letter or a digit: what words are made of (outside ASCII; ASCII goes by the table below). */
const WORD_CHAR = /^[\p{L}\p{N}]+$/u;
const ASCII_WORD_CHAR = new Uint8Array(128).map((_, c) => Number((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)));

/** Case and accents folded away: "Fähre" and "FAHRE" are both "fahre". */
export const fold = (text: string): string => text.normalize('NFD').replace(MARKS, '').toLowerCase();

/**
 * The searchable words of a text, folded, in order: the runs of letters and digits (`/[\p{L}\p{N}]+/u`) of
 * the folded text, at most MAX_TERM_LENGTH long. Read character by character with a table for ASCII: the
 * Unicode-class regex was most of the cost of indexing an article (Firefox: 2.2 of 3.0 ms per 25 KB
 * article), and text without any non-ASCII character skips the accent folding. tests/unit/shared/
 * search-terms.test.ts holds the regex definition and checks this against it.
 */
export function terms(text: string): string[] {
  const folded = NON_ASCII.test(text) ? fold(text) : text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0, n = folded.length; i <= n; i++) {
    const c = i < n ? folded.charCodeAt(i) : 32;
    // A pair of surrogates is one character: tested together, kept together.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    if (c < 128 ? ASCII_WORD_CHAR[c] === 1 : WORD_CHAR.test(folded.slice(i, i + width))) {
      if (start < 0) start = i;
      i += width - 1;
    } else if (start >= 0) {
      if (i - start <= MAX_TERM_LENGTH) words.push(folded.slice(start, i));
      start = -1;
    }
  }
  return words;
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

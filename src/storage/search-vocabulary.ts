import { done } from './search-db';

/**
 * The index's vocabulary, in the `meta` store: what a prefix reads to choose the words it stands for, kept
 * by the writer inside its transaction (search-write.ts, search-rebuild.ts).
 * - ['w', term] → in how many buckets the term has a block (its spread: the prefix's most common words first).
 * - ['p', prefix] → a summary of each one- and two-letter prefix: its SUMMARY_SIZE most widespread words with
 *   their counts. A short prefix reads this one record instead of its thousands of words: "t" stands for
 *   ~8,000 words at 10,000 articles, and reading its vocabulary was most of a one-letter keystroke (17–20 ms
 *   of 43–70 ms for `t`, `d`, `tu`, `lo`, BENCHMARKS.md). A longer prefix reads its words' counts.
 */
const TERM = 'w';
const SUMMARY = 'p';
/** The words kept per short prefix: a query uses at most 24 of them (search-query.ts). */
export const SUMMARY_SIZE = 64;
/** Prefixes of up to this many characters have a summary. */
const SUMMARY_CHARS = 2;
/** Words read at most for a longer prefix: bounds its cost (their counts are small records). */
const PREFIX_SCAN = 4096;

/** A prefix's words and their counts; `complete` when no word of the prefix is left out. */
export interface PrefixWords { terms: Array<[string, number]>; complete: boolean }

const termKey = (term: string) => [TERM, term];
const prefixRange = (prefix: string) => IDBKeyRange.bound([TERM, prefix], [TERM, `${prefix}\uffff`], false, true);
const summaryKey = (prefix: string) => [SUMMARY, prefix];

/** The prefixes of a term that have a summary: its first character, and its first two. */
export function shortPrefixes(term: string): string[] {
  const chars = Array.from(term);
  const out: string[] = [];
  for (let n = 1; n <= Math.min(SUMMARY_CHARS, chars.length); n++) out.push(chars.slice(0, n).join(''));
  return out;
}

/** Most widespread first; then shorter, then in alphabetical order (a stable order for equal counts). */
const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** A stored summary, or an empty complete one (no word of the prefix yet). */
function parseSummary(value: unknown): PrefixWords {
  const v = value as Partial<PrefixWords> | undefined;
  if (!v || !Array.isArray(v.terms)) return { terms: [], complete: true };
  const terms = v.terms.filter((t): t is [string, number] => Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'number');
  return { terms, complete: v.complete !== false };
}

/**
 * A summary with some words' new counts (0: the word is gone). It keeps the SUMMARY_SIZE most widespread;
 * once a word has been left out it is no longer complete. A word whose count falls may rank below one left
 * out earlier: the summary is then only close to the true top, until the next rebuild makes it exact. It
 * chooses which words a short prefix reads, never which articles match them.
 */
export function mergeSummary(summary: PrefixWords, changes: Array<[string, number]>): PrefixWords {
  const counts = new Map(summary.terms);
  for (const [term, count] of changes) {
    if (count > 0) counts.set(term, count);
    else counts.delete(term);
  }
  const terms = [...counts].sort(byCount);
  return { terms: terms.slice(0, SUMMARY_SIZE), complete: summary.complete && terms.length <= SUMMARY_SIZE };
}

/**
 * Keep the vocabulary with the blocks, inside the writer's transaction: each term's count goes up by one per
 * block created and down by one per block deleted (a fresh term counts from 0), and the summaries of the
 * terms' short prefixes take the new counts. Reads one small record per changed term and per prefix.
 */
export async function changeVocabulary(meta: IDBObjectStore, created: Array<[string, number]>, deleted: Array<[string, number]> = []): Promise<void> {
  const delta = new Map<string, number>();
  for (const [term] of created) delta.set(term, (delta.get(term) ?? 0) + 1);
  for (const [term] of deleted) delta.set(term, (delta.get(term) ?? 0) - 1);
  const terms = [...delta.keys()];
  const before = await Promise.all(terms.map((term) => done(meta.get(termKey(term)))));
  const byPrefix = new Map<string, Array<[string, number]>>();
  terms.forEach((term, i) => {
    const was: unknown = before[i];
    const count = Math.max(0, (typeof was === 'number' ? was : 0) + (delta.get(term) ?? 0));
    if (count > 0) meta.put(count, termKey(term));
    else meta.delete(termKey(term));
    for (const prefix of shortPrefixes(term)) {
      let list = byPrefix.get(prefix);
      if (!list) byPrefix.set(prefix, (list = []));
      list.push([term, count]);
    }
  });
  const prefixes = [...byPrefix.keys()];
  const summaries: unknown[] = await Promise.all(prefixes.map((prefix) => done(meta.get(summaryKey(prefix)))));
  await Promise.all(prefixes.map(async (prefix, i) => {
    let summary = mergeSummary(parseSummary(summaries[i]), byPrefix.get(prefix) ?? []);
    // Words gone from a summary that had left some out (deletes in a small library): read the prefix's
    // counts again (the puts above are visible in this transaction) rather than keep fewer than it could.
    if (!summary.complete && summary.terms.length < SUMMARY_SIZE) summary = mergeSummary({ terms: [], complete: true }, (await scanPrefix(meta, prefix)).terms);
    meta.put(summary, summaryKey(prefix));
  }));
}

/**
 * The words `prefix` stands for, with their counts: a one- or two-letter prefix from its summary (and the
 * typed word itself, which a summary of common words may leave out), a longer one from its words' counts.
 */
export async function prefixWords(meta: IDBObjectStore, prefix: string): Promise<PrefixWords> {
  if (Array.from(prefix).length <= SUMMARY_CHARS) {
    const [summary, exact] = (await Promise.all([done(meta.get(summaryKey(prefix))), done(meta.get(termKey(prefix)))])) as [unknown, unknown];
    const words = parseSummary(summary);
    if (typeof exact === 'number' && !words.terms.some(([term]) => term === prefix)) words.terms.push([prefix, exact]);
    return words;
  }
  return scanPrefix(meta, prefix);
}

/** A prefix's words with their counts, read from the counts themselves (at most PREFIX_SCAN of them). */
async function scanPrefix(meta: IDBObjectStore, prefix: string): Promise<PrefixWords> {
  const range = prefixRange(prefix);
  const [keys, counts] = (await Promise.all([done(meta.getAllKeys(range, PREFIX_SCAN)), done(meta.getAll(range, PREFIX_SCAN))])) as [IDBValidKey[], unknown[]];
  const terms: Array<[string, number]> = [];
  keys.forEach((key, i) => {
    const term = Array.isArray(key) ? key[1] : undefined;
    const count: unknown = counts[i];
    if (typeof term === 'string' && typeof count === 'number') terms.push([term, count]);
  });
  return { terms, complete: keys.length < PREFIX_SCAN };
}

/** Every stored term count, for checks against the blocks (tests, repairs). */
export async function termCounts(meta: IDBObjectStore): Promise<Map<string, number>> {
  const range = IDBKeyRange.bound([TERM], [TERM, '\uffff']);
  const [keys, counts] = (await Promise.all([done(meta.getAllKeys(range)), done(meta.getAll(range))])) as [IDBValidKey[], unknown[]];
  return new Map(keys.map((key, i): [string, number] => [String((key as unknown[])[1]), Number(counts[i])]));
}

/** The stored summary of a short prefix. */
export async function readSummary(meta: IDBObjectStore, prefix: string): Promise<PrefixWords> {
  return parseSummary(await done(meta.get(summaryKey(prefix))));
}

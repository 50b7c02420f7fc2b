import { BM25_B, BM25_K1 } from '../shared/search-options';
import { BlockCache } from './search-cache';
import { BLOCKS, blockPostings, BUCKET_SIZE, done, IDS, META, openSearchDb, parseIds, POSTING, readStats } from './search-db';
import { prefixWords } from './search-vocabulary';

/** At most this many words a prefix stands for (the exact word first, then the most frequent). */
const MAX_EXPANSIONS = 24;
/**
 * And at most this many blocks for all of them (a block holds up to BUCKET_SIZE postings): "th" stands
 * for "the", "that", "this"… each in nearly every article. The typed word itself is always read whole.
 */
const PREFIX_BLOCK_BUDGET = 48;

/**
 * One query word's matches: the BM25 score of that word by article number (search-db.ts; 0 where it does
 * not match; one typed array, far faster to fill and look up than a Map), and the numbers that match. For a
 * whole word (not a prefix), also its neighbours' signature by article number (search-options.ts `nextBit`).
 */
export interface WordScores { score: Float64Array; nums: number[]; sig?: Uint32Array }
const noMatches = (): WordScores => ({ score: new Float64Array(0), nums: [] });
/**
 * The words each typed prefix stands for, with the number of buckets each is in, kept by the caller for
 * one open library: "gover" is chosen from what "gove" read when that was complete, without a read.
 */
export type PrefixCache = Map<string, { terms: Array<[string, number]>; complete: boolean }>;

/**
 * Score one word (or, with `prefix`, every word that starts with it; an article counts its best one) from
 * the index on disk: reads that word's blocks and nothing else (those not in `cache`). BM25 with the weighted term frequencies the
 * writer stored. Runs in any extension page; the index is the same origin's IndexedDB.
 */
export async function scoreWord(word: string, prefix: boolean, prefixes: PrefixCache = new Map(), cache = new BlockCache()): Promise<WordScores> {
  const db = await openSearchDb();
  const tx = db.transaction([BLOCKS, META]);
  const blocks = tx.objectStore(BLOCKS);
  const meta = tx.objectStore(META);
  const [stats, words] = await Promise.all([readStats(meta), prefix ? expansions(meta, word, prefixes) : [word]]);
  if (!stats || stats.count === 0) return noMatches();
  const perWord = await Promise.all(words.map((w) => cache.read(blocks, w)));
  const avgLen = stats.totalLen / stats.count;
  const best: WordScores = { score: new Float64Array(stats.next), nums: [], ...(prefix ? {} : { sig: new Uint32Array(stats.next) }) };
  for (const stored of perWord) bm25(stored, stats.count, avgLen, best);
  return best;
}

/** The words a prefix stands for: the typed word itself when it is one, then the ones in the most buckets. */
async function expansions(meta: IDBObjectStore, prefix: string, cache: PrefixCache): Promise<string[]> {
  let counted = fromCache(cache, prefix);
  if (!counted) {
    const words = await prefixWords(meta, prefix);
    cache.set(prefix, words);
    counted = [...words.terms];
  }
  const ranked = counted.sort((a, b) => Number(b[0] === prefix) - Number(a[0] === prefix) || b[1] - a[1] || a[0].length - b[0].length);
  const chosen: string[] = [];
  let budget = PREFIX_BLOCK_BUDGET;
  for (const [term, blocks] of ranked.slice(0, MAX_EXPANSIONS)) {
    if (term !== prefix && blocks > budget) continue;
    chosen.push(term);
    budget -= blocks;
  }
  return chosen;
}

/** The words of `prefix` from a cached read of it, or of a shorter prefix whose read saw all of its words. */
function fromCache(cache: PrefixCache, prefix: string): Array<[string, number]> | null {
  for (let n = prefix.length; n > 0; n--) {
    const hit = cache.get(prefix.slice(0, n));
    if (hit && (n === prefix.length || hit.complete)) return hit.terms.filter(([term]) => term.startsWith(prefix));
  }
  return null;
}

/** BM25 of one word over its stored blocks of postings (search-db.ts), kept in `best` where it beats what is there. */
function bm25(stored: unknown[], count: number, avgLen: number, { score: best, nums, sig }: WordScores): void {
  const blocks = stored.map(blockPostings).filter((b): b is Uint32Array => b !== null);
  const df = blocks.reduce((n, b) => n + Math.floor(b.length / POSTING), 0);
  const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
  const norm = (BM25_K1 * BM25_B) / avgLen;
  const base = BM25_K1 * (1 - BM25_B);
  for (const b of blocks) {
    for (let i = 0; i + POSTING <= b.length; i += POSTING) {
      const num = b[i]!;
      const tf = b[i + 1]!;
      const score = (idf * tf * (BM25_K1 + 1)) / (tf + base + norm * b[i + 2]!);
      if (num >= best.length) continue; // a number handed out after the totals were read: the next keystroke has it
      const was = best[num]!;
      if (was === 0) nums.push(num);
      if (score > was) best[num] = score;
      if (sig) sig[num] = b[i + 3]!;
    }
  }
}

/** The article ids of index numbers, per bucket, read once per open library (the caller keeps `tables`). */
export async function idsOf(nums: number[], tables: Map<number, Promise<string[]>>): Promise<string[]> {
  const wanted = [...new Set(nums.map((n) => Math.floor(n / BUCKET_SIZE)))];
  const needed = wanted.filter((b) => !tables.has(b));
  if (needed.length) {
    const db = await openSearchDb();
    const store = db.transaction(IDS).objectStore(IDS);
    for (const bucket of needed) {
      const table = done(store.get(bucket)).then(parseIds);
      table.catch(() => tables.delete(bucket));
      tables.set(bucket, table);
    }
  }
  const byBucket = new Map<number, string[]>();
  for (const bucket of wanted) byBucket.set(bucket, (await tables.get(bucket)) ?? []);
  return nums.map((n) => byBucket.get(Math.floor(n / BUCKET_SIZE))?.[n % BUCKET_SIZE] ?? '');
}

import { BM25_B, BM25_K1 } from '../shared/search-options';
import { BLOCKS, done, META, openSearchDb, prefixRange, readStats, termRange } from './search-db';

/** At most this many words a prefix stands for (the most frequent): "co" must not read half the index. */
const MAX_EXPANSIONS = 24;
/**
 * And at most this many blocks for all of them (a block holds up to BUCKET_SIZE postings): "th" stands
 * for "the", "that", "this"… each in nearly every article. The typed word itself is always read whole.
 */
const PREFIX_BLOCK_BUDGET = 48;
/** Keys looked at to choose them: bounds the cost of a short prefix. */
const PREFIX_KEY_SCAN = 4096;

/** One query word's matches: article id → BM25 score of that word. */
export type WordScores = Map<string, number>;

/**
 * Score one word (or, with `prefix`, every word that starts with it; an article counts its best one) from
 * the index on disk: reads that word's blocks and nothing else. BM25 with the weighted term frequencies the
 * writer stored. Runs in any extension page; the index is the same origin's IndexedDB.
 */
export async function scoreWord(word: string, prefix: boolean): Promise<WordScores> {
  const db = await openSearchDb();
  const tx = db.transaction([BLOCKS, META]);
  const blocks = tx.objectStore(BLOCKS);
  const stats = await readStats(tx.objectStore(META));
  if (!stats || stats.count === 0) return new Map();
  const words = prefix ? await expansions(blocks, word) : [word];
  const perWord = await Promise.all(words.map((w) => done(blocks.getAll(termRange(w)))));
  const avgLen = stats.totalLen / stats.count;
  const best: WordScores = new Map();
  for (const stored of perWord) {
    const scores = bm25(stored, stats.count, avgLen);
    for (const [id, score] of scores) if (score > (best.get(id) ?? 0)) best.set(id, score);
  }
  return best;
}

/** The words a prefix stands for: the typed word itself when it is one, then the ones in the most buckets. */
async function expansions(blocks: IDBObjectStore, prefix: string): Promise<string[]> {
  const keys = (await done(blocks.getAllKeys(prefixRange(prefix), PREFIX_KEY_SCAN))) as Array<[string, number]>;
  const buckets = new Map<string, number>();
  for (const [term] of keys) buckets.set(term, (buckets.get(term) ?? 0) + 1);
  const ranked = [...buckets].sort((a, b) => Number(b[0] === prefix) - Number(a[0] === prefix) || b[1] - a[1] || a[0].length - b[0].length);
  const chosen: string[] = [];
  let budget = PREFIX_BLOCK_BUDGET;
  for (const [term, blocks] of ranked.slice(0, MAX_EXPANSIONS)) {
    if (term !== prefix && blocks > budget) continue;
    chosen.push(term);
    budget -= blocks;
  }
  return chosen;
}

/** BM25 of one word over its stored blocks (`id tf len|…`), parsed straight into scores. */
function bm25(stored: unknown[], count: number, avgLen: number): WordScores {
  const partial: WordScores = new Map();
  for (const block of stored) {
    if (typeof block !== 'string') continue;
    for (const entry of block.split('|')) {
      const a = entry.indexOf(' ');
      const b = entry.indexOf(' ', a + 1);
      const tf = Number(entry.slice(a + 1, b));
      const len = Number(entry.slice(b + 1));
      partial.set(entry.slice(0, a), (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avgLen)));
    }
  }
  const df = partial.size;
  const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
  for (const [id, s] of partial) partial.set(id, s * idf);
  return partial;
}

import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, PREFIX_FROM, termOptions, type SearchDoc } from '../shared/search-options';
import { readArticle } from '../storage/read';
import type { IndexEntry } from '../storage/schema';
import { allShardNumbers, readShard, searchDoc } from '../storage/search-shards';

/**
 * Full-text search over the library, loaded after the list has painted: the stored shards, plus any
 * article the shards miss (a save whose index update has not run yet, or a lost shard), indexed here
 * from its record. Results are ids, best first, limited to articles the index still lists.
 */
export class LibrarySearch {
  private constructor(private parts: Array<MiniSearch<SearchDoc>>) {}

  /**
   * Load shard by shard, yielding to the page between shards so scrolling and typing stay responsive;
   * gives up (null) as soon as `stale()` says a newer load has started.
   */
  static async load(entries: IndexEntry[], stale: () => boolean = () => false): Promise<LibrarySearch | null> {
    const shards: Array<MiniSearch<SearchDoc>> = [];
    for (const n of allShardNumbers()) {
      if (stale()) return null;
      shards.push(await readShard(n));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const missing = entries.filter((e) => !shards.some((s) => s.has(e.id)));
    const extra = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
    for (const article of await Promise.all(missing.map((e) => readArticle(e.id)))) {
      if (article) extra.add(searchDoc(article));
    }
    return new LibrarySearch([...shards.filter((s) => s.documentCount > 0), extra]);
  }

  /** Each word's hits (id → score over all parts), for the last few words searched. */
  private cache = new Map<string, Map<string, number>>();

  /**
   * Ids matching every word of `query` (the last word, from PREFIX_FROM letters, as a prefix), best first.
   * Each word is looked up once and kept: typing "harbour bud" reuses "harbour" from the previous keystrokes,
   * so a keystroke scores only the word being typed. Same ranking as MiniSearch's AND (scores summed).
   */
  search(query: string, listed: ReadonlySet<string>): string[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const maps = words.map((w, i) => this.wordHits(w, i === words.length - 1 && w.length >= PREFIX_FROM));
    maps.sort((a, b) => a.size - b.size); // intersect from the rarest word
    const [first, ...rest] = maps;
    if (!first) return [];
    const hits: Array<{ id: string; score: number }> = [];
    for (const [id, score] of first) {
      if (!listed.has(id)) continue;
      let total = score;
      for (const m of rest) {
        const s = m.get(id);
        if (s === undefined) {
          total = NaN;
          break;
        }
        total += s;
      }
      if (!Number.isNaN(total)) hits.push({ id, score: total });
    }
    return hits.sort((a, b) => b.score - a.score).map((h) => h.id);
  }

  private wordHits(word: string, prefix: boolean): Map<string, number> {
    const key = `${prefix ? '*' : '='}${word}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, cached);
      return cached;
    }
    const hits = new Map<string, number>();
    for (const part of this.parts) for (const r of part.search(word, termOptions(prefix))) hits.set(r.id as string, r.score);
    this.cache.set(key, hits);
    if (this.cache.size > CACHED_WORDS) this.cache.delete(this.cache.keys().next().value!);
    return hits;
  }
}

const CACHED_WORDS = 32;
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | string[] | null | undefined | false;

/** The query's words, tokenized and normalized as MiniSearch does it for the index. */
function queryWords(query: string): string[] {
  return tokenize(query).flatMap((t) => processTerm(t) || []).filter((w) => w.length > 0);
}

import MiniSearch from 'minisearch';
import { QUERY_OPTIONS, INDEX_OPTIONS, type SearchDoc } from '../shared/search-options';
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

  /** Ids matching every word of `query` (the last word as a prefix), best first. */
  search(query: string, listed: ReadonlySet<string>): string[] {
    const hits: Array<{ id: string; score: number }> = [];
    for (const part of this.parts) {
      for (const r of part.search(query, QUERY_OPTIONS)) if (listed.has(r.id as string)) hits.push({ id: r.id as string, score: r.score });
    }
    return hits.sort((a, b) => b.score - a.score).map((h) => h.id);
  }
}

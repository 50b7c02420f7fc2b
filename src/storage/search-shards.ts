import MiniSearch from 'minisearch';
import type { Article } from '../shared/article';
import { INDEX_OPTIONS, type SearchDoc } from '../shared/search-options';
import { hostOf } from '../shared/format';
import { getItems, setItems } from './area';
import { unpackRecord } from './compress';
import { serialized } from './queue';
import { articleKey, SEARCH_SHARDS, searchShardKey, shardOf } from './keys';
import { readIndex } from './read';
import { isSavedArticle } from './validate';

/**
 * The full-text index lives in SEARCH_SHARDS storage keys, each a serialized MiniSearch over the articles
 * whose id hashes to it. Updating one article rewrites one shard (1/SEARCH_SHARDS of the index), and the
 * popup loads them after the list has painted. A shard is stored as one JSON string, not an object:
 * Chrome's storage turns a large nested object into V8 values ~100× slower than JSON.parse reads the string. The shards are a cache: articles they miss are indexed
 * from their records when a page loads the search (see src/library/search.ts).
 */
export function searchDoc(a: Article & { id: string }): SearchDoc {
  return { id: a.id, title: a.title, byline: a.byline ?? '', site: a.siteName || hostOf(a.url), text: a.text };
}

export async function readShard(n: number): Promise<MiniSearch<SearchDoc>> {
  const key = searchShardKey(n);
  const raw = (await getItems(key))[key];
  if (typeof raw === 'string') {
    try {
      return MiniSearch.loadJSON<SearchDoc>(raw, INDEX_OPTIONS);
    } catch {
      // A corrupt shard is rebuilt from the records it misses; it is never fatal.
    }
  }
  return new MiniSearch<SearchDoc>(INDEX_OPTIONS);
}

/** Add, replace or (with `doc` null) remove one article in its shard. Called inside the write queue. */
export async function updateShard(id: string, doc: SearchDoc | null): Promise<void> {
  const n = shardOf(id);
  const index = await readShard(n);
  if (index.has(id)) index.discard(id);
  if (doc) index.add(doc);
  if (index.dirtCount > 0) await index.vacuum();
  await setItems({ [searchShardKey(n)]: JSON.stringify(index) });
}

export const allShardNumbers = () => Array.from({ length: SEARCH_SHARDS }, (_, n) => n);

/** Queue the shard update after the current write; the save has already answered by then. */
export function reindexLater(id: string, doc: SearchDoc | null): void {
  serialized(() => updateShard(id, doc)).catch((error: unknown) => console.warn('Lectern: search index not updated', error));
}

/**
 * Rebuild every shard from the article records (a lost index, or a library written by an older version).
 * One shard at a time, so memory holds one shard's texts, not the library's.
 */
export function rebuildSearchIndex(): Promise<{ indexed: number }> {
  return serialized(async () => {
    const { entries } = await readIndex();
    let indexed = 0;
    for (const n of allShardNumbers()) {
      const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
      const keys = entries.filter((e) => shardOf(e.id) === n).map((e) => articleKey(e.id));
      for (let i = 0; i < keys.length; i += REBUILD_BATCH) {
        const records = await getItems(keys.slice(i, i + REBUILD_BATCH));
        for (const record of Object.values(records).map(unpackRecord)) {
          if (!isSavedArticle(record)) continue;
          index.add(searchDoc(record));
          indexed++;
        }
      }
      await setItems({ [searchShardKey(n)]: JSON.stringify(index) });
    }
    return { indexed };
  });
}
const REBUILD_BATCH = 100;

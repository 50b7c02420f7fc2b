import { allKeys, removeItems } from './area';
import { serialized } from './queue';
import { readArticles, readIndex } from './read';
import { INDEX_FORMAT, META, openSearchDb, readStats } from './search-db';
import { clearSearchIndex, updateSearchIndex } from './search-write';

/**
 * Articles read and indexed per step of a rebuild: bounds its memory and its IndexedDB transaction, and
 * lets saves run in between. 128 rebuilt 10,000 articles in 656 s; a whole bucket (512) per step lost
 * Chrome's service worker in the middle of that rebuild.
 */
const REBUILD_BATCH = 128;
/** The MiniSearch shards of earlier versions (`search:<n>` in storage.local), replaced by this index. */
const isLegacyShardKey = (key: string) => /^search:\d+$/.test(key);

export interface SearchIndexStatus { format: number; count: number }

/** What the index holds, for the check against the library: null when there is no index at all. */
export async function searchIndexStatus(): Promise<SearchIndexStatus | null> {
  const db = await openSearchDb();
  const stats = await readStats(db.transaction(META).objectStore(META));
  return stats && { format: stats.format, count: stats.count };
}

/**
 * How the index disagrees with a library of `listed` articles: 'missing' (none, or of another format),
 * 'count' (another number of articles: possibly a save still in flight), or false when it agrees.
 */
export async function searchIndexDisagrees(listed: number): Promise<'missing' | 'count' | false> {
  const status = await searchIndexStatus();
  if (!status || status.format !== INDEX_FORMAT) return 'missing';
  return status.count === listed ? false : 'count';
}

let running: Promise<{ indexed: number }> | null = null;

/**
 * Rebuild the index from the article records: empty it, then index the listed articles in batches of
 * REBUILD_BATCH, each batch its own step of the write queue (saves and deletes run in between and stay
 * correct: a batch re-reads its records when its turn comes). Then drop the old MiniSearch shards.
 * Independent of the schema version: it only reads records, through readArticles. A second call while
 * one runs joins it.
 */
export function rebuildSearchIndex(): Promise<{ indexed: number }> {
  running ??= rebuild().finally(() => (running = null));
  return running;
}

async function rebuild(): Promise<{ indexed: number }> {
  const ids = await serialized(async () => {
    await clearSearchIndex();
    return (await readIndex()).entries.map((e) => e.id);
  });
  let indexed = 0;
  for (let i = 0; i < ids.length; i += REBUILD_BATCH) {
    const batch = ids.slice(i, i + REBUILD_BATCH);
    indexed += await serialized(async () => {
      const articles = await readArticles(batch);
      await updateSearchIndex(articles.map((a) => ({ id: a.id, before: null, after: a })));
      return articles.length;
    });
  }
  const legacy = (await allKeys()).filter(isLegacyShardKey);
  if (legacy.length) await removeItems(legacy);
  return { indexed };
}

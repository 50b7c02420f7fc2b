import { BLOCKS, BUCKET_SIZE, committed, DOCS, done, emptyStats, META, openSearchDb, parseBlock, readStats, serializeBlock, writeStats, type DocInfo, type Postings } from './search-db';
import type { SavedArticle } from './schema';
import { indexedTerms } from './search-terms';

/** One article's change: `before` is the record the index holds (null when unknown), `after` null for a delete. */
export interface SearchChange { id: string; before: SavedArticle | null; after: SavedArticle | null }

/** The edits one write makes to one block: ids to drop, postings to set. */
interface BlockEdit { key: [string, number]; drop: Set<string>; set: Postings }

/**
 * Apply saves, updates and deletes to the index in one IndexedDB transaction. Called by the writer inside
 * the serialized write queue (src/storage/library.ts), after the records are written. Each article reads
 * and rewrites only the blocks of its own words in its own bucket (at most BUCKET_SIZE postings each), so
 * the cost depends on the article, not on the library. A word the article no longer has is dropped from
 * its block when the previous record is known; otherwise a stale posting stays until the next rebuild
 * (harmless: the popup shows only articles the library lists, and the snippet shows what matched).
 */
export async function updateSearchIndex(changes: SearchChange[]): Promise<void> {
  if (changes.length === 0) return;
  const db = await openSearchDb();
  const tx = db.transaction([BLOCKS, DOCS, META], 'readwrite');
  const finished = committed(tx);
  try {
    const [blocks, docs, meta] = [tx.objectStore(BLOCKS), tx.objectStore(DOCS), tx.objectStore(META)];
    const stats = (await readStats(meta)) ?? emptyStats();
    const infos = await Promise.all(changes.map((c) => done(docs.get(c.id)) as Promise<DocInfo | undefined>));
    const edits = new Map<string, BlockEdit>();
    const edit = (term: string, bucket: number) => {
      const name = `${term}\u0000${bucket}`;
      let e = edits.get(name);
      if (!e) edits.set(name, (e = { key: [term, bucket], drop: new Set(), set: new Map() }));
      return e;
    };
    changes.forEach((change, i) => {
      const old = infos[i];
      const next = change.after ? indexedTerms(change.after) : null;
      if (old && change.before) {
        for (const term of indexedTerms(change.before).tf.keys()) if (!next?.tf.has(term)) edit(term, old.bucket).drop.add(change.id);
      }
      if (old) {
        stats.count--;
        stats.totalLen -= old.len;
      }
      if (!next) return void docs.delete(change.id);
      const bucket = old?.bucket ?? Math.floor(stats.next++ / BUCKET_SIZE);
      for (const [term, tf] of next.tf) edit(term, bucket).set.set(change.id, [tf, next.len]);
      docs.put({ bucket, len: next.len } satisfies DocInfo, change.id);
      stats.count++;
      stats.totalLen += next.len;
    });
    const list = [...edits.values()];
    const stored = await Promise.all(list.map((e) => done(blocks.get(e.key))));
    list.forEach((e, i) => {
      const postings = parseBlock(stored[i]);
      for (const id of e.drop) postings.delete(id);
      for (const [id, posting] of e.set) postings.set(id, posting);
      if (postings.size === 0) blocks.delete(e.key);
      else blocks.put(serializeBlock(postings), e.key);
    });
    writeStats(meta, stats);
  } catch (error) {
    abortQuietly(tx);
    await finished.catch(() => {});
    throw error;
  }
  await finished;
}

/**
 * The writer's call: update the index, and when that fails (IndexedDB unavailable, disk full) drop its
 * totals instead, so the next check finds it disagreeing and rebuilds it. The records are already
 * written: a save never fails because of the search index.
 */
export async function keepSearchIndex(changes: SearchChange[]): Promise<void> {
  try {
    await updateSearchIndex(changes);
  } catch (error) {
    console.warn('Lectern: search index not updated, it will be rebuilt', error);
    await forgetStats().catch(() => {});
  }
}

async function forgetStats(): Promise<void> {
  const db = await openSearchDb();
  const tx = db.transaction(META, 'readwrite');
  tx.objectStore(META).clear();
  await committed(tx);
}

/** Empty the index: the start of a rebuild. */
export async function clearSearchIndex(): Promise<void> {
  const db = await openSearchDb();
  const tx = db.transaction([BLOCKS, DOCS, META], 'readwrite');
  tx.objectStore(BLOCKS).clear();
  tx.objectStore(DOCS).clear();
  writeStats(tx.objectStore(META), emptyStats());
  await committed(tx);
}

/** Roll back a transaction that may already have aborted on its own (abort() then throws). */
function abortQuietly(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished: nothing to roll back.
  }
}

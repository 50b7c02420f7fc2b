import { BLOCKS, bucketOf, BUCKET_SIZE, committed, DOCS, done, emptyStats, IDS, META, openSearchDb, parseBlock, parseIds, readStats, serializeBlock, writeRebuildState, writeStats, type DocInfo, type Postings } from './search-db';
import type { SavedArticle } from './schema';
import { indexedTerms } from './search-terms';
import { changeVocabulary } from './search-vocabulary';

/** One article's change: `before` is the record the index holds (null when unknown), `after` null for a delete. */
export interface SearchChange { id: string; before: SavedArticle | null; after: SavedArticle | null }

/** The edits one write makes to one block: numbers to drop, postings to set. */
interface BlockEdit { key: [string, number]; drop: Set<number>; set: Postings }

/**
 * Apply saves, updates and deletes to the index in one IndexedDB transaction. Called by the writer inside
 * the serialized write queue (src/storage/library.ts), after the records are written. Each article reads
 * and rewrites only the blocks of its own words in its own bucket (at most BUCKET_SIZE postings each) and
 * its bucket's `ids` row, so the cost depends on the article, not on the library. A word the article no
 * longer has is dropped from its block when the previous record is known; otherwise a stale posting stays
 * until the next rebuild (harmless: the popup shows only articles the library lists, and the snippet shows
 * what matched). A deleted article's number maps to no id any more.
 */
export async function updateSearchIndex(changes: SearchChange[]): Promise<void> {
  if (changes.length === 0) return;
  const db = await openSearchDb();
  const tx = db.transaction([BLOCKS, DOCS, IDS, META], 'readwrite');
  const finished = committed(tx);
  try {
    const [blocks, docs, ids, meta] = [tx.objectStore(BLOCKS), tx.objectStore(DOCS), tx.objectStore(IDS), tx.objectStore(META)];
    const stats = (await readStats(meta)) ?? emptyStats();
    const known = new Map<string, DocInfo | undefined>();
    await Promise.all([...new Set(changes.map((c) => c.id))].map(async (id) => known.set(id, (await done(docs.get(id))) as DocInfo | undefined)));
    const edits = new Map<string, BlockEdit>();
    const edit = (term: string, bucket: number) => {
      const name = `${term}\u0000${bucket}`;
      let e = edits.get(name);
      if (!e) edits.set(name, (e = { key: [term, bucket], drop: new Set(), set: new Map() }));
      return e;
    };
    const slots = new Map<number, Map<number, string>>(); // bucket → slot → id ('' when freed)
    const setSlot = (num: number, id: string) => {
      const bucket = bucketOf(num);
      if (!slots.has(bucket)) slots.set(bucket, new Map());
      slots.get(bucket)?.set(num % BUCKET_SIZE, id);
    };
    for (const change of changes) {
      const old = known.get(change.id);
      const next = change.after ? indexedTerms(change.after) : null;
      if (old && change.before) {
        for (const term of indexedTerms(change.before).tf.keys()) if (!next?.tf.has(term)) edit(term, bucketOf(old.num)).drop.add(old.num);
      }
      if (old) {
        stats.count--;
        stats.totalLen -= old.len;
      }
      if (!next) {
        docs.delete(change.id);
        known.set(change.id, undefined);
        if (old) setSlot(old.num, '');
        continue;
      }
      const info: DocInfo = { num: old?.num ?? stats.next++, len: next.len };
      for (const [term, tf] of next.tf) edit(term, bucketOf(info.num)).set.set(info.num, [tf, next.len, next.sig.get(term) ?? 0]);
      docs.put(info, change.id);
      known.set(change.id, info);
      if (!old) setSlot(info.num, change.id);
      stats.count++;
      stats.totalLen += next.len;
    }
    const list = [...edits.values()];
    const buckets = [...slots.keys()];
    const [stored, tables] = await Promise.all([
      Promise.all(list.map((e) => done(blocks.get(e.key)))),
      Promise.all(buckets.map((b) => done(ids.get(b)))),
    ]);
    const created: Array<[string, number]> = [];
    const deleted: Array<[string, number]> = [];
    list.forEach((e, i) => {
      const postings = parseBlock(stored[i]);
      for (const num of e.drop) postings.delete(num);
      for (const [num, posting] of e.set) postings.set(num, posting);
      if (postings.size === 0) {
        blocks.delete(e.key);
        if (stored[i] !== undefined) deleted.push(e.key);
      } else {
        blocks.put(serializeBlock(postings), e.key);
        if (stored[i] === undefined) created.push(e.key);
      }
    });
    buckets.forEach((bucket, i) => {
      const table = parseIds(tables[i]);
      for (const [slot, id] of slots.get(bucket) ?? []) {
        while (table.length < slot) table.push('');
        table[slot] = id;
      }
      if (table.some(Boolean)) ids.put(table, bucket);
      else ids.delete(bucket);
    });
    writeStats(meta, stats);
    await changeVocabulary(meta, created, deleted);
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

/** Empty the index and record what a rebuild is to index (its checkpoint, search-rebuild.ts): one transaction. */
export async function clearSearchIndex(toIndex: string[]): Promise<void> {
  const db = await openSearchDb();
  const tx = db.transaction([BLOCKS, DOCS, IDS, META], 'readwrite');
  for (const name of [BLOCKS, DOCS, IDS, META]) tx.objectStore(name).clear();
  writeStats(tx.objectStore(META), emptyStats());
  writeRebuildState(tx.objectStore(META), { ids: toIndex, done: 0 });
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

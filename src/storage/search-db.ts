/**
 * The full-text index's IndexedDB database, `lectern-search`. It is a cache of the article records: the
 * background writes it inside each library write, pages read it directly (same origin, no message), and it
 * is rebuilt from the records whenever it disagrees with them (src/storage/search-write.ts, search-rebuild.ts).
 *
 * Every indexed article has a number (handed out in save order); a bucket is BUCKET_SIZE numbers.
 * - `blocks`: key [term, bucket] → that term's postings in that bucket, a Uint32Array of (number, tf, len,
 *   signature) quads, the signature saying which words stand next to it (search-options.ts `nextBit`): a save reads and rewrites at most one bounded block per distinct word of the article, whatever
 *   the library's size, a query reads one key range per word, and neither parses text.
 * - `ids`: bucket → the article id of each number in it ('' where none): turns a query's numbers into ids.
 * - `docs`: article id → { num, len }: its number and its length in words (BM25).
 * - `meta`: 'stats' → { format, next, count, totalLen }, the totals BM25 needs and the next number;
 *   'rebuild' → { ids, done } while a rebuild is under way (its checkpoint); and the vocabulary a prefix
 *   reads its words from, kept with the blocks (search-vocabulary.ts).
 */
export const SEARCH_DB = 'lectern-search';
export const BLOCKS = 'blocks';
export const DOCS = 'docs';
export const IDS = 'ids';
export const META = 'meta';
const STATS = 'stats';
const REBUILD = 'rebuild';
/**
 * Bumped when the index's layout or tokenization changes: an index of another format is rebuilt. 3: the
 * vocabulary. 4: each posting has its neighbours' signature (phrases are filtered from the index). 5: the
 * vocabulary counts each term once, and short prefixes have summaries.
 */
export const INDEX_FORMAT = 5;
/** Numbers per posting in a block: article number, weighted term frequency, article length, signature. */
export const POSTING = 4;
/** The database's version: a new one drops every store (the index is a cache, rebuilt from the records). */
const DB_VERSION = 2;
/** Articles per bucket: bounds the size of a block, hence the cost of a save. */
export const BUCKET_SIZE = 512;

export interface IndexStats { format: number; next: number; count: number; totalLen: number }
export interface DocInfo { num: number; len: number }
/** A rebuild's checkpoint: the articles it indexes, and how many of them are done. */
export interface RebuildState { ids: string[]; done: number }
export const emptyStats = (): IndexStats => ({ format: INDEX_FORMAT, next: 0, count: 0, totalLen: 0 });
export const bucketOf = (num: number) => Math.floor(num / BUCKET_SIZE);

let opening: Promise<IDBDatabase> | null = null;

/** The database, opened once per context. */
export function openSearchDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(SEARCH_DB, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
      for (const name of [BLOCKS, DOCS, IDS, META]) db.createObjectStore(name);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context deleting or upgrading the database must not wait for this one to close.
      db.onversionchange = () => (db.close(), (opening = null));
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('Search index unavailable'));
    request.onblocked = () => reject(new Error('Search index blocked by another page'));
  });
  opening.catch(() => (opening = null));
  return opening;
}

/** One IndexedDB request as a promise. */
export function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('Search index request failed'));
  });
}

/** Resolves when the transaction has committed, rejects when it aborted (a full disk, for one). */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('Search index write aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('Search index write failed'));
  });
}

export async function readStats(store: IDBObjectStore): Promise<IndexStats | null> {
  const stats = (await done(store.get(STATS))) as IndexStats | undefined;
  return stats && typeof stats.count === 'number' && typeof stats.next === 'number' ? stats : null;
}
export const writeStats = (store: IDBObjectStore, stats: IndexStats) => store.put(stats, STATS);

export async function readRebuildState(store: IDBObjectStore): Promise<RebuildState | null> {
  const state = (await done(store.get(REBUILD))) as RebuildState | undefined;
  return state && Array.isArray(state.ids) && typeof state.done === 'number' ? state : null;
}
export const writeRebuildState = (store: IDBObjectStore, state: RebuildState | null) => (state ? store.put(state, REBUILD) : store.delete(REBUILD));

/** The key range of every block of one term. */
export const termRange = (term: string) => IDBKeyRange.bound([term], [term, Infinity]);

/** A stored block as its postings (number, tf, len, signature: POSTING numbers each), or null when it is not one. */
export function blockPostings(block: unknown): Uint32Array | null {
  if (block instanceof Uint32Array) return block;
  // Another realm's typed array (a test environment) is still a view of the same bytes.
  if (ArrayBuffer.isView(block) && block.byteLength % (4 * POSTING) === 0) return new Uint32Array(block.buffer, block.byteOffset, block.byteLength / 4);
  return null;
}

/** A block as number → [tf, len, signature], and back. */
export type Postings = Map<number, [number, number, number]>;
export function parseBlock(block: unknown): Postings {
  const postings: Postings = new Map();
  const b = blockPostings(block);
  if (b) for (let i = 0; i + POSTING <= b.length; i += POSTING) postings.set(b[i]!, [b[i + 1]!, b[i + 2]!, b[i + 3]!]);
  return postings;
}
export function serializeBlock(postings: Postings): Uint32Array {
  const out = new Uint32Array(postings.size * POSTING);
  let i = 0;
  for (const [num, [tf, len, sig]] of [...postings].sort((a, b) => a[0] - b[0])) {
    out[i++] = num;
    out[i++] = tf;
    out[i++] = len;
    out[i++] = sig;
  }
  return out;
}

/** An `ids` row as the ids of its bucket's numbers. */
export const parseIds = (value: unknown): string[] => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : '')) : []);

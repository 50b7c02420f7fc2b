/**
 * The full-text index's IndexedDB database, `lectern-search`. It is a cache of the article records: the
 * background writes it inside each library write, pages read it directly (same origin, no message), and it
 * is rebuilt from the records whenever it disagrees with them (src/storage/search-write.ts).
 *
 * - `blocks`: key [term, bucket] → postings of that term for the articles in that bucket, as one string
 *   `id tf len|id tf len…`. A bucket is a range of BUCKET_SIZE article numbers, handed out in save order,
 *   so a save reads and rewrites at most one bounded block per distinct word of the article, whatever
 *   the library's size, and a query reads one key range per word.
 * - `docs`: article id → { bucket, len }: where its postings are, and its length in words (BM25).
 * - `meta`: 'stats' → { format, next, count, totalLen }: the totals BM25 needs and the next article number.
 */
export const SEARCH_DB = 'lectern-search';
export const BLOCKS = 'blocks';
export const DOCS = 'docs';
export const META = 'meta';
const STATS = 'stats';
/** Bumped when the index's layout or tokenization changes: an index of another format is rebuilt. */
export const INDEX_FORMAT = 1;
/** Articles per bucket: bounds the size of a block, hence the cost of a save. */
export const BUCKET_SIZE = 512;

export interface IndexStats { format: number; next: number; count: number; totalLen: number }
export interface DocInfo { bucket: number; len: number }
export const emptyStats = (): IndexStats => ({ format: INDEX_FORMAT, next: 0, count: 0, totalLen: 0 });

let opening: Promise<IDBDatabase> | null = null;

/** The database, opened once per context. */
export function openSearchDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(SEARCH_DB, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(BLOCKS);
      db.createObjectStore(DOCS);
      db.createObjectStore(META);
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

/** The key range of every block of one term, or of every term that starts with `prefix`. */
export const termRange = (term: string) => IDBKeyRange.bound([term], [term, Infinity]);
export const prefixRange = (prefix: string) => IDBKeyRange.bound([prefix], [`${prefix}\uffff`], false, true);

/** A block as id → [tf, len], and back. Ids are hex digests, tf and len integers: no separator can occur in them. */
export type Postings = Map<string, [number, number]>;
export function parseBlock(block: unknown, into: Postings = new Map()): Postings {
  if (typeof block !== 'string' || block === '') return into;
  for (const entry of block.split('|')) {
    const [id, tf, len] = entry.split(' ');
    if (id && tf && len) into.set(id, [Number(tf), Number(len)]);
  }
  return into;
}
export const serializeBlock = (postings: Postings) => [...postings].map(([id, [tf, len]]) => `${id} ${tf} ${len}`).join('|');

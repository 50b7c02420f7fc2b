import { done, termRange } from './search-db';

/**
 * Postings (32-bit numbers) kept in all: 4 MB. `the` at 10,000 articles is 40,000 of them (search-db.ts), a
 * rare name a few; what a session of typing reads again stays, a library's worth of common words does not.
 */
const CACHED_NUMBERS = 1 << 20;

/**
 * The stored blocks of the words read while one library is open, most recently used last. Typing "lok",
 * "loka", "lokal" reads the words those prefixes stand for once, not on every keystroke: each keystroke
 * reads only the words it adds (measured: 2–5 letter prefixes cost 70–450 ms at 10,000 articles, each
 * reading up to 24 words' blocks again). Belongs to one state of the index, like the caller's other caches.
 */
export class BlockCache {
  private terms = new Map<string, Promise<unknown[]>>();
  private sizes = new Map<string, number>();
  private total = 0;

  /** The term's blocks: from the cache, or read in the caller's transaction on `blocks`. */
  read(blocks: IDBObjectStore, term: string): Promise<unknown[]> {
    const cached = this.terms.get(term);
    if (cached) {
      this.terms.delete(term);
      this.terms.set(term, cached);
      return cached;
    }
    const read = done(blocks.getAll(termRange(term)));
    this.terms.set(term, read);
    read.then((stored) => this.keep(term, stored), () => this.terms.delete(term));
    return read;
  }

  private keep(term: string, stored: unknown[]): void {
    const size = stored.reduce((n: number, b) => n + (ArrayBuffer.isView(b) ? b.byteLength / 4 : 1), 1);
    this.sizes.set(term, size);
    this.total += size;
    for (const old of this.terms.keys()) {
      if (this.total <= CACHED_NUMBERS || old === term) break;
      this.total -= this.sizes.get(old) ?? 0;
      this.sizes.delete(old);
      this.terms.delete(old);
    }
  }
}

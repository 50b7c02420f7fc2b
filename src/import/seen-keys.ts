/**
 * Where each URL key of an import was first seen, for the duplicate check: an open-addressing table of
 * 32-bit hashes in typed arrays, the keys compared only when their hashes are equal. A `Map` of 50,000
 * key strings spent most of its time waiting on memory (a bucket, an entry and a string per probe) and
 * was a tenth of reading a 50,000-row Pocket file (BENCHMARKS.md, import fifth pass).
 */
export class SeenKeys {
  /** Each slot's hash (0: empty; a hash of 0 is stored as 1), and its key's number in `keys` + 1. */
  private hashes = new Int32Array(1024);
  private entries = new Int32Array(1024);
  private readonly keys: string[] = [];
  private readonly places: number[] = [];

  /** Where `key` was first seen; if it was not, `place` is kept for it and undefined returned. */
  firstOrAdd(key: string, place: number): number | undefined {
    const hash = hashOf(key) || 1;
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    for (let stored = this.hashes[slot]!; stored !== 0; stored = this.hashes[slot]!) {
      const entry = this.entries[slot]! - 1;
      if (stored === hash && this.keys[entry] === key) return this.places[entry];
      slot = (slot + 1) & mask;
    }
    this.keys.push(key);
    this.places.push(place);
    this.hashes[slot] = hash;
    this.entries[slot] = this.keys.length;
    if (this.keys.length * 2 > this.hashes.length) this.grow();
    return undefined;
  }

  /** Twice the slots, every entry placed again: the table stays at most half full, so probes stay short. */
  private grow(): void {
    const { hashes, entries } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.entries = new Int32Array(hashes.length * 2);
    const mask = this.hashes.length - 1;
    hashes.forEach((hash, old) => {
      if (hash === 0) return;
      let slot = hash & mask;
      while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hash;
      this.entries[slot] = entries[old]!;
    });
  }
}

/** FNV-1a over the UTF-16 code units, then mixed so that the low bits (the slot) depend on every character. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

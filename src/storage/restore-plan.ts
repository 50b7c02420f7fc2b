/**
 * Restoring records into a library that may already hold some of them: which saved records each restored
 * one meets, and what the two become (pure functions; storage/restore.ts writes the result). A restored
 * record meets the saved ones with the same id or the same URL key, so restoring twice, or into the
 * library it came from, never makes duplicates. The merge is documented in docs/backup-format.md.
 */
import { HIGHLIGHT_LIMITS, type Highlight } from '../shared/highlight';
import { urlKey } from './canonical';
import type { SavedArticle } from './schema';

export interface Keyed { id: string; url: string; canonicalUrl?: string | null }

export interface RestorePlan {
  /** For each restored record (by its id), the saved records it meets. */
  meets: Map<string, string[]>;
  /** Saved records met under another id: deleted after the restored record is written. */
  remove: string[];
  /** Restored records that met no saved one, and those that met at least one. */
  added: number;
  replaced: number;
}

const isHttp = (url: string) => /^https?:\/\//i.test(url.trim());

/** The keys a record is known by: the URL key of its address and, when it has one, of its canonical address. */
export function addressKeys(record: Keyed): string[] {
  const urls = [record.url, record.canonicalUrl].filter((u): u is string => !!u && isHttp(u));
  return [...new Set(urls.map((u) => urlKey(u)))];
}

/**
 * The saved records' ids by URL key, kept up to date through a restore (restore.ts): built once from the
 * index, then told what each batch wrote and deleted, so planning a batch costs the batch, not the library.
 * Two saved records with one key (an older Lectern's duplicates) are both met, and both merged into one.
 */
export class AddressBook {
  private readonly idsByKey = new Map<string, Set<string>>();
  private readonly keysById = new Map<string, string[]>();

  constructor(existing: Keyed[] = []) {
    for (const record of existing) this.add(record);
  }

  has(id: string): boolean {
    return this.keysById.has(id);
  }

  /** The saved records `record` meets: those with its id or one of its URL keys. */
  meets(record: Keyed): Set<string> {
    const met = new Set<string>();
    for (const key of addressKeys(record)) for (const id of this.idsByKey.get(key) ?? []) met.add(id);
    if (this.has(record.id)) met.add(record.id);
    return met;
  }

  add(record: Keyed): void {
    this.remove(record.id);
    const keys = addressKeys(record);
    this.keysById.set(record.id, keys);
    for (const key of keys) {
      const ids = this.idsByKey.get(key) ?? new Set<string>();
      this.idsByKey.set(key, ids.add(record.id));
    }
  }

  remove(id: string): void {
    for (const key of this.keysById.get(id) ?? []) {
      const ids = this.idsByKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.idsByKey.delete(key);
    }
    this.keysById.delete(id);
  }
}

/** Which saved records (`existing`, or an AddressBook of them) each of `incoming` meets, by id or by URL key. */
export function planRestore(existing: Keyed[] | AddressBook, incoming: Keyed[]): RestorePlan {
  const book = existing instanceof AddressBook ? existing : new AddressBook(existing);
  const incomingIds = new Set(incoming.map((r) => r.id));
  const meets = new Map<string, string[]>();
  const remove = new Set<string>();
  let replaced = 0;
  for (const record of incoming) {
    const met = book.meets(record);
    meets.set(record.id, [...met]);
    if (met.size) replaced++;
    for (const id of met) if (!incomingIds.has(id)) remove.add(id);
  }
  return { meets, remove: [...remove], added: incoming.length - replaced, replaced };
}

/**
 * A restored record merged with a saved copy of the same article. The newer copy (by `updatedAt`; on a
 * tie the restored one) gives the article and `archived`; nothing the user made is dropped: tags are
 * joined, a favourite stays a favourite, a read article stays read, the further position and the first
 * save date win, highlights are joined (by id, the later edit of each). Joined highlights past the
 * per-article limit would make a record the library refuses to read: the newer copy's come first and the
 * rest are left out, and `onLeftOut` hears how many (restore.ts then keeps the saved copy instead).
 */
export function mergeRecords(restored: SavedArticle, saved: SavedArticle, onLeftOut?: (count: number) => void): SavedArticle {
  const [newer, older] = saved.updatedAt > restored.updatedAt ? [saved, restored] : [restored, saved];
  const merged: SavedArticle = {
    ...newer,
    id: restored.id,
    tags: [...new Set([...newer.tags, ...older.tags])],
    favorite: newer.favorite || older.favorite,
    readAt: newer.readAt ?? older.readAt,
    progress: Math.max(newer.progress, older.progress),
    savedAt: Math.min(newer.savedAt, older.savedAt),
    updatedAt: newer.updatedAt,
  };
  const joined = joinHighlights(highlightsOf(newer), highlightsOf(older));
  const highlights = joined.slice(0, HIGHLIGHT_LIMITS.perArticle);
  if (joined.length > highlights.length) onLeftOut?.(joined.length - highlights.length);
  if (highlights.length) Object.assign(merged, { highlights });
  return merged;
}

const highlightsOf = (a: SavedArticle): Highlight[] => (a as { highlights?: Highlight[] }).highlights ?? [];

/** Both lists' highlights once each; of two with the same id, the one edited last. Order: `first`'s, then new ones. */
function joinHighlights(first: Highlight[], second: Highlight[]): Highlight[] {
  const byId = new Map(first.map((h) => [h.id, h]));
  for (const h of second) {
    const other = byId.get(h.id);
    if (!other || h.updatedAt > other.updatedAt) byId.set(h.id, h);
  }
  return [...byId.values()];
}

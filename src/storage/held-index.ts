import { getItems } from './area';
import { HEAD_SIZE, INDEX_HEAD_KEY, indexPageKey, pageOf } from './keys';
import { newestFirst, readIndex, serializeIndex } from './read';
import { AddressBook } from './restore-plan';
import type { IndexEntry } from './schema';

/**
 * The list index held in memory through one multi-record write (restore.ts): read once, then each batch
 * writes only the pages its rows live on, and the head when it changed. Rewriting the whole index with
 * every batch made a restore O(N²): at 10,000 articles each batch of 50 wrote all pages (~4.4 MB).
 * Only for use inside the write queue, where nothing else changes the index meanwhile.
 */
export class HeldIndex {
  /** Page number → the rows on it, by id. */
  private readonly pages = new Map<number, Map<string, IndexEntry>>();
  private head: IndexEntry[];
  private headText: string;
  /** The saved records' URL keys, for planning each batch (restore-plan.ts). */
  readonly book: AddressBook;

  static async read(): Promise<HeldIndex> {
    return new HeldIndex((await readIndex()).entries);
  }

  /**
   * Whether storage still holds the head this index last wrote or read. Every write of the index in Lectern
   * runs in the background's write queue, which restore.ts counts; a change from outside it (storage
   * cleared by hand or by a test) replaces or removes the head, and shows here.
   */
  async stillStored(): Promise<boolean> {
    const stored: unknown = (await getItems(INDEX_HEAD_KEY))[INDEX_HEAD_KEY];
    return (stored ?? serializeIndex([])) === this.headText;
  }

  private constructor(entries: IndexEntry[]) {
    for (const e of entries) this.pageRows(pageOf(e.id)).set(e.id, e);
    this.head = entries.slice(0, HEAD_SIZE);
    this.headText = serializeIndex(this.head);
    this.book = new AddressBook(entries.map(keyedRow));
  }

  /**
   * The stored items that list `rows` (replacing any rows with their ids) and no longer list `gone`: the
   * pages those ids live on, and the head if it changes. The held index is unchanged until `written` runs,
   * after the caller's set() succeeded, so a refused write leaves it as storage is.
   */
  itemsListing(rows: IndexEntry[], gone: string[]): { items: Record<string, string>; written: () => void } {
    const ids = new Set([...gone, ...rows.map((r) => r.id)]);
    const pages = new Map<number, IndexEntry[]>();
    for (const id of ids) pages.set(pageOf(id), []);
    for (const [n, list] of pages) for (const e of this.pageRows(n).values()) if (!ids.has(e.id)) list.push(e);
    for (const r of rows) pages.get(pageOf(r.id))?.push(r);
    const items: Record<string, string> = {};
    for (const [n, list] of pages) items[indexPageKey(n)] = serializeIndex(list.sort(newestFirst));
    const head = this.headWith(rows, ids);
    const headText = serializeIndex(head);
    if (headText !== this.headText) items[INDEX_HEAD_KEY] = headText;
    const written = () => {
      for (const [n, list] of pages) this.pages.set(n, new Map(list.map((e) => [e.id, e])));
      this.head = head;
      this.headText = headText;
      for (const id of gone) this.book.remove(id);
      for (const r of rows) this.book.add(keyedRow(r));
    };
    return { items, written };
  }

  /** The newest HEAD_SIZE rows once `rows` are in and `ids` replaced: from the head alone unless it loses a row. */
  private headWith(rows: IndexEntry[], ids: Set<string>): IndexEntry[] {
    const losesRow = this.head.some((e) => ids.has(e.id));
    const base = losesRow ? [...this.pages.values()].flatMap((page) => [...page.values()]) : this.head;
    return [...base.filter((e) => !ids.has(e.id)), ...rows].sort(newestFirst).slice(0, HEAD_SIZE);
  }

  private pageRows(n: number): Map<string, IndexEntry> {
    let rows = this.pages.get(n);
    if (!rows) this.pages.set(n, (rows = new Map<string, IndexEntry>()));
    return rows;
  }
}

/** The index's urlKey already comes from the canonical URL: it stands in for it in the plan. */
const keyedRow = (e: IndexEntry) => ({ id: e.id, url: e.url, canonicalUrl: e.urlKey });

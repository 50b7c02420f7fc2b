import { getItems } from './area';
import { allIndexPageKeys, HEAD_SIZE, INDEX_HEAD_KEY, INDEX_PAGES, indexPageKey, pageOf } from './keys';
import type { IndexEntry } from './schema';
import { isIndexEntry } from './validate';

/**
 * The whole index, newest first, with corrupt rows skipped and counted: every page in one get().
 * Reading it never loads an article body. Records are read by read-records.ts: this module stays free of
 * the inflate code (fflate), which the popup's first paint must not load.
 */
export async function readIndex(): Promise<{ entries: IndexEntry[]; corrupt: number }> {
  return joinPages(Object.values(await getItems(allIndexPageKeys())));
}

/** Pages per step of readIndexInSteps. */
const STEP_PAGES = INDEX_PAGES / 32;

/**
 * The whole index as readIndex reads it, in steps of `pagesPerStep` pages: one storage read and that
 * slice's parsing per task, with the next task between steps. One read of the whole index held the page
 * for ~160 ms at 10,000 articles (4.4 MB of JSON) and ~1.2 s at 50,000 (22 MB); in steps, a search typed
 * meanwhile runs between them. STEP_PAGES pages per step: 32 steps, as with schema 5's 32 pages of one
 * step each (~0.7 MB per step at 50,000). One of 256 pages per step would pay a timer (≥ 4 ms once
 * nested) 256 times.
 */
export async function readIndexInSteps(pagesPerStep = STEP_PAGES): Promise<{ entries: IndexEntry[]; corrupt: number }> {
  const keys = allIndexPageKeys();
  const entries: IndexEntry[] = [];
  let corrupt = 0;
  for (let from = 0; from < keys.length; from += pagesPerStep) {
    if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const slice = keys.slice(from, from + pagesPerStep);
    const stored = await getItems(slice);
    for (const key of slice) {
      const read = parseIndex(stored[key]);
      for (const e of read.entries) entries.push(e);
      corrupt += read.corrupt;
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { entries: entries.sort(newestFirst), corrupt };
}

/** Stored pages (in any order) as one index, newest first. */
function joinPages(pages: unknown[]): { entries: IndexEntry[]; corrupt: number } {
  const entries: IndexEntry[] = [];
  let corrupt = 0;
  for (const page of pages) {
    const read = parseIndex(page);
    for (const e of read.entries) entries.push(e);
    corrupt += read.corrupt;
  }
  return { entries: entries.sort(newestFirst), corrupt };
}

/**
 * An index page (or the head) is stored as one JSON string (schema 2): Chrome's storage turns a large
 * array of objects into V8 values far slower than JSON.parse reads the same text. Schema 1 stored the array itself.
 */
export function parseIndex(stored: unknown): { entries: IndexEntry[]; corrupt: number } {
  if (stored === undefined) return { entries: [], corrupt: 0 };
  let raw: unknown = stored;
  if (typeof stored === 'string') {
    try {
      raw = JSON.parse(stored) as unknown;
    } catch {
      return { entries: [], corrupt: 1 };
    }
  }
  if (!Array.isArray(raw)) return { entries: [], corrupt: 1 };
  const entries = raw.filter(isIndexEntry);
  return { entries, corrupt: raw.length - entries.length };
}

/** Newest first; the order the list shows. */
export const newestFirst = (a: IndexEntry, b: IndexEntry) => b.savedAt - a.savedAt;

/** The stored form of an index page or the head. */
export const serializeIndex = (entries: IndexEntry[]) => JSON.stringify(entries);

/**
 * The newest rows only: enough to paint the first screen of the list without reading the whole index.
 * `read`: the head's storage read, when it was started ahead (head-ahead.ts).
 */
export async function readIndexHead(read: Promise<Record<string, unknown>> = getItems(INDEX_HEAD_KEY)): Promise<{ entries: IndexEntry[]; corrupt: number }> {
  return parseIndex((await read)[INDEX_HEAD_KEY]);
}

/**
 * Every page and the head, to be written together in one set(). `entries` must be newest first.
 * `pageCount`: INDEX_PAGES, or an older schema's count for the migration step that writes that schema.
 */
export function indexItems(entries: IndexEntry[], pageCount = INDEX_PAGES): Record<string, string> {
  const pages: IndexEntry[][] = Array.from({ length: pageCount }, () => []);
  for (const e of entries) pages[pageOf(e.id, pageCount)]?.push(e); // pageOf is always below pageCount
  const items: Record<string, string> = { [INDEX_HEAD_KEY]: serializeIndex(entries.slice(0, HEAD_SIZE)) };
  pages.forEach((rows, n) => (items[indexPageKey(n)] = serializeIndex(rows)));
  return items;
}

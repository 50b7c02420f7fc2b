import { allKeys, getItems, removeItems, setItems } from './area';
import { isPacked, packRecord } from './compress';
import { allIndexPageKeys, HEAD_SIZE, INDEX_HEAD_KEY, INDEX_KEY, indexPageKey, isArticleKey, pageOf, SCHEMA_KEY } from './keys';
import { serialized } from './queue';
import { indexItems, newestFirst, parseIndex, serializeIndex } from './read';
import type { IndexEntry } from './schema';
import { isIndexEntry, isSavedArticle } from './validate';
import { checkIndex, repairIndex } from './repair';

/**
 * One step per schema version: `migrations[n]` takes storage from version n to n + 1. Each step has its
 * own test. Steps run in order on install and update; the version is written after each step, so a
 * worker stopped midway resumes at the step it did not finish.
 */
export const migrations: Array<() => Promise<void>> = [
  // 0 → 1: the first library schema. Nothing to convert; start with an empty index if there is none.
  async () => {
    const { [INDEX_KEY]: index } = await getItems(INDEX_KEY);
    if (index === undefined) await setItems({ [INDEX_KEY]: [] });
  },
  // 1 → 2: the index is stored as a JSON string (see parseIndex); rows are kept as they are, even
  // corrupt ones, so the repair that follows can report them.
  async () => {
    const { [INDEX_KEY]: index } = await getItems(INDEX_KEY);
    if (typeof index !== 'string') await setItems({ [INDEX_KEY]: JSON.stringify(Array.isArray(index) ? index : []) });
  },
  // 2 → 3: the index head (the newest rows, for a fast first paint), written from the index.
  async () => {
    const { entries } = parseIndex((await getItems(INDEX_KEY))[INDEX_KEY]);
    await setItems(legacyIndexItems(entries.sort(newestFirst)));
  },
  // 3 → 4: the index is split into pages by article id (see keys.ts), written with the head in one set();
  // then the single index key goes. Corrupt rows go to page 0 as they are, for the repair to report.
  async () => {
    const stored = (await getItems(INDEX_KEY))[INDEX_KEY];
    if (stored === undefined) return;
    const { entries } = parseIndex(stored);
    const items = indexItems(entries.sort(newestFirst), SCHEMA_4_PAGES);
    const raw = typeof stored === 'string' ? safeParse(stored) : stored;
    const corruptRows: unknown[] = Array.isArray(raw) ? raw.filter((row) => !isIndexEntry(row)) : [];
    if (corruptRows.length) items[indexPageKey(0)] = JSON.stringify([...(JSON.parse(items[indexPageKey(0)] ?? '[]') as unknown[]), ...corruptRows]);
    await setItems(items);
    await removeItems([INDEX_KEY]);
  },
  // 4 → 5: article bodies compressed (compress.ts), PACK_BATCH records per set(). Each record is rewritten
  // under its own key, so a write is all or nothing and nothing is ever deleted; records already packed are
  // skipped, so a stopped step resumes where it was. Corrupt records are left as they are, for the repair.
  async () => {
    const keys = (await allKeys()).filter(isArticleKey);
    for (let i = 0; i < keys.length; i += PACK_BATCH) {
      const stored = await getItems(keys.slice(i, i + PACK_BATCH));
      const packed: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(stored)) if (!isPacked(value) && isSavedArticle(value)) packed[key] = packRecord(value);
      if (Object.keys(packed).length) await setItems(packed);
    }
  },
  // 5 → 6: 256 index pages instead of 32 (keys.ts), so a save's page stays small at 50,000 articles. Every
  // row moves to its id's page; the pages are written in one set() (all or nothing: a full disk leaves
  // schema 5 as it was, and the step runs again at the next start). Every schema-5 page key is a schema-6
  // one, so that set() replaces the old layout whole and no key is left to delete. All 256 keys are read,
  // so a row written on its new page by a save between a refused attempt and this one wins over its old
  // copy. Corrupt rows stay on the page they were on, for the repair to report.
  async () => {
    const keys = allIndexPageKeys();
    const stored = await getItems(keys);
    const rows = new Map<string, { row: IndexEntry; onItsPage: boolean }>();
    const pages = new Map<string, unknown[]>(keys.map((key) => [key, []]));
    for (const key of keys) {
      const raw = typeof stored[key] === 'string' ? safeParse(stored[key]) : stored[key];
      if (raw === undefined) continue;
      for (const row of Array.isArray(raw) ? (raw as unknown[]) : [raw]) {
        if (!isIndexEntry(row)) {
          pages.get(key)?.push(row);
          continue;
        }
        const onItsPage = key === indexPageKey(pageOf(row.id));
        if (!rows.get(row.id)?.onItsPage) rows.set(row.id, { row, onItsPage });
      }
    }
    for (const row of [...rows.values()].map((r) => r.row).sort(newestFirst)) pages.get(indexPageKey(pageOf(row.id)))?.push(row);
    await setItems(Object.fromEntries([...pages].map(([key, list]) => [key, JSON.stringify(list)])));
  },
];

/** Index pages of schema 4 and 5, which step 3 → 4 writes. */
const SCHEMA_4_PAGES = 32;

/** Records per write in the 4 → 5 step: a few MB, well under any message or transaction limit. */
const PACK_BATCH = 50;

const safeParse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** Schema 3's layout (the whole index under one key, plus the head), which step 2 → 3 writes. */
const legacyIndexItems = (entries: IndexEntry[]) => ({
  [INDEX_KEY]: serializeIndex(entries),
  [INDEX_HEAD_KEY]: serializeIndex(entries.slice(0, HEAD_SIZE)),
});

export const SCHEMA_VERSION = migrations.length;

async function storedSchemaVersion(): Promise<number> {
  const v = (await getItems(SCHEMA_KEY))[SCHEMA_KEY];
  return Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : 0;
}

let migrating: Promise<{ from: number; to: number }> | null = null;

/**
 * Bring storage to SCHEMA_VERSION, then make the index agree with the article records. One run at a time:
 * a second call while one runs (install and start both ask) joins it.
 */
export function migrate(): Promise<{ from: number; to: number }> {
  migrating ??= migrateNow().finally(() => (migrating = null));
  return migrating;
}

async function migrateNow(): Promise<{ from: number; to: number }> {
  const from = await storedSchemaVersion();
  if (from > SCHEMA_VERSION) throw new Error(`Storage schema ${from} is newer than this Lectern (${SCHEMA_VERSION})`);
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`No migration from storage schema ${v}`);
    await serialized(step);
    await serialized(() => setItems({ [SCHEMA_KEY]: v + 1 }));
  }
  await repairIndex();
  return { from, to: SCHEMA_VERSION };
}

/**
 * The check when the background starts: the index of storage at the current schema is checked; older
 * storage is migrated. The install or update that brings this version migrates too, but an update does not
 * always announce itself: Chromium started on a profile whose unpacked extension folder now holds a new
 * build of the same version loads it without onInstalled (the upgrade e2e spec), and a migration stopped
 * by the browser closing must resume on the next start, not wait for the next update.
 */
export async function checkIndexAtStart(): Promise<void> {
  const version = await storedSchemaVersion();
  if (version === SCHEMA_VERSION) await checkIndex();
  else if (version < SCHEMA_VERSION) await migrate();
}

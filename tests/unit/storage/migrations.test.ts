/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import fake, { resetFakeBrowser } from '../../helpers/fake-browser';
import { checkIndexAtStart, migrate, readArticle, readIndex, repairIndex, saveArticle, SCHEMA_VERSION } from '../../../src/storage';
import { INDEX_PAGES, pageOf } from '../../../src/storage/keys';
import { indexItems } from '../../../src/storage/read';
import { migrations } from '../../../src/storage/migrations';
import { article } from './fixtures';

beforeEach(resetFakeBrowser);

describe('migration 0 → 1', () => {
  it('creates an empty index on a fresh install', async () => {
    await migrations[0]!();
    expect(await browser.storage.local.get(null)).toEqual({ index: [] });
  });

  it('leaves an existing index alone', async () => {
    await browser.storage.local.set({ index: [{ some: 'entry' }] });
    await migrations[0]!();
    expect(await browser.storage.local.get('index')).toEqual({ index: [{ some: 'entry' }] });
  });
});

describe('migration 1 → 2', () => {
  it('stores a schema-1 index array as a JSON string, keeping every row for the repair to judge', async () => {
    const { id } = await saveArticle(article(1));
    const rows = (await readIndex()).entries;
    await browser.storage.local.set({ index: [...rows, { broken: true }], schemaVersion: 1 });
    await migrations[1]!();
    const { index } = await browser.storage.local.get('index');
    expect(typeof index).toBe('string');
    expect(JSON.parse(index as string)).toEqual([...rows, { broken: true }]);
    expect((JSON.parse(index as string) as Array<{ id: string }>)[0]?.id).toBe(id);
  });

  it('replaces an index that is not a list with an empty one', async () => {
    await browser.storage.local.set({ index: { oops: true } });
    await migrations[1]!();
    expect(await browser.storage.local.get('index')).toEqual({ index: '[]' });
  });

  it('leaves a schema-2 index alone', async () => {
    await browser.storage.local.set({ index: '[]' });
    await migrations[1]!();
    expect(await browser.storage.local.get('index')).toEqual({ index: '[]' });
  });
});

describe('migration 2 → 3', () => {
  it('writes the index head: the newest 50 rows, newest first', async () => {
    for (let i = 0; i < 60; i++) await saveArticle(article(i), 1000 + i);
    const rows = (await readIndex()).entries.reverse();
    await clearIndexLayout();
    await browser.storage.local.set({ index: JSON.stringify(rows) });
    await migrations[2]!();
    const head = JSON.parse((await browser.storage.local.get('indexHead')).indexHead as string) as Array<{ title: string }>;
    expect(head.map((e) => e.title)).toEqual(Array.from({ length: 50 }, (_, i) => `Story ${59 - i}`));
  });
});

/** Remove the schema-4 pages and the head, to stand in for a library written by an older schema. */
async function clearIndexLayout() {
  const keys = Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('index:') || k === 'indexHead');
  await browser.storage.local.remove(keys);
}

describe('migration 3 → 4', () => {
  it('splits the index into pages by article id, keeps the head, removes the single index key', async () => {
    const saved = [];
    for (let i = 0; i < 60; i++) saved.push(await saveArticle(article(i), 1000 + i));
    const rows = (await readIndex()).entries;
    await clearIndexLayout();
    await browser.storage.local.set({ index: JSON.stringify(rows), indexHead: JSON.stringify(rows.slice(0, 50)), schemaVersion: 3 });
    await migrations[3]!();
    const stored = await browser.storage.local.get(null);
    expect(stored).not.toHaveProperty('index');
    for (const { id } of saved) {
      const page = JSON.parse(stored[`index:${pageOf(id, 32)}`] as string) as Array<{ id: string }>;
      expect(page.map((e) => e.id)).toContain(id);
    }
    expect(JSON.parse(stored.indexHead as string)).toEqual(rows.slice(0, 50));
    expect(await readIndex()).toEqual({ entries: rows, corrupt: 0 });
  });

  it('keeps corrupt rows for the repair to report, and drops nothing valid', async () => {
    const { id } = await saveArticle(article(1));
    const rows = (await readIndex()).entries;
    await clearIndexLayout();
    await browser.storage.local.set({ index: JSON.stringify([...rows, { broken: true }, 7]) });
    await migrations[3]!();
    expect(await readIndex()).toEqual({ entries: [expect.objectContaining({ id })], corrupt: 2 });
    expect(await repairIndex()).toMatchObject({ corruptEntries: 2, added: 0, dropped: 0 });
    expect(await readIndex()).toEqual({ entries: [expect.objectContaining({ id })], corrupt: 0 });
  });

  it('turns an index that is not JSON into empty pages, and the repair relists the records', async () => {
    const { id } = await saveArticle(article(1));
    await clearIndexLayout();
    await browser.storage.local.set({ index: '[{"id": "trunc' });
    await migrations[3]!();
    expect(await readIndex()).toEqual({ entries: [], corrupt: 0 });
    expect(await repairIndex()).toMatchObject({ added: 1 });
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([id]);
  });
});

describe('migration 5 → 6', () => {
  /** A library of `count` articles in schema 5's layout: 32 index pages. */
  async function schema5Library(count: number) {
    for (let i = 0; i < count; i++) await saveArticle(article(i), 1000 + i);
    const { entries } = await readIndex();
    await clearIndexLayout();
    await browser.storage.local.set({ ...indexItems(entries, 32), schemaVersion: 5 });
    return entries;
  }
  const pageKeys = async () => Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('index:'));
  const rowsOn = async (key: string) => JSON.parse(((await browser.storage.local.get(key))[key] as string | undefined) ?? '[]') as Array<{ id: string }>;

  it('moves every row to its page of 256, and only there, keeping the head', async () => {
    const entries = await schema5Library(300);
    expect(INDEX_PAGES).toBe(256);
    const head = (await browser.storage.local.get('indexHead')).indexHead;
    expect(entries.some((e) => pageOf(e.id) !== pageOf(e.id, 32))).toBe(true); // most rows move
    await migrations[5]!();
    expect((await pageKeys()).length).toBe(256);
    for (const e of entries) {
      const on = [];
      for (const key of await pageKeys()) if ((await rowsOn(key)).some((r) => r.id === e.id)) on.push(key);
      expect(on).toEqual([`index:${pageOf(e.id)}`]);
    }
    expect(await readIndex()).toEqual({ entries, corrupt: 0 });
    expect((await browser.storage.local.get('indexHead')).indexHead).toBe(head);
    // Running it again changes nothing (a worker stopped before the version was written).
    const before = await browser.storage.local.get(null);
    await migrations[5]!();
    expect(await browser.storage.local.get(null)).toEqual(before);
  });

  it('keeps corrupt rows on their page for the repair to report', async () => {
    const [first] = await schema5Library(3);
    const page = `index:${pageOf(first!.id, 32)}`;
    await browser.storage.local.set({ [page]: JSON.stringify([...(await rowsOn(page)), { broken: true }]) });
    await migrations[5]!();
    expect(await readIndex()).toMatchObject({ corrupt: 1 });
    expect((await rowsOn(page)).filter((r) => !r.id)).toEqual([{ broken: true }]);
  });

  it('loses nothing when the disk is full: schema 5 stays readable, and the next start finishes the step', async () => {
    const entries = await schema5Library(120);
    const records = await Promise.all(entries.map((e) => readArticle(e.id)));
    const layout = await browser.storage.local.get(null);
    // No room for the 224 new page keys: the step's one set() is refused whole.
    fake.storage.local.quotaBytes = await fake.storage.local.getBytesInUse(null);
    await expect(migrate()).rejects.toMatchObject({ reason: 'quota' });
    expect(await browser.storage.local.get(null)).toEqual(layout);
    expect(await readIndex()).toEqual({ entries, corrupt: 0 });
    // With room again, the next start migrates.
    fake.storage.local.quotaBytes = Infinity;
    await checkIndexAtStart();
    expect(await browser.storage.local.get('schemaVersion')).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect(await readIndex()).toEqual({ entries, corrupt: 0 });
    expect(await Promise.all(entries.map((e) => readArticle(e.id)))).toEqual(records);
  });

  it('keeps a row saved on its new page after a refused attempt, not its stale copy on the old page', async () => {
    const entries = await schema5Library(40);
    const moved = entries.find((e) => pageOf(e.id) >= 32)!; // its new page is not one of the old ones
    const newer = { ...moved, title: 'Renamed after the refused attempt' };
    await browser.storage.local.set({ [`index:${pageOf(moved.id)}`]: JSON.stringify([newer]) });
    await migrations[5]!();
    const { entries: after } = await readIndex();
    expect(after.filter((e) => e.id === moved.id)).toEqual([newer]);
    expect(after).toHaveLength(40);
  });
});

describe('migrate', () => {
  it('repairs a schema-1 library into the current schema on update', async () => {
    const { id } = await saveArticle(article(1));
    await clearIndexLayout();
    await browser.storage.local.set({ index: [], schemaVersion: 1 });
    expect(await migrate()).toEqual({ from: 1, to: SCHEMA_VERSION });
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([id]);
  });

  it('brings a fresh install to the current version', async () => {
    expect(await migrate()).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(await browser.storage.local.get('schemaVersion')).toEqual({ schemaVersion: SCHEMA_VERSION });
  });

  it('does nothing to a library already at the current version but repair its index', async () => {
    await migrate();
    const { id } = await saveArticle(article(1));
    await browser.storage.local.set({ [`index:${pageOf(id)}`]: '[]' });
    expect(await migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([id]);
  });

  it('refuses a schema newer than this version and changes nothing', async () => {
    await browser.storage.local.set({ schemaVersion: SCHEMA_VERSION + 1, index: [] });
    await expect(migrate()).rejects.toThrow(/newer/);
    expect(await browser.storage.local.get(null)).toEqual({ schemaVersion: SCHEMA_VERSION + 1, index: [] });
  });

  it('runs once when install and start ask together', async () => {
    const { id } = await saveArticle(article(1));
    await clearIndexLayout();
    await browser.storage.local.set({ index: [], schemaVersion: 1 });
    const [a, b] = await Promise.all([migrate(), migrate()]);
    expect(a).toEqual({ from: 1, to: SCHEMA_VERSION });
    expect(b).toBe(a);
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([id]);
  });

  it('migrates older storage when the background starts, without an install or update event', async () => {
    const { id } = await saveArticle(article(1));
    const saved = await readArticle(id);
    await clearIndexLayout();
    await browser.storage.local.set({ index: [], schemaVersion: 1 });
    await checkIndexAtStart();
    expect(await browser.storage.local.get('schemaVersion')).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([id]);
    expect(await readArticle(id)).toEqual(saved);
  });

  it('resumes after a failed step instead of skipping it', async () => {
    fake.storage.local.failNextWrites = { count: 2, message: 'IO error' };
    await expect(migrate()).rejects.toThrow(/IO error/);
    expect(await browser.storage.local.get('schemaVersion')).toEqual({});
    await migrate();
    const emptyPages = Object.fromEntries(Array.from({ length: 256 }, (_, n) => [`index:${n}`, '[]']));
    expect(await browser.storage.local.get(null)).toEqual({ ...emptyPages, indexHead: '[]', schemaVersion: SCHEMA_VERSION });
  });
});

/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import fake, { resetFakeBrowser } from '../../helpers/fake-browser';
import { migrate, readIndex, saveArticle, SCHEMA_VERSION } from '../../../src/storage';
import { migrations } from '../../../src/storage/migrations';
import { article } from './fixtures';

beforeEach(resetFakeBrowser);

describe('migration 0 → 1', () => {
  it('creates an empty index on a fresh install', async () => {
    await migrations[0]();
    expect(await browser.storage.local.get(null)).toEqual({ index: [] });
  });

  it('leaves an existing index alone', async () => {
    await browser.storage.local.set({ index: [{ some: 'entry' }] });
    await migrations[0]();
    expect(await browser.storage.local.get('index')).toEqual({ index: [{ some: 'entry' }] });
  });
});

describe('migration 1 → 2', () => {
  it('stores a schema-1 index array as a JSON string, keeping every row for the repair to judge', async () => {
    const { id } = await saveArticle(article(1));
    const rows = JSON.parse((await browser.storage.local.get('index')).index as string);
    await browser.storage.local.set({ index: [...rows, { broken: true }], schemaVersion: 1 });
    await migrations[1]();
    const { index } = await browser.storage.local.get('index');
    expect(typeof index).toBe('string');
    expect(JSON.parse(index as string)).toEqual([...rows, { broken: true }]);
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([id]);
  });

  it('replaces an index that is not a list with an empty one', async () => {
    await browser.storage.local.set({ index: { oops: true } });
    await migrations[1]();
    expect(await browser.storage.local.get('index')).toEqual({ index: '[]' });
  });

  it('leaves a schema-2 index alone', async () => {
    await browser.storage.local.set({ index: '[]' });
    await migrations[1]();
    expect(await browser.storage.local.get('index')).toEqual({ index: '[]' });
  });
});

describe('migration 2 → 3', () => {
  it('writes the index head: the newest 50 rows, newest first', async () => {
    for (let i = 0; i < 60; i++) await saveArticle(article(i), 1000 + i);
    await browser.storage.local.remove('indexHead');
    await migrations[2]();
    const head = JSON.parse((await browser.storage.local.get('indexHead')).indexHead as string);
    expect(head.map((e: { title: string }) => e.title)).toEqual(Array.from({ length: 50 }, (_, i) => `Story ${59 - i}`));
  });
});

describe('migrate', () => {
  it('repairs a schema-1 library into the current schema on update', async () => {
    const { id } = await saveArticle(article(1));
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
    await browser.storage.local.set({ index: [] });
    expect(await migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect((await readIndex()).entries.map((e) => e.id)).toEqual([id]);
  });

  it('refuses a schema newer than this version and changes nothing', async () => {
    await browser.storage.local.set({ schemaVersion: SCHEMA_VERSION + 1, index: [] });
    await expect(migrate()).rejects.toThrow(/newer/);
    expect(await browser.storage.local.get(null)).toEqual({ schemaVersion: SCHEMA_VERSION + 1, index: [] });
  });

  it('resumes after a failed step instead of skipping it', async () => {
    fake.storage.local.failNextWrites = { count: 1, message: 'IO error' };
    await expect(migrate()).rejects.toThrow(/IO error/);
    expect(await browser.storage.local.get('schemaVersion')).toEqual({});
    await migrate();
    expect(await browser.storage.local.get(null)).toEqual({ index: '[]', indexHead: '[]', schemaVersion: SCHEMA_VERSION });
  });
});

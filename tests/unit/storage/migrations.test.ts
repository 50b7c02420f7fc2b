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

describe('migrate', () => {
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
    expect(await browser.storage.local.get(null)).toEqual({ index: [], schemaVersion: SCHEMA_VERSION });
  });
});

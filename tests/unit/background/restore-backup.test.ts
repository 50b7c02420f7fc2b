/**
 * @jest-environment node
 */
import { asSender, resetFakeBrowser } from '../../helpers/fake-browser';
import { backupToJson, createBackup } from '../../../src/export/backup';
import { toLibraryRecord, toStoredArticle } from '../../../src/export/record';
import { parseBackup } from '../../../src/import/lectern-backup';
import { sendMessage } from '../../../src/shared/messages';
import { packRecord } from '../../../src/storage/compress';
import { deflateSync, strToU8 } from 'fflate';
import { toBase64 } from '../../../src/shared/base64';
import browser from 'webextension-polyfill';
import * as storage from '../../../src/storage';
import { article } from '../storage/fixtures';

import '../../../src/background/background';

beforeEach(resetFakeBrowser);

/** A small library made through the storage module, with flags, tags, progress and a read date. */
async function makeLibrary(n: number): Promise<storage.SavedArticle[]> {
  for (let i = 0; i < n; i++) {
    const { id } = await storage.saveArticle(article(i), 1_700_000_000_000 + i * 1000);
    await storage.updateArticle(id, { archived: i % 2 === 0, favorite: i % 3 === 0, tags: [`t${i % 2}`], progress: i / n, read: i === 1 }, 1_700_000_500_000);
  }
  await storage.whenWritten();
  const { entries } = await storage.readIndex();
  return storage.readArticles(entries.map((e) => e.id));
}

const backupText = (articles: storage.SavedArticle[]) => backupToJson(createBackup(articles.map(toLibraryRecord)));
const fromFile = async (text: string) => Promise.all(parseBackup(text).articles.map(toStoredArticle));
const byId = (list: storage.SavedArticle[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

async function library(): Promise<storage.SavedArticle[]> {
  await storage.whenWritten();
  const { entries } = await storage.readIndex();
  return byId(await storage.readArticles(entries.map((e) => e.id)));
}

describe('restoreBackup', () => {
  it('gives back exactly what was exported after a wipe, field by field', async () => {
    const original = byId(await makeLibrary(5));
    const text = backupText(original);
    for (const a of original) await storage.deleteArticle(a.id);
    expect(await library()).toEqual([]);
    expect(await sendMessage('restoreBackup', { articles: await fromFile(text) })).toEqual({ added: 5, replaced: 0 });
    expect(await library()).toEqual(original);
  });

  it('makes no duplicates when restored into the library it came from, or into one with other articles', async () => {
    const original = byId(await makeLibrary(3));
    const text = backupText(original);
    await storage.updateArticle(original[0]!.id, { tags: ['changed'] });
    const other = await storage.saveArticle(article(99));
    expect(await sendMessage('restoreBackup', { articles: await fromFile(text) })).toEqual({ added: 0, replaced: 3 });
    const after = await library();
    expect(after).toHaveLength(4);
    // The article edited since the backup keeps its newer copy; the backup's tags are joined to it.
    const edited = after.find((a) => a.id === original[0]!.id)!;
    expect(edited.tags).toEqual(['changed', ...original[0]!.tags]);
    expect(after.filter((a) => a.id !== other.id && a.id !== edited.id)).toEqual(original.slice(1));
  });

  it('is refused for web pages and for malformed records, and nothing changes', async () => {
    const original = await makeLibrary(2);
    const articles = await fromFile(backupText(original));
    const page = { id: 'lectern-test-id', url: 'https://evil.example/', tab: { id: 5, url: 'https://evil.example/' } };
    await expect(asSender(page, () => sendMessage('restoreBackup', { articles }))).rejects.toThrow(/own pages/);
    const bad = [{ ...articles[0]!, progress: 7 }];
    await expect(sendMessage('restoreBackup', { articles: bad })).rejects.toThrow(/Malformed/);
    expect(await library()).toEqual(byId(original));
  });

  it('stores packed records (the options page packs) exactly as a save would, and refuses a bad body', async () => {
    const original = byId(await makeLibrary(4));
    const stored = await browser.storage.local.get(original.map((a) => `article:${a.id}`));
    const text = backupText(original);
    for (const a of original) await storage.deleteArticle(a.id);
    const packed = (await fromFile(text)).map((a) => packRecord(a));
    expect(await sendMessage('restoreBackup', { articles: packed })).toEqual({ added: 4, replaced: 0 });
    expect(await library()).toEqual(original);
    // Byte for byte the records the library held before the wipe.
    expect(await browser.storage.local.get(original.map((a) => `article:${a.id}`))).toEqual(stored);

    for (const a of original) await storage.deleteArticle(a.id);
    const body = (json: string) => toBase64(deflateSync(strToU8(json)));
    const bad = [
      { ...packed[0]!, body: packed[0]!.body.slice(0, 12) }, // damaged
      { ...packed[0]!, body: body(JSON.stringify(['<p>only the HTML</p>'])) }, // not the pair of content and text
      { ...packed[0]!, body: body(JSON.stringify(['<p>x</p>', 'x', 'more'])) },
      { ...packed[0]!, body: body(JSON.stringify([7, 'x'])) },
    ];
    for (const record of bad) await expect(sendMessage('restoreBackup', { articles: [packed[1]!, record] })).rejects.toThrow(/invalid article/);
    // A packed record is checked field by field like a plain one, and may not carry its body twice.
    await expect(sendMessage('restoreBackup', { articles: [{ ...packed[0]!, progress: 7 }] })).rejects.toThrow(/Malformed/);
    await expect(sendMessage('restoreBackup', { articles: [{ ...packed[0]!, text: 'also plain' }] })).rejects.toThrow(/Malformed/);
    expect(await library()).toEqual([]);
  });

  it('keeps the saved copy’s content when it is the newer one, whatever body the backup’s copy came with', async () => {
    const [a] = await makeLibrary(1);
    const backup = (await fromFile(backupText([a!])))[0]!;
    await storage.restoreArticles([{ ...a!, text: 'Edited since the backup.', updatedAt: a!.updatedAt + 1 }]);
    expect(await sendMessage('restoreBackup', { articles: [packRecord(backup)] })).toEqual({ added: 0, replaced: 1 });
    expect(await storage.readArticle(a!.id)).toMatchObject({ text: 'Edited since the backup.', content: a!.content });
  });
});

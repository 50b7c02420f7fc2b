import { File as NodeFile } from 'node:buffer';
import { webcrypto } from 'node:crypto';
import { fireEvent, render, screen } from '@testing-library/preact';
import browser, { resetFakeBrowser } from '../../helpers/fake-browser';
import { backupToJson, createBackup } from '../../../src/export/backup';
import { toLibraryRecord } from '../../../src/export/record';
import { RestoreBackup } from '../../../src/options/RestoreBackup';
import * as storage from '../../../src/storage';
import { packRecord } from '../../../src/storage/compress';
import { article } from '../storage/fixtures';

import '../../../src/background/background';

// jsdom has no Web Crypto; browsers do. Node's is the same standard API.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });

jest.setTimeout(30_000);

const local = browser.storage.local;
const quota = local.quotaBytes;
beforeEach(() => {
  resetFakeBrowser();
  local.quotaBytes = quota;
});

/** A version-1 backup file of `n` articles whose text does not compress, and the saved library emptied. */
async function backupOf(n: number): Promise<{ file: File; perArticle: number }> {
  const noise = (seed: number) => {
    let x = seed + 1;
    return Array.from({ length: 3000 }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'[(x = (x * 48271) % 2147483647) % 64]).join('');
  };
  for (let i = 0; i < n; i++) await storage.saveArticle(article(i, { text: noise(i) }));
  await storage.whenWritten();
  const ids = (await storage.readIndex()).entries.map((e) => e.id);
  const articles = await storage.readArticles(ids);
  // Node's File: jsdom's has no arrayBuffer() or stream(), which the browsers' have.
  const file = new NodeFile([backupToJson(createBackup(articles.map(toLibraryRecord)))], 'lectern-backup.json') as unknown as File;
  for (const id of ids) await storage.deleteArticle(id);
  await storage.whenWritten();
  return { file, perArticle: JSON.stringify(packRecord(articles[0]!)).length };
}

async function restore(file: File): Promise<string> {
  const { container } = render(<RestoreBackup />);
  const input = container.querySelector('input[type=file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file] });
  fireEvent.change(input);
  return (await screen.findByRole('alert', {}, { timeout: 20_000 })).textContent ?? '';
}

describe('options: a restore on a full disk', () => {
  it('says in words that storage is full when not even the first batch fits', async () => {
    const { file } = await backupOf(60);
    const kept = await storage.saveArticle(article(999));
    local.quotaBytes = await local.getBytesInUse(null);
    expect(await restore(file)).toBe("The browser's storage is full: nothing was restored, and nothing saved earlier was lost. Free some disk space (or delete articles) and restore again.");
    expect((await storage.readIndex()).entries.map((e) => e.id)).toEqual([kept.id]);
  });

  it('says how many articles were restored before it filled up', async () => {
    const { file, perArticle } = await backupOf(120);
    local.quotaBytes = (await local.getBytesInUse(null)) + 70 * perArticle;
    expect(await restore(file)).toMatch(/^The browser's storage is full: 50 articles were restored before it filled up, and nothing saved earlier was lost\./);
    expect((await storage.readIndex()).entries).toHaveLength(50);
  });
});

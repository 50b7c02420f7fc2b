import { File as NodeFile } from 'node:buffer';
import { webcrypto } from 'node:crypto';
import { fireEvent, render, screen } from '@testing-library/preact';
import { strToU8, zipSync } from 'fflate';
import browser, { resetFakeBrowser } from '../../helpers/fake-browser';
import { backupToJson, createBackup } from '../../../src/export/backup';
import { toLibraryRecord } from '../../../src/export/record';
import { RestoreBackup } from '../../../src/options/RestoreBackup';
import * as storage from '../../../src/storage';
import { HIGHLIGHT_LIMITS, type Highlight } from '../../../src/shared/highlight';
import { packRecord } from '../../../src/storage/compress';
import { article } from '../storage/fixtures';

import '../../../src/background/background';

// jsdom has no Web Crypto; browsers do. Node's is the same standard API.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });

// A hang detector, not a speed test: the full-disk restores take 13–19 s alone and over 30 s under load.
jest.setTimeout(120_000);

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

describe('options: what a restore could not bring back as it was', () => {
  const restoreOk = async (file: File) => {
    const { container } = render(<RestoreBackup />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await screen.findByText(/^Restored \d+ articles/, {}, { timeout: 20_000 });
    return container;
  };

  it('tells the user how many offline images were lost, and that their articles were restored', async () => {
    const saved = await storage.saveArticle(article(1));
    const record = toLibraryRecord((await storage.readArticles([saved.id]))[0]!);
    await storage.deleteArticle(saved.id);
    await storage.whenWritten();
    // An image whose bytes do not match their content key (a damaged file): refused, so not restored.
    const key = `sha256-${'0'.repeat(64)}`;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const zip = zipSync({
      'manifest.json': strToU8(JSON.stringify({ format: 'lectern-backup', version: 2, exportedAt: new Date().toISOString(), articles: 1 })),
      [`articles/${record.id}.json`]: strToU8(JSON.stringify(record)),
      [`article-images/${record.id}.json`]: strToU8(JSON.stringify({ 'https://news.example/a.png': key })),
      [`images/${key}`]: png,
    });
    const container = await restoreOk(new NodeFile([zip], 'lectern-backup.zip') as unknown as File);
    expect(container.querySelector('.restore-images-lost')?.textContent).toBe('1 offline images could not be restored (not in the file, or damaged). Their articles were restored; those images load from the web if “Load images from the web in saved articles” allows it.');
    expect((await storage.readIndex()).entries.map((e) => e.id)).toEqual([saved.id]);
  });

  it('lists the articles restored with their highlights fitted to the limits', async () => {
    const saved = await storage.saveArticle(article(2));
    const mark = (i: number): Highlight => ({ id: `h${i}`, quote: { exact: `quote ${i}`, prefix: '', suffix: '' }, position: null, color: 'yellow', note: '', createdAt: 1, updatedAt: 1 });
    const heavy = { ...(await storage.readArticles([saved.id]))[0]!, highlights: Array.from({ length: HIGHLIGHT_LIMITS.perArticle + 1 }, (_, i) => mark(i)) };
    await storage.deleteArticle(saved.id);
    await storage.whenWritten();
    const container = await restoreOk(new NodeFile([backupToJson(createBackup([toLibraryRecord(heavy)]))], 'lectern-backup.json') as unknown as File);
    expect(screen.getByText('Restored 1 articles (1 new, 0 replaced).')).toBeTruthy();
    expect(container.querySelector('details summary')?.textContent).toBe('1 articles were restored with fewer or shorter highlights than the file has (an article keeps at most 2,000 highlights, a quote or note at most 20,000 characters):');
    expect(container.querySelector('details li')?.textContent).toBe(`article 1 (${saved.id}): highlights: 2001 highlights, more than the 2000 an article keeps: the first 2000 were kept`);
    expect((await storage.readArticles([saved.id]))[0]?.highlights).toHaveLength(HIGHLIGHT_LIMITS.perArticle);
  });

  it('names the saved articles it left as they were because merging would leave highlights out', async () => {
    const mark = (i: number): Highlight => ({ id: `h${i}`, quote: { exact: `quote ${i}`, prefix: '', suffix: '' }, position: null, color: 'yellow', note: '', createdAt: 1, updatedAt: 1 });
    const marks = (from: number, n: number) => Array.from({ length: n }, (_, i) => mark(from + i));
    const saved = await storage.saveArticle(article(3));
    const record = (await storage.readArticles([saved.id]))[0]!;
    await storage.restoreArticles([{ ...record, highlights: marks(0, 1200) }]);
    const kept = (await storage.readArticles([saved.id]))[0];
    const file = new NodeFile([backupToJson(createBackup([toLibraryRecord({ ...record, highlights: marks(5000, 1000) })]))], 'lectern-backup.json') as unknown as File;
    const container = await restoreOk(file);
    expect(screen.getByText('Restored 0 articles (0 new, 0 replaced).')).toBeTruthy();
    expect(container.querySelector('details summary')?.textContent).toBe("1 articles in your library were left as they were: together with the file's copy they would have more than 2,000 highlights, so the file's copy was not merged (it is still in the file):");
    expect(container.querySelector('details li')?.textContent).toBe('Story 3 (2200 highlights together)');
    expect((await storage.readArticles([saved.id]))[0]).toEqual(kept);
  });
});


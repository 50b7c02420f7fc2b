/**
 * @jest-environment node
 */
import { unzipSync } from 'fflate';
import browser from 'webextension-polyfill';
import { resetFakeBrowser, type FakeStorageArea } from '../../helpers/fake-browser';
import { backupToJson, createBackup } from '../../../src/export/backup';
import { writeBackupZip } from '../../../src/export/backup-zip';
import { toLibraryRecord } from '../../../src/export/record';
import { restoreBackupFile, RestoreStopped, type RestoreProgress } from '../../../src/options/restore-file';
import { HIGHLIGHT_LIMITS, type Highlight } from '../../../src/shared/highlight';
import * as storage from '../../../src/storage';
import { packRecord } from '../../../src/storage/compress';
import { DOCS, done, openSearchDb, SEARCH_DB } from '../../../src/storage/search-db';
import { searchIndexDisagrees } from '../../../src/storage/search-rebuild';
import { deleteDatabase } from '../../helpers/fake-indexeddb';
import { article } from '../storage/fixtures';

import '../../../src/background/background';

// A hang detector, not a speed test: 120-article libraries with full-disk runs take 20 s alone, 30 s at load 13 and over 120 s in a full parallel run at that load.
jest.setTimeout(300_000);

const local = browser.storage.local as unknown as FakeStorageArea;
const quota = local.quotaBytes;
beforeEach(async () => {
  resetFakeBrowser();
  local.quotaBytes = quota;
  await deleteDatabase(SEARCH_DB);
});

/** The ids the search index holds, sorted. */
async function indexedIds(): Promise<string[]> {
  const db = await openSearchDb();
  return (await done(db.transaction(DOCS).objectStore(DOCS).getAllKeys())).map(String).sort();
}

/** `size` characters that do not compress (article bodies are stored compressed). */
function noise(seed: number, size: number): string {
  let x = seed + 1;
  let out = '';
  for (let i = 0; i < size; i++) {
    x = (x * 48271) % 2147483647;
    out += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'[x % 64];
  }
  return out;
}

async function makeLibrary(n: number, size = 100): Promise<storage.SavedArticle[]> {
  for (let i = 0; i < n; i++) {
    const { id } = await storage.saveArticle(article(i, { text: `Story ${i} ${noise(i, size)}` }), 1_700_000_000_000 + i * 1000);
    await storage.updateArticle(id, { favorite: i % 3 === 0, tags: [`t${i % 2}`], progress: i / n, read: i % 4 === 1 }, 1_700_000_500_000 + i);
  }
  return library();
}

async function library(): Promise<storage.SavedArticle[]> {
  await storage.whenWritten();
  const { entries } = await storage.readIndex();
  return (await storage.readArticles(entries.map((e) => e.id))).sort((a, b) => a.id.localeCompare(b.id));
}

async function zipFile(articles: storage.SavedArticle[]): Promise<File> {
  const records = articles.map(toLibraryRecord);
  const { blob } = await writeBackupZip(records.map((r) => r.id), { read: async (ids) => records.filter((r) => ids.includes(r.id)) });
  return new File([blob], 'lectern-backup.zip');
}

async function wipe() {
  for (const a of await library()) await storage.deleteArticle(a.id);
  await storage.whenWritten();
}

describe('restoring a backup file from the options page', () => {
  it('restores a zip in batches with progress, record for record', async () => {
    const original = await makeLibrary(120);
    const file = await zipFile(original);
    await wipe();
    const progress: RestoreProgress[] = [];
    const report = await restoreBackupFile(file, (p) => progress.push(p), new AbortController().signal);
    expect(report).toEqual({ added: 120, replaced: 0, skipped: [], fitted: [], kept: [], cancelled: false, images: { linked: 0, lost: 0 } });
    expect(await library()).toEqual(original);
    expect(progress.at(-1)).toMatchObject({ done: 120, total: 120, bytes: file.size, totalBytes: file.size });
    expect([...new Set(progress.map((p) => p.done))]).toEqual([0, 50, 100, 120]);
    // Restoring again adds nothing and changes nothing.
    expect(await restoreBackupFile(file, () => {}, new AbortController().signal)).toMatchObject({ added: 0, replaced: 120 });
    expect(await library()).toEqual(original);
  });

  it('updates the search index with each batch, so no rebuild is left to do', async () => {
    const original = await makeLibrary(120);
    const file = await zipFile(original);
    await wipe();
    const indexedWhenProgressed: number[] = [];
    const report = await restoreBackupFile(file, (p) => void (p.done > 0 && indexedIds().then((ids) => indexedWhenProgressed.push(ids.length))), new AbortController().signal);
    expect(report.added).toBe(120);
    expect(await searchIndexDisagrees(120)).toBe(false);
    expect(await indexedIds()).toEqual(original.map((a) => a.id).sort());
    // Searchable batch by batch, while the restore goes on: never all at once at the end.
    expect(indexedWhenProgressed.some((n) => n > 0 && n < 120)).toBe(true);
  });

  it('still restores the JSON backup of earlier versions', async () => {
    const original = await makeLibrary(60);
    const file = new File([backupToJson(createBackup(original.map(toLibraryRecord)))], 'old.json');
    await wipe();
    expect(await restoreBackupFile(file, () => {}, new AbortController().signal)).toMatchObject({ added: 60, replaced: 0 });
    expect(await library()).toEqual(original);
  });

  it('counts a converted backup’s links to fetch, which only Import fetches', async () => {
    const original = await makeLibrary(2);
    const links = [{ url: 'https://news.example/later', tags: [] }];
    const file = new File([backupToJson(Object.assign(createBackup(original.map(toLibraryRecord)), { links }))], 'converted.json');
    await wipe();
    expect(await restoreBackupFile(file, () => {}, new AbortController().signal)).toMatchObject({ added: 2, links: 1 });
    expect(await library()).toEqual(original);
  });

  it('leaves whole articles only when cancelled', async () => {
    const original = await makeLibrary(120);
    const file = await zipFile(original);
    await wipe();
    const controller = new AbortController();
    const report = await restoreBackupFile(file, (p) => p.done >= 50 && controller.abort(), controller.signal);
    expect(report.cancelled).toBe(true);
    const restored = await library();
    expect(restored.length).toBe(report.added);
    expect(restored.length).toBeGreaterThanOrEqual(50);
    expect(restored.length).toBeLessThan(120);
    for (const a of restored) expect(a).toEqual(original.find((o) => o.id === a.id));
    // What was written is searchable: the index lists exactly the articles restored before the cancel.
    expect(await indexedIds()).toEqual(restored.map((a) => a.id).sort());
    expect(await searchIndexDisagrees(restored.length)).toBe(false);
  });

  it('stops on a full disk with what was restored before it intact, and says how many', async () => {
    const original = await makeLibrary(120, 3000);
    const file = await zipFile(original);
    await wipe();
    const kept = await storage.saveArticle(article(999));
    local.quotaBytes = (await local.getBytesInUse(null)) + 70 * JSON.stringify(packRecord(original[0]!)).length;
    const error: unknown = await restoreBackupFile(file, () => {}, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreStopped);
    expect((error as RestoreStopped).message).toMatch(/quota/i);
    expect((error as RestoreStopped).report).toMatchObject({ added: 50, replaced: 0 });
    const after = await library();
    expect(after.map((a) => a.id)).toContain(kept.id);
    expect(after).toHaveLength(51);
    for (const a of after.filter((x) => x.id !== kept.id)) expect(a).toEqual(original.find((o) => o.id === a.id));
  });
});

describe('offline images in the backup zip', () => {
  /** A "PNG": the signature (what the sniffer checks) and `n`-dependent bytes. */
  const png = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, i) => (i * n) % 251)]);
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  const keyOf = async (bytes: Uint8Array) => `sha256-${Buffer.from(await crypto.subtle.digest('SHA-256', bytes as BufferSource)).toString('hex')}`;
  const image = async (url: string, bytes: Uint8Array) => ({ url, key: await keyOf(bytes), type: 'image/png', bytes: bytes.length, data: base64(bytes) });
  const backupImages = {
    links: storage.readImageLinks,
    bytes: async (key: string) => {
      const found = await storage.readImageData(key);
      return found ? new Uint8Array(Buffer.from(found.data, 'base64')) : null;
    },
  };

  async function zipWithImages(articles: storage.SavedArticle[]): Promise<{ file: File; names: string[] }> {
    const records = articles.map(toLibraryRecord);
    const { blob } = await writeBackupZip(records.map((r) => r.id), { read: async (ids) => records.filter((r) => ids.includes(r.id)), images: backupImages });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return { file: new File([blob], 'lectern-backup.zip'), names: Object.keys(unzipSync(bytes)) };
  }

  async function wipeWithImages() {
    for (const a of await library()) {
      await storage.deleteArticle(a.id);
      await storage.releaseArticleImages(a.id);
    }
    await storage.whenWritten();
  }

  it('backs up each image once, after its article, and restores the copies linked to their articles', async () => {
    const [a, b, c] = await makeLibrary(3);
    const shared = await image('https://news.example/shared.png', png(3));
    await storage.storeArticleImages(a!.id, [await image('https://news.example/a.png', png(1)), shared]);
    await storage.storeArticleImages(b!.id, [{ ...shared, url: 'https://other.example/same-bytes.png' }]);
    const before = await Promise.all([a, b, c].map((x) => storage.readArticleImages(x!.id)));
    const { file, names } = await zipWithImages([a!, b!, c!]);
    expect(names.filter((n) => n.startsWith('images/'))).toHaveLength(2);
    expect(names.indexOf(`article-images/${a!.id}.json`)).toBeGreaterThan(names.indexOf(`articles/${a!.id}.json`));
    expect(names).not.toContain(`article-images/${c!.id}.json`);

    await wipeWithImages();
    expect(await storage.imageBytes()).toBe(0);
    const report = await restoreBackupFile(file, () => {}, new AbortController().signal);
    expect(report).toMatchObject({ added: 3, images: { linked: 3, lost: 0 } });
    expect(await Promise.all([a, b, c].map((x) => storage.readArticleImages(x!.id)))).toEqual(before);
    expect(await storage.imageBytes()).toBe(png(1).length + png(3).length);
  });

  it('refuses image bytes that do not match their content key, and restores the articles', async () => {
    const [a] = await makeLibrary(1);
    const good = await image('https://news.example/a.png', png(1));
    // Stored under the key of other bytes: what a tampered or damaged file would bring.
    await storage.storeArticleImages(a!.id, [{ ...good, key: await keyOf(png(2)) }]);
    const { file } = await zipWithImages([a!]);
    await wipeWithImages();
    const report = await restoreBackupFile(file, () => {}, new AbortController().signal);
    expect(report).toMatchObject({ added: 1, images: { linked: 0, lost: 1 } });
    expect(await storage.readArticleImages(a!.id)).toEqual({});
    expect(await library()).toHaveLength(1);
  });
});

describe('highlights past the library’s limits in a backup', () => {
  const mark = (id: string, note = ''): Highlight => ({ id, quote: { exact: `quote ${id}`, prefix: '', suffix: '' }, position: null, color: 'yellow', note, createdAt: 5, updatedAt: 5 });
  const marks = (n: number, from = 0) => Array.from({ length: n }, (_, i) => mark(`h${from + i}`));

  it('restores an article with too many or too long highlights, fitted, next to the others, and says so', async () => {
    const original = await makeLibrary(60);
    const heavy = { ...original[7]!, highlights: [...marks(HIGHLIGHT_LIMITS.perArticle + 5)] };
    const long = { ...original[8]!, highlights: [mark('n1', 'x'.repeat(HIGHLIGHT_LIMITS.note + 10))] };
    const file = await zipFile(original.map((a) => (a.id === heavy.id ? heavy : a.id === long.id ? long : a)));
    await wipe();
    const report = await restoreBackupFile(file, () => {}, new AbortController().signal);
    expect(report).toMatchObject({ added: 60, replaced: 0, skipped: [], kept: [] });
    expect(report.fitted).toEqual([
      { entry: `articles/${heavy.id}.json`, reason: 'highlights: 2005 highlights, more than the 2000 an article keeps: the first 2000 were kept' },
      { entry: `articles/${long.id}.json`, reason: 'highlights: 1 quotes or notes longer than 20000 characters were cut to that length' },
    ]);
    const restored = await library();
    expect(restored).toHaveLength(60);
    expect(restored.find((a) => a.id === heavy.id)?.highlights).toEqual(heavy.highlights.slice(0, HIGHLIGHT_LIMITS.perArticle));
    expect(restored.find((a) => a.id === long.id)?.highlights?.[0]?.note).toBe('x'.repeat(HIGHLIGHT_LIMITS.note));
  });

  it('restores such an article from the JSON backup of earlier versions too, instead of refusing the file', async () => {
    const original = await makeLibrary(3);
    const heavy = { ...original[1]!, highlights: marks(HIGHLIGHT_LIMITS.perArticle + 1) };
    const file = new File([backupToJson(createBackup(original.map((a) => toLibraryRecord(a.id === heavy.id ? heavy : a))))], 'old.json');
    await wipe();
    const report = await restoreBackupFile(file, () => {}, new AbortController().signal);
    expect(report).toMatchObject({ added: 3, fitted: [{ entry: `article 2 (${heavy.id})`, reason: expect.stringMatching(/^highlights: 2001 highlights/) as unknown }] });
    expect((await library()).find((a) => a.id === heavy.id)?.highlights).toHaveLength(HIGHLIGHT_LIMITS.perArticle);
  });

  it('keeps a saved article as it is when merging would leave highlights out, restores the rest, and names it', async () => {
    const original = await makeLibrary(60);
    const target = original[5]!;
    const file = await zipFile(original.map((a) => (a.id === target.id ? { ...a, highlights: marks(1500), updatedAt: a.updatedAt + 10 } : a)));
    // Meanwhile the library's copy got 1,000 other highlights: 2,500 together.
    await storage.restoreArticles([{ ...target, highlights: marks(1000, 5000) }]);
    const saved = (await library()).find((a) => a.id === target.id);
    for (const a of original.slice(0, 30)) if (a.id !== target.id) await storage.deleteArticle(a.id);
    await storage.whenWritten();
    const report = await restoreBackupFile(file, () => {}, new AbortController().signal);
    expect(report.kept).toEqual([{ id: target.id, title: target.title, highlights: 2500 }]);
    expect(report.added).toBe(29);
    expect(report.replaced).toBe(30);
    const after = await library();
    expect(after).toHaveLength(60);
    expect(after.find((a) => a.id === target.id)).toEqual(saved);
  });
});

/** @jest-environment node */
import { strToU8, unzipSync, Zip, ZipPassThrough } from 'fflate';
import { articleEntry, writeBackupZip } from '../../../src/export/backup-zip';
import type { LibraryRecord } from '../../../src/export/types';
import { ImportError } from '../../../src/import/limits';
import { readBackupZip } from '../../../src/import/restore-zip';
import type { Highlight } from '../../../src/shared/highlight';
import { generateLibrary } from './generate-library';

const highlight = (id: string): Highlight => ({
  id, quote: { exact: 'Body', prefix: 'Part 1\n\n', suffix: ' of' }, position: { start: 8, end: 12 }, color: 'green', note: 'a note ✍', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000,
});

const library: LibraryRecord[] = generateLibrary(120).map((r, i) => (i % 10 === 1 ? { ...r, highlights: [highlight(`h${i}`), { ...highlight(`k${i}`), position: null, color: 'pink' as const }] } : r));

const reader = (records: LibraryRecord[]) => async (ids: string[]) => records.filter((r) => ids.includes(r.id));

async function readAll(blob: Blob, onRecord?: (r: LibraryRecord) => void) {
  const records: LibraryRecord[] = [];
  const problems = await readBackupZip(blob.stream(), {
    onRecord: (r) => {
      records.push(r);
      onRecord?.(r);
    },
  });
  return { records, problems };
}

/** A zip built by hand, entry by entry (what a hostile or damaged file may hold). */
function zipOf(entries: Array<[string, string]>): Blob {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, text] of entries) {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(strToU8(text), true);
  }
  zip.end();
  return new Blob(chunks as BlobPart[]);
}
const manifest = (fields: object = {}) => JSON.stringify({ format: 'lectern-backup', version: 2, exportedAt: '2026-11-30T00:00:00.000Z', articles: 1, ...fields });

describe('the streamed zip backup', () => {
  it('gives back every record, highlights included, field by field', async () => {
    const progress: number[] = [];
    const { blob, count } = await writeBackupZip(library.map((r) => r.id), { read: reader(library), onProgress: (p) => progress.push(p.done) });
    expect(count).toBe(120);
    expect(progress).toEqual([50, 100, 120]);
    const { records, problems } = await readAll(blob);
    expect(problems).toEqual([]);
    expect(records).toEqual(library);
  });

  it('is read from a stream in small chunks, one entry at a time', async () => {
    const { blob } = await writeBackupZip(library.map((r) => r.id), { read: reader(library) });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let at = 0;
    const trickle = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(at, at + 777));
        at += 777;
      },
    });
    const ids: string[] = [];
    let inFlight = 0;
    await readBackupZip(trickle, {
      onRecord: async (r) => {
        expect(++inFlight).toBe(1); // the next entry waits for this one
        await new Promise((resolve) => setTimeout(resolve, 0));
        ids.push(r.id);
        inFlight--;
      },
    });
    expect(ids).toEqual(library.map((r) => r.id));
  });

  it('reads a chunk that holds many thousands of entries (Firefox’s File streams hand over megabytes at once)', async () => {
    const good = library[0]!;
    const extras = Array.from({ length: 30_000 }, (_, i): [string, string] => [`extra/${i}.txt`, 'x']);
    const bytes = new Uint8Array(await zipOf([['manifest.json', manifest()], [articleEntry(good.id), JSON.stringify(good)], ...extras]).arrayBuffer());
    const whole = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    const records: LibraryRecord[] = [];
    expect(await readBackupZip(whole, { onRecord: (r) => void records.push(r) })).toEqual([]);
    expect(records).toEqual([good]);
  });

  it('stops when cancelled, and the reader too', async () => {
    const controller = new AbortController();
    const writing = writeBackupZip(library.map((r) => r.id), { read: reader(library), signal: controller.signal, onProgress: () => controller.abort() });
    await expect(writing).rejects.toThrow(/abort/i);
    const { blob } = await writeBackupZip(library.map((r) => r.id), { read: reader(library) });
    const stop = new AbortController();
    let seen = 0;
    await expect(readBackupZip(blob.stream(), { onRecord: () => void (++seen === 10 && stop.abort()), signal: stop.signal })).rejects.toThrow(/abort/i);
    expect(seen).toBeLessThan(120);
  });

  it('skips and reports a bad entry, and reads on', async () => {
    const good = library[0]!;
    const blob = zipOf([
      ['manifest.json', manifest({ articles: 3 })],
      [articleEntry('a'), '{"id": "a", "url": "javascript:alert(1)"}'],
      [articleEntry('b'), '{not json'],
      [articleEntry('c'), JSON.stringify({ ...good, highlights: [{ ...highlight('x'), color: 'red' }] })],
      [articleEntry(good.id), JSON.stringify(good)],
      ['notes/extra.txt', 'a later version may add entries'],
    ]);
    const { records, problems } = await readAll(blob);
    expect(records).toEqual([good]);
    expect(problems.map((p) => p.entry)).toEqual(['articles/a.json', 'articles/b.json', 'articles/c.json']);
    expect(problems[2]!.reason).toMatch(/highlights: expected a list of highlights \(quote, position, colour, note, times\)/);
  });

  it('refuses a zip without the manifest first, a newer version, and a file that is not a zip', async () => {
    const noManifest = zipOf([[articleEntry('x'), JSON.stringify(library[0])]]);
    await expect(readAll(noManifest)).rejects.toMatchObject({ key: 'importBackupWrongFormat' });
    const newer = zipOf([['manifest.json', manifest({ version: 3 })]]);
    await expect(readAll(newer)).rejects.toMatchObject({ key: 'importBackupNewer' });
    const broken = zipOf([['manifest.json', manifest()]]).slice(0, 40);
    const error: unknown = await readAll(new Blob([broken, new Uint8Array(100)])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
  });

  it('compresses: the zip is a fraction of the records’ JSON', async () => {
    const big = library.map((r) => ({ ...r, text: r.text.repeat(200), content: r.content.repeat(200) }));
    const { blob } = await writeBackupZip(big.map((r) => r.id), { read: reader(big) });
    const json = big.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
    expect(blob.size).toBeLessThan(json / 4);
  });
});

describe('the deflate entries', () => {
  it('are ordinary zip entries other tools can list', async () => {
    const { blob } = await writeBackupZip([library[0]!.id], { read: reader(library) });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(Object.keys(unzipSync(bytes))).toEqual(['manifest.json', articleEntry(library[0]!.id)]);
  });
});

/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import { resetFakeBrowser, type FakeStorageArea } from '../../helpers/fake-browser';
import { migrate, readArticle, readArticles, readIndex, repairIndex, saveArticle, SCHEMA_VERSION, type SavedArticle } from '../../../src/storage';
import { isPacked, packedWith, packRecord, unpackBounded, unpackRecord } from '../../../src/storage/compress';
import { deflateSync, strToU8 } from 'fflate';
import { toBase64 } from '../../../src/shared/base64';
import { migrations } from '../../../src/storage/migrations';
import { article } from './fixtures';

const local = browser.storage.local as unknown as FakeStorageArea;
jest.setTimeout(30_000);
beforeEach(resetFakeBrowser);

const longText = (n: number) => Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of story ${n}: the harbour committee met again on Tuesday to discuss the budget.`).join('\n\n');
const long = (n: number) => article(n, { text: longText(n), content: longText(n).split('\n\n').map((p) => `<p>${p}</p>`).join(''), highlights: [] } as never);

describe('compressed article bodies', () => {
  it('round-trip exactly, keep the other fields plain, and take a fraction of the room', async () => {
    const { id } = await saveArticle(long(1));
    const stored = (await local.get(`article:${id}`))[`article:${id}`] as Record<string, unknown>;
    expect(isPacked(stored)).toBe(true);
    expect(stored).not.toHaveProperty('content');
    expect(stored).not.toHaveProperty('text');
    expect(stored).toMatchObject({ id, title: 'Story 1', tags: [], highlights: [] });
    const read = (await readArticle(id))!;
    expect({ content: read.content, text: read.text }).toEqual({ content: long(1).content, text: long(1).text });
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(read).length / 4);
  });

  it('reads a record written before schema 5 as it is, and a damaged body as missing', async () => {
    const { id } = await saveArticle(article(2));
    const plain = (await readArticle(id))!;
    await local.set({ [`article:${id}`]: plain });
    expect(await readArticle(id)).toEqual(plain);
    const packed = packRecord(plain);
    await local.set({ [`article:${id}`]: { ...packed, body: packed.body.slice(0, 10) } });
    expect(await readArticle(id)).toBeNull();
    expect(await readArticles([id])).toEqual([]);
    expect(unpackRecord({ ...packed, body: 7 })).toBeNull();
    // The repair reports it, never fatal.
    expect((await repairIndex()).corruptArticles).toEqual([]);
  });
});

describe('packed records from elsewhere (a restore message)', () => {
  const record = long(3) as unknown as SavedArticle;
  const bodyOf = (json: string) => toBase64(deflateSync(strToU8(json)));

  it('unpack to the record they were packed from; a body packed elsewhere stores as packRecord would', () => {
    const packed = packRecord(record);
    expect(unpackBounded(packed, 1 << 20)).toEqual(record);
    expect(packedWith(record, packed.body)).toEqual(packed);
    expect(unpackBounded(record, 1 << 20)).toBe(record); // plain records pass through
  });

  it('are refused when the body inflates past the bound, is damaged, or is not the pair of content and text', () => {
    const packed = packRecord(record);
    const size = JSON.stringify([record.content, record.text]).length;
    expect(unpackBounded(packed, size)).toEqual(record);
    expect(unpackBounded(packed, size - 1)).toBeNull();
    // A small body that inflates to 16 MB: refused at a 1 MB bound.
    const bomb = { ...packed, body: toBase64(deflateSync(new Uint8Array(16 << 20))) };
    expect(bomb.body.length).toBeLessThan(50_000);
    expect(unpackBounded(bomb, 1 << 20)).toBeNull();
    expect(unpackBounded({ ...packed, body: packed.body.slice(0, 20) }, 1 << 20)).toBeNull();
    expect(unpackBounded({ ...packed, body: '' }, 1 << 20)).toBeNull();
    expect(unpackBounded({ ...packed, body: 5 }, 1 << 20)).toBeNull();
    expect(unpackBounded({ ...packed, body: bodyOf('["a", "b", "c"]') }, 1 << 20)).toBeNull();
    expect(unpackBounded({ ...packed, body: bodyOf('{"content": "a", "text": "b"}') }, 1 << 20)).toBeNull();
    expect(unpackBounded({ ...packed, body: bodyOf('["a", 2]') }, 1 << 20)).toBeNull();
  });
});

describe('migration 4 → 5', () => {
  async function schema4Library(n: number): Promise<SavedArticle[]> {
    for (let i = 0; i < n; i++) await saveArticle(long(i), 1000 + i);
    const { entries } = await readIndex();
    const records = await readArticles(entries.map((e) => e.id));
    // As schema 4 stored them: plain.
    await local.set(Object.fromEntries(records.map((r) => [`article:${r.id}`, r])));
    await local.set({ schemaVersion: 4 });
    return records;
  }

  it('compresses every record, in batches, changing nothing a read sees', async () => {
    const records = await schema4Library(60);
    await local.set({ 'article:00000000000000000000': { broken: true } });
    const before = await local.getBytesInUse(null);
    expect(await migrate()).toEqual({ from: 4, to: SCHEMA_VERSION });
    const stored = await local.get(null);
    expect(records.every((r) => isPacked(stored[`article:${r.id}`]))).toBe(true);
    expect(stored['article:00000000000000000000']).toEqual({ broken: true });
    expect(await readArticles(records.map((r) => r.id))).toEqual(records);
    expect(await local.getBytesInUse(null)).toBeLessThan(before / 3);
  });

  it('resumes after a full disk stops it halfway, and never loses a record', async () => {
    const records = await schema4Library(60);
    local.failNextWrites = null;
    let writes = 0;
    const set = local.set.bind(local);
    local.set = async (items) => {
      if (++writes === 2) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    };
    await expect(migrations[4]!()).rejects.toMatchObject({ reason: 'quota' });
    local.set = set;
    const halfway = await local.get(null);
    expect(records.filter((r) => isPacked(halfway[`article:${r.id}`])).length).toBe(50);
    expect(await readArticles(records.map((r) => r.id))).toEqual(records);
    await migrations[4]!();
    expect(await readArticles(records.map((r) => r.id))).toEqual(records);
    expect(records.every((r) => isPacked((local.data.has(`article:${r.id}`) && JSON.parse(local.data.get(`article:${r.id}`)!)) as unknown))).toBe(true);
  });
});

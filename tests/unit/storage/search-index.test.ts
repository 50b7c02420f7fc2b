/**
 * @jest-environment node
 */
import { deleteDatabase } from '../../helpers/fake-indexeddb';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { deleteArticle, saveArticle } from '../../../src/storage';
import { BLOCKS, BUCKET_SIZE, DOCS, done, INDEX_FORMAT, META, openSearchDb, parseBlock, SEARCH_DB } from '../../../src/storage/search-db';
import { readSummary, shortPrefixes, SUMMARY_SIZE, termCounts } from '../../../src/storage/search-vocabulary';
import { nextBit, prevBit } from '../../../src/shared/search-options';
import { rebuildSearchIndex, searchIndexStatus } from '../../../src/storage/search-rebuild';
import { article } from './fixtures';

beforeEach(async () => {
  resetFakeBrowser();
  await deleteDatabase(SEARCH_DB);
});

async function stored() {
  const db = await openSearchDb();
  const tx = db.transaction([BLOCKS, DOCS]);
  const keys = (await done(tx.objectStore(BLOCKS).getAllKeys())) as Array<[string, number]>;
  const values = await done(tx.objectStore(BLOCKS).getAll());
  return { blocks: keys.map((key, i) => ({ key, postings: parseBlock(values[i]) })), docs: await done(tx.objectStore(DOCS).count()) };
}

describe('the on-disk search index', () => {
  it('keeps each block within one bucket of articles, so a save rewrites bounded blocks at any library size', async () => {
    const count = BUCKET_SIZE + 20;
    for (let n = 0; n < count; n++) await saveArticle(article(n, { text: 'The common word, and a rare one: r' + n }));
    const { blocks, docs } = await stored();
    const common = blocks.filter((b) => b.key[0] === 'common');
    expect(common.map((b) => b.postings.size)).toEqual([BUCKET_SIZE, 20]);
    expect(Math.max(...blocks.map((b) => b.postings.size))).toBeLessThanOrEqual(BUCKET_SIZE);
    expect(docs).toBe(count);
    expect(await searchIndexStatus()).toEqual({ format: INDEX_FORMAT, count, rebuilding: null });
  }, 60_000);

  it('leaves nothing of a deleted article behind', async () => {
    await saveArticle(article(1, { text: 'Only here: xylophone.' }));
    await saveArticle(article(2, { text: 'Another text.' }));
    const before = await stored();
    const { id } = await saveArticle(article(3, { text: 'Unique marimba.' }));
    await deleteArticle(id);
    expect(await stored()).toEqual(before);
  });
});

describe('the neighbours of each word (what a phrase is filtered with)', () => {
  it('keeps in each posting which words stand right before and after it, within one field, also after a rebuild', async () => {
    await saveArticle(article(1, { title: 'Storm', text: 'Wall by the sea. The sea wall.' }));
    const expected = new Map([
      ['storm', 0], // alone in its title: the body's first word is not its neighbour
      ['wall', nextBit('by') | prevBit('sea')],
      ['sea', prevBit('the') | nextBit('the') | nextBit('wall')],
      ['the', prevBit('by') | nextBit('sea') | prevBit('sea')],
    ]);
    const signatures = async () => new Map((await stored()).blocks.filter((b) => expected.has(b.key[0])).map((b) => [b.key[0], [...b.postings.values()][0]?.[2]]));
    expect(await signatures()).toEqual(expected);
    await rebuildSearchIndex();
    expect(await signatures()).toEqual(expected);
  });
});

/**
 * The vocabulary as stored, and as the blocks say it should be: term → how many buckets have a block of it;
 * and each short prefix's stored summary against the one made from those counts.
 */
async function vocabulary() {
  const db = await openSearchDb();
  const tx = db.transaction([BLOCKS, META]);
  const keys = (await done(tx.objectStore(BLOCKS).getAllKeys())) as Array<[string, number]>;
  const fromBlocks = new Map<string, number>();
  for (const [term] of keys) fromBlocks.set(term, (fromBlocks.get(term) ?? 0) + 1);
  const meta = tx.objectStore(META);
  const stored = await termCounts(meta);
  const prefixes = [...new Set([...fromBlocks.keys()].flatMap(shortPrefixes))];
  const summaries = new Map(await Promise.all(prefixes.map(async (p) => [p, (await readSummary(meta, p)).terms] as const)));
  const expected = new Map(prefixes.map((p) => [p, [...fromBlocks].filter(([t]) => t.startsWith(p)).sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1)).slice(0, SUMMARY_SIZE)]));
  return { stored, fromBlocks, summaries, expected };
}

describe('the vocabulary a prefix reads its words from', () => {
  it('counts the buckets of every term, through saves, updates, deletes and a rebuild', async () => {
    const ids: string[] = [];
    for (let n = 0; n < BUCKET_SIZE + 5; n++) ids.push((await saveArticle(article(n, { text: `Common words and a rare one: rare${n}` }))).id);
    let v = await vocabulary();
    expect(v.stored.get('common')).toBe(2);
    expect(v.stored.get('rare7')).toBe(1);
    expect(v.stored).toEqual(v.fromBlocks);
    expect(v.summaries).toEqual(v.expected);
    expect(v.summaries.get('r')?.length).toBe(SUMMARY_SIZE); // rare0… rare516, a few of them kept
    // An update drops the words the article no longer has; a delete drops its rare word.
    await saveArticle(article(3, { text: 'Entirely new: zanzibar.' }));
    await deleteArticle(ids[8]!);
    v = await vocabulary();
    expect(v.stored.has('rare3')).toBe(false);
    expect(v.stored.has('rare8')).toBe(false);
    expect(v.stored.get('zanzibar')).toBe(1);
    expect(v.stored).toEqual(v.fromBlocks);
    expect(v.summaries).toEqual(v.expected);
    await rebuildSearchIndex();
    v = await vocabulary();
    expect(v.stored.get('common')).toBe(2);
    expect(v.stored).toEqual(v.fromBlocks);
    expect(v.summaries).toEqual(v.expected);
  }, 60_000);
});

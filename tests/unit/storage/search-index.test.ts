/**
 * @jest-environment node
 */
import { deleteDatabase } from '../../helpers/fake-indexeddb';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { deleteArticle, saveArticle } from '../../../src/storage';
import { BLOCKS, BUCKET_SIZE, DOCS, done, openSearchDb, parseBlock, SEARCH_DB } from '../../../src/storage/search-db';
import { searchIndexStatus } from '../../../src/storage/search-rebuild';
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
    expect(await searchIndexStatus()).toEqual({ format: 2, count, rebuilding: null });
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

/**
 * @jest-environment node
 */
import { addHighlight, deleteArticle, readArticle, readIndex, removeHighlight, restoreArticle, saveArticle, updateHighlight, whenWritten } from '../../../src/storage';
import type { Highlight } from '../../../src/shared/highlight';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { article } from './fixtures';

beforeEach(resetFakeBrowser);

const highlight = (id: string, exact = 'Body of story'): Highlight => ({
  id, quote: { exact, prefix: '', suffix: ' 1.' }, position: { start: 0, end: exact.length }, color: 'yellow', note: '', createdAt: 5, updatedAt: 5,
});

describe('highlights in the article record', () => {
  it('are added, changed and removed through the record, and the index row counts them', async () => {
    const { id } = await saveArticle(article(1), 1000);
    expect(await addHighlight(id, highlight('a'))).toEqual([highlight('a')]);
    await addHighlight(id, highlight('b', 'story'));
    expect((await readIndex()).entries[0]?.highlights).toBe(2);
    const changed = await updateHighlight(id, 'a', { note: 'A note', color: 'pink' }, 9000);
    expect(changed?.[0]).toEqual({ ...highlight('a'), note: 'A note', color: 'pink', updatedAt: 9000 });
    expect((await readArticle(id))?.highlights).toEqual(changed);
    await removeHighlight(id, 'a');
    await removeHighlight(id, 'b');
    const record = await readArticle(id);
    expect(record).not.toHaveProperty('highlights');
    expect((await readIndex()).entries[0]).not.toHaveProperty('highlights');
  });

  it('adding the same highlight twice (a retried message) keeps one', async () => {
    const { id } = await saveArticle(article(1), 1000);
    await addHighlight(id, highlight('a'));
    expect(await addHighlight(id, { ...highlight('a'), note: 'retried' })).toEqual([{ ...highlight('a'), note: 'retried' }]);
  });

  it('answer null for an article that is gone, and store nothing', async () => {
    expect(await addHighlight('0123456789abcdef', highlight('a'))).toBeNull();
    expect((await readIndex()).entries).toEqual([]);
  });

  it('survive saving the article again (a re-extraction)', async () => {
    const { id } = await saveArticle(article(1), 1000);
    await addHighlight(id, highlight('a'));
    await saveArticle(article(1, { content: '<p>New intro.</p><p>Body of story 1.</p>', text: 'New intro. Body of story 1.' }), 2000);
    expect((await readArticle(id))?.highlights).toEqual([highlight('a')]);
    expect((await readIndex()).entries[0]?.highlights).toBe(1);
  });

  it('go with a deleted article and come back with its undo', async () => {
    const { id } = await saveArticle(article(1), 1000);
    await addHighlight(id, highlight('a'));
    const deleted = await deleteArticle(id);
    expect(await readArticle(id)).toBeNull();
    await restoreArticle(deleted!);
    await whenWritten();
    expect((await readArticle(id))?.highlights).toEqual([highlight('a')]);
    expect((await readIndex()).entries[0]?.highlights).toBe(1);
  });
});

/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.any …) and parsed JSON are typed any */
import { planImport } from '../../../src/import/plan-import';
import { keepUserFields } from '../../../src/import/keep-user-fields';
import { recordFromImport, storedFromImport } from '../../../src/import/to-record';
import { isSavedArticle } from '../../../src/storage/validate';
import type { Article } from '../../../src/shared/article';
import { readFixture } from './fixture';

const article: Article = {
  url: 'https://news.example/2024/river-path.html', title: 'Page title', byline: 'Ana', siteName: 'News', lang: 'en', dir: 'ltr',
  publishedTime: null, excerpt: null, leadImage: null, content: '<p>x</p>', text: 'x', wordCount: 1, readingMinutes: 1,
};
const NOW = new Date('2024-06-01T00:00:00Z');

describe('recordFromImport', () => {
  it('keeps what the source said: title, tags, saved date, archived, favourite, progress', () => {
    const record = recordFromImport({ url: article.url, title: 'My title', tags: ['a'], savedAt: '2024-05-03T10:00:00.000Z', archived: true, favorite: true, progress: 0.5 }, article, 'id1', NOW);
    expect(record).toEqual({ ...article, title: 'My title', id: 'id1', savedAt: '2024-05-03T10:00:00.000Z', updatedAt: NOW.toISOString(), archived: true, favorite: true, tags: ['a'], progress: 0.5 });
  });

  it('falls back to the page title, now, and unflagged', () => {
    const record = recordFromImport({ url: article.url, tags: [] }, article, 'id1', NOW);
    expect(record).toMatchObject({ title: 'Page title', savedAt: NOW.toISOString(), archived: false, favorite: false });
    expect(record).not.toHaveProperty('progress');
  });
});

describe('planImport', () => {
  it('queues only articles not in the library yet, so importing twice adds nothing', () => {
    const { items } = readFixture('pocket/pocket.csv');
    const first = planImport([], items);
    expect(first.queue).toHaveLength(items.length);
    const library = first.queue.map((item, i) => ({ id: `id${i}`, url: item.url }));
    const second = planImport(library, items);
    expect(second.queue).toEqual([]);
    expect(second.alreadySaved.map((s) => s.id)).toEqual(library.map((r) => r.id));
  });

  it('keeps items that came with content out of the fetch queue', () => {
    const plan = planImport([], [
      { url: 'https://news.example/a', tags: [], article: { content: '<p>saved</p>' } },
      { url: 'https://news.example/b', tags: [] },
    ]);
    expect(plan.withContent.map((i) => i.url)).toEqual(['https://news.example/a']);
    expect(plan.queue.map((i) => i.url)).toEqual(['https://news.example/b']);
  });

  it('recognises an article saved under its canonical URL or with tracking parameters', () => {
    const plan = planImport([{ id: 'x', url: 'https://m.news.example/a', canonicalUrl: 'https://news.example/a' }], [
      { url: 'https://www.news.example/a?utm_source=pocket', tags: [] },
      { url: 'https://news.example/b', tags: [] },
    ]);
    expect(plan.alreadySaved.map((s) => s.id)).toEqual(['x']);
    expect(plan.queue.map((i) => i.url)).toEqual(['https://news.example/b']);
  });
});

describe('storedFromImport', () => {
  it('puts the imported highlights on the record as Lectern highlights', async () => {
    const stored = await storedFromImport({ url: article.url, tags: [], highlights: [
      { quote: 'The council met on Tuesday', note: 'Check the minutes', createdAt: 1714734000000 },
      { quote: 'A second passage' },
    ] }, article, NOW);
    expect(stored.highlights).toEqual([
      { id: expect.any(String), quote: { exact: 'The council met on Tuesday', prefix: '', suffix: '' }, position: null, color: 'yellow', note: 'Check the minutes', createdAt: 1714734000000, updatedAt: 1714734000000 },
      { id: expect.any(String), quote: { exact: 'A second passage', prefix: '', suffix: '' }, position: null, color: 'yellow', note: '', createdAt: NOW.getTime(), updatedAt: NOW.getTime() },
    ]);
    expect(stored.highlights![0]!.id).not.toBe(stored.highlights![1]!.id);
    expect(isSavedArticle(stored)).toBe(true);
  });

  it('keeps a bookmark’s description as the excerpt, and has no highlights field when there are none', async () => {
    const stored = await storedFromImport({ url: article.url, tags: [], description: 'Worth a second read' }, article, NOW);
    expect(stored.excerpt).toBe('Worth a second read');
    expect(stored).not.toHaveProperty('highlights');
  });
});

describe('keepUserFields', () => {
  it('keeps the saved record’s flags, dates and highlights, adds new tags and quotes', async () => {
    const saved = await storedFromImport({ url: article.url, tags: ['mine'], favorite: true, highlights: [{ quote: 'kept' }] }, article, NOW);
    const incoming = await storedFromImport({ url: article.url, tags: ['imported'], archived: true, highlights: [{ quote: 'kept' }, { quote: 'new' }] }, { ...article, title: 'Newer text' }, new Date('2024-07-01T00:00:00Z'));
    const merged = keepUserFields(incoming, { ...saved, readAt: 5, progress: 0.3 });
    expect(merged).toMatchObject({ title: 'Newer text', tags: ['mine', 'imported'], favorite: true, archived: false, readAt: 5, progress: 0.3, savedAt: saved.savedAt });
    expect(merged.highlights!.map((h) => h.quote.exact)).toEqual(['kept', 'new']);
    expect(merged.highlights![0]!.id).toBe(saved.highlights![0]!.id);
  });
});

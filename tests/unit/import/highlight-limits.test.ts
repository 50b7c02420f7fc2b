/** @jest-environment node */
import { parseBackup } from '../../../src/import/lectern-backup';
import { toHighlights } from '../../../src/import/highlights';
import { HIGHLIGHT_LIMITS, isHighlightList } from '../../../src/shared/highlight';
import { fixture, readText } from './fixture';

/** A wallabag export of one article with these annotations (wallabag keeps the note in `text`). */
const wallabag = (annotations: unknown[]) => readText(JSON.stringify([{
  id: 1, url: 'https://news.example/marked', title: 'Marked', content: '<p>Text</p>', tags: [], is_archived: 0, is_starred: 0,
  created_at: '2024-05-03T10:00:00+0000', annotations,
}]));

describe('imported highlights past the library’s limits', () => {
  it('keeps quotes and notes whole within the limits, and reports nothing', () => {
    const note = 'n'.repeat(HIGHLIGHT_LIMITS.note);
    const { items, changed } = wallabag([{ quote: 'q'.repeat(HIGHLIGHT_LIMITS.quote), text: note }]);
    expect(items[0]?.highlights).toEqual([{ quote: 'q'.repeat(HIGHLIGHT_LIMITS.quote), note }]);
    expect(changed).toBeUndefined();
  });

  it('cuts a longer note or quote to the limit, keeps the article, and says so', () => {
    const { items, changed } = wallabag([
      { quote: 'first', text: 'x'.repeat(HIGHLIGHT_LIMITS.note + 500) },
      { quote: 'y'.repeat(HIGHLIGHT_LIMITS.quote + 1) },
      { quote: 'third', text: 'short' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]?.highlights?.map((h) => [h.quote.length, h.note?.length])).toEqual([[5, HIGHLIGHT_LIMITS.note], [HIGHLIGHT_LIMITS.quote, undefined], [5, 5]]);
    expect(changed).toMatchObject([{ index: 0, key: 'importRowHighlightsCut', reason: '3 highlights: 0 left out (empty, or past 2000 per article), 2 shortened to fit' }]);
    expect(isHighlightList(toHighlights(items[0]?.highlights))).toBe(true);
  });

  it('keeps the first 2,000 highlights of an article and reports the rest', () => {
    const many = Array.from({ length: HIGHLIGHT_LIMITS.perArticle + 3 }, (_, i) => ({ quote: `quote ${i}` }));
    const { items, changed } = wallabag(many);
    expect(items[0]?.highlights).toHaveLength(HIGHLIGHT_LIMITS.perArticle);
    expect(items[0]?.highlights?.at(-1)?.quote).toBe(`quote ${HIGHLIGHT_LIMITS.perArticle - 1}`);
    expect(changed?.[0]?.reason).toBe('2003 highlights: 3 left out (empty, or past 2000 per article), 0 shortened to fit');
    expect(isHighlightList(toHighlights(items[0]?.highlights))).toBe(true);
  });
});

describe('a backup’s highlights with longer quote contexts', () => {
  it('restores them with the contexts cut to the limit, nearest the quote kept', () => {
    const backup = JSON.parse(fixture('lectern-backup.json')) as { articles: Record<string, unknown>[] };
    const prefix = `${'p'.repeat(300)}END`;
    const suffix = `START${'s'.repeat(300)}`;
    backup.articles[0]!.highlights = [{ id: 'h1', quote: { exact: 'harbour', prefix, suffix }, position: null, color: 'yellow', note: 'mine', createdAt: 1, updatedAt: 1 }];
    const [first] = parseBackup(JSON.stringify(backup)).articles;
    const quote = first?.highlights?.[0]?.quote;
    expect(quote?.prefix).toBe(prefix.slice(-HIGHLIGHT_LIMITS.context));
    expect(quote?.prefix.endsWith('END')).toBe(true);
    expect(quote?.suffix).toBe(suffix.slice(0, HIGHLIGHT_LIMITS.context));
    expect(first?.highlights?.[0]?.note).toBe('mine');
  });
});

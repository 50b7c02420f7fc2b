import { addressKeys, mergeRecords, planRestore } from '../../../src/storage/restore-plan';
import type { SavedArticle } from '../../../src/storage/schema';
import { HIGHLIGHT_LIMITS, isHighlightList, type Highlight } from '../../../src/shared/highlight';
import { article } from './fixtures';

const saved = (n: number, fields: Partial<SavedArticle> = {}): SavedArticle => ({
  ...article(n), id: `a${n}`.padEnd(20, '0'), urlKey: `https://news.example/story-${n}`,
  savedAt: 1000, updatedAt: 1000, readAt: null, archived: false, favorite: false, tags: [], progress: 0, ...fields,
});

const highlight = (id: string, updatedAt: number, note = ''): Highlight => ({
  id, quote: { exact: 'Body', prefix: '', suffix: ' of story' }, position: { start: 0, end: 4 }, color: 'yellow', note, createdAt: 1, updatedAt,
});

describe('planRestore', () => {
  it('meets saved records by id and by the URL key of the address or the canonical address', () => {
    const existing = [
      { id: 'x1', url: 'https://www.news.example/story-1?utm_source=a' },
      { id: 'x2', url: 'https://m.news.example/2', canonicalUrl: 'https://news.example/story-2' },
      { id: 'x3', url: 'https://news.example/other' },
    ];
    const plan = planRestore(existing, [
      { id: 'r1', url: 'https://news.example/story-1' },
      { id: 'r2', url: 'https://news.example/story-2/' },
      { id: 'x3', url: 'https://news.example/moved' },
      { id: 'r4', url: 'https://news.example/new' },
    ]);
    expect(Object.fromEntries(plan.meets)).toEqual({ r1: ['x1'], r2: ['x2'], x3: ['x3'], r4: [] });
    expect(plan.remove.sort()).toEqual(['x1', 'x2']);
    expect({ added: plan.added, replaced: plan.replaced }).toEqual({ added: 1, replaced: 3 });
  });

  it('ignores addresses that are not http(s)', () => {
    expect(addressKeys({ id: 'a', url: 'javascript:alert(1)', canonicalUrl: 'https://news.example/a/' })).toEqual(['https://news.example/a']);
  });
});

describe('mergeRecords', () => {
  it('keeps the newer copy of the article and archived flag, and everything the user made in either', () => {
    const old = saved(1, { updatedAt: 1000, savedAt: 500, tags: ['kept', 'both'], favorite: true, readAt: 900, progress: 0.8, archived: true, title: 'Old title' });
    const fresh = saved(1, { updatedAt: 2000, savedAt: 700, tags: ['both', 'new'], favorite: false, readAt: null, progress: 0.3, archived: false, title: 'New title' });
    for (const [restored, current] of [[old, fresh], [fresh, old]] as const) {
      const merged = mergeRecords(restored, current);
      expect(merged).toEqual({ ...fresh, tags: ['both', 'new', 'kept'], favorite: true, readAt: 900, progress: 0.8, savedAt: 500, updatedAt: 2000 });
    }
  });

  it('takes the restored copy on a tie, under the restored id', () => {
    const restored = saved(1, { id: 'b'.repeat(20), title: 'From the backup' });
    expect(mergeRecords(restored, saved(1, { title: 'In the library' }))).toEqual(restored);
  });

  it('gives back the same record when both copies are the same (restoring twice changes nothing)', () => {
    const a = saved(3, { tags: ['x'], favorite: true, readAt: 5, progress: 0.5 });
    expect(mergeRecords({ ...a }, { ...a })).toEqual(a);
  });

  it('joins highlights by id, keeping the later edit of each', () => {
    const restored = saved(1, { updatedAt: 2000, highlights: [highlight('h1', 10, 'old note'), highlight('h2', 10)] });
    const current = saved(1, { updatedAt: 1000, highlights: [highlight('h1', 20, 'new note'), highlight('h3', 5)] });
    const merged = mergeRecords(restored, current) as SavedArticle & { highlights: Highlight[] };
    expect(merged.highlights.map((h) => [h.id, h.note])).toEqual([['h1', 'new note'], ['h2', ''], ['h3', '']]);
  });

  it('never joins past the per-article limit (the record would not be readable), and says how many it left out', () => {
    const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => highlight(`${prefix}${i}`, 1));
    const restored = saved(1, { updatedAt: 2000, highlights: many('r', 1500) });
    const current = saved(1, { updatedAt: 1000, highlights: many('s', 700) });
    const left: number[] = [];
    const merged = mergeRecords(restored, current, (n) => left.push(n));
    expect(left).toEqual([200]);
    expect(merged.highlights).toHaveLength(HIGHLIGHT_LIMITS.perArticle);
    expect(merged.highlights?.slice(0, 1500)).toEqual(restored.highlights); // the newer copy's all kept
    expect(isHighlightList(merged.highlights)).toBe(true);
    mergeRecords(saved(1, { highlights: many('r', 10) }), saved(1, { highlights: many('s', 10) }), (n) => left.push(n));
    expect(left).toEqual([200]);
  });
});

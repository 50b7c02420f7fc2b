import { mergeStates, sameState, type ArticleState } from '../../../src/sync/merge';
import { clockAt, changedFields, initialClocks, laterClock } from '../../../src/storage/sync-fields';
import type { SavedArticle } from '../../../src/storage';
import type { Highlight } from '../../../src/shared/highlight';
import { article } from '../storage/fixtures';

const record = (over: Partial<SavedArticle> = {}): SavedArticle => ({
  ...article(1), id: 'aaaaaaaaaaaaaaaaaaaa', urlKey: 'https://news.example/story-1', savedAt: 100, updatedAt: 100,
  readAt: null, archived: false, favorite: false, tags: [], progress: 0, ...over,
});
const hl = (id: string, note = ''): Highlight => ({ id, quote: { exact: 'Body', prefix: '', suffix: '' }, position: null, color: 'yellow', note, createdAt: id.charCodeAt(0), updatedAt: 1 });
const A = (t: number) => clockAt(t, 'aaaaaaaaaaaaaaaa');
const B = (t: number) => clockAt(t, 'bbbbbbbbbbbbbbbb');
const base = record();
const baseClocks = initialClocks(base, 'aaaaaaaaaaaaaaaa');
const state = (rec: SavedArticle | null, c: Record<string, string>, del?: string): ArticleState => ({ record: rec, clocks: del ? { c, del } : { c } });

describe('clocks', () => {
  test('sort in time order as text, the device id breaking ties', () => {
    expect(A(999) < A(1000)).toBe(true);
    expect(A(5) < B(5)).toBe(true);
    expect(laterClock(A(7), B(3))).toBe(A(7));
    expect(laterClock(undefined, B(3))).toBe(B(3));
  });

  test('a write changes only the fields it touched', () => {
    expect(changedFields(base, { ...base, tags: ['x'], updatedAt: 500 })).toEqual(['tags']);
    expect(changedFields(base, { ...base, title: 'New', readAt: 3 }).sort()).toEqual(['body', 'read']);
    expect(changedFields(base, { ...base, highlights: [hl('h1')] })).toEqual(['h:h1']);
    expect(changedFields({ ...base, highlights: [hl('h1'), hl('h2')] }, { ...base, highlights: [hl('h2')] })).toEqual(['h:h1']);
    expect(changedFields(base, { ...base, updatedAt: 900 })).toEqual([]);
    expect(changedFields(null, base).sort()).toEqual(['archived', 'body', 'favorite', 'progress', 'read', 'tags']);
  });
});

describe('merge', () => {
  test('different fields changed on two devices: both kept', () => {
    const a = state({ ...base, tags: ['physics'] }, { ...baseClocks, tags: A(200) });
    const b = state({ ...base, favorite: true, progress: 0.5 }, { ...baseClocks, favorite: B(300), progress: B(300) });
    const merged = mergeStates(a, b);
    expect(merged.record).toMatchObject({ tags: ['physics'], favorite: true, progress: 0.5 });
    expect(mergeStates(b, a)).toEqual(merged); // commutative
    expect(mergeStates(merged, a)).toEqual(merged); // idempotent
  });

  test('the same field on both: the later clock wins, whatever order they meet in', () => {
    const a = state({ ...base, tags: ['late'] }, { ...baseClocks, tags: A(500) });
    const b = state({ ...base, tags: ['early'], archived: true }, { ...baseClocks, tags: B(400), archived: B(400) });
    expect(mergeStates(a, b).record).toMatchObject({ tags: ['late'], archived: true });
    expect(mergeStates(b, a).record).toMatchObject({ tags: ['late'], archived: true });
  });

  test('a deletion wins over older edits and loses to a later one (which brings the whole article back)', () => {
    const deleted = state(null, baseClocks, B(300));
    const olderEdit = state({ ...base, tags: ['x'] }, { ...baseClocks, tags: A(200) });
    const laterEdit = state({ ...base, tags: ['y'] }, { ...baseClocks, tags: A(400) });
    expect(mergeStates(olderEdit, deleted)).toEqual({ record: null, clocks: { c: { ...baseClocks, tags: A(200) }, del: B(300) } });
    const back = mergeStates(deleted, laterEdit);
    expect(back.record).toMatchObject({ title: base.title, content: base.content, tags: ['y'] });
    expect(back.clocks.del).toBe(B(300)); // the tombstone's clock is kept: an older copy elsewhere cannot revive it
  });

  test('a re-save after a delete on another device converges to the saved article on every side', () => {
    const deleted = state(null, baseClocks, A(300));
    const resaved = state({ ...base, title: 'Again' }, initialClocks({ ...base, updatedAt: 400 }, 'bbbbbbbbbbbbbbbb'));
    const [x, y] = [mergeStates(deleted, resaved), mergeStates(resaved, deleted)];
    expect(sameState(x, y)).toBe(true);
    expect(x.record?.title).toBe('Again');
  });

  test('highlights merge one by one: added on both sides, a removal and a note edit each hold', () => {
    const start = { ...base, highlights: [hl('a1'), hl('c3')] };
    const startClocks = { ...baseClocks, 'h:a1': A(100), 'h:c3': A(100) };
    const a = state({ ...start, highlights: [hl('a1', 'note from A'), hl('c3'), hl('b2')] }, { ...startClocks, 'h:a1': A(200), 'h:b2': A(200) });
    const b = state({ ...start, highlights: [hl('a1'), hl('d4')] }, { ...startClocks, 'h:c3': B(210), 'h:d4': B(210) }); // removed c3, added d4
    const merged = mergeStates(a, b).record!;
    expect(merged.highlights?.map((h) => [h.id, h.note])).toEqual([['a1', 'note from A'], ['b2', ''], ['d4', '']]);
  });

  test('first save date is the earliest, last update the latest', () => {
    const a = state(record({ savedAt: 50, updatedAt: 60 }), baseClocks);
    const b = state(record({ savedAt: 70, updatedAt: 900 }), { ...baseClocks, tags: B(900) });
    expect(mergeStates(a, b).record).toMatchObject({ savedAt: 50, updatedAt: 900 });
  });
});

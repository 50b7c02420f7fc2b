import { applyFilters } from '../../../src/library/filter';

describe('the library filter "with highlights"', () => {
  it('shows the articles with at least one highlight, archived ones too', () => {
    const row = (id: string, extra: object) => ({ id, urlKey: id, url: '', title: id, site: '', excerpt: '', readingMinutes: 1, savedAt: 1, read: false, archived: false, favorite: false, tags: [], ...extra });
    const rows = [row('a', { highlights: 2 }), row('b', {}), row('c', { highlights: 1, archived: true })];
    expect(applyFilters(rows, { show: 'highlighted', tag: null }).map((e) => e.id)).toEqual(['a', 'c']);
  });
});

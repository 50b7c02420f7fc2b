/** @jest-environment node */
import { parseInstapaperCsv } from '../../../src/import/instapaper';
import { ImportError } from '../../../src/import/limits';
import { parsePocketCsv } from '../../../src/import/pocket';
import { fixture } from './fixture';

describe('parsePocketCsv', () => {
  const { items, errors } = parsePocketCsv(fixture('pocket.csv'));

  it('reads url, title, tags, date and status', () => {
    expect(items[0]).toEqual({
      url: 'https://news.example/2024/river-path.html',
      title: 'The river path: what the council decided',
      tags: ['city', 'local news'],
      savedAt: '2024-05-03T10:00:00.000Z',
      archived: false,
    });
    expect(items[1]).toMatchObject({ title: 'Quotes, commas and "escapes"', archived: true, tags: [] });
  });

  it('handles quoted cells across lines', () => {
    expect(items[2]).toMatchObject({ url: 'http://old.example/page', title: 'A title across two lines', tags: ['long read'] });
  });

  it('keeps HTML in titles and tags as plain text', () => {
    expect(items[3]).toMatchObject({ title: '<img src=x onerror=alert(1)> Title with HTML', tags: ['<b>tag</b>'] });
  });

  it('imports rows without a date or a title', () => {
    expect(items.find((i) => i.url.endsWith('/no-date'))!.savedAt).toBeUndefined();
    expect(items.find((i) => i.url.endsWith('/untitled'))).toMatchObject({ title: undefined, archived: true });
  });

  it('skips non-web URLs, missing URLs and duplicates, saying which line and why', () => {
    expect(errors).toEqual([
      { line: 6, reason: 'same article as line 2', key: 'importRowDuplicateLine', subs: ['2'] },
      { line: 8, reason: 'not a web address (javascript:): javascript:alert(document.cookie)', key: 'importRowNotWeb', subs: ['javascript:', 'javascript:alert(document.cookie)'] },
      { line: 9, reason: 'not a web address (data:): data:text/html;base64', key: 'importRowNotWeb', subs: ['data:', 'data:text/html;base64'] },
      { line: 12, reason: 'no URL', key: 'importRowNoUrl', subs: [] },
    ]);
    expect(items.map((i) => i.url)).not.toContainEqual(expect.stringMatching(/^(javascript|data):/));
    expect(items).toHaveLength(6);
  });

  it('refuses a file without a url column', () => {
    expect(() => parsePocketCsv(fixture('pocket-no-url-column.csv'))).toThrow(new ImportError('importNotPocket', '"url"'));
  });

  it('refuses an empty file', () => {
    expect(() => parsePocketCsv('')).toThrow(ImportError);
  });

  it('survives an unterminated quote without inventing rows', () => {
    const result = parsePocketCsv(fixture('pocket-unterminated-quote.csv'));
    expect(result.items.length + result.errors.length).toBeLessThanOrEqual(2);
    for (const item of result.items) expect(item.url).toMatch(/^https:\/\/news\.example\//);
  });

  it('refuses more rows than the limit instead of importing part of them', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `t,https://a.example/${i},1714730400,,unread`);
    expect(() => parsePocketCsv(`title,url,time_added,tags,status\n${rows.join('\n')}`)).toThrow(/more than 100000 rows/);
  });

  it('refuses a file over 50 MB before parsing it', () => {
    expect(() => parsePocketCsv(`url\n${'x'.repeat(50 * 1024 * 1024)}`)).toThrow(/limit is 50 MB/);
  });
});

describe('parseInstapaperCsv', () => {
  it('maps folders to archived, favourite or a tag', () => {
    const { items, errors } = parseInstapaperCsv(fixture('instapaper.csv'));
    expect(items.map((i) => [i.title, i.archived, i.favorite, i.tags])).toEqual([
      ['The river path', false, false, []],
      ['Archived one', true, false, []],
      ['Starred one', false, true, []],
      ['Soup', false, false, ['Recipes']],
    ]);
    expect(items[0]?.savedAt).toBe('2024-05-03T10:00:00.000Z');
    expect(errors).toMatchObject([{ line: 6, reason: 'not a web address (ftp:): ftp://files.example/x' }]);
  });

  it('reads the Tags column of newer exports', () => {
    expect(parseInstapaperCsv(fixture('instapaper-tags.csv')).items[0]?.tags).toEqual(['one', 'two']);
  });

  it('refuses a Pocket file', () => {
    expect(() => parseInstapaperCsv(fixture('pocket.csv'))).toThrow(/not an Instapaper export file: no "folder" column/);
  });
});

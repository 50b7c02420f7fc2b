/** @jest-environment node */
import { ImportError } from '../../../src/import/limits';
import { readFixture, readText } from './fixture';

describe('Pocket CSV', () => {
  const { format, items, errors } = readFixture('pocket/pocket.csv');

  it('is recognised by its header and reads url, title, tags, date and status', () => {
    expect(format).toBe('pocket');
    expect(items[0]).toEqual({
      url: 'https://news.example/2024/river-path.html',
      title: 'The river path: what the council decided',
      tags: ['city', 'local news'],
      savedAt: '2024-05-03T10:00:00.000Z',
      archived: false,
    });
    expect(items[1]).toMatchObject({ title: 'Quotes, commas and "escapes"', archived: true, tags: [] });
  });

  it('handles quoted cells across lines, and keeps HTML in titles and tags as plain text', () => {
    expect(items[2]).toMatchObject({ url: 'http://old.example/page', title: 'A title across two lines', tags: ['long read'] });
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
    expect(items).toHaveLength(6);
  });

  it('gives rows with the same tags equal lists that no item can change for another', () => {
    const { items: read } = readText('title,url,time_added,tags,status\na,https://a.example/1,,x|y,unread\nb,https://a.example/2,,x|y,unread\nc,https://a.example/3,,,unread\n');
    expect(read.map((item) => item.tags)).toEqual([['x', 'y'], ['x', 'y'], []]);
    expect(() => read[0]!.tags.push('z')).toThrow(TypeError);
    expect(() => read[2]!.tags.push('z')).toThrow(TypeError);
    expect(read[1]!.tags).toEqual(['x', 'y']);
  });

  it('reads the newer header with a cursor column the same way', () => {
    const result = readFixture('pocket/pocket-cursor.csv');
    expect(result.format).toBe('pocket');
    expect(result.items).toEqual([
      { url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z', archived: false },
      { url: 'https://longform.example/essay', title: 'An essay', tags: [], savedAt: '2024-05-04T10:00:00.000Z', archived: true },
    ]);
  });

  it('reads wallabag’s Pocket fixture, a real export (accents, a title across lines, archived rows)', () => {
    const result = readFixture('pocket/wallabag-pocket.csv');
    expect(result.items).toHaveLength(7);
    expect(result.items[3]).toEqual({
      url: 'https://www.reddit.com/r/DataHoarder/comments/ioupbk/archivebox_question_how_do_i_import_links_from_a/',
      title: 'ArchiveBox question: How do I import links from a RSS feed?', tags: [], savedAt: '2020-09-24T15:31:36.000Z', archived: true,
    });
    expect(result.items[6]!.title).toBe('Des abeilles pour résoudre les « conflits » entre les humains et les élépha');
  });

  it('refuses a file without the columns of any export, naming the columns it found', () => {
    expect(() => readFixture('pocket/pocket-no-url-column.csv')).toThrow(ImportError);
    expect(() => readFixture('pocket/pocket-no-url-column.csv')).toThrow(/its columns are "title", "link", "time_added"\. Expected the columns of a Pocket, Instapaper/);
  });

  it('survives an unterminated quote without inventing rows', () => {
    const result = readFixture('pocket/pocket-unterminated-quote.csv');
    expect(result.items.length + result.errors.length).toBeLessThanOrEqual(2);
    for (const item of result.items) expect(item.url).toMatch(/^https:\/\/news\.example\//);
  });

  it('refuses more rows than the limit instead of importing part of them', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `t,https://a.example/${i},1714730400,,unread`);
    expect(() => readText(`title,url,time_added,tags,status\n${rows.join('\n')}`)).toThrow(/more than 100000 rows/);
  });

  it('refuses a file over 50 MB before parsing it', () => {
    expect(() => readText(`url\n${'x'.repeat(50 * 1024 * 1024)}`)).toThrow(/limit is 50 MB/);
  });
});

describe('text encodings', () => {
  const expected = { url: 'https://news.example/cafe', title: 'Café crème à Zürich – “quoted”', tags: ['café'], savedAt: '2024-05-03T10:00:00.000Z', archived: false };
  it.each(['pocket-windows-1252.csv', 'pocket-utf-16le.csv', 'pocket-utf-8-bom.csv'])('reads %s with every accent and quote intact', (name) => {
    expect(readFixture(`encoding/${name}`).items).toEqual([expected]);
  });
});

describe('Instapaper CSV', () => {
  it('maps folders to archived, favourite or a tag, and keeps the Selection as a highlight', () => {
    const { format, items, errors } = readFixture('instapaper/instapaper.csv');
    expect(format).toBe('instapaper');
    expect(items.map((i) => [i.title, i.archived, i.favorite, i.tags])).toEqual([
      ['The river path', false, false, []],
      ['Archived one', true, false, []],
      ['Starred one', false, true, []],
      ['Soup', false, false, ['Recipes']],
    ]);
    expect(items[0]).toMatchObject({ savedAt: '2024-05-03T10:00:00.000Z', highlights: [{ quote: 'A selected passage, with a comma' }] });
    expect(errors).toMatchObject([{ line: 6, reason: 'not a web address (ftp:): ftp://files.example/x' }]);
  });

  it('reads the Tags column of newer exports', () => {
    expect(readFixture('instapaper/instapaper-tags.csv').items[0]!.tags).toEqual(['one', 'two']);
  });

  it('reads the older four-column export (wallabag’s real fixture): no date, folders still kept', () => {
    const { items } = readFixture('instapaper/wallabag-instapaper-export.csv');
    expect(items).toEqual([
      { url: 'https://www.theguardian.com/global-development/ng-interactive/2025/dec/22/childbirth-under-attack-how-women-and-babies-became-targets-in-conflicts-around-the-world', title: 'Childbirth under attack: how women and babies became targets in conflicts around the world', tags: [], archived: false, favorite: false },
      { url: 'https://redditblog.com/2016/09/20/amp-and-reactredux/', title: 'AMP and React+Redux: Why Not?', tags: [], archived: true, favorite: false },
      { url: 'https://medium.com/@the_minh/why-foursquare-swarm-is-still-my-favourite-social-network-e38228493e6c', title: 'Why Foursquare / Swarm is still my favourite social network', tags: [], archived: false, favorite: true },
      { url: 'https://www.20minutes.fr/high-tech/2077615-20170531-quoi-exactement-tweet-covfefe-donald-trump-persiste-signe', title: 'Dis donc Donald Trump, c\'est quoi exactement «covfefe»?', tags: ['test_tag'], archived: false, favorite: false },
    ]);
  });
});

describe('Readwise Reader CSV', () => {
  const { format, items, errors } = readFixture('readwise/reader_export.csv');

  it('reads tags, saved date, location and progress', () => {
    expect(format).toBe('readwise');
    expect(items).toEqual([
      { url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z', archived: false, favorite: false, progress: 0.4 },
      { url: 'https://longform.example/essay', title: 'An essay, archived', tags: [], savedAt: '2024-05-04T10:00:00.000Z', archived: true, favorite: false, progress: 1 },
      { url: 'https://blog.example/star', title: 'Shortlisted', tags: ["it's quoted"], savedAt: '2024-05-05T10:00:00.000Z', archived: false, favorite: true, progress: 0 },
      { url: 'https://blog.example/new', title: 'New one', tags: [], savedAt: '2024-05-07T10:00:00.000Z', archived: false, favorite: false },
    ]);
  });

  it('skips RSS feed items the user never saved, saying so', () => {
    expect(errors).toEqual([{ line: 5, reason: 'an RSS feed item you did not save', key: 'importRowFeedItem', subs: [] }]);
    expect(items.map((i) => i.url)).not.toContain('https://feeds.example/item');
  });
});

describe('Raindrop.io CSV', () => {
  it('reads the collection as a tag (not "Unsorted"), tags, dates, favourites and the note', () => {
    const { format, items } = readFixture('raindrop/raindrop-export.csv');
    expect(format).toBe('raindrop');
    expect(items).toEqual([
      { url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['City', 'local news', 'council'], savedAt: '2024-05-03T10:00:00.000Z', favorite: true, description: 'My note on it' },
      { url: 'https://blog.example/unsorted', title: 'Unsorted link', tags: [], savedAt: '2024-05-04T10:00:00.000Z', favorite: false, description: 'An excerpt only' },
    ]);
  });
});

describe('Matter CSV', () => {
  it('reads tags split by ";", archived when out of the queue, favourites', () => {
    const { format, items } = readFixture('matter/matter_history.csv');
    expect(format).toBe('matter');
    expect(items).toEqual([
      { url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z', archived: false, favorite: false },
      { url: 'https://longform.example/essay', title: 'An essay', tags: [], savedAt: '2024-05-04T10:00:00.000Z', archived: true, favorite: true },
    ]);
  });
});


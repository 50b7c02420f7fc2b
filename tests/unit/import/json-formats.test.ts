/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.any …) and parsed JSON are typed any */
import { readFixture } from './fixture';

describe('wallabag JSON', () => {
  it('reads wallabag’s real v2 export: saved content used (nothing to fetch), flags as booleans or 0/1', () => {
    const { format, items } = readFixture('wallabag/wallabag-v2.json');
    expect(format).toBe('wallabag');
    expect(items.every((i) => i.article?.content)).toBe(true);
    expect(items[0]).toMatchObject({ url: 'https://www.mediapart.fr/', tags: ['mediapart', 'blog'], savedAt: '2016-09-08T09:55:58.000Z', archived: false, favorite: true });
    expect(items[0]!.article).toMatchObject({ lang: 'fr', leadImage: 'https://www.mediapart.fr/images/social/800/mediapart.png' });
    expect(items[3]).toMatchObject({ title: 'Échecs', archived: false, favorite: false });
  });

  it('keeps annotations as highlights with their notes and times', () => {
    const { items } = readFixture('wallabag/wallabag-annotations.json');
    expect(items).toEqual([{
      url: 'https://news.example/2024/river-path.html',
      title: 'The river path',
      tags: ['city', 'local news'],
      savedAt: '2024-05-03T10:00:00.000Z',
      archived: true,
      favorite: true,
      highlights: [
        { quote: 'The council met on Tuesday', note: 'Check the minutes', createdAt: Date.parse('2024-05-03T11:00:00Z') },
        { quote: 'many residents came to speak', createdAt: Date.parse('2024-05-03T11:05:00Z') },
      ],
      article: {
        content: expect.stringContaining('<p>The council met on <b>Tuesday</b>'),
        title: 'The river path',
        lang: 'en',
        byline: 'Ana Pérez',
        publishedTime: '2024-05-02T09:30:00.000Z',
        leadImage: 'https://news.example/img/lead.jpg',
      },
    }]);
  });
});

describe('Karakeep JSON', () => {
  it('reads links with tags, dates, notes and archived; text notes are skipped with a reason', () => {
    const { format, items, errors } = readFixture('karakeep/karakeep-export.json');
    expect(format).toBe('karakeep');
    expect(items).toEqual([
      { url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z', archived: false, favorite: false, description: 'Read before the meeting' },
      { url: 'https://longform.example/essay', tags: [], savedAt: '2024-05-04T10:00:00.000Z', archived: true, favorite: false },
    ]);
    expect(errors).toEqual([
      { index: 2, reason: 'a note without a link', key: 'importRowNoLink', subs: [] },
      { index: 3, reason: 'a note without a link', key: 'importRowNoLink', subs: [] },
    ]);
  });
});

describe('Pinboard JSON (wallabag’s real fixture)', () => {
  it('reads title, notes, space-separated tags, time and to-read', () => {
    const { items } = readFixture('pinboard/pinboard_export.json');
    expect(items[0]).toEqual({
      url: 'https://developers.google.com/web/updates/2016/07/infinite-scroller',
      title: 'Complexities of an Infinite Scroller',
      tags: ['infinite', 'dom', 'performance', 'scroll'],
      savedAt: '2016-10-31T15:57:56.000Z',
      archived: true,
      description: 'TL;DR: Re-use your DOM elements and remove the ones that are far away from the viewport. Use placeholders to account for delayed data',
    });
    expect(items[2]).not.toHaveProperty('description');
  });
});

describe('Linkwarden JSON backup (built from Linkwarden’s exporter source)', () => {
  it('reads collections as tags, importDate before createdAt, pinned links as favourites', () => {
    const { items } = readFixture('linkwarden/backup.json');
    expect(items).toEqual([
      {
        url: 'https://news.example/2024/harbour-timetable?utm_source=rss',
        title: 'The harbour committee’s new timetable',
        tags: ['Reading', 'news', 'longread'],
        savedAt: '2024-03-02T09:14:27.512Z',
        description: 'Costs, ferries and the winter schedule.',
      },
      { url: 'https://science.example/tides', title: 'Tides, explained', tags: ['Reading'], savedAt: '2019-06-01T07:30:00.000Z' },
      { url: 'https://blog.example/rust/borrowing', title: 'Borrowing in Rust, step by step', tags: ['Reading', 'Programming', 'rust'], savedAt: '2024-05-10T18:20:31.004Z', favorite: true },
      // The default "Unorganized" collection is Linkwarden's inbox, not a topic.
      { url: 'https://food.example/rye', title: 'A recipe for rye bread', tags: [], savedAt: '2024-06-01T12:00:00.000Z' },
    ]);
  });

  it('reports the uploaded file without a URL, the mailto: link and the duplicate', () => {
    const { errors } = readFixture('linkwarden/backup.json');
    expect(errors.map((e) => [e.index, e.key])).toEqual([[2, 'importRowDuplicateEntry'], [3, 'importRowNoUrl'], [5, 'importRowNotWeb']]);
  });
});

describe('browser bookmark files (wallabag’s real fixtures)', () => {
  it('reads Chrome’s Bookmarks file, dates counted from 1601', () => {
    expect(readFixture('chrome/Bookmarks').items).toEqual([{
      url: 'https://www.20minutes.fr/sport/3256363-20220321-tournoi-vi-nations-trophee-gagne-xv-france-fini-fond-seine',
      title: 'Tournoi des VI Nations : Le trophée gagné par le XV de France a-t-il fini au fond de la Seine ?',
      tags: [],
      savedAt: '2016-09-20T13:15:29.335Z',
    }]);
  });

  it('reads a Firefox bookmark backup with its tags; the browser’s own folders are not tags', () => {
    expect(readFixture('firefox/bookmarks-backup.json').items).toEqual([
      { url: 'https://www.20minutes.fr/sport/4002755-20220928-tarn-lapins-ravagent-terrain-match-rugby-doit-etre-annule', title: 'Tarn : Des lapins ravagent le terrain, le match de rugby doit être annulé', tags: ['test', 'tag'], savedAt: '2013-12-27T17:41:31.644Z' },
      { url: 'https://www.20minutes.fr/paris/4100740-20240715-jo-paris-2024-courir-capitale-maintenant-quais-fermes', title: 'JO Paris 2024 : Où courir dans la capitale maintenant que les quais sont fermés ?', tags: [], savedAt: '2013-12-27T17:41:31.544Z' },
    ]);
  });
});

describe('Pocket zip', () => {
  it('reads every part in number order, with the annotations as highlights, and refuses private hosts', () => {
    const { format, items, errors } = readFixture('pocket/pocket.zip');
    expect(format).toBe('pocket');
    expect(items).toEqual([
      { url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z', archived: false,
        highlights: [{ quote: 'The council met on Tuesday.', createdAt: 1714740000000 }, { quote: 'A second passage', createdAt: 1714741000000 }] },
      { url: 'https://longform.example/essay', title: 'Quotes, commas and "escapes"', tags: [], savedAt: '2024-05-04T10:00:00.000Z', archived: true, highlights: [{ quote: 'Essays are long.', createdAt: 1714820000000 }] },
      { url: 'https://blog.example/second', title: 'Second part', tags: ['later'], savedAt: '2024-05-05T10:00:00.000Z', archived: false },
      { url: 'https://blog.example/third', title: 'Third part', tags: [], savedAt: '2024-05-06T10:00:00.000Z', archived: false },
    ]);
    expect(errors).toEqual([{ file: 'part_000001.csv', line: 3, reason: 'not on the public web, so it is not fetched: http://192.168.1.1/admin', key: 'importRowPrivateHost', subs: ['http://192.168.1.1/admin'] }]);
  });
});

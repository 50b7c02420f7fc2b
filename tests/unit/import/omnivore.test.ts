/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.any …) and parsed JSON are typed any */
import { parseOmnivoreHighlights } from '../../../src/import/omnivore-highlights';
import { readFixture, readText } from './fixture';

describe('Omnivore JSON (omnivore_export.json)', () => {
  const { items, errors } = readFixture('omnivore/omnivore.json');

  it('keeps labels, dates, archived state and reading progress', () => {
    expect(items[0]).toEqual({
      url: 'https://news.example/2024/river-path.html',
      title: 'The river path',
      tags: ['city', 'local news'],
      savedAt: '2024-05-03T10:00:00.000Z',
      archived: false,
      progress: 0.4,
    });
    expect(items[1]).toMatchObject({ archived: true, progress: 1, tags: ['essays'] });
  });

  it('tolerates wrong types in optional fields and skips what cannot be imported', () => {
    expect(items[2]).toEqual({ url: 'https://notes.example/md', title: 'A markdown note', tags: [], archived: false });
    expect(errors).toMatchObject([
      { index: 2, reason: 'deleted in Omnivore' },
      { index: 3, reason: 'not a web address (javascript:): javascript:alert(1)' },
      { index: 4, reason: 'expected an article, got "not an object"' },
    ]);
  });

  it('reads wallabag’s real Omnivore fixture: "Archived" state, labels, progress 0', () => {
    const result = readFixture('omnivore/omnivore_export.json');
    expect(result.items[0]).toEqual({
      url: 'https://www.lemonde.fr/economie/article/2024/10/29/malgre-la-crise-du-marche-des-montres-breitling-etend-son-reseau-commercial-et-devoile-ses-ambitions_6365425_3234.html',
      title: 'Malgré la crise du marché des montres, Breitling étend son réseau commercial et dévoile ses ambitions',
      tags: ['RSS'], savedAt: '2024-10-29T16:30:11.000Z', archived: true, progress: 0,
    });
    expect(result.items[2]!.tags).toEqual(['RSS', 'TEST']);
  });
});

describe('Omnivore zip', () => {
  const { items, errors } = readFixture('omnivore/omnivore-export.zip');

  it('reads the metadata files in number order (20_to_40 before 100_to_120), with saved content', () => {
    expect(items.map((i) => i.url)).toEqual(['https://news.example/2024/river-path.html', 'https://longform.example/essay', 'https://notes.example/md']);
    expect(items[0]!.article).toEqual({
      content: expect.stringContaining('<p>The council met on <b>Tuesday</b>.</p>'),
      title: 'The river path',
      byline: 'Ana Pérez',
      excerpt: 'The council met on Tuesday.',
      publishedTime: '2024-05-02T09:30:00.000Z',
      leadImage: 'https://news.example/img/lead.jpg',
    });
    expect(items[1]!.article).toBeUndefined();
    expect(items[2]!.article!.content).toBe('<p># A note</p>\n<p>First paragraph with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands.</p>\n<p>Second<br>paragraph.</p>');
    expect(errors.map((e) => [e.file, e.index])).toEqual([['metadata_20_to_40.json', 2], ['metadata_100_to_120.json', 3], ['metadata_100_to_120.json', 4]]);
  });

  it('reads highlights/<slug>.md into quotes with their notes, labels left out', () => {
    expect(items[0]!.highlights).toEqual([
      { quote: 'The council met on Tuesday.', note: 'Check the minutes' },
      { quote: 'First paragraph of a long quote\nSecond paragraph of it' },
    ]);
  });

  it('refuses a zip bomb while inflating it, at the real expanded size', () => {
    expect(() => readFixture('omnivore/omnivore-bomb.zip')).toThrow(/expands to more than 200 MB/);
  });

  it('refuses a truncated zip, a zip without metadata, and a file that is not a zip', () => {
    expect(() => readFixture('omnivore/omnivore-truncated.zip')).toThrow(/not a readable zip file|not an export Lectern knows/);
    expect(() => readFixture('omnivore/omnivore-no-metadata.zip')).toThrow(/it holds "content\/a\.html"/);
    expect(() => readText('PK\u0003\u0004garbage')).toThrow(/zip/);
  });
});

describe('parseOmnivoreHighlights', () => {
  it('takes a page note with no quote before it as nothing, and CRLF files as LF', () => {
    expect(parseOmnivoreHighlights('A page note\r\n\r\n> quoted \r\n\r\n#a #b\r\n\r\nmy note\r\n\r\nmore note')).toEqual([{ quote: 'quoted', note: 'my note\n\nmore note' }]);
  });
});

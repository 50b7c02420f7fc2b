/** @jest-environment node */
import { ImportError } from '../../../src/import/limits';
import { parseOmnivoreJson, parseOmnivoreZip } from '../../../src/import/omnivore';
import { fixture, fixtureBytes } from './fixture';

describe('parseOmnivoreJson', () => {
  const { items, errors } = parseOmnivoreJson(fixture('omnivore.json'));

  it('keeps labels, dates, archived state and reading progress', () => {
    expect(items[0]).toEqual({
      url: 'https://news.example/2024/river-path.html',
      title: 'The river path',
      tags: ['city', 'local news'],
      savedAt: '2024-05-03T10:00:00.000Z',
      archived: false,
      progress: 0.4,
      article: undefined,
    });
    expect(items[1]).toMatchObject({ archived: true, progress: 1, tags: ['essays'] });
  });

  it('tolerates wrong types in optional fields and skips what cannot be imported', () => {
    expect(items[2]).toMatchObject({ url: 'https://notes.example/md', tags: [], savedAt: undefined, progress: undefined });
    expect(errors).toMatchObject([
      { index: 2, reason: 'deleted in Omnivore' },
      { index: 3, reason: 'not a web address (javascript:): javascript:alert(1)' },
      { index: 4, reason: 'expected an article, got "not an object"' },
    ]);
  });

  it('refuses what is not a list of articles', () => {
    expect(() => parseOmnivoreJson('{"a":1}')).toThrow(/not a list of articles/);
    expect(() => parseOmnivoreJson('[{"a":')).toThrow(ImportError);
  });
});

describe('parseOmnivoreZip', () => {
  it('reads every metadata file and attaches saved HTML or Markdown content', () => {
    const { items, errors } = parseOmnivoreZip(fixtureBytes('omnivore-export.zip'));
    expect(items.map((i) => i.url)).toEqual(['https://news.example/2024/river-path.html', 'https://longform.example/essay', 'https://notes.example/md']);
    expect(items[0]?.article).toEqual({
      content: expect.stringContaining('<p>The council met on <b>Tuesday</b>.</p>') as string,
      title: 'The river path',
      byline: 'Ana Pérez',
      excerpt: 'The council met on Tuesday.',
      publishedTime: '2024-05-02T09:30:00.000Z',
      leadImage: 'https://news.example/img/lead.jpg',
    });
    expect(items[1]!.article).toBeUndefined();
    expect(items[2]?.article?.content).toBe('<p># A note</p>\n<p>First paragraph with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands.</p>\n<p>Second<br>paragraph.</p>');
    expect(errors.map((e) => e.index)).toEqual([2, 3, 4]);
  });

  it('refuses a zip bomb before inflating it', () => {
    expect(() => parseOmnivoreZip(fixtureBytes('omnivore-bomb.zip'))).toThrow(/expands to more than 200 MB/);
  });

  it('refuses a truncated zip, a zip without metadata, and a file that is not a zip', () => {
    expect(() => parseOmnivoreZip(fixtureBytes('omnivore-truncated.zip'))).toThrow(/not a readable zip file/);
    expect(() => parseOmnivoreZip(fixtureBytes('omnivore-no-metadata.zip'))).toThrow(/no metadata_\*\.json/);
    expect(() => parseOmnivoreZip(new TextEncoder().encode('hello'))).toThrow(ImportError);
  });
});

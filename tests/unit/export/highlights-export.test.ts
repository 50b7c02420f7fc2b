import { parse } from 'yaml';
import { strFromU8, unzipSync } from 'fflate';
import { backupToJson, createBackup } from '../../../src/export/backup';
import { buildEpub } from '../../../src/export/epub';
import { highlightsOnlyMarkdown } from '../../../src/export/highlights-markdown';
import { articleToHtml } from '../../../src/export/html';
import { articleToMarkdown } from '../../../src/export/markdown';
import { checkRecord } from '../../../src/import/backup-record';
import type { Highlight } from '../../../src/shared/highlight';
import { sampleRecord } from './sample-article';

const h = (id: string, exact: string, note = '', color: Highlight['color'] = 'yellow'): Highlight => ({
  id, quote: { exact, prefix: '', suffix: '' }, position: null, color, note, createdAt: 1714730400000, updatedAt: 1714730500000,
});
const late = h('late', 'one', 'The *first* list item.');
const early = h('early', 'The council met on Tuesday', 'Check the <minutes>.\nSecond line.', 'blue');
const lost = h('lost', 'A sentence the article no longer has anywhere', 'Kept anyway.');
const record = sampleRecord({ highlights: [late, lost, early] });

describe('Markdown export with highlights', () => {
  it('puts them right after the front matter, in reading order, each a blockquote followed by its note', () => {
    const md = articleToMarkdown(record);
    const body = /^---\n[\s\S]*?\n---\n\n([\s\S]*)$/.exec(md)![1]!;
    expect(body.startsWith([
      '> The council met on Tuesday', '', 'Check the \\<minutes>.', 'Second line.', '',
      '> one', '', 'The \\*first\\* list item.', '',
      '> A sentence the article no longer has anywhere', '', 'Kept anyway.', '', '# ',
    ].join('\n'))).toBe(true);
  });

  it('an article without highlights is exported as before', () => {
    expect(articleToMarkdown(sampleRecord())).toBe(articleToMarkdown(sampleRecord({ highlights: [] })));
  });

  it('the library-wide "highlights only" file has one section per article with highlights', () => {
    const other = sampleRecord({ id: 'a2', title: 'Second [story]', url: 'https://news.example/second', highlights: [h('x', 'the budget')] });
    const md = highlightsOnlyMarkdown([record, sampleRecord({ id: 'a3', title: 'No highlights' }), other], 'Highlights from Lectern', new Date('2026-01-01T00:00:00Z'));
    const [, meta, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md)!;
    expect(parse(meta!)).toEqual({ title: 'Highlights from Lectern', exported: '2026-01-01T00:00:00.000Z' });
    expect(body!.match(/^## .*$/gm)).toEqual([
      '## [The river path: what the council decided](<https://news.example/2024/river-path.html>)',
      '## [Second \\[story\\]](<https://news.example/second>)',
    ]);
    expect(body).toContain('> the budget');
    expect(body).not.toContain('No highlights');
  });
});

describe('HTML export with highlights', () => {
  it('marks the highlighted text, across elements, with the note as its title', () => {
    const html = articleToHtml(sampleRecord({ highlights: [h('e', 'met on Tuesday to discuss the', 'A note', 'green')] }));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const marks = [...doc.querySelectorAll('main mark.highlight-green')];
    expect(marks.map((m) => m.textContent).join('')).toBe('met on Tuesday to discuss the');
    expect(marks.map((m) => m.parentElement!.nodeName)).toEqual(['P', 'STRONG', 'P', 'A']);
    expect(marks.every((m) => m.getAttribute('title') === 'A note')).toBe(true);
  });
});

describe('backups carry highlights losslessly', () => {
  it('selectors, colour, note and times come back exactly', () => {
    const withPosition = { ...early, quote: { exact: early.quote.exact, prefix: 'Background', suffix: ' to discuss' }, position: { start: 10, end: 36 } };
    const backup = JSON.parse(backupToJson(createBackup([sampleRecord({ highlights: [withPosition, lost] })]))) as { articles: unknown[] };
    expect(checkRecord(backup.articles[0]).highlights).toEqual([withPosition, lost]);
  });

  it('a malformed highlight in a backup is reported by its field', () => {
    const backup = JSON.parse(backupToJson(createBackup([sampleRecord({ highlights: [early] })]))) as { articles: { highlights: { color: string }[] }[] };
    backup.articles[0]!.highlights[0]!.color = 'purple';
    expect(() => checkRecord(backup.articles[0])).toThrow(/highlights/);
  });
});

describe('EPUB export with highlights', () => {
  it('marks them in the chapter, which stays well-formed XHTML', async () => {
    const bytes = await buildEpub([sampleRecord({ highlights: [h('e', 'discuss the budget', 'Ask about it', 'pink')] })], { identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
    const files = unzipSync(bytes);
    const chapter = Object.keys(files).find((name) => /chapter.*\.xhtml$|\d+\.xhtml$/.test(name) && !name.includes('nav'))!;
    const doc = new DOMParser().parseFromString(strFromU8(files[chapter]!), 'application/xhtml+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const marks = [...doc.getElementsByTagName('mark')];
    expect(marks.map((m) => m.textContent).join('')).toBe('discuss the budget');
    expect(marks[0]!.getAttribute('class')).toBe('highlight highlight-pink');
  });
});

// A realistic saved article for export tests: every field filled, content with the usual shapes.
import type { LibraryRecord } from '../../../src/export/types';

export function sampleRecord(overrides: Partial<LibraryRecord> = {}): LibraryRecord {
  return {
    id: 'a1',
    url: 'https://news.example/2024/river-path.html',
    title: 'The river path: what the council decided',
    byline: 'Ana Pérez',
    siteName: 'News Example',
    lang: 'en',
    dir: 'ltr',
    publishedTime: '2024-05-02T09:30:00.000Z',
    excerpt: 'The council met on Tuesday.',
    leadImage: 'https://news.example/img/lead.jpg',
    content: [
      '<h2>Background</h2>',
      '<p>The council met on <strong>Tuesday</strong> to discuss <a href="/budget">the budget</a>.</p>',
      '<figure><img src="/img/river.jpg" alt="The river at dawn"><figcaption>The river</figcaption></figure>',
      '<pre><code class="language-python">print("hello")\n</code></pre>',
      '<table><thead><tr><th>Item</th><th>Cost</th></tr></thead><tbody><tr><td>Path</td><td>100</td></tr></tbody></table>',
      '<ul><li>one</li><li>two</li></ul>',
    ].join(''),
    text: 'Background\n\nThe council met on Tuesday to discuss the budget.',
    wordCount: 12,
    readingMinutes: 1,
    savedAt: '2024-05-03T10:00:00.000Z',
    updatedAt: '2024-05-04T10:00:00.000Z',
    readAt: null,
    archived: false,
    favorite: true,
    tags: ['city', 'local news'],
    progress: 0.25,
    ...overrides,
  };
}

/** Titles and names that break naive front matter, HTML or XML. */
export const NASTY_TEXT = [
  'Quotes "double" and \'single\'',
  'Colon: a value, # not a comment',
  'Line one\nline two\r\nthree',
  '---\nfake: front matter\n---',
  '<script>alert(1)</script> & <b>bold</b>',
  '- [ ] * list? { flow: map } [seq] | > ! % @ `',
  'Tab\there, nul\u0000 bell\u0007 del\u007f nel\u0085 bom\ufeff ls\u2028',
  'yes',
  '0x1F',
  '   padded   ',
  'Ελληνικά العربية 日本語 👩‍👩‍👧',
];

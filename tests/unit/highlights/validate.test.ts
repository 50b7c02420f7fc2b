import { isAddHighlight, isUpdateHighlight } from '../../../src/background/validate-messages';
import { isHighlight, isHighlightList } from '../../../src/shared/highlight';
import { isSavedArticle } from '../../../src/storage/validate';

const good = { id: 'h1', quote: { exact: 'words', prefix: 'some ', suffix: ' here' }, position: { start: 5, end: 10 }, color: 'green', note: '', createdAt: 1, updatedAt: 2 };
const ID = '0123456789abcdef';

describe('isHighlight (the one validator for messages, storage and backups)', () => {
  it('accepts a made highlight and an imported one (only the quote)', () => {
    expect(isHighlight(good)).toBe(true);
    expect(isHighlight({ ...good, quote: { exact: 'words', prefix: '', suffix: '' }, position: null })).toBe(true);
  });

  it.each([
    ['no quote text', { ...good, quote: { ...good.quote, exact: '  ' } }],
    ['an unknown colour', { ...good, color: 'red' }],
    ['a backwards position', { ...good, position: { start: 10, end: 5 } }],
    ['a fractional offset', { ...good, position: { start: 1.5, end: 5 } }],
    ['a note that is not text', { ...good, note: null }],
    ['a huge note', { ...good, note: 'x'.repeat(20_001) }],
    ['no times', { ...good, createdAt: undefined }],
    ['an empty id', { ...good, id: '' }],
  ])('refuses %s', (_label, value) => expect(isHighlight(value)).toBe(false));

  it('a list must have unique ids', () => {
    expect(isHighlightList([good, { ...good, id: 'h2' }])).toBe(true);
    expect(isHighlightList([good, good])).toBe(false);
  });
});

describe('highlight messages and records', () => {
  it('addHighlight needs an article id and a valid highlight', () => {
    expect(isAddHighlight({ id: ID, highlight: good })).toBe(true);
    expect(isAddHighlight({ id: 'nope', highlight: good })).toBe(false);
    expect(isAddHighlight({ id: ID, highlight: { ...good, color: 'red' } })).toBe(false);
  });

  it('updateHighlight accepts only a colour and a note', () => {
    expect(isUpdateHighlight({ id: ID, highlightId: 'h1', changes: { note: 'n' } })).toBe(true);
    expect(isUpdateHighlight({ id: ID, highlightId: 'h1', changes: { color: 'blue', note: '' } })).toBe(true);
    expect(isUpdateHighlight({ id: ID, highlightId: 'h1', changes: {} })).toBe(false);
    expect(isUpdateHighlight({ id: ID, highlightId: 'h1', changes: { quote: good.quote } })).toBe(false);
    expect(isUpdateHighlight({ id: ID, highlightId: 'h1', changes: { color: 'red' } })).toBe(false);
    // The reader keeps where it found an imported highlight: a real span only.
    expect(isUpdateHighlight({ id: ID, highlightId: 'h1', changes: { position: { start: 4, end: 9 } } })).toBe(true);
    expect(isUpdateHighlight({ id: ID, highlightId: 'h1', changes: { position: { start: 9, end: 4 } } })).toBe(false);
    expect(isUpdateHighlight({ id: ID, highlightId: 'h1', changes: { position: null } })).toBe(false);
  });

  it('a stored record with a malformed highlight is not trusted', () => {
    const record = {
      id: ID, urlKey: 'k', url: 'https://a.example/', title: 't', content: '<p>x</p>', text: 'x', byline: null, siteName: null, lang: null,
      publishedTime: null, excerpt: null, leadImage: null, dir: null, wordCount: 1, readingMinutes: 1, savedAt: 1, updatedAt: 1,
      readAt: null, archived: false, favorite: false, tags: [], progress: 0,
    };
    expect(isSavedArticle(record)).toBe(true);
    expect(isSavedArticle({ ...record, highlights: [good] })).toBe(true);
    expect(isSavedArticle({ ...record, highlights: [{ ...good, color: 'red' }] })).toBe(false);
  });
});

/** @jest-environment node */
import { fileNameFor, truncateBytes } from '../../../src/export/filename';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('fileNameFor', () => {
  it('keeps an ordinary title and appends the extension', () => {
    expect(fileNameFor('The river path, explained', 'md')).toBe('The river path, explained.md');
  });

  it('replaces characters Windows forbids, and collapses the gaps', () => {
    expect(fileNameFor('a<b>c:d"e/f\\g|h?i*j', 'md')).toBe('a b c d e f g h i j.md');
    expect(fileNameFor('Q&A: what / why?', 'html')).toBe('Q&A what why.html');
  });

  it('removes control characters, newlines and bidi overrides', () => {
    expect(fileNameFor('line\none\ttab\u0000nul\u007f', 'md')).toBe('line one tab nul.md');
    expect(fileNameFor('photo\u202Egpj.exe', 'md')).toBe('photo gpj.exe.md');
  });

  it('drops trailing dots and spaces and leading dots', () => {
    expect(fileNameFor('Wait for it...  ', 'md')).toBe('Wait for it.md');
    expect(fileNameFor('..hidden', 'md')).toBe('hidden.md');
    expect(fileNameFor(' . ', 'md')).toBe('article.md');
  });

  it('falls back to "article" when nothing is left', () => {
    expect(fileNameFor('', 'epub')).toBe('article.epub');
    expect(fileNameFor('???///', 'epub')).toBe('article.epub');
  });

  it.each(['CON', 'con', 'PRN', 'AUX', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt¹', 'CON.tar', 'nul '])(
    'makes the Windows device name %j harmless',
    (title) => {
      const name = fileNameFor(title, 'md');
      expect(name.replace(/\..*$/s, '').trim().toLowerCase()).not.toMatch(/^(con|prn|aux|nul|com.|lpt.)$/);
      expect(name.endsWith('.md')).toBe(true);
    },
  );

  it('does not mistake longer words for device names', () => {
    expect(fileNameFor('Console', 'md')).toBe('Console.md');
    expect(fileNameFor('COM10', 'md')).toBe('COM10.md');
  });

  it('limits the whole name to 120 bytes of UTF-8 without cutting a character', () => {
    const name = fileNameFor('é'.repeat(200), 'html');
    expect(bytes(name)).toBeLessThanOrEqual(120);
    expect(name).toBe(`${'é'.repeat(57)}.html`);
    const emoji = fileNameFor('👩‍👩‍👧'.repeat(40), 'md');
    expect(bytes(emoji)).toBeLessThanOrEqual(120);
    expect(emoji.replace(/\.md$/, '').replaceAll('👩‍👩‍👧', '')).toBe('');
  });

  it('does not leave a trailing space or dot where it truncated', () => {
    const name = fileNameFor(`${'a'.repeat(116)} b`, 'md');
    expect(name).toBe(`${'a'.repeat(116)}.md`);
  });

  it('normalises to NFC so the same title gives the same name', () => {
    expect(fileNameFor('Cafe\u0301', 'md')).toBe(fileNameFor('Café', 'md'));
  });
});

describe('truncateBytes', () => {
  it('returns short text unchanged and cuts long text at a boundary', () => {
    expect(truncateBytes('abc', 10)).toBe('abc');
    expect(truncateBytes('a€b', 3)).toBe('a');
    expect(truncateBytes('a€b', 4)).toBe('a€');
  });
});

import { countWords, readingMinutes } from '../../../src/shared/reading-time';

describe('reading time', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('Hello, world — this is   five.')).toBe(5);
  });
  it('counts each CJK character as a word', () => {
    expect(countWords('我们读书 and more')).toBe(6);
  });
  it('uses the language’s reading rate and is at least one minute', () => {
    const words = Array(1000).fill('word').join(' ');
    expect(readingMinutes(words, 'en')).toBe(4); // 1000 / 238
    expect(readingMinutes(words, 'de')).toBe(6); // 1000 / 179
    expect(readingMinutes('short', 'en')).toBe(1);
  });
});

/**
 * @jest-environment node
 */
import { excerptOf } from '../../../src/storage/entry';
import { EXCERPT_LENGTH } from '../../../src/storage/schema';

/** The excerpt as the whole text gives it: every white-space run one space, trimmed, shortened with an ellipsis. */
function fromWholeText(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : flat.slice(0, EXCERPT_LENGTH - 1).trimEnd() + '…';
}

describe('the list row’s excerpt', () => {
  const words = (n: number, gap: string) => Array.from({ length: n }, (_, i) => `word${i}`).join(gap);
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['short', 'A short text.'],
    ['exactly the length', 'x'.repeat(EXCERPT_LENGTH)],
    ['one past the length', 'x'.repeat(EXCERPT_LENGTH + 1)],
    ['long, single spaces', words(5000, ' ')],
    ['long, runs of white space', words(3000, ' \n\n\t  ')],
    ['white space first, long', `${' \n'.repeat(2000)}${words(100, '   ')}`],
    ['a white-space run across the prefix', `${'y'.repeat(EXCERPT_LENGTH * 4 - 3)}${' '.repeat(50)}${words(200, ' ')}`],
    ['mostly white space: the prefix is not enough', `${'a \n\n\n\n\n\n\n\n '.repeat(400)}end`],
    ['white space at the cut', `${'b'.repeat(EXCERPT_LENGTH - 2)}   \n  ${words(50, ' ')}`],
    ['non-breaking and other Unicode spaces', words(2000, '\u00a0\u2003 ')],
    ['astral characters', `${'𝐀𝐁 '.repeat(300)}`],
    ['white space only', ' \n\t '.repeat(1000)],
  ];
  it.each(cases)('is what the whole text gives: %s', (_name, text) => {
    expect(excerptOf(text)).toBe(fromWholeText(text));
  });

  it('is at most the excerpt length, ending in an ellipsis when cut', () => {
    const excerpt = excerptOf(words(5000, '  '));
    expect(excerpt).toHaveLength(EXCERPT_LENGTH);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

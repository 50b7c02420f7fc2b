/** The duplicate check's table must answer as a Map of first places would, past its growths too. */
import { SeenKeys } from '../../../src/import/seen-keys';

describe('SeenKeys', () => {
  it('gives the first place of every key seen again, as a Map would', () => {
    const seen = new SeenKeys();
    const map = new Map<string, number>();
    const answers: [number | undefined, number | undefined][] = [];
    for (let place = 0; place < 20_000; place++) {
      // Keys repeat, share long prefixes, differ in one character, and include '' and non-ASCII text.
      const n = (place * 7919) % 6_000;
      const key = n === 0 ? '' : `https://news${n % 97}.example/2024/story-${n}${n % 5 ? '' : 'é'}.html`;
      const expected = map.get(key);
      if (expected === undefined) map.set(key, place);
      answers.push([seen.firstOrAdd(key, place), expected]);
    }
    expect(answers.filter(([mine, theirs]) => mine !== theirs)).toEqual([]);
    expect(answers.filter(([, theirs]) => theirs === undefined)).toHaveLength(6_000);
  });

  it('tells apart keys that differ only in case or length', () => {
    const seen = new SeenKeys();
    expect(['a', 'A', 'aa', 'a\u0000', 'https://a.example/', 'https://a.example'].map((key, i) => seen.firstOrAdd(key, i))).toEqual(Array(6).fill(undefined));
    expect(seen.firstOrAdd('aa', 9)).toBe(2);
  });
});

import { fold, terms } from '../../../src/shared/search-options';

/** The definition `terms` implements: letter-and-digit runs of the folded text, at most 40 UTF-16 units long. */
const reference = (text: string) => (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= 40);

/** Deterministic pseudo-random numbers (a test that fails must fail again). */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('terms', () => {
  it('cuts and folds words as the index and the queries expect', () => {
    expect(terms('Die Fähre „Stella“ fährt um 7.30 Uhr — ÉTÉ 2019!')).toEqual(['die', 'fahre', 'stella', 'fahrt', 'um', '7', '30', 'uhr', 'ete', '2019']);
    expect(terms('Ecuador’s embassy: Assange’s asylum')).toEqual(['ecuador', 's', 'embassy', 'assange', 's', 'asylum']);
    expect(terms('e\u0301cole cafe\u0301')).toEqual(['ecole', 'cafe']);
    expect(terms('東京 und 𝒜𝓁𝓅𝒽𝒶 👍 end')).toEqual(['東京', 'und', '𝒜𝓁𝓅𝒽𝒶', 'end']);
    expect(terms(`${'x'.repeat(40)} ${'y'.repeat(41)} ok`)).toEqual(['x'.repeat(40), 'ok']);
    expect(terms('')).toEqual([]);
    expect(terms(' \u0301 \ud800 a\udc00b ')).toEqual(['a', 'b']);
  });

  it('gives what the regex definition gives, on any text', () => {
    const next = random(42);
    const char = () => {
      const r = next();
      if (r < 0.5) return String.fromCharCode(32 + Math.floor(next() * 95));
      if (r < 0.85) return String.fromCodePoint(0x80 + Math.floor(next() * 0x3000));
      if (r < 0.95) return String.fromCodePoint(0x10000 + Math.floor(next() * 0x20000));
      return String.fromCharCode(0xd800 + Math.floor(next() * 0x800)); // a lone surrogate
    };
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: Math.floor(next() * 120) }, char).join('');
      expect(terms(text)).toEqual(reference(text));
    }
  });
});

/** isoFromMs must give exactly what toISOString gives: it replaces it on every dated import row. */
import { isoFromMs } from '../../../src/import/iso-date';
import { fromEpochMs, fromUnixSeconds } from '../../../src/import/item';

describe('isoFromMs', () => {
  it('equals toISOString on random dates, in order and out of order, with and without milliseconds', () => {
    let seed = 5;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const mismatches: number[] = [];
    let sorted = 631152000000;
    for (let i = 0; i < 300_000; i++) {
      sorted += Math.floor(next() * 600_000); // rows a few minutes apart, as an export lists them
      const random = Math.floor(next() * 253402300799999); // any day up to 9999-12-31
      for (const ms of [sorted, random, Math.floor(random / 1000) * 1000]) if (isoFromMs(ms) !== new Date(ms).toISOString()) mismatches.push(ms);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([0, 1, 999, 86_399_999, 86_400_000, 951_782_400_000, 1_709_164_799_999, 4_102_444_800_000])('%d', (ms) => {
    expect(isoFromMs(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('import dates', () => {
  it('keep the meaning they had with a Date per row', () => {
    expect(fromUnixSeconds('1600000000')).toBe('2020-09-13T12:26:40.000Z');
    expect(fromUnixSeconds(1600000000.1234)).toBe('2020-09-13T12:26:40.123Z');
    expect(fromEpochMs(1600000000123.9)).toBe('2020-09-13T12:26:40.123Z');
    expect(fromUnixSeconds('600000000')).toBeUndefined(); // before 1990
    expect(fromEpochMs(Date.now() + 2 * 86_400_000)).toBeUndefined(); // in the future
    expect(fromUnixSeconds('12 34')).toBeUndefined();
    expect(fromEpochMs(NaN)).toBeUndefined();
  });
});

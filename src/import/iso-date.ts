/**
 * `new Date(ms).toISOString()` for the dates of an import, without a `Date` per row: the day's part is
 * formatted once and kept while the rows stay on that day (exports list items in the order they were
 * saved, so most rows share the previous row's day). A 50,000-row Pocket file spent about a tenth of its
 * reading time in `Date` and `toISOString` (BENCHMARKS.md, issue 11). tests/unit/import/iso-date.test.ts
 * compares it with toISOString.
 */
const DAY = 86_400_000;
let cachedDay = NaN;
let cachedPrefix = '';

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The ISO 8601 form of `ms` (an integer from 1970 to 9999, as imports accept). */
export function isoFromMs(ms: number): string {
  const day = Math.floor(ms / DAY);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = new Date(day * DAY).toISOString().slice(0, 11); // `YYYY-MM-DDT`
  }
  let rest = ms - day * DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${cachedPrefix}${two(hours)}:${two(minutes)}:${two(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

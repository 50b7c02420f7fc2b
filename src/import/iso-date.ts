/**
 * `new Date(ms).toISOString()` for the dates of an import, without a `Date` per row: the day's part is
 * formatted once and kept while the rows stay on that day, the hour's while they stay in that hour
 * (exports list items in the order they were saved, so most rows share the previous row's day and hour).
 * A 50,000-row Pocket file spent about a tenth of its reading time in `Date` and `toISOString`
 * (BENCHMARKS.md, issue 11). tests/unit/import/iso-date.test.ts compares it with toISOString.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
let cachedDay = NaN;
let cachedDayPrefix = '';
let cachedHour = NaN;
let cachedPrefix = '';

/** `00` … `59`, made once. */
const TWO = Array.from({ length: 60 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));

/** The ISO 8601 form of `ms` (an integer from 1970 to 9999, as imports accept). */
export function isoFromMs(ms: number): string {
  const hour = Math.floor(ms / HOUR);
  if (hour !== cachedHour) {
    const day = Math.floor(ms / DAY);
    if (day !== cachedDay) {
      cachedDay = day;
      cachedDayPrefix = new Date(day * DAY).toISOString().slice(0, 11); // `YYYY-MM-DDT`
    }
    cachedHour = hour;
    cachedPrefix = `${cachedDayPrefix}${TWO[hour - day * 24]}:`;
  }
  let rest = ms - hour * HOUR;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  // The short tail (under 13 characters, so V8 makes it one flat string) joined to the shared prefix: two
  // strings per date, where joining part by part left a tree of some ten strings for the item to keep.
  const tail = `${TWO[minutes]}:${TWO[seconds]}.${millis === 0 ? '000' : String(millis + 1000).slice(1)}Z`;
  return cachedPrefix + tail;
}

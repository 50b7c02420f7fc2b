/** Shared cleaning of imported fields: every source is untrusted, so each value is checked here. */
import { cleanText } from '../export/text';
import { LIMITS } from './limits';
import { urlKeyOf } from '../storage/canonical';
import { parseWebUrl, type UrlParts } from '../shared/web-url';
import { fitHighlights } from './highlights';
import { isoFromMs } from './iso-date';
import { checkPublicParsedUrl } from './public-host';
import { importText, type ImportMessage } from './import-text';
import { isItemKey } from './url-key';
import { SeenKeys } from './seen-keys';
import type { ImportItem, ImportProblem, ImportResult } from './types';

const MAX_TITLE = 1000;
const MAX_TAG = 200;
const MAX_TAGS = 100;
const MAX_DESCRIPTION = 2000;

/** The URL when it is http(s) and not absurdly long; otherwise the reason it is refused. */
export function checkUrl(raw: unknown): { url: string; parsed: UrlParts } | ImportMessage {
  const url = typeof raw === 'string' ? raw.trim() : '';
  if (!url) return { key: 'importRowNoUrl', subs: [] };
  if (url.length > LIMITS.maxUrlLength) return { key: 'importRowUrlTooLong', subs: [String(LIMITS.maxUrlLength)] };
  const parsed = parseWebUrl(url);
  if (!parsed) return { key: 'importRowNotUrl', subs: [preview(url)] };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { key: 'importRowNotWeb', subs: [parsed.protocol, preview(url)] };
  return { url: parsed.href, parsed };
}

/** Anything oneLine would change besides trimming: a control character, a space other than U+0020, two spaces. */
// eslint-disable-next-line no-control-regex
const NOT_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]|[^\S ]| {2}/;

/**
 * `text` on one line: control characters dropped, every run of white space one space, trimmed, cut at
 * `max`. Most imported titles and tags are already so: one test instead of four passes (50,000 rows).
 */
function oneLine(text: string, max: number): string {
  if (!NOT_ONE_LINE.test(text)) return text.trim().slice(0, max);
  return cleanText(text).replace(/\s+/g, ' ').trim().slice(0, max);
}

/** A title as plain text on one line (HTML in it stays text: metadata is rendered as text). */
export function cleanTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  return oneLine(raw, MAX_TITLE) || undefined;
}

/** Trimmed, non-empty, distinct tags, each at most 200 characters, at most 100 of them. */
export function cleanTags(raw: Iterable<unknown>): string[] {
  if (Array.isArray(raw) && raw.length <= 8) return fewTags(raw);
  const tags = new Set<string>();
  for (const tag of raw) {
    if (typeof tag !== 'string') continue;
    const clean = oneLine(tag, MAX_TAG);
    if (clean && tags.size < MAX_TAGS) tags.add(clean);
  }
  return [...tags];
}

/** cleanTags of a short list (most rows have a tag or two), without a Set. */
function fewTags(raw: readonly unknown[]): string[] {
  const tags: string[] = [];
  for (const tag of raw) {
    const clean = typeof tag === 'string' ? oneLine(tag, MAX_TAG) : '';
    if (clean && !tags.includes(clean)) tags.push(clean);
  }
  return tags;
}

/** An ISO date from Unix seconds (as text or number), or undefined when it is not a plausible date. */
export function fromUnixSeconds(raw: unknown): string | undefined {
  const seconds = typeof raw === 'number' ? raw : typeof raw === 'string' ? numberIn(raw, SECONDS) : NaN;
  return plausibleMs(seconds * 1000);
}

/** An ISO date from epoch milliseconds (or microseconds, as browsers' bookmark files keep them). */
export function fromEpochMs(raw: unknown): string | undefined {
  const ms = typeof raw === 'number' ? raw : typeof raw === 'string' ? numberIn(raw, MILLIS) : NaN;
  return plausibleMs(ms);
}

const SECONDS = /^\s*\d{1,12}\s*$/;
const MILLIS = /^\s*\d{1,20}\s*$/;

/**
 * The number `text` holds when it matches `pattern` (digits, white space around), else NaN. Text of up to
 * 12 digits and nothing else, as most dated rows have, is read digit by digit (50,000-row files).
 */
function numberIn(text: string, pattern: RegExp): number {
  let value = text.length > 0 && text.length <= 12 ? 0 : NaN;
  for (let i = 0; i < text.length && !Number.isNaN(value); i++) {
    const digit = text.charCodeAt(i) - 0x30;
    value = digit >= 0 && digit <= 9 ? value * 10 + digit : NaN;
  }
  if (!Number.isNaN(value)) return value;
  return pattern.test(text) ? Number(text) : NaN;
}

/** plausible(new Date(ms)) without the Date (50,000-row files): `Date` keeps whole milliseconds, so does this. */
function plausibleMs(ms: number): string | undefined {
  const time = Math.trunc(ms);
  return Number.isFinite(time) && time > EARLIEST && beforeTomorrow(time) ? isoFromMs(time) : undefined;
}

/** `Date.now()` + a day, as last read: reading the clock costs more than the rest of a row's date. */
let tomorrow = 0;
let datesSinceClock = 0;

/**
 * Whether `time` is before a day from now. The clock is read again for any later time and every 1,000
 * dates (it can be set back), so a date is refused only against the current time.
 */
function beforeTomorrow(time: number): boolean {
  if (time < tomorrow && ++datesSinceClock < 1000) return true;
  datesSinceClock = 0;
  tomorrow = Date.now() + 86400000;
  return time < tomorrow;
}

/** An ISO date from a date string `Date` understands, or undefined. */
export function fromDateString(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.length < 100 ? plausible(new Date(raw)) : undefined;
}

/** Between 1990 and a day from now: a bogus date would sort an item far away from the rest. */
const EARLIEST = 631152000000;

function plausible(date: Date): string | undefined {
  const time = date.getTime();
  return Number.isFinite(time) && time > EARLIEST && time < Date.now() + 86400000 ? date.toISOString() : undefined;
}

/**
 * Collects items: the first of several with the same URL key wins (later ones are reported),
 * and more than LIMITS.maxItems stops the import with a clear error rather than saving a part.
 */
type Where = Pick<ImportProblem, 'line' | 'index' | 'file'>;

export class ItemCollector {
  readonly items: ImportItem[] = [];
  readonly errors: ImportProblem[] = [];
  readonly changed: ImportProblem[] = [];
  /** Each item's URL key, as itemKey would give it (null: the plan computes it), at the item's index. */
  private readonly keys: (string | null)[] = [];
  /**
   * Where each URL key was first seen: its line, or -1 - its index for entries without one (a number, not
   * the `where` object: nothing per row is kept for the message, which only a duplicate needs).
   */
  private readonly seen = new SeenKeys();

  /** `parsed`: the item's URL as checkUrl parsed it, so a row's URL is parsed once (50,000-row files). */
  add(item: ImportItem, where: Where, parsed = parseUrl(item.url)): void {
    this.keep(item, parsed, where.line ?? -1 - (where.index ?? 0), where);
  }

  /** add of a CSV row, told by its line (and file, in a zip): no `where` object per row (50,000-row files). */
  addLine(item: ImportItem, parsed: UrlParts, line: number, file?: string): void {
    this.keep(item, parsed, line, undefined, file);
  }

  /** `at`: where the item is, as `seen` keeps it; `where` (or one made of `at` and `file`) for a message. */
  private keep(item: ImportItem, parsed: UrlParts | null, at: number, where?: Where, file?: string): void {
    // A link Lectern would fetch must be on the public web: refused here, when the file is read.
    if (!item.article && !(parsed && checkPublicParsedUrl(parsed).ok)) return this.skip(where ?? lineWhere(at, file), { key: 'importRowPrivateHost', subs: [preview(item.url)] });
    if (item.description) item.description = cleanText(item.description).trim().slice(0, MAX_DESCRIPTION);
    const web = parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
    const key = web ? urlKeyOf(parsed) : item.url;
    const first = this.seen.firstOrAdd(key, at);
    if (first !== undefined) return this.skip(where ?? lineWhere(at, file), first >= 0
      ? { key: 'importRowDuplicateLine', subs: [String(first)] }
      : { key: 'importRowDuplicateEntry', subs: [String(-first)] });
    if (item.highlights?.length) this.fitHighlights(item, where ?? lineWhere(at, file));
    this.items.push(item);
    this.keys.push(web && isItemKey(item.url, parsed) ? key : null);
  }

  skip(where: Where, message: ImportMessage): void {
    if (this.errors.length < LIMITS.maxItems) this.errors.push({ ...where, reason: importText(message.key, message.subs), ...message });
  }

  result(): ImportResult {
    return { items: this.items, errors: this.errors, ...(this.changed.length ? { changed: this.changed } : {}), keys: this.keys };
  }

  /** Highlights past the library's limits would make the article fail to save: fitted here, and reported. */
  private fitHighlights(item: ImportItem, where: Where): void {
    const { highlights, cut } = fitHighlights(item.highlights ?? []);
    item.highlights = highlights;
    if (cut) this.changed.push({ ...where, reason: importText(cut.key, cut.subs), ...cut });
  }
}

const lineWhere = (line: number, file?: string): Where => (file ? { line, file } : { line });

const parseUrl = (url: string): UrlParts | null => parseWebUrl(url.trim());

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

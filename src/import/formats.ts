/**
 * Which export a file is, told by its content alone: the zip's layout, the CSV's header row, the
 * JSON's shape, the HTML's markers. A file that matches no format, or two, is refused with a message
 * that says what was found and what was expected; nothing is guessed.
 */
import { parseBookmarksHtml, parsePocketHtml } from './bookmarks';
import { parseChromeBookmarks, parseFirefoxBookmarks } from './browser-bookmarks';
import { isObject, type Obj } from './check';
import { hasColumns, parseCsv } from './csv';
import { decodeText } from './decode';
import { INSTAPAPER_COLUMNS, parseInstapaperRows } from './instapaper';
import { parseJson } from './json';
import { parseKarakeep } from './karakeep';
import { parseLecternBackup } from './lectern';
import { checkSize, ImportError, LIMITS } from './limits';
import { parseLinkwarden } from './linkwarden';
import { MATTER_COLUMNS, parseMatterRows } from './matter';
import { ItemCollector } from './item';
import { addOmnivoreRecords, noExtras } from './omnivore';
import { OMNIVORE_METADATA, parseOmnivoreZip } from './omnivore-zip';
import { parsePinboard } from './pinboard';
import { parsePocketRows, POCKET_COLUMNS } from './pocket';
import { parsePocketZip, POCKET_PART } from './pocket-zip';
import { parseRaindropRows, RAINDROP_COLUMNS } from './raindrop';
import { parseReadwiseRows, READWISE_COLUMNS } from './readwise';
import type { ImportResult } from './types';
import { looksLikeZip, zipNames } from './unzip';
import { parseWallabag } from './wallabag';

export type ImportFormat =
  | 'pocket' | 'instapaper' | 'omnivore' | 'readwise' | 'raindrop' | 'wallabag' | 'karakeep' | 'pinboard' | 'matter'
  | 'linkwarden' | 'bookmarks' | 'chrome' | 'firefox' | 'lectern';

export interface ReadOptions {
  /** Readwise Reader: import the RSS feed items too (skipped by default: the user never saved them). */
  includeFeed?: boolean;
}

type Candidate = { format: ImportFormat; read: () => ImportResult };

/** The file's format and its items. Throws ImportError when the format is unknown or ambiguous. */
export function parseImportFile(bytes: Uint8Array, options: ReadOptions = {}): ImportResult & { format: ImportFormat } {
  checkSize(bytes.length);
  const candidates = looksLikeZip(bytes) ? zipCandidates(bytes) : textCandidates(decodeText(bytes), options);
  const [only, second] = candidates;
  if (!only) throw new ImportError('importUnknownFormat');
  if (second) throw new ImportError('importAmbiguous', formatName(only.format), formatName(second.format));
  return { ...only.read(), format: only.format };
}

/** English names, for messages (the preview shows the translated `importFormat_*`). */
const formatName = (format: ImportFormat): string => ({
  pocket: 'Pocket', instapaper: 'Instapaper', omnivore: 'Omnivore', readwise: 'Readwise Reader', raindrop: 'Raindrop.io',
  wallabag: 'wallabag', karakeep: 'Karakeep', pinboard: 'Pinboard', matter: 'Matter', linkwarden: 'Linkwarden',
  bookmarks: 'browser bookmarks (HTML)', chrome: 'Chrome bookmarks', firefox: 'Firefox bookmarks', lectern: 'Lectern backup',
})[format];

function zipCandidates(bytes: Uint8Array): Candidate[] {
  const names = zipNames(bytes);
  const found: Candidate[] = [];
  if (names.some((n) => POCKET_PART.test(n))) found.push({ format: 'pocket', read: () => parsePocketZip(bytes) });
  if (names.some((n) => OMNIVORE_METADATA.test(n))) found.push({ format: 'omnivore', read: () => parseOmnivoreZip(bytes) });
  if (!found.length) throw new ImportError('importUnknownZip', sample(names));
  return found;
}

function textCandidates(text: string, options: ReadOptions): Candidate[] {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return jsonCandidates(text);
  if (start.startsWith('<')) return htmlCandidates(text);
  const table = parseCsv(text);
  const csv: [ImportFormat, string[], () => ImportResult][] = [
    ['pocket', POCKET_COLUMNS, () => parsePocketRows(table)],
    ['instapaper', INSTAPAPER_COLUMNS, () => parseInstapaperRows(table)],
    ['readwise', READWISE_COLUMNS, () => parseReadwiseRows(table, options)],
    ['raindrop', RAINDROP_COLUMNS, () => parseRaindropRows(table)],
    ['matter', MATTER_COLUMNS, () => parseMatterRows(table)],
  ];
  const { columns } = table;
  const found = csv.filter(([, needed]) => hasColumns(columns, needed)).map(([format, , read]) => ({ format, read }));
  if (!found.length) throw new ImportError('importUnknownCsv', sample(columns));
  return found;
}

function htmlCandidates(text: string): Candidate[] {
  const head = text.slice(0, 4000);
  const found: Candidate[] = [];
  if (/<title>\s*Pocket Export\s*<\/title>/i.test(head) || (/<h1>\s*(Unread|Read Archive)\s*<\/h1>/i.test(text) && /\btime_added=/i.test(text))) {
    found.push({ format: 'pocket', read: () => parsePocketHtml(text) });
  }
  if (/<!DOCTYPE NETSCAPE-Bookmark-file/i.test(head) || /<dt>\s*<a\s/i.test(text)) found.push({ format: 'bookmarks', read: () => parseBookmarksHtml(text) });
  if (!found.length) throw new ImportError('importUnknownHtml');
  return found;
}

function jsonCandidates(text: string): Candidate[] {
  const data = parseJson(text, 'the file');
  const found: Candidate[] = [];
  const add = (format: ImportFormat, read: () => ImportResult) => found.push({ format, read });
  if (isObject(data)) {
    if (data.format === 'lectern-backup') add('lectern', () => parseLecternBackup(text));
    if (Array.isArray(data.bookmarks)) add('karakeep', () => parseKarakeep(limited(data.bookmarks as unknown[])));
    if (Array.isArray(data.collections) && data.collections.some((c) => isObject(c) && Array.isArray(c.links))) add('linkwarden', () => parseLinkwarden(data.collections as unknown[], data.pinnedLinks));
    if (isObject(data.roots)) add('chrome', () => parseChromeBookmarks(data.roots as Obj));
    if (data.type === 'text/x-moz-place-container') add('firefox', () => parseFirefoxBookmarks(data));
    if (!found.length) throw new ImportError('importUnknownJson', `an object with ${sample(Object.keys(data))}`);
    return found;
  }
  if (!Array.isArray(data)) throw new ImportError('importUnknownJson', typeof data);
  const list = limited(data);
  const first = list.slice(0, 20).filter(isObject);
  if (!first.length) throw new ImportError('importEmptyExport');
  const has = (...keys: string[]) => first.some((o) => keys.every((k) => k in o));
  if (has('url', 'is_archived') || has('url', 'is_starred')) add('wallabag', () => parseWallabag(list));
  if (has('href', 'toread') || has('href', 'hash')) add('pinboard', () => parsePinboard(list));
  if (has('url', 'slug') || has('url', 'savedAt', 'labels')) add('omnivore', () => omnivoreList(list));
  if (!found.length) throw new ImportError('importUnknownJson', `a list of objects with ${sample(Object.keys(first[0] ?? {}))}`);
  return found;
}

function omnivoreList(list: unknown[]): ImportResult {
  const collector = new ItemCollector();
  addOmnivoreRecords(collector, list, noExtras(), 0);
  return collector.result();
}

function limited(list: unknown[]): unknown[] {
  if (list.length > LIMITS.maxItems) throw new ImportError('importTooManyRows', LIMITS.maxItems);
  return list;
}

/** A few names for a message: what was found, so the user can tell what file they picked. */
function sample(names: readonly string[]): string {
  const shown = names.slice(0, 8).map((n) => `"${n.slice(0, 40)}"`).join(', ');
  return names.length > 8 ? `${shown} …` : shown || 'nothing';
}

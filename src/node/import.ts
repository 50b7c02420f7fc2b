/**
 * The import readers for Node: the same parsers the extension runs, for people who script their
 * migration. `readExport` tells the format by content and returns plain items; `exportToBackup`
 * turns an export into a Lectern backup (articles that came with their text run through the same
 * extraction as in the browser; the others are kept as links, fetched when the backup is imported).
 */
import { JSDOM } from 'jsdom';
import { backupToJson, createBackup } from '../export/backup';
import type { LibraryRecord } from '../export/types';
import { parseImportFile, type ImportFormat, type ReadOptions } from '../import/formats';
import { toBackupLink } from '../import/backup-links';
import { toHighlights } from '../import/highlights';
import { articleFromSaved } from '../import/saved-content';
import { recordFromImport } from '../import/to-record';
import type { ImportItem, ImportProblem } from '../import/types';
import { articleIdFor, urlKey } from '../storage/canonical';

export type { ImportFormat, ReadOptions } from '../import/formats';

export interface ExportItem {
  url: string;
  title: string | null;
  tags: string[];
  /** Epoch milliseconds, or null when the file has no date. */
  addedAt: number | null;
  archived: boolean;
  favorite: boolean;
  /** 0..1, or null when the file kept none. */
  progress: number | null;
  /** The article's HTML and plain text, when the file held the article (untrusted HTML). */
  html?: string;
  text?: string;
  /** What the user wrote about the link (a bookmark's description). */
  description?: string;
  highlights: { quote: string; note?: string; createdAt?: number }[];
}

export interface ExportContents {
  format: ImportFormat;
  items: ExportItem[];
  skipped: { where: string; reason: string }[];
}

/** The bookmark formats are HTML, read with DOMParser: jsdom's in Node (no scripts, no loads). */
function ensureDomParser(): void {
  if (typeof globalThis.DOMParser === 'undefined') globalThis.DOMParser = new JSDOM('').window.DOMParser;
}

const textOf = (html: string) => (new JSDOM(`<body>${html}</body>`).window.document.body.textContent ?? '').replace(/\s+/g, ' ').trim();

function plainItem(item: ImportItem): ExportItem {
  const html = item.article?.content;
  return {
    url: item.url,
    title: item.title ?? null,
    tags: [...item.tags],
    addedAt: item.savedAt ? Date.parse(item.savedAt) : null,
    archived: item.archived ?? false,
    favorite: item.favorite ?? false,
    progress: item.progress ?? null,
    ...(html === undefined ? {} : { html, text: textOf(html) }),
    ...(item.description ? { description: item.description } : {}),
    highlights: (item.highlights ?? []).map((h) => ({ ...h })),
  };
}

function where(problem: ImportProblem): string {
  const place = problem.line !== undefined ? `line ${problem.line}` : `entry ${(problem.index ?? 0) + 1}`;
  return problem.file ? `${problem.file}, ${place}` : place;
}

/**
 * The items of an export file (`fileName` is only for messages: the format is told by content).
 * Throws an Error that says what was found and expected when the file is no export Lectern reads.
 */
export function readExport(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ExportContents {
  return contentsOf(readFileOnce(bytes, fileName, options));
}

/** The file read by the import's parsers (once: a 50,000-row export takes a while); errors name the file. */
function readFileOnce(bytes: Uint8Array, fileName: string, options: ReadOptions): ReturnType<typeof parseImportFile> {
  ensureDomParser();
  try {
    return parseImportFile(bytes, options);
  } catch (error) {
    throw new Error(`${fileName}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const contentsOf = ({ format, items, errors }: ReturnType<typeof parseImportFile>): ExportContents =>
  ({ format, items: items.map(plainItem), skipped: errors.map((e) => ({ where: where(e), reason: e.reason })) });

/**
 * A Lectern backup (the JSON text) of everything in the export: the items that came with their text
 * as articles (with their highlights), the others as `links` to fetch when the backup is imported
 * (docs/backup-format.md), never as empty articles. `withText` counts the articles.
 */
export async function exportToBackup(bytes: Uint8Array, fileName: string, options: ReadOptions = {}, now: Date = new Date()): Promise<{ json: string; contents: ExportContents; withText: number; links: number }> {
  const read = readFileOnce(bytes, fileName, options);
  const contents = contentsOf(read);
  const { items } = read;
  const withContent = items.filter((item) => item.article);
  const records: LibraryRecord[] = [];
  for (const item of withContent) {
    const article = articleFromSaved({ ...item, article: item.article ?? { content: '' } });
    const id = await articleIdFor(urlKey(article.url, article.canonicalUrl));
    records.push(recordFromImport(item, article, id, now));
  }
  const backup = createBackup(records, now);
  // Highlights ride on each record (docs/storage.md): added after the copy, which knows only the older fields.
  backup.articles.forEach((record, i) => {
    const highlights = toHighlights(withContent[i]?.highlights, now.getTime());
    if (highlights.length) Object.assign(record, { highlights });
  });
  const links = items.filter((item) => !item.article).map(toBackupLink);
  const json = backupToJson(links.length ? Object.assign(backup, { links }) : backup);
  return { json, contents, withText: records.length, links: links.length };
}

/** The plan the options page makes before Import (which items are saved already): for `npm run bench:import`. */
export { planImport } from '../import/plan-import';
/** What the options page reads when a file is chosen (ImportItems, before the converter's plain items): for `npm run bench:import`. */
export { parseImportFile } from '../import/formats';

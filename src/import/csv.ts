/**
 * A CSV file parsed once, by papaparse (quotes, embedded newlines and commas handled): the header's
 * column names, and each row with the line it starts on. Formats are told apart by the header, then
 * read from these rows, so a file is never parsed twice.
 */
import Papa from 'papaparse';
import { checkSize, ImportError, LIMITS } from './limits';

export interface CsvTable {
  /** Header names, lower-cased and trimmed. */
  columns: string[];
  /** Each row's cells in header order, as papaparse gave them (no record per row: 50,000-row files). */
  rows: string[][];
  /** The 1-based line each row starts on (same index as `rows`), for error messages. */
  lines: number[];
}

/** The table in `text`; throws ImportError when it has more rows than an import may bring. */
export function parseCsv(text: string): CsvTable {
  checkSize(text.length);
  const body = text.replace(/^\uFEFF/, '');
  // One pass of papaparse's fast path (no per-row callback); the delimiter comes from the header line.
  // Parsing stops one row past the limit: a file with a million rows costs no more than a legal one.
  const { data, meta } = Papa.parse<string[]>(body, { delimiter: delimiterOf(body), preview: LIMITS.maxItems + 2 });
  const rows: string[][] = [];
  const lines: number[] = [];
  let columns: string[] | null = null;
  let line = 1;
  // Rows end in `\n` or `\r\n`: each row but the last ends in one `\n`, and when the file has no more
  // than that, no cell holds one, so no cell needs searching (50,000 rows).
  const breaksInCells = meta.linebreak === '\r' || countBreaks(body) > data.length - 1;
  for (const cells of data) {
    const start = line;
    // A row takes one line plus one for every line break inside its quoted cells; blank lines count too.
    if (breaksInCells) for (const cell of cells) line += countBreaks(cell);
    line++;
    if (isBlank(cells)) continue;
    if (!columns) columns = cells.map((name) => String(name).trim().toLowerCase());
    else if (rows.length >= LIMITS.maxItems) throw new ImportError('importTooManyRows', LIMITS.maxItems);
    else {
      rows.push(cells);
      lines.push(start);
    }
  }
  return { columns: columns ?? [], rows, lines };
}

/** Whether every cell is empty or white space (a blank line, or a row of delimiters only). */
function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim()) return false;
  return true;
}

function countBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A row's values by header name (a cell the row lacks is ''), for formats read by name. */
export function recordOf(columns: readonly string[], cells: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  columns.forEach((name, c) => (values[name] = cells[c] ?? ''));
  return values;
}

/** Comma, semicolon or tab: whichever the header line has most of (spreadsheets in some locales use `;`). */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const header = end === -1 ? text : text.slice(0, end);
  const count = (d: string) => header.split(d).length;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Whether `columns` holds every one of `names`. */
export const hasColumns = (columns: readonly string[], names: readonly string[]): boolean => names.every((n) => columns.includes(n));

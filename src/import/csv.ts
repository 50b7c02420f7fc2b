/**
 * A CSV file parsed once, by papaparse (quotes, embedded newlines and commas handled): the header's
 * column names, and each row with the line it starts on. Formats are told apart by the header, then
 * read from these rows, so a file is never parsed twice.
 */
import Papa from 'papaparse';
import { checkSize, ImportError, LIMITS } from './limits';

export interface CsvRow {
  /** 1-based line of the row in the file, for error messages. */
  line: number;
  /** Values by lower-cased, trimmed header name. */
  values: Record<string, string>;
}

export interface CsvTable {
  /** Header names, lower-cased and trimmed. */
  columns: string[];
  rows: CsvRow[];
}

/** The table in `text`; throws ImportError when it has more rows than an import may bring. */
export function parseCsv(text: string): CsvTable {
  checkSize(text.length);
  const body = text.replace(/^\uFEFF/, '');
  const rows: { cells: string[]; line: number }[] = [];
  const lines = new LineCounter(body);
  let header: string[] | null = null;
  let tooMany = false;
  // One pass with `step`: papaparse gives each row's end (cursor), from which its first line follows.
  // Parsing stops one row past the limit: a file with a million rows costs no more than a legal one.
  const parser = Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step: (result, handle) => {
      const line = lines.startOf(result.meta.cursor);
      if (!header) header = result.data;
      else if (rows.length >= LIMITS.maxItems) {
        tooMany = true;
        handle.abort();
      } else rows.push({ cells: result.data, line });
    },
  });
  void parser;
  if (tooMany) throw new ImportError('importTooManyRows', LIMITS.maxItems);
  const columns = (header ?? [] as string[]).map((name) => String(name).trim().toLowerCase());
  return {
    columns,
    rows: rows.map(({ cells, line }) => {
      const values: Record<string, string> = {};
      columns.forEach((name, c) => (values[name] = String(cells[c] ?? '')));
      return { line, values };
    }),
  };
}

/**
 * The line each row starts on, from the end of the previous row: rows arrive in order, so line
 * breaks are counted once over the whole file (blank lines that papaparse skipped included).
 */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  /** The first line of the row that ends at `cursor`. */
  startOf(cursor: number): number {
    // Skip the break that ended the previous row and any blank lines before this one.
    while (this.pos < cursor && /[\r\n\s]/.test(this.text[this.pos] ?? '')) if (this.text[this.pos++] === '\n') this.line++;
    const start = this.line;
    for (let next = this.text.indexOf('\n', this.pos); next !== -1 && next < cursor; next = this.text.indexOf('\n', next + 1)) this.line++;
    this.pos = cursor;
    return start;
  }
}

/** Whether `columns` holds every one of `names`. */
export const hasColumns = (columns: readonly string[], names: readonly string[]): boolean => names.every((n) => columns.includes(n));

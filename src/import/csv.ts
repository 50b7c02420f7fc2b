/** CSV rows with a header, parsed by papaparse (quotes, embedded newlines and commas handled). */
import Papa from 'papaparse';
import { checkSize, ImportError, LIMITS } from './limits';
import type { ImportMessageKey } from './messages';

export interface CsvRow {
  /** 1-based line of the row in the file, for error messages. */
  line: number;
  /** Values by lower-cased, trimmed header name. */
  values: Record<string, string>;
}

/** The rows of `text`; throws ImportError when `required` columns are missing or there are too many rows. */
export function parseCsv(text: string, required: string[], notThisFormat: ImportMessageKey): CsvRow[] {
  checkSize(text.length);
  const body = text.replace(/^\uFEFF/, '');
  // Parsing stops one row past the limit: a file with a million rows costs no more than a legal one.
  const parsed = Papa.parse<string[]>(body, { preview: LIMITS.maxItems + 2, skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const columns = (header ?? []).map((name) => String(name).trim().toLowerCase());
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length) throw new ImportError(notThisFormat, missing.map((m) => `"${m}"`).join(', '));
  if (rows.length > LIMITS.maxItems) throw new ImportError('importTooManyRows', LIMITS.maxItems);
  const lines = rowLines(body, parsed.data.length);
  return rows.map((cells, i) => ({
    line: lines[i + 1] ?? i + 2, // rowLines counts every row parsed; the fallback assumes one line per row
    values: Object.fromEntries(columns.map((name, c) => [name, String(cells[c] ?? '')])),
  }));
}

/**
 * The starting line of each row. papaparse reports no line numbers, and a quoted cell may span
 * lines, so rows are walked one at a time with `step`, counting line breaks up to each cursor.
 */
function rowLines(text: string, count: number): number[] {
  const lines: number[] = [];
  let pos = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    preview: count,
    step: (result) => {
      while (pos < text.length && /\s/.test(text.charAt(pos))) if (text[pos++] === '\n') line++; // blank lines skipped
      lines.push(line);
      for (; pos < result.meta.cursor; pos++) if (text[pos] === '\n') line++;
    },
  });
  return lines;
}

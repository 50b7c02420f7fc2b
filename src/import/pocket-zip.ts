/**
 * Pocket's `pocket.zip`: every `part_*.csv` in number order, and the highlights from
 * `annotations/part_*.json`: `[{ url, title, highlights: [{ quote, created_at }] }]`, created_at in
 * Unix seconds (Pocket's annotations export service).
 */
import { parseCsv } from './csv';
import { decodeText } from './decode';
import { isObject } from './check';
import { ItemCollector } from './item';
import { ImportError } from './limits';
import { addPocketRows } from './pocket';
import type { ImportedHighlight, ImportResult } from './types';
import { itemKey } from './url-key';
import { byNumber, unzipBounded } from './unzip';

export const POCKET_PART = /(^|\/)part_\d+\.csv$/;
const ANNOTATIONS = /(^|\/)annotations\/part_\d+\.json$/;

export function parsePocketZip(bytes: Uint8Array): ImportResult {
  const files = unzipBounded(bytes, (name) => POCKET_PART.test(name) || ANNOTATIONS.test(name));
  const names = [...files.keys()].sort(byNumber);
  const highlights = new Map<string, ImportedHighlight[]>();
  for (const name of names.filter((n) => ANNOTATIONS.test(n))) addAnnotations(highlights, files.get(name)!, name);
  const collector = new ItemCollector();
  for (const name of names.filter((n) => POCKET_PART.test(n) && !ANNOTATIONS.test(n))) {
    addPocketRows(collector, parseCsv(decodeText(files.get(name)!)), highlights, name);
  }
  return collector.result();
}

function addAnnotations(into: Map<string, ImportedHighlight[]>, bytes: Uint8Array, name: string): void {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes));
  } catch (error) {
    throw new ImportError('importFileNotJson', name, (error as Error).message);
  }
  if (!Array.isArray(data)) throw new ImportError('importPocketAnnotations', name);
  for (const entry of data) {
    if (!isObject(entry) || typeof entry.url !== 'string' || !Array.isArray(entry.highlights)) continue;
    const key = itemKey(entry.url);
    if (!key) continue;
    const list = into.get(key) ?? [];
    for (const h of entry.highlights) {
      if (!isObject(h) || typeof h.quote !== 'string' || !h.quote.trim()) continue;
      list.push({ quote: h.quote, ...(typeof h.created_at === 'number' ? { createdAt: h.created_at * 1000 } : {}) });
    }
    into.set(key, list);
  }
}

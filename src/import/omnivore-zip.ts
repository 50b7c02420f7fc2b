/**
 * Omnivore's zip export: `metadata_<from>_to_<to>.json` files (read in number order, so `20_to_40`
 * comes before `100_to_120`), `content/<slug>.html` (or .md) and `highlights/<slug>.md`.
 */
import { parseJsonList } from './json';
import { decodeText } from './decode';
import { ItemCollector } from './item';
import { ImportError } from './limits';
import { addOmnivoreRecords, noExtras } from './omnivore';
import { parseOmnivoreHighlights } from './omnivore-highlights';
import type { ImportResult } from './types';
import { byNumber, unzipBounded } from './unzip';

export const OMNIVORE_METADATA = /(^|\/)metadata_[^/]*\.json$/;
const CONTENT = /(^|\/)content\/([^/]+)\.(html|md)$/;
const HIGHLIGHTS = /(^|\/)highlights\/([^/]+)\.md$/;

export function parseOmnivoreZip(bytes: Uint8Array): ImportResult {
  const files = unzipBounded(bytes, (name) => OMNIVORE_METADATA.test(name) || CONTENT.test(name) || HIGHLIGHTS.test(name));
  const extras = noExtras();
  for (const [name, data] of files) {
    const content = CONTENT.exec(name);
    if (content?.[2]) extras.content.set(content[2], content[3] === 'html' ? { html: decodeText(data) } : { markdown: decodeText(data) });
    const highlights = HIGHLIGHTS.exec(name);
    if (highlights?.[2]) extras.highlights.set(highlights[2], parseOmnivoreHighlights(decodeText(data)));
  }
  const metadata = [...files.keys()].filter((name) => OMNIVORE_METADATA.test(name)).sort(byNumber);
  if (!metadata.length) throw new ImportError('importOmnivoreNoMetadata');
  const collector = new ItemCollector();
  let offset = 0;
  for (const name of metadata) {
    const list = parseJsonList(decodeText(files.get(name)!), name);
    addOmnivoreRecords(collector, list, extras, offset, name);
    offset += list.length;
  }
  return collector.result();
}

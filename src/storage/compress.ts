/**
 * Article bodies are stored compressed (schema 5): an article record keeps every field plain except
 * `content` and `text`, which go together into `body`, raw deflate (fflate, synchronous: the same code in
 * Chrome's worker, Firefox's event page, the pages and Node) in base64, because Chrome's storage keeps
 * JSON text, not bytes. Text and HTML compress 3–5×; base64 gives back a third of that. Only storage
 * sees this form: readArticle/readArticles (read.ts) unpack, writers pack.
 */
import { deflateSync, Inflate, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64, toBase64 } from '../shared/base64';
import { joinBytes } from '../shared/bytes';
import { PACKED, type Packed } from './packed';


interface Body { content: string; text: string }

/** The record as stored: `content` and `text` deflated together (they share most words). */
export function packRecord<T extends Body>(record: T): Packed<T> {
  const bytes = deflateSync(strToU8(JSON.stringify([record.content, record.text])), { level: 6 });
  return packedWith(record, toBase64(bytes));
}

/** The record as stored with a `body` packed elsewhere (the options page packs a restore's records): it must hold exactly the record's content and text. */
export function packedWith<T extends Body>(record: T, body: string): Packed<T> {
  const { content: _content, text: _text, ...rest } = record;
  return { ...rest, packed: PACKED, body };
}

/** A stored value as the plain record (records written before schema 5 come back as they are); null when the body is damaged. */
export function unpackRecord(value: unknown): unknown {
  if (!isPacked(value)) return value;
  const { packed: _packed, body, ...rest } = value as { packed: string; body: unknown };
  if (typeof body !== 'string') return null;
  try {
    return withBody(rest, strFromU8(inflateSync(fromBase64(body))));
  } catch {
    return null;
  }
}

/** Input per inflate step: one step of a body that lies about its size produces at most ~1,000× this. */
const SLICE = 16 * 1024;

/**
 * unpackRecord for a packed record that did not come from storage (a restore message): its body is
 * inflated step by step and refused once it grows past `maxBytes`, so a body that inflates to gigabytes is
 * refused, not stored for every later read to choke on. Null when damaged or too large.
 */
export function unpackBounded(value: unknown, maxBytes: number): unknown {
  if (!isPacked(value)) return value;
  const { packed: _packed, body, ...rest } = value as { packed: string; body: unknown };
  if (typeof body !== 'string') return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  });
  try {
    const bytes = fromBase64(body);
    for (let at = 0; at < bytes.length && size <= maxBytes; at += SLICE) inflater.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    if (size > maxBytes || bytes.length === 0) return null;
    return withBody(rest, strFromU8(joinBytes(chunks)), true);
  } catch {
    return null;
  }
}

/** The record with the body's content and text, or null when the body is not the pair packRecord writes (`exact`: and nothing else). */
function withBody(rest: Record<string, unknown>, json: string, exact = false): unknown {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string' || (exact && parsed.length !== 2)) return null;
  return { ...rest, content: parsed[0], text: parsed[1] };
}

export const isPacked = (value: unknown) => typeof value === 'object' && value !== null && (value as { packed?: unknown }).packed === PACKED;

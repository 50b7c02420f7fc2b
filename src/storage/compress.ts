/**
 * Article bodies are stored compressed (schema 5): an article record keeps every field plain except
 * `content` and `text`, which go together into `body`, raw deflate (fflate, synchronous: the same code in
 * Chrome's worker, Firefox's event page, the pages and Node) in base64, because Chrome's storage keeps
 * JSON text, not bytes. Text and HTML compress 3–5×; base64 gives back a third of that. Only storage
 * sees this form: readArticle/readArticles (read.ts) unpack, writers pack.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64, toBase64 } from '../shared/base64';

const PACKED = 'deflate-raw-base64';

interface Body { content: string; text: string }
export type Packed<T extends Body> = Omit<T, 'content' | 'text'> & { packed: typeof PACKED; body: string };

/** The record as stored: `content` and `text` deflated together (they share most words). */
export function packRecord<T extends Body>(record: T): Packed<T> {
  const { content, text, ...rest } = record;
  const bytes = deflateSync(strToU8(JSON.stringify([content, text])), { level: 6 });
  return { ...rest, packed: PACKED, body: toBase64(bytes) };
}

/** A stored value as the plain record (records written before schema 5 come back as they are); null when the body is damaged. */
export function unpackRecord(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || (value as { packed?: unknown }).packed !== PACKED) return value;
  const { packed: _packed, body, ...rest } = value as { packed: string; body: unknown };
  if (typeof body !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(strFromU8(inflateSync(fromBase64(body))));
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return null;
    return { ...rest, content: parsed[0], text: parsed[1] };
  } catch {
    return null;
  }
}

export const isPacked = (value: unknown) => typeof value === 'object' && value !== null && (value as { packed?: unknown }).packed === PACKED;


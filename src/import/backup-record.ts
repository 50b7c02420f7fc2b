/** One record of a Lectern backup, checked field by field. */
import type { LibraryRecord } from '../export/types';
import { isHighlightList, type Highlight } from '../shared/highlight';
import { fitBackupHighlights } from './highlights';
import { bool, describe, FieldError, isObject, isoDate, num, str, strOrNull, webUrl, type Obj } from './check';

const MAX_TAGS = 500;
const MAX_TAG_LENGTH = 200;

/**
 * `value` as a LibraryRecord, or a FieldError naming the first bad field. Unknown fields are dropped.
 * Highlights past the library's limits are fitted to them, not refused (the article is kept):
 * `onFitted` hears what was changed, to tell the user.
 */
export function checkRecord(value: unknown, onFitted?: (what: string) => void): LibraryRecord {
  if (!isObject(value)) throw new FieldError('article', `expected an object, got ${describe(value)}`);
  const record: LibraryRecord = {
    id: id(value),
    url: webUrl(value, 'url'),
    canonicalUrl: value.canonicalUrl === undefined ? undefined : webUrl(value, 'canonicalUrl'),
    title: str(value, 'title', 10_000),
    byline: strOrNull(value, 'byline', 10_000),
    siteName: strOrNull(value, 'siteName', 10_000),
    lang: strOrNull(value, 'lang', 100),
    dir: direction(value),
    publishedTime: strOrNull(value, 'publishedTime', 100),
    excerpt: strOrNull(value, 'excerpt', 100_000),
    leadImage: value.leadImage === null || value.leadImage === undefined ? null : webUrl(value, 'leadImage'),
    content: str(value, 'content'),
    text: str(value, 'text'),
    wordCount: num(value, 'wordCount', 0, 1e9, true),
    readingMinutes: num(value, 'readingMinutes', 0, 1e9),
    fallback: value.fallback === undefined ? undefined : bool(value, 'fallback'),
    savedAt: isoDate(value, 'savedAt'),
    updatedAt: value.updatedAt === undefined ? undefined : isoDate(value, 'updatedAt'),
    readAt: value.readAt === undefined ? undefined : value.readAt === null ? null : isoDate(value, 'readAt'),
    archived: bool(value, 'archived'),
    favorite: bool(value, 'favorite'),
    tags: tags(value),
    progress: value.progress === undefined ? undefined : num(value, 'progress', 0, 1),
    highlights: value.highlights === undefined ? undefined : highlights(value, onFitted),
  };
  for (const key of Object.keys(record) as (keyof LibraryRecord)[]) if (record[key] === undefined) delete record[key];
  return record;
}

function id(o: Obj): string {
  const value = str(o, 'id', 200);
  if (!value.trim()) throw new FieldError('id', 'is empty');
  return value;
}

function direction(o: Obj): 'ltr' | 'rtl' | null {
  const value = o.dir ?? null;
  if (value !== null && value !== 'ltr' && value !== 'rtl') throw new FieldError('dir', `expected "ltr", "rtl" or null, got ${describe(value)}`);
  return value;
}

function tags(o: Obj): string[] {
  const value = o.tags;
  if (!Array.isArray(value)) throw new FieldError('tags', `expected a list, got ${describe(value)}`);
  if (value.length > MAX_TAGS) throw new FieldError('tags', `more than ${MAX_TAGS} tags`);
  value.forEach((tag, i) => {
    if (typeof tag !== 'string' || !tag.trim() || tag.length > MAX_TAG_LENGTH) {
      throw new FieldError(`tags[${i}]`, `expected non-empty text of at most ${MAX_TAG_LENGTH} characters, got ${describe(tag)}`);
    }
  });
  return [...(value as unknown[])] as string[];
}

/** Checked with the library's own validator (src/shared/highlight.ts), so what is restored can be stored. */
function highlights(o: Obj, onFitted?: (what: string) => void): Highlight[] {
  if (!Array.isArray(o.highlights)) throw new FieldError('highlights', `expected a list, got ${describe(o.highlights)}`);
  // Over the limits (a backup from a build with other limits, or edited by hand): cut, not refused.
  const { highlights: list, cut } = fitBackupHighlights(o.highlights);
  if (!isHighlightList(list)) throw new FieldError('highlights', 'expected a list of highlights (quote, position, colour, note, times) with unique ids');
  if (cut) onFitted?.(cut);
  return list;
}

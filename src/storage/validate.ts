import { isHighlightList } from '../shared/highlight';
import { PACKED, type Packed } from './packed';
import type { IndexEntry, SavedArticle } from './schema';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown) => v === null || isStr(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isTags = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isId = (v: unknown): v is string => isStr(v) && /^[0-9a-f]{8,64}$/.test(v);

/** Every record read from storage passes through one of these: corrupt data is skipped, never trusted. */
export function isSavedArticle(v: unknown): v is SavedArticle {
  if (!isObj(v)) return false;
  return isId(v.id) && isStr(v.urlKey) && isStr(v.url) && isStr(v.title) && isStr(v.content) && isStr(v.text)
    && isStrOrNull(v.byline) && isStrOrNull(v.siteName) && isStrOrNull(v.lang) && isStrOrNull(v.publishedTime)
    && isStrOrNull(v.excerpt) && isStrOrNull(v.leadImage) && (v.dir === null || v.dir === 'ltr' || v.dir === 'rtl')
    && isNum(v.wordCount) && isNum(v.readingMinutes) && isNum(v.savedAt) && isNum(v.updatedAt)
    && (v.readAt === null || isNum(v.readAt)) && isBool(v.archived) && isBool(v.favorite) && isTags(v.tags)
    && isNum(v.progress) && v.progress >= 0 && v.progress <= 1 && (v.highlights === undefined || isHighlightList(v.highlights));
}

/**
 * A record in its stored form, its body packed (compress.ts): every other field as isSavedArticle checks
 * it. Whether the body holds a valid content and text shows only once inflated (restore.ts does that).
 */
export function isPackedArticle(v: unknown): v is Packed<SavedArticle> {
  return isObj(v) && v.packed === PACKED && isStr(v.body) && !('content' in v) && !('text' in v) && isSavedArticle({ ...v, content: '', text: '' });
}

export function isIndexEntry(v: unknown): v is IndexEntry {
  if (!isObj(v)) return false;
  return isId(v.id) && isStr(v.urlKey) && isStr(v.url) && isStr(v.title) && isStr(v.site) && isStr(v.excerpt)
    && isNum(v.readingMinutes) && isNum(v.savedAt) && isBool(v.read) && isBool(v.archived) && isBool(v.favorite)
    && isTags(v.tags) && (v.highlights === undefined || (isNum(v.highlights) && v.highlights >= 0));
}

export { isId as isArticleId };

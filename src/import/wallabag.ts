/**
 * wallabag's JSON export: a list of entries `{ id, title, url, is_archived, is_starred, content,
 * created_at, tags, annotations, language, preview_picture, published_at, published_by }` (flags as
 * booleans or 0/1 depending on the version). The saved content is used, so nothing is fetched again;
 * annotations (`{ quote, text, created_at }`) become highlights with their notes.
 */
import { isObject, type Obj } from './check';
import { checkUrl, cleanTags, cleanTitle, fromDateString, ItemCollector } from './item';
import type { ImportedArticle, ImportedHighlight, ImportResult } from './types';

const flag = (value: unknown) => value === true || value === 1 || value === '1';
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

export function parseWallabag(list: unknown[]): ImportResult {
  const collector = new ItemCollector();
  list.forEach((value, index) => {
    if (!isObject(value)) return collector.skip({ index }, { key: 'importRowNotArticle', subs: [typeof value] });
    const checked = checkUrl(value.url);
    if ('key' in checked) return collector.skip({ index }, checked);
    const highlights = annotations(value.annotations);
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(value.title),
        tags: cleanTags(Array.isArray(value.tags) ? (value.tags as unknown[]).map((t): unknown => (isObject(t) ? t.label : t)) : []),
        savedAt: fromDateString(value.created_at),
        archived: flag(value.is_archived),
        favorite: flag(value.is_starred),
        ...(highlights.length ? { highlights } : {}),
        ...(text(value.content) ? { article: article(value) } : {}),
      },
      { index },
    );
  });
  return collector.result();
}

function article(value: Obj): ImportedArticle {
  const picture = checkUrl(value.preview_picture);
  const byline = Array.isArray(value.published_by) ? value.published_by.filter((a) => typeof a === 'string').join(', ') : null;
  return {
    content: String(value.content),
    title: cleanTitle(value.title) ?? '',
    lang: text(value.language),
    byline: byline || null,
    publishedTime: fromDateString(value.published_at) ?? null,
    leadImage: 'url' in picture ? picture.url : null,
  };
}

function annotations(raw: unknown): ImportedHighlight[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a) => {
    if (!isObject(a) || typeof a.quote !== 'string' || !a.quote.trim()) return [];
    const created = fromDateString(a.created_at);
    return [{ quote: a.quote, ...(text(a.text) ? { note: String(a.text) } : {}), ...(created ? { createdAt: Date.parse(created) } : {}) }];
  });
}

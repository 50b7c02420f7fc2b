/**
 * Omnivore's export: a JSON list of metadata records
 * `[{id,slug,title,description,author,url,state,readingProgress,thumbnail,labels,savedAt,updatedAt,publishedAt}]`,
 * alone or in a zip with `metadata_*.json` files and `content/<slug>.html|md`.
 */
import { strFromU8 } from 'fflate';
import { describe, isObject, type Obj } from './check';
import { checkUrl, cleanTags, cleanTitle, fromDateString, ItemCollector } from './item';
import { checkSize, ImportError, LIMITS } from './limits';
import { markdownAsHtml } from './plain-html';
import type { ImportedArticle, ImportResult } from './types';
import { unzipBounded } from './unzip';

const METADATA = /(^|\/)metadata_[^/]*\.json$/;
const CONTENT = /(^|\/)content\/([^/]+)\.(html|md)$/;

/** Content by slug: HTML as it was saved, or Markdown. */
type ContentMap = Map<string, { html: string } | { markdown: string }>;

/** Omnivore's metadata JSON on its own (no content: the URLs are fetched). */
export function parseOmnivoreJson(text: string): ImportResult {
  checkSize(text.length);
  const collector = new ItemCollector();
  addRecords(collector, parseList(text, 'the file'), new Map(), 0);
  return collector.result();
}

/** Omnivore's zip export: every metadata file, with the saved content where it is included. */
export function parseOmnivoreZip(bytes: Uint8Array): ImportResult {
  const files = unzipBounded(bytes, (name) => METADATA.test(name) || CONTENT.test(name));
  const content: ContentMap = new Map();
  for (const [name, data] of files) {
    const [, , slug, extension] = CONTENT.exec(name) ?? [];
    if (slug) content.set(slug, extension === 'html' ? { html: strFromU8(data) } : { markdown: strFromU8(data) });
  }
  const metadata = [...files.keys()].filter((name) => METADATA.test(name)).sort();
  if (!metadata.length) throw new ImportError('importOmnivoreNoMetadata');
  const collector = new ItemCollector();
  let offset = 0;
  for (const name of metadata) {
    const list = parseList(strFromU8(files.get(name)!), name);
    addRecords(collector, list, content, offset);
    offset += list.length;
  }
  return collector.result();
}

function parseList(text: string, where: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError('importOmnivoreNotJson', where, (error as Error).message);
  }
  if (!Array.isArray(data)) throw new ImportError('importOmnivoreNotList', where);
  if (data.length > LIMITS.maxItems) throw new ImportError('importOmnivoreTooMany', LIMITS.maxItems);
  return data;
}

function addRecords(collector: ItemCollector, list: unknown[], content: ContentMap, offset: number): void {
  list.forEach((value, i) => {
    const index = offset + i;
    if (!isObject(value)) return collector.skip({ index }, { key: 'importRowNotArticle', subs: [describe(value)] });
    const state = typeof value.state === 'string' ? value.state.toUpperCase() : '';
    if (state === 'DELETED') return collector.skip({ index }, { key: 'importRowDeleted', subs: [] });
    const checked = checkUrl(value.url);
    if ('key' in checked) return collector.skip({ index }, checked);
    const progress = typeof value.readingProgress === 'number' && Number.isFinite(value.readingProgress) ? value.readingProgress : undefined;
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(value.title),
        tags: cleanTags(Array.isArray(value.labels) ? value.labels.map(labelName) : []),
        savedAt: fromDateString(value.savedAt),
        archived: state === 'ARCHIVED',
        progress: progress === undefined ? undefined : Math.min(1, Math.max(0, progress / 100)),
        article: article(value, content),
      },
      { index },
    );
  });
}

/** Labels are names, or objects with a name, depending on the exporter's version. */
function labelName(label: unknown): unknown {
  return isObject(label) ? label.name : label;
}

function article(value: Obj, content: ContentMap): ImportedArticle | undefined {
  const saved = typeof value.slug === 'string' ? content.get(value.slug) : undefined;
  if (!saved) return undefined;
  const text = (s: unknown) => (typeof s === 'string' && s.trim() ? s : null);
  const thumbnail = checkUrl(value.thumbnail);
  return {
    content: 'html' in saved ? saved.html : markdownAsHtml(saved.markdown),
    title: cleanTitle(value.title) ?? '',
    byline: text(value.author),
    excerpt: text(value.description),
    publishedTime: fromDateString(value.publishedAt) ?? null,
    leadImage: 'url' in thumbnail ? thumbnail.url : null,
  };
}

/**
 * Omnivore's export metadata (its exporter, packages/api/src/jobs/export.ts): a JSON list of
 * `{ id, slug, title, description, author, url, state, readingProgress (0–100), thumbnail, labels,
 * savedAt, updatedAt, publishedAt }`, alone (`omnivore_export.json`) or in the zip with the saved
 * content and highlights (omnivore-zip.ts).
 */
import { describe, isObject, type Obj } from './check';
import { checkUrl, cleanTags, cleanTitle, fromDateString, ItemCollector } from './item';
import { markdownAsHtml } from './plain-html';
import type { ImportedArticle, ImportedHighlight } from './types';

/** What the zip holds besides the metadata, by slug. */
interface OmnivoreExtras {
  content: Map<string, { html: string } | { markdown: string }>;
  highlights: Map<string, ImportedHighlight[]>;
}

export const noExtras = (): OmnivoreExtras => ({ content: new Map(), highlights: new Map() });

export function addOmnivoreRecords(collector: ItemCollector, list: unknown[], extras: OmnivoreExtras, offset: number, file?: string): void {
  list.forEach((value, i) => {
    const where = file ? { index: offset + i, file } : { index: offset + i };
    if (!isObject(value)) return collector.skip(where, { key: 'importRowNotArticle', subs: [describe(value)] });
    const state = typeof value.state === 'string' ? value.state.toUpperCase() : '';
    if (state === 'DELETED') return collector.skip(where, { key: 'importRowDeleted', subs: [] });
    const checked = checkUrl(value.url);
    if ('key' in checked) return collector.skip(where, checked);
    const progress = typeof value.readingProgress === 'number' && Number.isFinite(value.readingProgress) ? value.readingProgress : undefined;
    const slug = typeof value.slug === 'string' ? value.slug : '';
    const highlights = extras.highlights.get(slug);
    const saved = article(value, extras.content.get(slug));
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(value.title),
        tags: cleanTags(Array.isArray(value.labels) ? value.labels.map(labelName) : []),
        savedAt: fromDateString(value.savedAt),
        archived: state === 'ARCHIVED',
        ...(progress === undefined ? {} : { progress: Math.min(1, Math.max(0, progress / 100)) }),
        ...(highlights?.length ? { highlights } : {}),
        ...(saved ? { article: saved } : {}),
      },
      where,
    );
  });
}

/** Labels are names, or objects with a name, depending on the exporter's version. */
function labelName(label: unknown): unknown {
  return isObject(label) ? label.name : label;
}

function article(value: Obj, saved: { html: string } | { markdown: string } | undefined): ImportedArticle | undefined {
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

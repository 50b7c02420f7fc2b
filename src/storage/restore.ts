import { planRestore } from '../import/restore';
import { removeItems, setItems } from './area';
import { entryOf } from './entry';
import { articleKey } from './keys';
import { serialized } from './queue';
import { indexItems, newestFirst, readIndex } from './read';
import type { IndexEntry, SavedArticle } from './schema';
import { keepSearchIndex } from './search-write';
import { isSavedArticle } from './validate';

/** Articles per set(): each batch writes its records and the index together, so a stop halfway loses nothing. */
const BATCH = 50;

export interface RestoreOutcome { added: number; replaced: number }

/**
 * Put backup records into the library: a record replaces the saved one with the same id or URL key
 * (planRestore), so restoring twice or into the library it came from makes no duplicates. The
 * index drops replaced rows first (an orphaned record is found by the repair, never half-listed).
 */
export function restoreArticles(articles: SavedArticle[]): Promise<RestoreOutcome> {
  if (!articles.every(isSavedArticle)) return Promise.reject(new Error('Refusing to restore an invalid article'));
  return serialized(async () => {
    const { entries } = await readIndex();
    // The index's urlKey already comes from the canonical URL: it stands in for it in the plan.
    const existing = entries.map((e) => ({ id: e.id, url: e.url, canonicalUrl: e.urlKey }));
    const plan = planRestore(existing, articles);
    const gone = new Set([...plan.remove, ...articles.map((a) => a.id)]);
    let index: IndexEntry[] = entries.filter((e) => !gone.has(e.id)).sort(newestFirst);
    await setItems(indexItems(index));
    if (plan.remove.length) await removeItems(plan.remove.map(articleKey));
    await keepSearchIndex(plan.remove.map((id) => ({ id, before: null, after: null })));
    for (let i = 0; i < articles.length; i += BATCH) {
      const batch = articles.slice(i, i + BATCH);
      index = [...index, ...batch.map(entryOf)].sort(newestFirst);
      await setItems({ ...Object.fromEntries(batch.map((a) => [articleKey(a.id), a])), ...indexItems(index) });
      await keepSearchIndex(batch.map((a) => ({ id: a.id, before: null, after: a })));
    }
    return { added: plan.added, replaced: plan.replaced };
  });
}

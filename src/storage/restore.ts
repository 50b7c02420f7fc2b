import { removeItems, setItems } from './area';
import { packRecord } from './compress';
import { entryOf } from './entry';
import { HeldIndex } from './held-index';
import { articleKey } from './keys';
import { serialized } from './queue';
import { readArticles } from './read';
import { mergeRecords, planRestore } from './restore-plan';
import type { SavedArticle } from './schema';
import { keepSearchIndex } from './search-write';
import { trackedItems } from './sync-track';
import { isSavedArticle } from './validate';

/**
 * Articles per set(): each batch writes its records and the index rows that list them together, so a stop
 * halfway loses nothing. The index is read once per call and held (held-index.ts): a batch writes only the
 * index pages its rows live on and the head.
 */
const BATCH = 50;

/**
 * `kept`: saved articles left as they were because the backup's copy could not be merged into them
 * without leaving highlights out (together more than an article holds); absent when there are none.
 */
export interface RestoreOutcome { added: number; replaced: number; kept?: KeptArticle[] }
export interface KeptArticle { id: string; title: string; highlights: number }

/**
 * Put backup records into the library, merged with the saved copies they meet (restore-plan.ts), so
 * restoring twice or into the library it came from makes no duplicates and drops nothing the user made.
 * New before old: each batch's records and the index pages that list them land in one set() (all or nothing);
 * saved records met under another id are deleted only after that. A full disk stops the restore at a
 * batch boundary with every article written before it intact and listed.
 */
export function restoreArticles(articles: SavedArticle[], { searchLater = false } = {}): Promise<RestoreOutcome> {
  if (!articles.every(isSavedArticle)) return Promise.reject(new Error('Refusing to restore an invalid article'));
  return serialized(async () => {
    const outcome: RestoreOutcome = { added: 0, replaced: 0 };
    if (articles.length === 0) return outcome;
    const index = await HeldIndex.read();
    for (let i = 0; i < articles.length; i += BATCH) {
      const { added, replaced, kept } = await restoreBatch(index, lastOfEachId(articles.slice(i, i + BATCH)), searchLater);
      outcome.added += added;
      outcome.replaced += replaced;
      if (kept?.length) outcome.kept = [...(outcome.kept ?? []), ...kept];
    }
    return outcome;
  });
}

/** One record per id (the last one): two records with one id in a batch would be one article written twice. */
const lastOfEachId = (batch: SavedArticle[]) => [...new Map(batch.map((a) => [a.id, a])).values()];

async function restoreBatch(index: HeldIndex, batch: SavedArticle[], searchLater: boolean): Promise<RestoreOutcome> {
  if (batch.length === 0) return { added: 0, replaced: 0 };
  const plan = planRestore(index.book, batch);
  const met = [...new Set([...plan.meets.values()].flat())];
  const saved = new Map((await readArticles(met)).map((a) => [a.id, a]));
  const tooMany = new Map<string, number>();
  const records = batch.map((a) => (plan.meets.get(a.id) ?? []).reduce((merged, id) => {
    const other = saved.get(id);
    return other ? mergeRecords(merged, other, (left) => tooMany.set(a.id, left)) : merged;
  }, a));
  if (tooMany.size) {
    // Merging would leave highlights out: the saved copies stay as they are (and are not removed), the
    // backup's copy is not written, and the outcome names them. Nothing in the library is lost.
    const rest = await restoreBatch(index, batch.filter((a) => !tooMany.has(a.id)), searchLater);
    const kept = records.filter((r) => tooMany.has(r.id)).map((r) => ({ id: r.id, title: r.title, highlights: (r.highlights?.length ?? 0) + (tooMany.get(r.id) ?? 0) }));
    return { ...rest, kept: [...(rest.kept ?? []), ...kept] };
  }
  const listing = index.itemsListing(records.map(entryOf), plan.remove);
  const tracked = await trackedItems([
    ...records.map((a) => ({ id: a.id, before: saved.get(a.id) ?? null, after: a })),
    ...plan.remove.map((id) => ({ id, before: saved.get(id) ?? null, after: null })),
  ]);
  await setItems({ ...Object.fromEntries(records.map((a) => [articleKey(a.id), packRecord(a)])), ...listing.items, ...tracked });
  listing.written();
  if (plan.remove.length) await removeItems(plan.remove.map(articleKey));
  // The index is updated with each batch (one transaction per batch, cost per batch independent of the
  // library), so a restore needs no rebuild after it. searchLater leaves it to one rebuildSearchIndex
  // (the benchmarks' quick seeding); the index then disagrees with the library until that has run.
  if (searchLater) return { added: plan.added, replaced: plan.replaced };
  await keepSearchIndex([
    ...plan.remove.map((id) => ({ id, before: null, after: null })),
    ...records.map((a) => ({ id: a.id, before: saved.get(a.id) ?? null, after: a })),
  ]);
  return { added: plan.added, replaced: plan.replaced };
}

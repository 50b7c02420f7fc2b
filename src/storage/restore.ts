import { removeItems, setItems } from './area';
import { packedWith, packRecord, unpackBounded } from './compress';
import type { Packed } from './packed';
import { entryOf } from './entry';
import { HeldIndex } from './held-index';
import { articleKey } from './keys';
import { serialized, tasksStarted } from './queue';
import { readArticles } from './read-records';
import { mergeRecords, planRestore } from './restore-plan';
import type { SavedArticle } from './schema';
import { keepSearchIndex } from './search-write';
import { trackedItems } from './sync-track';
import { isSavedArticle } from './validate';

/**
 * Articles per set(): each batch writes its records and the index rows that list them together, so a stop
 * halfway loses nothing. The index is read once and held (held-index.ts): a batch writes only the index
 * pages its rows live on and the head. The options page sends a restore in messages of at most this many
 * (restore-file.ts), so each message is one set(), all or nothing, and the page's count of what was
 * restored stays exact when one fails.
 */
export const RESTORE_BATCH = 50;

/** A restore message's record: stored form with its body packed (the options page packs), or plain. */
export type RestoreRecord = SavedArticle | Packed<SavedArticle>;

/** Largest body a packed record may inflate to: a backup's article entry is at most 64 MB (restore-zip.ts). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * `kept`: saved articles left as they were because the backup's copy could not be merged into them
 * without leaving highlights out (together more than an article holds); absent when there are none.
 */
export interface RestoreOutcome { added: number; replaced: number; kept?: KeptArticle[] }
export interface KeptArticle { id: string; title: string; highlights: number }

/** A restored article, and the packed body it came with (stored as it is when the article is written unchanged). */
interface Incoming { article: SavedArticle; body?: string }

/**
 * The index a finished restore call held, and the queue's count when it finished: the next call reuses it
 * when no other write ran in between (tasksStarted one higher) and storage still holds its head (nothing
 * outside the queue changed the index), instead of reading and parsing the whole index again for every
 * message of a restore (at 10,000 articles that was ~30 s of a restore).
 */
let held: { index: HeldIndex; at: number } | null = null;

/**
 * Put backup records into the library, merged with the saved copies they meet (restore-plan.ts), so
 * restoring twice or into the library it came from makes no duplicates and drops nothing the user made.
 * New before old: each batch's records and the index pages that list them land in one set() (all or nothing);
 * saved records met under another id are deleted only after that. A full disk stops the restore at a
 * batch boundary with every article written before it intact and listed. A packed record's body is
 * inflated and the record checked like a plain one before anything is written.
 */
export function restoreArticles(records: RestoreRecord[], { searchLater = false } = {}): Promise<RestoreOutcome> {
  const incoming = records.map(unpackIncoming);
  if (!incoming.every((i): i is Incoming => i !== null)) return Promise.reject(new Error('Refusing to restore an invalid article'));
  return serialized(async () => {
    const outcome: RestoreOutcome = { added: 0, replaced: 0 };
    const kept = held?.at === tasksStarted() - 1 && (await held.index.stillStored()) ? held.index : null;
    const index = kept ?? (await HeldIndex.read());
    held = null;
    for (let i = 0; i < incoming.length; i += RESTORE_BATCH) {
      const { added, replaced, kept } = await restoreBatch(index, lastOfEachId(incoming.slice(i, i + RESTORE_BATCH)), searchLater);
      outcome.added += added;
      outcome.replaced += replaced;
      if (kept?.length) outcome.kept = [...(outcome.kept ?? []), ...kept];
    }
    held = { index, at: tasksStarted() };
    return outcome;
  });
}

function unpackIncoming(record: unknown): Incoming | null {
  const article = unpackBounded(record, MAX_BODY_BYTES);
  if (!isSavedArticle(article)) return null;
  return { article, ...(article !== record ? { body: (record as { body: string }).body } : {}) };
}

/** One record per id (the last one): two records with one id in a batch would be one article written twice. */
const lastOfEachId = (batch: Incoming[]) => [...new Map(batch.map((i) => [i.article.id, i])).values()];

async function restoreBatch(index: HeldIndex, batch: Incoming[], searchLater: boolean): Promise<RestoreOutcome> {
  if (batch.length === 0) return { added: 0, replaced: 0 };
  const plan = planRestore(index.book, batch.map((i) => i.article));
  const met = [...new Set([...plan.meets.values()].flat())];
  const saved = new Map((await readArticles(met)).map((a) => [a.id, a]));
  const tooMany = new Map<string, number>();
  const records = batch.map(({ article: a }) => (plan.meets.get(a.id) ?? []).reduce((merged, id) => {
    const other = saved.get(id);
    return other ? mergeRecords(merged, other, (left) => tooMany.set(a.id, left)) : merged;
  }, a));
  if (tooMany.size) {
    // Merging would leave highlights out: the saved copies stay as they are (and are not removed), the
    // backup's copy is not written, and the outcome names them. Nothing in the library is lost.
    const rest = await restoreBatch(index, batch.filter((i) => !tooMany.has(i.article.id)), searchLater);
    const kept = records.filter((r) => tooMany.has(r.id)).map((r) => ({ id: r.id, title: r.title, highlights: (r.highlights?.length ?? 0) + (tooMany.get(r.id) ?? 0) }));
    return { ...rest, kept: [...(rest.kept ?? []), ...kept] };
  }
  const listing = index.itemsListing(records.map(entryOf), plan.remove);
  const tracked = await trackedItems([
    ...records.map((a) => ({ id: a.id, before: saved.get(a.id) ?? null, after: a })),
    ...plan.remove.map((id) => ({ id, before: saved.get(id) ?? null, after: null })),
  ]);
  const stored = records.map((r, i): [string, Packed<SavedArticle>] => [articleKey(r.id), storedForm(r, batch[i]!)]);
  await setItems({ ...Object.fromEntries(stored), ...listing.items, ...tracked });
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

/** The record as stored: with the body it came with when the merge kept its content and text, else packed here. */
function storedForm(record: SavedArticle, { article, body }: Incoming): Packed<SavedArticle> {
  return body !== undefined && record.content === article.content && record.text === article.text ? packedWith(record, body) : packRecord(record);
}

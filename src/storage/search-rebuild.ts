import { allKeys, removeItems } from './area';
import { serialized } from './queue';
import { readIndex } from './read';
import { readArticles } from './read-records';
import { BLOCKS, BUCKET_SIZE, committed, DOCS, done, IDS, INDEX_FORMAT, META, openSearchDb, POSTING, readRebuildState, readStats, writeRebuildState, writeStats, type DocInfo, type RebuildState } from './search-db';
import { indexedTerms } from './search-terms';
import { changeVocabulary } from './search-vocabulary';
import { clearSearchIndex, updateSearchIndex } from './search-write';

/** Records read (and unpacked) at once within a step: bounds the memory their bodies take. */
const READ_BATCH = 64;
/** The MiniSearch shards of earlier versions (`search:<n>` in storage.local), replaced by this index. */
const isLegacyShardKey = (key: string) => /^search:\d+$/.test(key);

export interface SearchIndexStatus { format: number; count: number; rebuilding: { done: number; total: number } | null }

/** What the index holds, for the check against the library: null when there is no index at all. */
export async function searchIndexStatus(): Promise<SearchIndexStatus | null> {
  const db = await openSearchDb();
  const meta = db.transaction(META).objectStore(META);
  const [stats, state] = await Promise.all([readStats(meta), readRebuildState(meta)]);
  return stats && { format: stats.format, count: stats.count, rebuilding: state && { done: state.done, total: state.ids.length } };
}

/**
 * How the index disagrees with a library of `listed` articles: 'missing' (none, or of another format),
 * 'rebuilding' (a rebuild has not finished: it may have been stopped with the worker), 'count' (another
 * number of articles: possibly a save still in flight), or false when it agrees.
 */
export async function searchIndexDisagrees(listed: number): Promise<'missing' | 'rebuilding' | 'count' | false> {
  const status = await searchIndexStatus();
  if (!status || status.format !== INDEX_FORMAT) return 'missing';
  if (status.rebuilding) return 'rebuilding';
  return status.count === listed ? false : 'count';
}

let running: Promise<{ indexed: number }> | null = null;
/** Asked again while running: articles may have been written since it listed them (a restore's batches). */
let askedAgain = false;

/**
 * Rebuild the index from the article records, resumable: the list of articles to index and how many are
 * done are kept in the index itself (its checkpoint), so a rebuild stopped with the worker goes on where it
 * was when it is asked again or the background starts (resumeSearchRebuild), never from zero. Each step
 * indexes one bucket of articles, built in memory and written in one transaction together with the
 * checkpoint, as one step of the write queue (saves and deletes run in between and stay correct: a step
 * reads its records when its turn comes and skips articles a save indexed meanwhile). At the end it indexes
 * what was listed since it started (a restore's later batches), then drops the old MiniSearch shards.
 * A second call while one runs joins it, and makes it look for such articles once more.
 */
export function rebuildSearchIndex(): Promise<{ indexed: number }> {
  if (running) {
    askedAgain = true;
    return running;
  }
  running = rebuild().finally(() => (running = null));
  return running;
}

/**
 * At the background's start: go on with a rebuild that a stopped worker left unfinished, and rebuild an
 * index of an earlier format (an update that changed it): the migration, done without waiting for the popup.
 */
export async function resumeSearchRebuild(): Promise<void> {
  if ((await searchRebuildState()) !== 'none') await rebuildSearchIndex();
}

/**
 * Whether the index wants a rebuild: 'running' here (in this background), 'unfinished' (a checkpoint a
 * stopped background left, or an index of an earlier format), or 'none'. No index at all is 'none': the
 * popup asks for it when it finds none.
 */
export async function searchRebuildState(): Promise<'running' | 'unfinished' | 'none'> {
  if (running) return 'running';
  const status = await searchIndexStatus();
  if (running) return 'running';
  return status?.rebuilding || (status && status.format !== INDEX_FORMAT) ? 'unfinished' : 'none';
}

async function rebuild(): Promise<{ indexed: number }> {
  let state = await serialized(async () => {
    const unfinished = await readRebuildState((await openSearchDb()).transaction(META).objectStore(META));
    if (unfinished) return unfinished;
    const ids = (await readIndex()).entries.map((e) => e.id);
    await clearSearchIndex(ids);
    return { ids, done: 0 };
  });
  for (;;) {
    while (state.done < state.ids.length) state = await serialized(() => rebuildStep(state));
    askedAgain = false;
    const tried = state;
    const more = await serialized(() => catchUp(tried));
    if (more) state = more;
    else if (!askedAgain) break;
  }
  await serialized(finish);
  const legacy = (await allKeys()).filter(isLegacyShardKey);
  if (legacy.length) await removeItems(legacy);
  return { indexed: state.ids.length };
}

/**
 * Index the next bucket's worth of the checkpoint's articles into a fresh bucket: postings built in memory,
 * every block written once (no read-modify-write), with the checkpoint in the same transaction.
 */
async function rebuildStep(state: RebuildState): Promise<RebuildState> {
  const db = await openSearchDb();
  const batch = state.ids.slice(state.done, state.done + BUCKET_SIZE);
  const docsStore = db.transaction(DOCS).objectStore(DOCS);
  const indexed = await Promise.all(batch.map((id) => done(docsStore.getKey(id))));
  const todo = batch.filter((_, i) => indexed[i] === undefined); // a save during the rebuild indexed the others
  const postings = new Map<string, number[]>();
  const docs: Array<[string, number]> = [];
  for (let i = 0; i < todo.length; i += READ_BATCH) {
    for (const article of await readArticles(todo.slice(i, i + READ_BATCH))) {
      const { tf, sig, len } = indexedTerms(article);
      const slot = docs.length;
      docs.push([article.id, len]);
      for (const [term, f] of tf) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push(slot, f, len, sig.get(term) ?? 0);
      }
    }
  }
  const tx = db.transaction([BLOCKS, DOCS, IDS, META], 'readwrite');
  const finished = committed(tx);
  const meta = tx.objectStore(META);
  const stats = await readStats(meta);
  if (!stats) throw new Error('Search index rebuild: the index was cleared meanwhile');
  const bucket = Math.ceil(stats.next / BUCKET_SIZE);
  const first = bucket * BUCKET_SIZE;
  if (docs.length) {
    const blocks = tx.objectStore(BLOCKS);
    for (const [term, list] of postings) {
      const block = Uint32Array.from(list);
      for (let i = 0; i < block.length; i += POSTING) block[i] = first + block[i]!;
      blocks.put(block, [term, bucket]);
    }
    docs.forEach(([id, len], slot) => tx.objectStore(DOCS).put({ num: first + slot, len } satisfies DocInfo, id));
    tx.objectStore(IDS).put(docs.map(([id]) => id), bucket);
    writeStats(meta, { ...stats, next: first + docs.length, count: stats.count + docs.length, totalLen: docs.reduce((sum, [, len]) => sum + len, stats.totalLen) });
    // Every block of a fresh bucket is new.
    await changeVocabulary(meta, [...postings.keys()].map((term): [string, number] => [term, bucket]));
  }
  const next = { ids: state.ids, done: state.done + batch.length };
  writeRebuildState(meta, next);
  await finished;
  return next;
}

/**
 * After the checkpoint's articles: the listed articles the index lacks (written without an index update
 * while the rebuild ran, e.g. a restore's batches) become the checkpoint's next ones, returned; those no
 * longer listed are dropped. An article already tried (its record unreadable) is not tried again.
 */
async function catchUp(state: RebuildState): Promise<RebuildState | null> {
  const db = await openSearchDb();
  const [listed, known] = await Promise.all([
    readIndex().then(({ entries }) => new Set(entries.map((e) => e.id))),
    done(db.transaction(DOCS).objectStore(DOCS).getAllKeys()).then((keys) => new Set(keys.map(String))),
  ]);
  const tried = new Set(state.ids);
  const missing = [...listed].filter((id) => !known.has(id) && !tried.has(id));
  const gone = [...known].filter((id) => !listed.has(id));
  if (gone.length) await updateSearchIndex(gone.map((id) => ({ id, before: null, after: null })));
  if (missing.length === 0) return null;
  const next = { ids: [...state.ids, ...missing], done: state.ids.length };
  const tx = db.transaction(META, 'readwrite');
  writeRebuildState(tx.objectStore(META), next);
  await committed(tx);
  return next;
}

/** The rebuild is over: no checkpoint any more. */
async function finish(): Promise<void> {
  const db = await openSearchDb();
  const tx = db.transaction(META, 'readwrite');
  writeRebuildState(tx.objectStore(META), null);
  await committed(tx);
}

import { fold, parseQuery, type QueryPart } from '../shared/search-options';
import { readArticles } from '../storage/read';
import { idsOf, noMatches, scoreWord, type PrefixCache, type WordScores } from '../storage/search-query';
import { searchFields } from '../storage/search-terms';

/** Words (and phrases) kept per open library: typing "harbour bud" reads "harbour" once, not per keystroke. */
const CACHED_PARTS = 32;
/** Phrase candidates checked against their text, best first: reading records is what a phrase costs. */
const PHRASE_CHECK_LIMIT = 400;
const PHRASE_CHECK_BATCH = 40;
/** A phrase alone shows the matches among its best this many candidates first, then checks the rest. */
const PHRASE_FIRST_CHECK = PHRASE_CHECK_BATCH;
/**
 * Results ranked and shown at once: the first screens. The rest of a large result (a word in every article)
 * is ranked right after, so a keystroke never waits for 50,000 ids to be sorted and looked up.
 */
export const FIRST_PAGE = 64;

/** A search's answer: the best ids, and when there are more, the whole ranking a moment later. */
export interface SearchResult { ids: string[]; rest: Promise<string[]> | null }

/**
 * Full-text search over the on-disk index (src/storage/search-*.ts): a query reads only its words' blocks,
 * never the library. All parts are required, scores (BM25) are summed, best first. A quoted phrase needs
 * its words in that order: its candidates (articles with all its words) are checked against their text.
 */
export class LibrarySearch {
  private cache = new Map<string, Promise<WordScores>>();
  private prefixes: PrefixCache = new Map();
  /** Index number → id, per bucket (search-db.ts), read once per open library. */
  private tables = new Map<number, Promise<string[]>>();

  /**
   * Ids matching every part of `query`, best first; only ids in `listed` (the library's rows). The first
   * FIRST_PAGE come at once (the top of the same ranking), the whole ranking in `rest` when there are more.
   */
  async search(query: string, listed: (id: string) => boolean): Promise<SearchResult> {
    const parts = parseQuery(query);
    if (parts.length === 0) return { ids: [], rest: null };
    const shown = async (nums: number[]) => (await this.ids(nums)).filter((id) => id !== '' && listed(id));
    const [only] = parts;
    if (parts.length === 1 && only?.kind === 'phrase' && !this.cache.has(partKey(only))) {
      // Checking a phrase reads its candidates' text. The matches among the best candidates are the top of
      // its ranking (a phrase ranks by its words' scores, as its candidates do): shown first.
      const quick = ranked(matchAll([await this.part(only, PHRASE_FIRST_CHECK)]), FIRST_PAGE);
      const rest = this.part(only).then((all) => shown(ranked(matchAll([all]))));
      return { ids: await shown(quick), rest };
    }
    const maps = await Promise.all(parts.map((p) => this.part(p)));
    const hits = matchAll(maps);
    if (hits.nums.length <= FIRST_PAGE) return { ids: await shown(ranked(hits)), rest: null };
    const rest = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => shown(ranked(hits)));
    return { ids: await shown(ranked(hits, FIRST_PAGE)), rest };
  }

  /** All ids matching `query`, best first (the whole ranking). */
  async searchAll(query: string, listed: (id: string) => boolean): Promise<string[]> {
    const { ids, rest } = await this.search(query, listed);
    return rest ? rest : ids;
  }

  private ids(nums: number[]): Promise<string[]> {
    return idsOf(nums, this.tables);
  }

  /** One part's matches, kept for the next keystrokes; a phrase checked among its best `checked` candidates only. */
  private part(part: QueryPart, checked = PHRASE_CHECK_LIMIT): Promise<WordScores> {
    const key = partKey(part, checked);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, cached);
      return cached;
    }
    const found = part.kind === 'word' ? scoreWord(part.term, part.prefix, this.prefixes) : phraseScores(part.terms, checked, (nums) => this.ids(nums));
    found.catch(() => this.cache.delete(key)); // a failed read is tried again on the next keystroke
    this.cache.set(key, found);
    if (this.cache.size > CACHED_PARTS) this.cache.delete(this.cache.keys().next().value!);
    return found;
  }
}

const partKey = (part: QueryPart, checked = PHRASE_CHECK_LIMIT) =>
  part.kind === 'word' ? `${part.prefix ? '*' : '='}${part.term}` : `"${checked}"${part.terms.join(' ')}`;

/** Articles (index numbers) in every part's matches, with their summed scores. Intersects from the smallest. */
function matchAll(parts: WordScores[]): { nums: number[]; scores: number[] } {
  const [first, ...rest] = [...parts].sort((a, b) => a.nums.length - b.nums.length);
  const nums: number[] = [];
  const scores: number[] = [];
  if (!first) return { nums, scores };
  for (const num of first.nums) {
    let total = first.score[num] ?? 0;
    for (const part of rest) {
      const s = part.score[num] ?? 0;
      if (s === 0) {
        total = 0;
        break;
      }
      total += s;
    }
    if (total === 0) continue;
    nums.push(num);
    scores.push(total);
  }
  return { nums, scores };
}

/**
 * The numbers best first (ties: lower number first), all of them or the `top` best. The top is chosen with
 * a bounded min-heap (one pass over the matches), then only those few are sorted.
 */
function ranked({ nums, scores }: { nums: number[]; scores: number[] }, top = Infinity): number[] {
  const better = (a: number, b: number) => (scores[a] ?? 0) - (scores[b] ?? 0) || (nums[b] ?? 0) - (nums[a] ?? 0); // > 0: a ranks above b
  let order: number[];
  if (top >= nums.length) order = nums.map((_, i) => i);
  else {
    order = [];
    for (let i = 0; i < nums.length; i++) {
      if (order.length < top) heapPush(order, i, better);
      else if (better(i, order[0] ?? 0) > 0) heapReplaceTop(order, i, better);
    }
  }
  return order.sort((a, b) => better(b, a)).map((i) => nums[i] ?? 0);
}

type Better = (a: number, b: number) => number;
/** A min-heap (the worst of the kept ones on top) in an array. */
function heapPush(heap: number[], item: number, better: Better): void {
  heap.push(item);
  for (let i = heap.length - 1; i > 0;) {
    const parent = (i - 1) >> 1;
    if (better(heap[parent] ?? 0, heap[i] ?? 0) <= 0) break;
    [heap[parent], heap[i]] = [heap[i] ?? 0, heap[parent] ?? 0];
    i = parent;
  }
}
function heapReplaceTop(heap: number[], item: number, better: Better): void {
  heap[0] = item;
  for (let i = 0; ;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let worst = i;
    if (l < heap.length && better(heap[worst] ?? 0, heap[l] ?? 0) > 0) worst = l;
    if (r < heap.length && better(heap[worst] ?? 0, heap[r] ?? 0) > 0) worst = r;
    if (worst === i) return;
    [heap[worst], heap[i]] = [heap[i] ?? 0, heap[worst] ?? 0];
    i = worst;
  }
}

/** A phrase as a pattern over folded text: its words in order, anything but letters and digits between. */
export function phrasePattern(terms: string[], flags = 'u'): RegExp {
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, flags);
}

/** Articles that contain the phrase: those of its best `checked` candidates (all its words) whose text has it. */
async function phraseScores(terms: string[], checked: number, ids: (nums: number[]) => Promise<string[]>): Promise<WordScores> {
  const parts = await Promise.all(terms.map((t) => scoreWord(t, false)));
  const sums = matchAll(parts);
  const candidates = ranked(sums, checked);
  const numOf = new Map((await ids(candidates)).map((id, i) => [id, candidates[i] ?? 0]));
  numOf.delete('');
  const pattern = phrasePattern(terms);
  const found = { score: new Float64Array(parts[0]?.score.length ?? 0), nums: [] as number[] };
  const total = new Map(sums.nums.map((num, i) => [num, sums.scores[i] ?? 0]));
  const batches = [...numOf.keys()];
  for (let i = 0; i < batches.length; i += PHRASE_CHECK_BATCH) {
    for (const article of await readArticles(batches.slice(i, i + PHRASE_CHECK_BATCH))) {
      const num = numOf.get(article.id) ?? 0;
      if (!searchFields(article).some(([, text]) => pattern.test(fold(text)))) continue;
      found.score[num] = total.get(num) ?? 0;
      found.nums.push(num);
    }
  }
  return parts.length ? found : noMatches();
}

import { fold, nextBit, parseQuery, prevBit, type QueryPart } from '../shared/search-options';
import { readArticles } from '../storage/read-records';
import { BlockCache } from '../storage/search-cache';
import { idsOf, scoreWord, type PrefixCache, type WordScores } from '../storage/search-query';
import { searchFields } from '../storage/search-terms';

/** Words (and phrases) kept per open library: typing "harbour bud" reads "harbour" once, not per keystroke. */
const CACHED_PARTS = 32;
/** Phrase candidates checked against their text, best first: reading records is what a phrase costs. */
const PHRASE_CHECK_LIMIT = 400;
const PHRASE_CHECK_BATCH = 40;
/**
 * Results ranked and shown at once: the first screens. The rest of a large result (a word in every article)
 * is ranked right after, so a keystroke never waits for 50,000 ids to be sorted and looked up.
 */
export const FIRST_PAGE = 64;

/**
 * A search's answer: the best ids, and when there are more (or a phrase's matches are still to be read in
 * their text) the whole ranking a moment later; null there when a newer keystroke made it stale.
 */
export interface SearchResult { ids: string[]; rest: Promise<string[] | null> | null }

type Phrase = Extract<QueryPart, { kind: 'phrase' }>;

/**
 * Full-text search over the on-disk index (src/storage/search-*.ts): a query reads only its words' blocks,
 * never the library. All parts are required, scores (BM25) are summed, best first. A quoted phrase needs
 * its words in that order: the index drops the candidates whose words never stand next to each other (their
 * neighbours' signatures), and the rest are checked against their text, best first, after the first page.
 */
export class LibrarySearch {
  private cache = new Map<string, Promise<WordScores>>();
  private prefixes: PrefixCache = new Map();
  private blocks = new BlockCache();
  /** Index number → id, per bucket (search-db.ts), read once per open library. */
  private tables = new Map<number, Promise<string[]>>();
  /** Per phrase: the articles (index numbers) whose text was read, and whether it has the phrase. */
  private checked = new Map<string, Map<number, boolean>>();

  /**
   * Ids matching every part of `query`, best first; only ids in `listed` (the library's rows). The first
   * FIRST_PAGE come at once (the top of the same ranking), the whole ranking in `rest` when there are more.
   * A phrase's first page comes from the index alone: a row whose words are next to each other only by the
   * signatures' chance is dropped when `rest` has read the text. `stale` stops that reading for an old query.
   */
  async search(query: string, listed: (id: string) => boolean, stale: () => boolean = () => false): Promise<SearchResult> {
    const parts = parseQuery(query);
    if (parts.length === 0) return { ids: [], rest: null };
    const shown = async (nums: number[]) => (await this.ids(nums)).filter((id) => id !== '' && listed(id));
    const maps = await Promise.all(parts.map((p) => this.part(p)));
    const hits = matchAll(maps);
    const phrases = parts.filter((p): p is Phrase => p.kind === 'phrase');
    if (!phrases.length && hits.nums.length <= FIRST_PAGE) return { ids: await shown(ranked(hits)), rest: null };
    const ids = await shown(ranked(hits, FIRST_PAGE));
    // The rest starts once the first page is ready: begun earlier, it ran while that page's ids were read
    // (the first query of an open reads them from disk) and delayed it by the whole ranking of 10,000 matches
    // or a phrase's first record reads (measured: 8–14 ms of a one-letter keystroke at 10,000 articles). Not
    // at all for a query a newer keystroke has replaced meanwhile.
    const afterThis = new Promise<void>((resolve) => setTimeout(resolve, 0));
    const rest = phrases.length
      ? afterThis.then(() => this.withPhrases(phrases, ranked(hits, PHRASE_CHECK_LIMIT), stale)).then((nums) => nums && shown(nums))
      : afterThis.then(() => (stale() ? null : shown(ranked(hits))));
    return { ids, rest };
  }

  /** All ids matching `query`, best first (the whole ranking). */
  async searchAll(query: string, listed: (id: string) => boolean): Promise<string[]> {
    const { ids, rest } = await this.search(query, listed);
    return (rest && (await rest)) ?? ids;
  }

  private ids(nums: number[]): Promise<string[]> {
    return idsOf(nums, this.tables);
  }

  /** One part's matches, kept for the next keystrokes. A phrase: the articles the index says may have it. */
  private part(part: QueryPart): Promise<WordScores> {
    const key = partKey(part);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, cached);
      return cached;
    }
    const found = part.kind === 'word' ? scoreWord(part.term, part.prefix, this.prefixes, this.blocks) : this.phraseCandidates(part.terms);
    found.catch(() => this.cache.delete(key)); // a failed read is tried again on the next keystroke
    this.cache.set(key, found);
    if (this.cache.size > CACHED_PARTS) this.cache.delete(this.cache.keys().next().value!);
    return found;
  }

  /** Articles with all of the phrase's words, each next to the following one by their signatures; scores summed. */
  private async phraseCandidates(terms: string[]): Promise<WordScores> {
    const words = await Promise.all(terms.map((term) => this.part({ kind: 'word', term, prefix: false })));
    const sums = matchAll(words);
    const found: WordScores = { score: new Float64Array(words[0]?.score.length ?? 0), nums: [] };
    const pairs = terms.slice(1).map((term, i) => ({ before: words[i], after: words[i + 1], next: nextBit(term), prev: prevBit(terms[i] ?? '') }));
    sums.nums.forEach((num, i) => {
      if (!pairs.every((p) => ((p.before?.sig?.[num] ?? 0) & p.next) !== 0 && ((p.after?.sig?.[num] ?? 0) & p.prev) !== 0)) return;
      found.score[num] = sums.scores[i] ?? 0;
      found.nums.push(num);
    });
    return found;
  }

  /**
   * The candidates (index numbers, best first) whose text has every phrase: read in batches, each article's
   * answer kept per phrase for the next keystrokes. Null when `stale` says a newer query took over.
   */
  private async withPhrases(phrases: Phrase[], candidates: number[], stale: () => boolean): Promise<number[] | null> {
    const known = phrases.map((p) => this.phraseChecks(p.terms));
    const todo = candidates.filter((num) => known.some((k) => !k.has(num)));
    const patterns = phrases.map((p) => phrasePattern(p.terms));
    for (let i = 0; i < todo.length; i += PHRASE_CHECK_BATCH) {
      if (stale()) return null;
      const batch = todo.slice(i, i + PHRASE_CHECK_BATCH);
      const numOf = new Map((await this.ids(batch)).map((id, k) => [id, batch[k] ?? 0]));
      for (const num of batch) for (const k of known) if (!k.has(num)) k.set(num, false); // unreadable: no match
      for (const article of await readArticles([...numOf.keys()].filter(Boolean))) {
        const num = numOf.get(article.id) ?? 0;
        const texts = searchFields(article).map(([, text]) => fold(text));
        patterns.forEach((pattern, k) => known[k]?.set(num, texts.some((text) => pattern.test(text))));
      }
    }
    return candidates.filter((num) => known.every((k) => k.get(num) === true));
  }

  private phraseChecks(terms: string[]): Map<number, boolean> {
    const key = terms.join(' ');
    let checks = this.checked.get(key);
    if (!checks) {
      this.checked.set(key, (checks = new Map<number, boolean>()));
      if (this.checked.size > CACHED_PARTS) this.checked.delete(this.checked.keys().next().value!);
    }
    return checks;
  }
}

const partKey = (part: QueryPart) => (part.kind === 'word' ? `${part.prefix ? '*' : '='}${part.term}` : `"${part.terms.join(' ')}`);

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

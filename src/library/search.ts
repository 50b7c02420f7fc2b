import { fold, parseQuery, type QueryPart } from '../shared/search-options';
import { readArticles } from '../storage/read';
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
    const maps = await Promise.all(parts.map((p) => this.part(p)));
    const hits = matchAll(maps);
    const shown = async (nums: number[]) => (await this.ids(nums)).filter((id) => id !== '' && listed(id));
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

  private part(part: QueryPart): Promise<WordScores> {
    const key = part.kind === 'word' ? `${part.prefix ? '*' : '='}${part.term}` : `"${part.terms.join(' ')}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, cached);
      return cached;
    }
    const found = part.kind === 'word' ? scoreWord(part.term, part.prefix, this.prefixes) : phraseScores(part.terms, (nums) => this.ids(nums));
    found.catch(() => this.cache.delete(key)); // a failed read is tried again on the next keystroke
    this.cache.set(key, found);
    if (this.cache.size > CACHED_PARTS) this.cache.delete(this.cache.keys().next().value!);
    return found;
  }
}

/** Articles (index numbers) in every map, with their summed scores. Intersects from the smallest map. */
function matchAll(maps: WordScores[]): { nums: number[]; scores: number[] } {
  const [first, ...rest] = [...maps].sort((a, b) => a.size - b.size);
  const nums: number[] = [];
  const scores: number[] = [];
  if (!first) return { nums, scores };
  for (const [num, score] of first) {
    let total = score;
    for (const m of rest) {
      const s = m.get(num);
      if (s === undefined) {
        total = NaN;
        break;
      }
      total += s;
    }
    if (Number.isNaN(total)) continue;
    nums.push(num);
    scores.push(total);
  }
  return { nums, scores };
}

/**
 * The numbers best first (ties: lower number first), all of them or the `top` best. The top is cut at the
 * top-th best score found by the engine's numeric sort, then only those few are sorted by comparison.
 */
function ranked({ nums, scores }: { nums: number[]; scores: number[] }, top = Infinity): number[] {
  let order = nums.map((_, i) => i);
  if (top < nums.length) {
    const cut = Float64Array.from(scores).sort()[scores.length - top] ?? -Infinity;
    order = order.filter((i) => (scores[i] ?? 0) >= cut);
  }
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || (nums[a] ?? 0) - (nums[b] ?? 0));
  return order.slice(0, top).map((i) => nums[i] ?? 0);
}

/** Articles in every map, best first. */
const rankAll = (maps: WordScores[]) => ranked(matchAll(maps));

/** A phrase as a pattern over folded text: its words in order, anything but letters and digits between. */
export function phrasePattern(terms: string[], flags = 'u'): RegExp {
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, flags);
}

/** Articles that contain the phrase: those with all its words, checked against their fields' text. */
async function phraseScores(terms: string[], ids: (nums: number[]) => Promise<string[]>): Promise<WordScores> {
  const maps = await Promise.all(terms.map((t) => scoreWord(t, false)));
  const candidates = rankAll(maps).slice(0, PHRASE_CHECK_LIMIT);
  const numOf = new Map((await ids(candidates)).map((id, i) => [id, candidates[i] ?? 0]));
  numOf.delete('');
  const pattern = phrasePattern(terms);
  const found: WordScores = new Map();
  const batches = [...numOf.keys()];
  for (let i = 0; i < batches.length; i += PHRASE_CHECK_BATCH) {
    for (const article of await readArticles(batches.slice(i, i + PHRASE_CHECK_BATCH))) {
      const num = numOf.get(article.id) ?? 0;
      if (searchFields(article).some(([, text]) => pattern.test(fold(text)))) found.set(num, maps.reduce((s, m) => s + (m.get(num) ?? 0), 0));
    }
  }
  return found;
}

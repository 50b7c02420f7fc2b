import type { Options, SearchOptions } from 'minisearch';

/** One search document per saved article: the text fields the library searches. */
export interface SearchDoc { id: string; title: string; byline: string; site: string; text: string }

/** Index options shared by the worker (which writes the index) and the pages (which load and query it). */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'byline', 'site', 'text'],
  storeFields: [],
  // Discarded documents are cleaned up explicitly before each write, not on a timer the worker may not live to see.
  autoVacuum: false,
};

/** As you type: every word must match, the last one (from 3 letters) may be the start of a word; titles weigh most. */
export const QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  // Prefix-matching one or two letters would expand to most of the vocabulary: slow, and useless as a result.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  boost: { title: 3, site: 2, byline: 2 },
};

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

/** A query word is also matched as the start of longer words only from this many letters on: shorter ones expand to much of the vocabulary. */
export const PREFIX_FROM = 4;

/**
 * One word of a query, as you type: the last word (from PREFIX_FROM letters) may be the start of a word;
 * titles weigh most. Words are combined with AND by the caller (src/library/search.ts).
 */
export const termOptions = (prefix: boolean): SearchOptions => ({
  prefix,
  boost: { title: 3, site: 2, byline: 2 },
});

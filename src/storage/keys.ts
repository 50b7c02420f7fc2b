/** Storage keys, built in one place: one key per article, the compact index and the schema version. */
const ARTICLE_PREFIX = 'article:';

/** Schema 1–3 kept the whole index under this one key; schema 4 splits it into INDEX_PAGES pages. */
export const INDEX_KEY = 'index';
/**
 * The compact index is split into pages by article id (its first two hex digits), so a save reads and
 * rewrites one page (~1/INDEX_PAGES of the index) instead of all of it; the list reads every page in one get().
 * Schema 4–5 had 32 pages (~140 KB each at 10,000 articles, ~700 KB at 50,000: a save's cost grew with the
 * library); schema 6 has 256 (~17 KB at 10,000, ~90 KB at 50,000). Every schema-4 page key is a schema-6 one.
 */
export const INDEX_PAGES = 256;
const INDEX_PAGE_PREFIX = 'index:';
export const indexPageKey = (n: number) => INDEX_PAGE_PREFIX + n;
export const isIndexPageKey = (key: string) => key.startsWith(INDEX_PAGE_PREFIX);
export const allIndexPageKeys = (pages = INDEX_PAGES) => Array.from({ length: pages }, (_, n) => indexPageKey(n));
/** The newest HEAD_SIZE index rows, written with the index: the popup paints from it before reading the rest. */
export const INDEX_HEAD_KEY = 'indexHead';
export const HEAD_SIZE = 50;
export const SCHEMA_KEY = 'schemaVersion';

export const articleKey = (id: string) => ARTICLE_PREFIX + id;
export const isArticleKey = (key: string) => key.startsWith(ARTICLE_PREFIX);
export const idOfArticleKey = (key: string) => key.slice(ARTICLE_PREFIX.length);

/** Ids are hex digests: their first two hex digits spread articles evenly over the index pages. */
export const pageOf = (id: string, pages = INDEX_PAGES) => parseInt(id.slice(0, 2), 16) % pages;

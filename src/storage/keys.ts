/** Storage keys, built in one place: one key per article, the compact index and the schema version. */
const ARTICLE_PREFIX = 'article:';

export const INDEX_KEY = 'index';
export const SCHEMA_KEY = 'schemaVersion';

export const articleKey = (id: string) => ARTICLE_PREFIX + id;
export const isArticleKey = (key: string) => key.startsWith(ARTICLE_PREFIX);
export const idOfArticleKey = (key: string) => key.slice(ARTICLE_PREFIX.length);

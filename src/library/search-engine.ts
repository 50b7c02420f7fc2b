import { parseQuery } from '../shared/search-options';
import { readArticle } from '../storage/read-records';
import { searchFields } from '../storage/search-terms';
import { snippet, type SnippetPart } from './search-snippet';

/**
 * The library's search code, imported with `import()` (useSearch.ts, SearchSnippet.tsx) once the list has
 * painted or a word is typed: the engine, the on-disk index's checks and the snippets' text. With them the
 * index database code, the record reader and its inflate code (fflate) stay out of the popup's first paint.
 */
export { LibrarySearch } from './search';
export { searchIndexDisagrees, searchIndexStatus } from '../storage/search-rebuild';

/** The snippet of one article for `query`: its body (or a highlight) where the query matched. */
export async function readSnippet(id: string, query: string): Promise<SnippetPart[] | null> {
  const article = await readArticle(id);
  const texts = article ? searchFields(article).filter(([field]) => field === 'body' || field === 'notes').map(([, text]) => text) : [];
  return snippet(texts, parseQuery(query));
}

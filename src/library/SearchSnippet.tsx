import { useEffect, useState } from 'preact/hooks';
import type { SnippetPart } from './search-snippet';

const loadSearchCode = () => import('./search-engine');

/** Recently shown snippets, so scrolling back and forth does not read the same records again. */
const recent = new Map<string, SnippetPart[] | null>();
const RECENT = 64;
/**
 * Snippets are read once typing pauses: each reads an article record (tens of KB) per visible row, which
 * would otherwise compete with the next keystroke's search.
 */
const SNIPPET_DELAY_MS = 120;

/** The snippet of one article for `query`: its body (or a highlight) where the query matched. */
async function snippetOf(id: string, query: string): Promise<SnippetPart[] | null> {
  const key = `${id}\u0000${query}`;
  if (recent.has(key)) return recent.get(key) ?? null;
  const parts = await (await loadSearchCode()).readSnippet(id, query);
  recent.set(key, parts);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return parts;
}

/**
 * A search result's excerpt: the matching text with the words marked, or the article's excerpt until it
 * is read (and when only the title, site or tags matched). Text nodes only: the article's text is page content.
 */
export function SearchSnippet({ id, query, excerpt }: { id: string; query: string; excerpt: string }) {
  const [parts, setParts] = useState<SnippetPart[] | null>(null);
  useEffect(() => {
    let live = true;
    setParts(null);
    const timer = setTimeout(() => void snippetOf(id, query).then((p) => live && setParts(p), () => {}), recent.has(`${id}\u0000${query}`) ? 0 : SNIPPET_DELAY_MS);
    return () => void ((live = false), clearTimeout(timer));
  }, [id, query]);
  if (!parts) return <p class="saved-excerpt">{excerpt}</p>;
  return <p class="saved-excerpt saved-snippet">{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</p>;
}

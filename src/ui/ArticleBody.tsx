import { useMemo } from 'preact/hooks';
import { sanitize } from '../sanitize/sanitize';

/**
 * The render boundary for article HTML: the only `dangerouslySetInnerHTML` in Lectern, and it only ever
 * receives `sanitize()`'s output. Everything else about an article is rendered as text.
 */
export function ArticleBody({ html, baseUrl }: { html: string; baseUrl: string }) {
  const clean = useMemo(() => sanitize(html, baseUrl), [html, baseUrl]);
  return <div class="reader-content" dangerouslySetInnerHTML={{ __html: clean }} />;
}

import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { localizeImages } from '../offline-images/localize';
import { sanitize } from '../sanitize/sanitize';

/** Image URL as written in the article → a local (blob:) URL of its stored copy. */
export type LocalImages = Record<string, string>;

/** Sanitized HTML with images pointed at their local copies: AFTER sanitizing, so blob: URLs never meet the sanitizer. */
function withLocalImages(clean: string, local: LocalImages): string {
  // Inert: a parsed document has no browsing context, so it runs no scripts and loads nothing.
  const { body } = new DOMParser().parseFromString(clean, 'text/html');
  return localizeImages(body, (url) => local[url]) ? body.innerHTML : clean;
}

/**
 * The render boundary for article HTML: the only `dangerouslySetInnerHTML` in Lectern, and it only ever
 * receives `sanitize()`'s output. Everything else about an article is rendered as text.
 */
export function ArticleBody({ html, baseUrl, localImages, onRendered }: {
  html: string; baseUrl: string; localImages?: LocalImages;
  /** Called whenever the body's DOM is (re)written, to paint highlights into it again (src/ui/highlights). */
  onRendered?: (el: HTMLElement) => void;
}) {
  const body = useRef<HTMLDivElement>(null);
  const clean = useMemo(() => {
    const safe = sanitize(html, baseUrl);
    return localImages && Object.keys(localImages).length ? withLocalImages(safe, localImages) : safe;
  }, [html, baseUrl, localImages]);
  useLayoutEffect(() => {
    if (body.current) onRendered?.(body.current);
  }, [clean, onRendered]);
  return <div ref={body} class="reader-content" dangerouslySetInnerHTML={{ __html: clean }} />;
}

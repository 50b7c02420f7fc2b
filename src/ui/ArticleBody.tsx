import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { localizeImages } from '../offline-images/localize';
import { sanitize } from '../sanitize/sanitize';

/** Image URL as written in the article → a local (blob:) URL of its stored copy. */
export type LocalImages = Record<string, string>;

/** Sanitized HTML with images pointed at their local copies: AFTER sanitizing, so blob: URLs never meet the sanitizer. */
function withLocalImages(clean: string, local: LocalImages): string {
  const template = document.createElement('template');
  template.innerHTML = clean; // inert: a template's content runs no scripts and loads nothing
  return localizeImages(template.content, (url) => local[url]) ? template.innerHTML : clean;
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

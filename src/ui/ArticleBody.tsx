import { useMemo } from 'preact/hooks';
import { applyImagePolicy } from '../offline-images/web-images';
import { sanitize } from '../sanitize/sanitize';
import type { WebImagePolicy } from '../shared/web-images';
import { WebImagesNotice } from './WebImagesNotice';

/** Image URL as written in the article → a local (blob:) URL of its stored copy. */
export type LocalImages = Record<string, string>;

/** What a saved article's images may load: its offline copies, and from the web what the user allows. */
export interface SavedImages {
  local: LocalImages;
  policy: WebImagePolicy;
}

/**
 * Sanitized HTML with the saved-image policy applied in an inert parsed document (it has no browsing
 * context: it runs no scripts and loads nothing), so a web URL the policy removes is never requested.
 */
function withSavedImages(safe: string, images: SavedImages): { html: string; blocked: number } {
  const { body } = new DOMParser().parseFromString(safe, 'text/html');
  const blocked = applyImagePolicy(body, images.policy, (url) => images.local[url]);
  return { html: body.innerHTML, blocked };
}

/**
 * The render boundary for article HTML: the only `dangerouslySetInnerHTML` in Lectern, and it only ever
 * receives `sanitize()`'s output (for saved articles with image URLs pointed at offline copies or removed,
 * AFTER sanitizing, so blob: URLs never meet the sanitizer). Everything else about an article is text.
 */
export function ArticleBody({ html, baseUrl, savedImages }: { html: string; baseUrl: string; savedImages?: SavedImages }) {
  const shown = useMemo(() => {
    const safe = sanitize(html, baseUrl);
    return savedImages ? withSavedImages(safe, savedImages) : { html: safe, blocked: 0 };
  }, [html, baseUrl, savedImages]);
  return (
    <>
      {shown.blocked > 0 && <WebImagesNotice count={shown.blocked} />}
      <div class="reader-content" dangerouslySetInnerHTML={{ __html: shown.html }} />
    </>
  );
}

/**
 * Article HTML keeps the images' original URLs (so backups and exports stay lossless, and the
 * sanitizer, which drops unknown URL schemes, never sees a private one). At the render boundary,
 * AFTER sanitizing, images with a local copy get a local URL (a blob: URL made from the stored bytes).
 * Both functions work on DOM nodes: run them where the article is sanitized (an extension page).
 */

/** The distinct absolute http(s) image URLs in a sanitized fragment (what to download when saving). */
export function imageSources(root: ParentNode): string[] {
  const urls = new Set<string>();
  for (const img of Array.from(root.querySelectorAll('img[src]'))) {
    const src = img.getAttribute('src')!;
    if (/^https?:\/\//i.test(src)) urls.add(src);
  }
  return [...urls];
}

/** Points images that `local` knows at their local copy; returns how many were replaced. */
export function localizeImages(root: ParentNode, local: (url: string) => string | undefined): number {
  let replaced = 0;
  for (const img of Array.from(root.querySelectorAll('img[src]'))) {
    const url = local(img.getAttribute('src')!);
    if (!url) continue;
    img.setAttribute('src', url);
    // srcset would make the browser pick a remote candidate instead, and fail offline.
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    if (img.parentElement?.nodeName === 'PICTURE') for (const source of Array.from(img.parentElement.querySelectorAll('source'))) source.remove();
    replaced++;
  }
  return replaced;
}

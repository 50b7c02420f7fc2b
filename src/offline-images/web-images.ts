/**
 * The saved reader's image policy, applied to a sanitized fragment before it is shown (a template's
 * content is inert: nothing in it loads until it is in the page). See src/shared/web-images.ts.
 */
import { parseSrcset } from '../sanitize/urls';
import type { WebImagePolicy } from '../shared/web-images';
import { localizeImages } from './localize';

/** Local URLs (blob:, data:) load nothing from the web; everything else the sanitizer lets through does. */
const isWeb = (url: string) => !/^(data|blob):/i.test(url.trim());
/** Does any candidate of the srcset load from the web? (Parsed as the sanitizer parses it.) */
const srcsetIsWeb = (srcset: string) => parseSrcset(srcset).some(([url]) => isWeb(url));

/**
 * Points images at their offline copies and removes web image URLs as `policy` says; returns how many
 * images were left without their web source (what the reader tells the user). `local` gives an image
 * URL's offline copy.
 */
export function applyImagePolicy(root: ParentNode, policy: WebImagePolicy, local: (url: string) => string | undefined): number {
  if (policy === 'always') return 0;
  localizeImages(root, local);
  if (policy === 'withoutCopy') return 0;
  let blocked = 0;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const picture = img.parentElement?.nodeName === 'PICTURE' ? img.parentElement : null;
    const sources = picture ? Array.from(picture.querySelectorAll('source')).filter((s) => srcsetIsWeb(s.getAttribute('srcset') ?? '')) : [];
    const src = img.getAttribute('src');
    const webSrc = src !== null && isWeb(src);
    const webSrcset = srcsetIsWeb(img.getAttribute('srcset') ?? '');
    if (!webSrc && !webSrcset && !sources.length) continue;
    if (webSrc) img.removeAttribute('src');
    if (webSrcset) img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    for (const source of sources) source.remove();
    blocked++;
  }
  // Sources of a picture without an img (the browser shows nothing for those, but may still fetch).
  for (const source of Array.from(root.querySelectorAll('picture > source'))) {
    if (!srcsetIsWeb(source.getAttribute('srcset') ?? '')) continue;
    source.remove();
    blocked++;
  }
  for (const video of Array.from(root.querySelectorAll('video[poster]'))) {
    if (!isWeb(video.getAttribute('poster')!)) continue;
    video.removeAttribute('poster');
    blocked++;
  }
  return blocked;
}

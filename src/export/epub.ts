/**
 * EPUB 3 books of one or many articles: one chapter each, an EPUB 3 nav document as the table of
 * contents (no NCX), `mimetype` stored first and uncompressed. Needs a DOM (an extension page).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sanitizeToFragment } from '../sanitize/sanitize';
import { CORE_IMAGE_TYPES, type EpubImage } from './epub-content';
import { chapterTitle, chapterXhtml, webUrl } from './epub-chapter';
import { BOOK_CSS, CONTAINER_XML, navXhtml, packageOpf, type ManifestItem } from './epub-files';
import { cleanText } from './text';
import type { Exportable } from './types';
import { languageTag } from './xml';

export interface EpubOptions {
  /** Book title for several articles (one article's book takes its title). */
  title?: string;
  /** Chapter title for an article without one (from the UI's locale). */
  untitled?: string;
  /** The book's unique id; a fresh urn:uuid by default. */
  identifier?: string;
  /** Last-modified date written into the package; now by default. */
  modified?: Date;
  /** Offline copy of an image, when there is one; images without one become links. */
  image?: (url: string) => Promise<EpubImage | undefined> | EpubImage | undefined;
}

/** The .epub file's bytes for `articles` (at least one), in the given order. */
export async function buildEpub(articles: Exportable[], options: EpubOptions = {}): Promise<Uint8Array> {
  if (articles.length === 0) throw new Error('An EPUB needs at least one article.');
  const untitled = options.untitled ?? 'Untitled';
  const images = await collectImages(articles, options.image);
  const files: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  files['META-INF/container.xml'] = strToU8(CONTAINER_XML);
  const items: ManifestItem[] = [{ id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' }];
  items.push({ id: 'css', href: 'style.css', mediaType: 'text/css' });
  files['OEBPS/style.css'] = strToU8(BOOK_CSS);
  const placeImage = (url: string) => images.get(url)?.href ?? null;
  const toc = articles.map((article, i) => {
    const href = `chapter-${String(i + 1).padStart(4, '0')}.xhtml`;
    files[`OEBPS/${href}`] = strToU8(chapterXhtml(article, placeImage, untitled));
    items.push({ id: `c${i + 1}`, href, mediaType: 'application/xhtml+xml' });
    return { href, title: chapterTitle(article, untitled) };
  });
  for (const [i, image] of Array.from(images.values()).entries()) {
    files[`OEBPS/${image.href}`] = [image.bytes, { level: 0 }]; // already compressed formats
    items.push({ id: `i${i + 1}`, href: image.href, mediaType: image.mediaType });
  }
  const single = articles.length === 1 ? articles[0] : undefined;
  const title = single ? chapterTitle(single, untitled) : cleanText(options.title ?? 'Lectern').trim() || 'Lectern';
  const language = bookLanguage(articles);
  files['OEBPS/nav.xhtml'] = strToU8(navXhtml(title, language, toc));
  files['OEBPS/content.opf'] = strToU8(
    packageOpf({
      identifier: options.identifier ?? `urn:uuid:${crypto.randomUUID()}`,
      title,
      language,
      creators: single?.byline ? [cleanText(single.byline)] : [],
      source: (single && webUrl(single.url)) || undefined,
      modified: epubDate(options.modified ?? new Date()),
      items,
      spine: [...(single ? [] : ['nav']), ...toc.map((_, i) => `c${i + 1}`)],
      rtl: articles.every((a) => a.dir === 'rtl'),
    }),
  );
  // fflate writes entries in insertion order, so `mimetype` is the first entry as EPUB requires.
  return zipSync(files, { level: 6, mtime: zipTime(options.modified ?? new Date()) });
}

/** Zip timestamps (DOS dates) only cover 1980–2099; fflate throws outside, so a wrong clock is clamped. */
function zipTime(date: Date): Date {
  const min = Date.UTC(1980, 0, 2);
  const max = Date.UTC(2099, 11, 31);
  return new Date(Math.min(max, Math.max(min, date.getTime())));
}

/** dcterms:modified wants seconds precision and a Z: 2024-05-03T10:00:00Z. */
export function epubDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The articles' common language, or `und` (undetermined) when they differ or none is known. */
function bookLanguage(articles: Exportable[]): string {
  const langs = new Set(articles.map((a) => languageTag(a.lang)?.toLowerCase() ?? 'und'));
  const [only] = langs;
  return langs.size === 1 && only ? only : 'und';
}

interface PlacedImage extends EpubImage {
  href: string;
}

/** Offline copies of the articles' images that every reader can show, by URL. */
async function collectImages(articles: Exportable[], lookup: EpubOptions['image']): Promise<Map<string, PlacedImage>> {
  const placed = new Map<string, PlacedImage>();
  if (!lookup) return placed;
  for (const article of articles) {
    // The same sanitized URLs that the chapter will ask `placeImage` about.
    for (const img of Array.from(sanitizeToFragment(article.content, article.url).querySelectorAll('img[src]'))) {
      const url = img.getAttribute('src')!;
      if (placed.has(url)) continue;
      const image = await lookup(url);
      const ext = image && CORE_IMAGE_TYPES[image.mediaType];
      if (image && ext) placed.set(url, { ...image, href: `images/${placed.size + 1}.${ext}` });
    }
  }
  return placed;
}

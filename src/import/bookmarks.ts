/**
 * Bookmarks as HTML. The Netscape bookmark format every browser exports: each link with ADD_DATE and
 * TAGS, the names of the folders around it as tags, and the `<DD>` description after it. And Pocket's
 * older `ril_export.html`: links under "Unread" and "Read Archive" headings, with `time_added` and
 * `tags`. Parsed with DOMParser, which runs no script and loads nothing; needs a DOM (an extension
 * page, or jsdom in Node).
 */
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, ItemCollector } from './item';
import { checkSize, ImportError, LIMITS } from './limits';
import type { ImportResult } from './types';

// The browsers' own top-level folders ("Bookmarks bar", "Other bookmarks") are not topics.
const ROOT_FOLDER_ATTRS = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];

function linksOf(text: string): { doc: Document; links: Element[] } {
  checkSize(text.length);
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const links = [...doc.querySelectorAll('a[href]')];
  if (links.length === 0) throw new ImportError('importNotBookmarks');
  if (links.length > LIMITS.maxItems) throw new ImportError('importTooManyBookmarks', LIMITS.maxItems);
  return { doc, links };
}

export function parseBookmarksHtml(text: string): ImportResult {
  const collector = new ItemCollector();
  linksOf(text).links.forEach((a, index) => {
    const checked = checkUrl(a.getAttribute('href'));
    if ('key' in checked) return collector.skip({ index }, checked);
    const description = descriptionOf(a);
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(a.textContent),
        tags: cleanTags([...folders(a), ...(a.getAttribute('tags') ?? '').split(',')]),
        savedAt: fromUnixSeconds(a.getAttribute('add_date')),
        ...(description ? { description } : {}),
      },
      { index },
    );
  });
  return collector.result();
}

/** Pocket's ril_export.html: the heading a list sits under says whether its links were archived. */
export function parsePocketHtml(text: string): ImportResult {
  const collector = new ItemCollector();
  linksOf(text).links.forEach((a, index) => {
    const checked = checkUrl(a.getAttribute('href'));
    if ('key' in checked) return collector.skip({ index }, checked);
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(a.textContent),
        tags: cleanTags((a.getAttribute('tags') ?? '').split(',')),
        savedAt: fromUnixSeconds(a.getAttribute('time_added')),
        archived: /archive/i.test(sectionHeading(a)),
      },
      { index },
    );
  });
  return collector.result();
}

/** The text of the nearest <h1> before the list the link is in. */
function sectionHeading(link: Element): string {
  const list = link.closest('ul, ol');
  for (let el = list?.previousElementSibling; el; el = el.previousElementSibling) if (el.nodeName === 'H1') return el.textContent ?? '';
  return '';
}

/** The <DD> that follows the link's <DT> (the parser may nest it inside the <DT>). */
function descriptionOf(link: Element): string {
  const dt = link.closest('dt');
  const next = dt?.nextElementSibling?.nodeName === 'DD' ? dt.nextElementSibling : dt?.querySelector(':scope > dd');
  return (next?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Folder names from the outermost in: the <H3> just before each enclosing <DL>. */
function folders(link: Element): string[] {
  const names: string[] = [];
  for (let el = link.parentElement; el; el = el.parentElement) {
    if (el.nodeName !== 'DL') continue;
    let heading = el.previousElementSibling;
    while (heading && heading.nodeName === 'P') heading = heading.previousElementSibling;
    if (heading?.nodeName === 'H3' && !ROOT_FOLDER_ATTRS.some((attr) => heading.hasAttribute(attr))) {
      names.unshift(heading.textContent ?? '');
    }
  }
  return names;
}

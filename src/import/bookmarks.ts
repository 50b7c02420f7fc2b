/**
 * A browser's bookmarks file (the Netscape bookmark format every browser exports): each link with
 * ADD_DATE and TAGS, and the names of the folders around it as tags. Parsed with DOMParser, which
 * runs no script and loads nothing; needs a DOM (an extension page).
 */
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, ItemCollector } from './item';
import { checkSize, ImportError, LIMITS } from './limits';
import type { ImportResult } from './types';

// The browsers' own top-level folders ("Bookmarks bar", "Other bookmarks") are not topics.
const ROOT_FOLDER_ATTRS = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];

export function parseBookmarksHtml(text: string): ImportResult {
  checkSize(text.length);
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const links = doc.querySelectorAll('a[href]');
  if (!/NETSCAPE-Bookmark-file/i.test(text.slice(0, 1000)) && links.length === 0) {
    throw new ImportError('importNotBookmarks');
  }
  if (links.length > LIMITS.maxItems) throw new ImportError('importTooManyBookmarks', LIMITS.maxItems);
  const collector = new ItemCollector();
  links.forEach((a, index) => {
    const checked = checkUrl(a.getAttribute('href'));
    if ('key' in checked) return collector.skip({ index }, checked);
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(a.textContent),
        tags: cleanTags([...folders(a), ...(a.getAttribute('tags') ?? '').split(',')]),
        savedAt: fromUnixSeconds(a.getAttribute('add_date')),
      },
      { index },
    );
  });
  return collector.result();
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

import { labelCodeLanguages } from './code';
import { normalizeFigures } from './figures';
import { keepInPageLinks } from './footnotes';
import { restoreHeadingLevels } from './headings';

export { copyFigures, restoreFigures } from './figures-restore';
export { markPageH1s } from './headings';

/**
 * Structure Readability leaves broken in its output element (small: the article, not the page).
 * `pageUrls`: the tab's URL, then the page's base.
 */
export function repairStructure(content: Element, pageUrls: [tabUrl: string, ...bases: string[]]): void {
  keepInPageLinks(content, pageUrls);
  labelCodeLanguages(content);
  restoreHeadingLevels(content);
  normalizeFigures(content);
}

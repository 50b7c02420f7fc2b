import { removeNamedBoilerplate } from './attributes';
import { removeEdgeFurniture } from './edges';
import { removeAnnouncedBoilerplate } from './phrases';

/**
 * Boilerplate Readability leaves inside the article container, removed from its output element
 * (a few hundred nodes, not the whole page, so the cost stays small). Order matters: named blocks
 * first, so that the phrase rules see the lists that are left, and the edges last, once the blocks
 * around them are gone.
 */
export function cleanArticle(root: Element): void {
  removeNamedBoilerplate(root);
  removeAnnouncedBoilerplate(root);
  removeEdgeFurniture(root);
}

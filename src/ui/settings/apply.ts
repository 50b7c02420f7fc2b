import type { ReaderSettings } from '../../shared/settings';

/**
 * Settings become attributes and CSS variables on the page's root element, so the whole page (its
 * background too) follows at once, with no re-render of the article. Set through the CSSOM, which the
 * extension's CSP (`style-src 'self'`) allows, unlike inline style attributes in markup.
 */
export function applySettings(root: HTMLElement, s: ReaderSettings) {
  root.dataset.theme = s.theme;
  root.dataset.font = s.font;
  root.dataset.justify = String(s.justify);
  root.style.setProperty('--reader-size', `${s.size}px`);
  root.style.setProperty('--reader-measure', `${s.width}ch`);
  root.style.setProperty('--reader-line-height', String(s.lineHeight));
}

/** The hardened DOMPurify configuration: an allow-list of what an article needs, nothing more. */
import type { Config } from 'dompurify';

// Everything Readability can produce that a reader needs. Not listed, hence removed: script,
// style, link, meta, base (they restyle, redirect or run code), form/input/button/select/textarea
// (phishing forms and formaction), iframe/frame/object/embed/applet (active content from anywhere),
// svg and math (namespace-confusion mXSS, <use>, <foreignObject>, <animate> setting hrefs),
// template/noscript (parsed differently with and without scripting: the classic mXSS vectors).
const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'section', 'article', 'header', 'footer',
  'aside', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code', 'hr', 'br', 'wbr',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'figure', 'figcaption', 'picture', 'source', 'img', 'a',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'dfn',
  'time', 'kbd', 'samp', 'var', 'del', 'ins', 'bdi', 'bdo', 'ruby', 'rt', 'rp',
  'details', 'summary',
  // Kept (podcasts and explainer videos are article content) but tamed in the hooks: web URLs
  // only, always `controls`, never autoplay, `preload="none"` so nothing is fetched until asked.
  'audio', 'video',
];

// id only as DOMPurify rewrites it (SANITIZE_NAMED_PROPS: `user-content-` + the page's id), so that
// footnotes can be link targets and no id can clobber `document.cookie`, `window.location` or the
// reader's own ids; no name (same clobbering, and fragment targets get an id instead), no style (overlays with
// position:fixed, CSS-based exfiltration), no on* handlers, no target/rel (set by us), no
// srcdoc/action/formaction/xlink:href/background/ping/cite/longdesc (URLs we would have to police).
// `class` is allowed here only so the hook can keep `language-*` on code/pre.
const ALLOWED_ATTR = [
  'href', 'title', 'src', 'srcset', 'sizes', 'media', 'type', 'alt', 'width', 'height',
  'colspan', 'rowspan', 'scope', 'headers', 'span', 'start', 'reversed', 'datetime', 'open',
  'lang', 'dir', 'class', 'poster', 'muted', 'loop', 'controls', 'id',
];

/** What DOMPurify puts before every id (SANITIZE_NAMED_PROPS); in-page hrefs get it too. */
export const ID_PREFIX = 'user-content-';

/** Attributes whose value is a URL, and which rule applies to them. */
export const URL_ATTRS = new Set(['href', 'src', 'srcset', 'poster']);

export const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // Belt and braces: even if an allow-list above is widened by mistake, these stay out.
  FORBID_TAGS: ['script', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'select',
    'textarea', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
    'template', 'noscript', 'isindex', 'xmp', 'plaintext', 'noembed', 'noframes', 'portal'],
  FORBID_ATTR: ['style', 'name', 'srcdoc', 'formaction', 'action', 'xlink:href', 'background',
    'ping', 'target', 'rel', 'autoplay', 'is'],
  // Removed elements whose text is UI, not article (button labels, option lists, fallback text
  // of plugins). Forms themselves keep their content: some CMSs wrap the whole page in <form>.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'option', 'object', 'embed', 'applet'],
  ALLOW_DATA_ATTR: false, // lazy-loading data-src is resolved by the extractor, not here
  ALLOW_ARIA_ATTR: false, // aria-hidden could hide article text from screen readers
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true, // ids come out as ID_PREFIX + id (see ALLOWED_ATTR)
  KEEP_CONTENT: true,
};

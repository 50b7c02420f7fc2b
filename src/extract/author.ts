import { meta, type MetaIndex } from './metadata';

/**
 * The article's author when Readability has none (or gives a URL or an address). Readability 0.6.0
 * reads JSON-LD `author` only as `{name}` or an array whose first item has a name, only from the
 * first node typed as an article, and never follows a `{"@id"}` reference into a `@graph` (Yoast SEO,
 * on millions of WordPress sites, writes the author exactly that way). Its meta fallbacks take any
 * `author` value, addresses and profile URLs included.
 */
const ARTICLE_TYPE = /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|WebPage)$/;
const MAX_NAMES = 10;
type Node = Record<string, unknown>;

const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** A person's or organisation's name, never a link or an address. */
export function isName(value: string): boolean {
  const v = value.trim();
  if (!v || v.length > 200) return false;
  if (/^(https?:|\/\/|www\.)/i.test(v) || /^[\w.-]+\.[a-z]{2,}\/\S*$/i.test(v)) return false;
  return !/^\S+@\S+\.\S+$/.test(v) && !/^mailto:/i.test(v);
}

/** Every node of a JSON-LD document: top-level objects, arrays and `@graph` members. */
function nodesOf(json: unknown, out: Node[] = [], depth = 0): Node[] {
  if (depth > 3) return out;
  for (const item of asArray(json)) {
    if (!isObject(item)) continue;
    out.push(item);
    if (item['@graph']) nodesOf(item['@graph'], out, depth + 1);
  }
  return out;
}

function types(node: Node): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Names in an `author` value: a string, an object with a name, an `@id` into the graph, or an array of these. */
function authorNames(value: unknown, byId: Map<string, Node>): string[] {
  const names: string[] = [];
  for (const item of asArray(value).slice(0, MAX_NAMES)) {
    const node = isObject(item) && typeof item['@id'] === 'string' && !item.name ? (byId.get(item['@id']) ?? item) : item;
    const name = typeof node === 'string' ? node : isObject(node) && typeof node.name === 'string' ? node.name : null;
    if (name && isName(name)) names.push(name.trim().replace(/\s+/g, ' '));
  }
  return [...new Set(names)];
}

/** The author named by the page's JSON-LD: the article node's first, any node's `author` else. */
export function jsonLdAuthor(scripts: Iterable<Element>): string | null {
  const nodes: Node[] = [];
  for (const script of scripts) {
    try {
      nodesOf(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), nodes);
    } catch {
      // Broken JSON-LD is common; the next script may be fine.
    }
  }
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
  const withAuthor = nodes.filter((n) => n.author !== undefined);
  const ordered = [...withAuthor.filter((n) => types(n).some((t) => ARTICLE_TYPE.test(t))), ...withAuthor];
  for (const node of ordered) {
    const names = authorNames(node.author, byId);
    if (names.length) return names.join(', ');
  }
  return null;
}

/** Byline: Readability's when it is a name, else JSON-LD, else the author meta tags that hold a name. */
export function findByline(fromReadability: string | null | undefined, jsonLd: Iterable<Element>, metas: MetaIndex): string | null {
  if (fromReadability && isName(fromReadability)) return fromReadability.trim();
  const fromJsonLd = jsonLdAuthor(jsonLd);
  if (fromJsonLd) return fromJsonLd;
  for (const name of ['author', 'article:author', 'dc.creator', 'DC.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'citation_author']) {
    const value = meta(metas, name);
    if (value && isName(value)) return value;
  }
  return null;
}

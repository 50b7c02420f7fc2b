/** What extraction produces: the article as Lectern shows and stores it. Plain data, JSON-safe. */
export interface Article {
  /** The tab's URL (never what the page claims about itself). */
  url: string;
  /** The page's canonical URL when it declares a same-site one; used to recognise the same article. */
  canonicalUrl?: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** ISO 8601 when the page states it. */
  publishedTime: string | null;
  excerpt: string | null;
  /** Absolute http(s) URL of the lead image, when there is one. */
  leadImage: string | null;
  /** Article HTML as extracted: untrusted until it passes `sanitize()` at the render boundary. */
  content: string;
  /** Plain text of the article, paragraphs separated by blank lines. */
  text: string;
  wordCount: number;
  readingMinutes: number;
  /** True when Readability found nothing and a simpler fallback produced the article. */
  fallback?: boolean;
}

/** Why there is no article to show. Each reason has its own message in the UI. */
export type NoArticleReason =
  | 'restricted' // browser-internal pages, extension stores, PDF viewer, view-source:
  | 'file-access' // file:// page the extension is not allowed to read
  | 'no-permission' // the tab was not granted to Lectern (activeTab expired)
  | 'no-article' // the page has no readable article
  | 'too-large' // the page is too big to extract without freezing the tab
  | 'tab-gone' // the tab was closed or navigated away
  | 'error'; // anything else: the detail says what

export type ExtractionResult =
  | { ok: true; article: Article }
  | { ok: false; reason: NoArticleReason; detail?: string };

/**
 * An http(s) URL's parts, read without `new URL` when the text is already written the way the URL
 * parser would write it: lower-case scheme and host, no port, user or IP address, a path with no dot
 * segments and only characters the parser keeps as they are. Almost every link in an export is such a
 * URL, and a 50,000-row import parsed each with `new URL` (issue 11: read + plan under 0.5 s). Anything
 * else goes through `new URL`. tests/unit/shared/web-url.test.ts checks, on the import fixtures and on
 * generated URLs, that every part read here is the one `new URL` gives.
 */

/** The parts of a URL that keying and the public-host check read: a `URL` has them all. */
export interface UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

// Characters every URL parser (WHATWG's, Chromium's, Firefox's) copies unchanged into a special URL's
// path, query and fragment: unreserved, sub-delimiters but `'` (the query encodes it), `:` and `@`, and
// complete `%XX` escapes, except those of unreserved characters (Chromium decodes `%41` in a path to
// `A`, and `%2e` can be a dot segment): bytes 00–2C, 2F, 3A–40, 5B–5E, 60, 7B–7D, 7F–FF.
const ESCAPE = '%(?:[01][0-9A-Fa-f]|2[0-9A-Ca-cFf]|3[A-Fa-f]|40|5[B-Eb-e]|60|7[B-Db-dFf]|[89A-Fa-f][0-9A-Fa-f])';
const PCHAR = `(?:[A-Za-z0-9\\-._~!$&()*+,;=:@]|${ESCAPE})`;
// Labels of lower-case letters, digits and inner hyphens; the last one starts with a letter (a last label
// of digits or `0x…` makes the parser read the host as an IPv4 address). `xn--` labels are checked by the
// parser (punycode), so they are refused here by a look-ahead.
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const HOST = `(?!(?:[^/]*\\.)?xn--)(?:${LABEL}\\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?`;
const SIMPLE_URL = new RegExp(`^(https?:)//(${HOST})((?:/${PCHAR}*)+)(\\?(?:${PCHAR}|[/?])*)?(#(?:${PCHAR}|[/?#])*)?$`);
/** A path segment `.` or `..` (the parser removes them). */
const DOT_SEGMENT = /\/\.\.?(?=\/|$)/;

/** The parts of `text` (already trimmed), or null when it is not a URL. */
export function parseWebUrl(text: string): UrlParts | null {
  const simple = simpleUrl(text);
  if (simple) return simple;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The parts of a URL written exactly as the parser writes it, read from the text; null for any other. */
export function simpleUrl(text: string): UrlParts | null {
  const match = SIMPLE_URL.exec(text);
  if (!match) return null;
  const [, protocol = '', host = '', pathname = '', query = '', fragment = ''] = match;
  if (pathname.includes('/.') && DOT_SEGMENT.test(pathname)) return null;
  const origin = text.slice(0, protocol.length + 2 + host.length); // `${protocol}//${host}`, as a slice
  // An empty query or fragment (`…?`, `…#`) stays in href, but `search` and `hash` are then empty.
  const search = query.length > 1 ? query : '';
  const hash = fragment.length > 1 ? fragment : '';
  return { href: text, protocol, username: '', password: '', host, hostname: host, origin, pathname, search, hash };
}

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
// Read by a scan over character codes, not a regular expression: one test per character (50,000-row imports).
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const table = (chars: string) => Uint8Array.from({ length: 128 }, (_, c) => (chars.includes(String.fromCharCode(c)) ? 1 : 0));
const PCHAR = table(`${ALNUM}-._~!$&()*+,;=:@`);
/** What an escape may not stand for: the unreserved characters, which a parser may decode. */
const UNRESERVED = table(`${ALNUM}-._~`);

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

/**
 * The parts of a URL written exactly as the parser writes it, read from the text; null for any other:
 * `http(s)://`, a host of lower-case labels (the last one starting with a letter, none `xn--`), a path of
 * `/` and path characters without `.` or `..` segments, then optionally `?` and `#` parts of the same
 * characters plus `/` and `?` (and `#` in the fragment).
 */
export function simpleUrl(text: string): UrlParts | null {
  const protocol = text.startsWith('https://') ? 'https:' : text.startsWith('http://') ? 'http:' : '';
  if (!protocol) return null;
  const hostStart = protocol.length + 2;
  const pathStart = hostEnd(text, hostStart);
  if (pathStart < 0) return null;
  const queryStart = partEnd(text, pathStart, PATH);
  const fragmentStart = text.charCodeAt(queryStart) === 0x3f ? partEnd(text, queryStart + 1, QUERY) : queryStart;
  if (fragmentStart < text.length && (text.charCodeAt(fragmentStart) !== 0x23 || partEnd(text, fragmentStart + 1, FRAGMENT) < text.length)) return null;
  const pathname = text.slice(pathStart, queryStart);
  if (pathname.includes('/.') && DOT_SEGMENT.test(pathname)) return null;
  const host = text.slice(hostStart, pathStart);
  // An empty query or fragment (`…?`, `…#`) stays in href, but `search` and `hash` are then empty.
  const search = fragmentStart - queryStart > 1 ? text.slice(queryStart, fragmentStart) : '';
  const hash = text.length - fragmentStart > 1 ? text.slice(fragmentStart) : '';
  return { href: text, protocol, username: '', password: '', host, hostname: host, origin: text.slice(0, pathStart), pathname, search, hash };
}

/** A path segment `.` or `..` (the parser removes them). */
const DOT_SEGMENT = /\/\.\.?(?=\/|$)/;

const isLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Where the host starting at `start` ends (at the path's `/`), or -1 when it is not a plain name: labels
 * of lower-case letters, digits and inner hyphens, the last one starting with a letter (a last label of
 * digits or `0x…` makes the parser read an IPv4 address); `xn--` labels are the parser's to check (punycode).
 */
function hostEnd(text: string, start: number): number {
  let label = start;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c) || isDigit(c) || (c === 0x2d && i > label)) continue;
    if (c !== 0x2e && c !== 0x2f) return -1;
    if (i === label || text.charCodeAt(i - 1) === 0x2d || text.startsWith('xn--', label)) return -1;
    if (c === 0x2f) return isLower(text.charCodeAt(label)) ? i : -1;
    label = i + 1;
  }
  return -1; // no path: the parser adds `/`
}

const [PATH, QUERY, FRAGMENT] = [0, 1, 2];

/**
 * Where the part (PATH, QUERY or FRAGMENT) starting at `start` ends: at the first character it may not
 * hold (the path stops at `?` and `#`, the query at `#`), or at the end of the text.
 */
function partEnd(text: string, start: number, part: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 128 && PCHAR[c]) || c === 0x2f || (c === 0x3f && part !== PATH) || (c === 0x23 && part === FRAGMENT)) continue;
    if (c !== 0x25 || !isEscape(text, i)) return i;
    i += 2;
  }
  return text.length;
}

/** Whether the `%` at `at` starts a `%XX` escape of a character that is not unreserved. */
function isEscape(text: string, at: number): boolean {
  const high = hexValue(text.charCodeAt(at + 1));
  const low = hexValue(text.charCodeAt(at + 2));
  if (high < 0 || low < 0) return false;
  const byte = high * 16 + low;
  return byte >= 128 || !UNRESERVED[byte];
}

function hexValue(c: number): number {
  if (isDigit(c)) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/**
 * Whether an imported URL may be fetched: only public web hosts. An import file is untrusted, and a
 * fetch from the extension carries its host permission, so a link (or a redirect from a public page)
 * to a router admin page, a cloud metadata address or an intranet name would read what the user's
 * network exposes. Checked when the file is read and again at every redirect hop. Hostnames are
 * checked as the URL parser normalises them (`0x7f000001`, `2130706433` and `127.1` all become
 * 127.0.0.1). A public name that resolves to a private address (DNS rebinding) cannot be seen from
 * an extension; the redirect and final-URL checks still apply.
 */

import type { UrlParts } from '../shared/web-url';

declare const LECTERN_TEST_FETCH_ORIGINS: readonly string[] | undefined;

/**
 * Exact origins a test build may fetch although they are loopback: `build.mjs --e2e` defines the one
 * origin of the e2e fixture server; release builds define none. Jest sets the global itself.
 */
function testOrigins(): readonly string[] {
  return typeof LECTERN_TEST_FETCH_ORIGINS === 'undefined' ? NONE : LECTERN_TEST_FETCH_ORIGINS;
}

const NONE: readonly string[] = [];

/** Names that never reach the public web (RFC 6761, RFC 8375, common intranet suffixes). */
const PRIVATE_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'corp', 'home.arpa'];

/** IPv4 blocks that are not the public Internet (RFC 6890 and friends), as [first octets, prefix bits]. */
const PRIVATE_V4: [number[], number][] = [
  [[0], 8], [[10], 8], [[100, 64], 10], [[127], 8], [[169, 254], 16], [[172, 16], 12], [[192, 0, 0], 24],
  [[192, 0, 2], 24], [[192, 88, 99], 24], [[192, 168], 16], [[198, 18], 15], [[198, 51, 100], 24], [[203, 0, 113], 24],
  [[224], 4], [[240], 4],
];

type HostVerdict = { ok: true } | { ok: false; reason: string };

/** Whether `url` is an http(s) URL on a public host (or on an origin a test build allows). */
export function checkPublicUrl(url: string): HostVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  return checkPublicParsedUrl(parsed);
}

const OK: HostVerdict = Object.freeze({ ok: true });

/** checkPublicUrl of a URL already parsed (an import row's, parsed once). */
export function checkPublicParsedUrl(parsed: UrlParts): HostVerdict {
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: `not a web address (${parsed.protocol})` };
  if (testOrigins().includes(parsed.origin)) return OK;
  return isPublicHost(parsed.hostname) ? OK : { ok: false, reason: `${parsed.hostname} is not a public web address` };
}

/** The private suffixes by the length of their last label, so a name is compared only with those that can match it. */
const SUFFIXES_BY_LAST_LABEL_LENGTH: string[][] = [];
for (const suffix of PRIVATE_SUFFIXES) (SUFFIXES_BY_LAST_LABEL_LENGTH[suffix.length - suffix.lastIndexOf('.') - 1] ??= []).push(suffix);

/** Whether `host` (with a dot) is one of the private suffixes or a name under one; no string made (50,000-row imports). */
function hasPrivateSuffix(host: string): boolean {
  const suffixes = SUFFIXES_BY_LAST_LABEL_LENGTH[host.length - host.lastIndexOf('.') - 1] ?? [];
  for (const suffix of suffixes) {
    if (host === suffix || (host.endsWith(suffix) && host.charCodeAt(host.length - suffix.length - 1) === 0x2e)) return true;
  }
  return false;
}

function isPublicHost(hostname: string): boolean {
  const lower = hostname.toLowerCase();
  const host = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (host.startsWith('[')) return isPublicV6(host.slice(1, -1));
  // Only a name ending in a digit can be an IPv4 address (the URL parser writes numeric hosts dotted).
  const last = host.charCodeAt(host.length - 1);
  const v4 = last >= 48 && last <= 57 ? parseV4(host) : null;
  if (v4) return isPublicV4(v4);
  // A single label ("intranet", "router") is resolved by the local network's search domains.
  if (!host.includes('.')) return false;
  return !hasPrivateSuffix(host);
}

function parseV4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function isPublicV4(octets: number[]): boolean {
  const value = octets.reduce((n, o) => n * 256 + o, 0);
  return !PRIVATE_V4.some(([start, bits]) => {
    const base = [...start, 0, 0, 0, 0].slice(0, 4).reduce((n, o) => n * 256 + o, 0);
    const size = 2 ** (32 - bits);
    return value >= base && value < base + size;
  });
}

/** IPv6 as the URL parser writes it (compressed, lower case, IPv4-mapped tails in hex). */
function isPublicV6(address: string): boolean {
  const groups = expandV6(address);
  if (!groups) return false;
  const [first = 0] = groups;
  if (groups.slice(0, 7).every((g) => g === 0)) return false; // :: and ::1
  if (groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0)) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return isPublicV4([hi >> 8, hi & 255, lo >> 8, lo & 255]); // IPv4-mapped and -compatible
  }
  if (first === 0x64 && groups[1] === 0xff9b) return false; // NAT64 reaches IPv4, private ones too
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0) return false; // link-local, site-local
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (first === 0x2001 && groups[1] === 0x0db8) return false; // documentation
  return true;
}

function expandV6(address: string): number[] | null {
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return null;
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  const missing = 8 - front.length - back.length;
  if (missing < 0 || (tail === undefined && missing !== 0) || [...front, ...back].some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  return [...front, ...Array<number>(missing).fill(0), ...back];
}

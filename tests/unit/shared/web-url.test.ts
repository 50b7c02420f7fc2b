/**
 * simpleUrl reads a URL's parts from its text, without `new URL`, when the text is already written as the
 * parser writes it. Every part it gives must be the parser's, and so must the URL key built from them:
 * checked on every URL in the import fixtures and on generated URLs full of the parser's special cases.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseWebUrl, simpleUrl, type UrlParts } from '../../../src/shared/web-url';
import { urlKey, urlKeyOf } from '../../../src/storage/canonical';

const PARTS: (keyof UrlParts)[] = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'origin', 'pathname', 'search', 'hash'];
const partsOf = (url: UrlParts) => Object.fromEntries(PARTS.map((name) => [name, url[name]]));

/** Compares simpleUrl with the parser on `text`; true when simpleUrl read it (and so must agree). */
function agrees(text: string): boolean {
  const fast = simpleUrl(text);
  if (!fast) return false;
  const parsed = new URL(text); // throws, failing the test, if simpleUrl read something the parser refuses
  const [mine, theirs] = [fast, parsed].map((url) => JSON.stringify({ text, ...partsOf(url), key: urlKeyOf(url) }));
  if (mine !== theirs) expect(mine).toBe(theirs); // one expect per mismatch only: 50,000 URLs are compared
  return true;
}

const FIXTURES = path.join(__dirname, '../../fixtures');
const fixtureUrls = [...new Set(readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((name) => statSync(path.join(FIXTURES, name)).isFile())
  .flatMap((name) => readFileSync(path.join(FIXTURES, name), 'latin1').match(/https?:\/\/[^\s"'<>,\\]+/gi) ?? []))];

/** A small deterministic generator (mulberry32), so a failure names a URL that fails again. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCHEMES = ['http://', 'https://', 'https://', 'HTTP://', 'Https://', 'ftp://', 'http:/', 'https:///'];
const HOSTS = [
  'example.com', 'www.example.com', 'news.example', 'a.b.c.d.example', 'Example.COM', 'xn--bcher-kva.example', 'news.xn--p1ai',
  'sub.xn--bcher-kva.example', 'a-b.example', '-a.example', 'a-.example', 'a--b.example', 'example.com.', 'example..com', '.example.com',
  'example.com:80', 'example.com:443', 'example.com:8080', 'user@example.com', 'user:pw@example.com', '127.0.0.1', '192.168.0.1.',
  '0x7f000001', '2130706433', 'news.123', 'news.0x1f', 'news.0xzz', 'example.1a', '[::1]', 'bücher.example', 'ex%41mple.com',
  'localhost', 'intranet', 'a', 'exa_mple.com', 'example.com\t', 'ex ample.com', '',
];
// Every printable ASCII character, the ones the parser treats specially more often, and a few others.
const CHARS = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...'/././.%%%..', '%2e', '%2E', '%2f', '%41', '%7e', '%zz', '%', 'é', '\u00a0', '\t', '\n', '\\', '..', '.', '~', "'"];

function generate(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const run = (max: number) => Array.from({ length: Math.floor(next() * max) }, () => (next() < 0.7 ? pick('abcXYZ0189-_'.split('')) : pick(CHARS))).join('');
  const path = Array.from({ length: Math.floor(next() * 4) }, () => `/${next() < 0.1 ? pick(['.', '..', '%2e', '.%2E']) : run(8)}`).join('');
  const query = next() < 0.5 ? `?${pick(['utm_source=pocket', 'a=1&b=2', 'b=2&a=1&utm_medium=x', '', run(10)])}` : '';
  const hash = next() < 0.3 ? `#${pick(['!/thread/1', '/route', 'top', '', run(6)])}` : '';
  return `${pick(SCHEMES)}${pick(HOSTS)}${next() < 0.9 ? path || '/' : path}${query}${hash}`;
}

describe('simpleUrl', () => {
  it('reads ordinary export URLs, and gives every part the parser gives', () => {
    const read = fixtureUrls.filter(agrees);
    expect(fixtureUrls.length).toBeGreaterThan(200);
    expect(read.length).toBeGreaterThan(fixtureUrls.length / 2);
  });

  it('never gives a part the parser would not, on 50,000 generated URLs', () => {
    const next = random(11);
    let read = 0;
    for (let i = 0; i < 50_000; i++) if (agrees(generate(next))) read++;
    // Enough of them are read to make the comparison mean something, and enough are not.
    expect(read).toBeGreaterThan(2_500);
    expect(read).toBeLessThan(47_500);
  });

  it.each([
    'HTTPS://Example.com/a', 'https://example.com', 'https://example.com:443/', 'https://user@example.com/', 'https://example.com/a/../b',
    'https://example.com/a/%2e%2E/b', 'https://xn--bcher-kva.example/', 'https://news.123/', 'https://example.com/a b', "https://example.com/?q='x'",
    'https://example.com/a\\b', 'https://bücher.example/', 'https://example.com./', ' https://example.com/', 'https://example.com/%41',
  ])('leaves %j to the parser', (text) => expect(simpleUrl(text)).toBeNull());

  it.each([
    ['https://www.example.com/a/b/?utm_source=pocket', 'https://example.com/a/b'],
    ['http://example.com/a?', 'http://example.com/a'],
    ['https://example.com/#!/thread/1', 'https://example.com/#!/thread/1'],
    ['https://example.com/a?z=1&utm_medium=x&b=%C3%A9', 'https://example.com/a?b=%C3%A9&z=1'],
    ['https://example.com/caf%C3%A9/%20x%2F', 'https://example.com/caf%C3%A9/%20x%2F'],
  ])('%s reads and keys as the parser does', (text, key) => {
    expect(agrees(text)).toBe(true);
    expect(urlKey(text)).toBe(key);
  });

  it('parseWebUrl falls back to the parser, and refuses what it refuses', () => {
    expect(parseWebUrl('HTTPS://Example.com')?.href).toBe('https://example.com/');
    expect(parseWebUrl('https://exa mple.com/')).toBeNull();
  });
});

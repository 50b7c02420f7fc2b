/** Every hostile case must come out inert, judged on the re-parsed output, not on string matching alone. */
import { sanitize } from '../../src/sanitize/sanitize';
import { HOSTILE_CASES } from '../fixtures/hostile/cases';

const FORBIDDEN_ELEMENTS = [
  'script', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea',
  'option', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'svg', 'math',
  'use', 'foreignobject', 'animate', 'set', 'template', 'noscript', 'isindex', 'xmp', 'plaintext',
  'noembed', 'noframes', 'portal', 'title', 'body', 'head', 'html',
];
const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite', 'ping', 'dynsrc', 'lowsrc'];
// In-page links may only point at the sanitizer's own id namespace.
const LINK_OK = /^(?:https?:|mailto:|#user-content-)/;
const RESOURCE_OK = /^(?:https?:|data:image\/(?:png|gif|jpe?g|webp|avif)[;,])/;

/** What the browser would see as the scheme: entities decoded by the DOM, controls/whitespace gone, lowercased. */
function normalize(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

function reparse(html: string): HTMLElement {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = html;
  return doc.body;
}

function problems(html: string): string[] {
  const found: string[] = [];
  for (const el of Array.from(reparse(html).querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.includes(tag)) found.push(`element <${tag}>`);
    for (const attr of Array.from(el.attributes)) found.push(...attributeProblems(tag, attr));
  }
  return found;
}

function attributeProblems(tag: string, attr: Attr): string[] {
  const name = attr.name.toLowerCase();
  if (name.startsWith('on')) return [`handler ${name} on <${tag}>`];
  if (['style', 'name', 'srcdoc'].includes(name)) return [`attribute ${name} on <${tag}>`];
  // Ids exist only in the sanitizer's own namespace (footnote targets), never as the page wrote them.
  if (name === 'id' && !attr.value.startsWith('user-content-')) return [`attribute id="${attr.value}" on <${tag}>`];
  if (!URL_ATTRS.includes(name)) return [];
  const urls = name === 'srcset' ? attr.value.split(/,\s+/).map((c) => c.trim().replace(/\s.*$/s, '')) : [attr.value];
  const ok = tag === 'a' && name === 'href' ? LINK_OK : RESOURCE_OK;
  return urls.filter((u) => !ok.test(normalize(u))).map((u) => `${name}="${u}" on <${tag}>`);
}

describe.each(HOSTILE_CASES)('hostile: $name', ({ html, mustNotContain = [], mustKeepText = [] }) => {
  const out = sanitize(html);

  test('leaves no forbidden element, handler, style, name, unprefixed id or unsafe URL', () => {
    expect(problems(out)).toEqual([]);
  });

  test('contains none of the case-specific strings', () => {
    for (const bad of mustNotContain) {
      if (typeof bad === 'string') expect(out).not.toContain(bad);
      else expect(out).not.toMatch(bad);
    }
  });

  test('is stable when sanitized again (no mutation on re-parse)', () => {
    expect(sanitize(out)).toBe(out);
  });

  test('keeps the article text around the attack', () => {
    const text = reparse(out).textContent ?? '';
    for (const t of mustKeepText) expect(text).toContain(t);
  });
});

test('the corpus has at least 30 cases', () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
});

test('with a base URL, hostile relative tricks still cannot reach other schemes', () => {
  const out = sanitize('<a href="javascript:alert(1)">a</a><a href="//evil.example/x">b</a><img src="data:image/svg+xml,<svg/>">', 'https://news.example/a/b.html');
  expect(problems(out)).toEqual([]);
  expect(out).not.toMatch(/javascript|svg/);
  expect(out).toContain('href="https://evil.example/x"'); // protocol-relative takes the page's (web) scheme
});

test('a non-web base URL is ignored, so relative links cannot point into the extension', () => {
  const out = sanitize('<a href="options.html">o</a><img src="x.png">', 'chrome-extension://abcdef/reader.html');
  expect(out).not.toMatch(/href=|src=|chrome-extension/);
});

// Real paragraphs for the library benchmarks: the text of every <p>, <li> and heading in the project's own
// fixture pages (tests/fixtures/**/source.html), tags stripped and entities decoded. Generated articles are
// recombinations of these, so the search index sees real words, real word frequencies and real accents.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../tests/fixtures/', import.meta.url).pathname;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') && !dir.includes('hostile') ? [path] : [];
  });
}

const decode = (s) => s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e) => {
  if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
  const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
  return String.fromCodePoint(code);
});

/** Paragraphs of at least 40 characters, deduplicated. */
export function fixtureParagraphs() {
  const seen = new Set();
  for (const file of htmlFiles(ROOT)) {
    const html = readFileSync(file, 'utf8').replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '');
    for (const m of html.matchAll(/<(p|li|h[1-6]|td|blockquote)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
      const text = decode(m[2].replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
      if (text.length >= 40) seen.add(text);
    }
  }
  return [...seen];
}

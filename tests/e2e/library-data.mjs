// Article records for the large-library specs and bench/backup.mjs, made in Node: the stored schema
// (SavedArticle) with the library's own ids, and the same records as a backup ZIP (format 2).
import { createHash } from 'node:crypto';
import { strToU8, Zip, ZipDeflate } from 'fflate';

const WORDS = ('harbour committee budget river council winter transport library museum school market bridge ' +
  'railway theatre garden election report festival weather station factory hospital mayor village forest ' +
  'Zürich café naïve façade').split(' ');

/** The library's id for a URL key: the first 10 bytes of its SHA-256, in hex (src/storage/canonical.ts). */
const idFor = (key) => createHash('sha256').update(key).digest('hex').slice(0, 20);

/** Article `i` as stored: about `chars` characters of text, and the same as paragraphs of HTML. */
export function storedArticle(i, chars = 5000) {
  const url = `https://bench.example/articles/${i}`;
  const paragraphs = [];
  let length = 0;
  for (let p = 0; length < chars; p++) {
    const sentence = Array.from({ length: 40 }, (_, w) => WORDS[(i * 7 + p * 13 + w * w) % WORDS.length]).join(' ');
    paragraphs.push(`Article ${i} paragraph ${p}: ${sentence}.`);
    length += paragraphs.at(-1).length + 2;
  }
  const text = paragraphs.join('\n\n');
  return {
    url, title: `Article ${i}`, byline: `Writer ${i % 17}`, siteName: 'Bench Example', lang: 'en', dir: 'ltr',
    publishedTime: '2026-01-02T03:04:05Z', excerpt: null, leadImage: null,
    content: paragraphs.map((p) => `<p>${p}</p>`).join(''), text, wordCount: text.split(/\s+/).length, readingMinutes: 1 + (i % 20),
    id: idFor(url), urlKey: url, savedAt: 1_700_000_000_000 + i * 1000, updatedAt: 1_700_000_000_000 + i * 1000,
    readAt: i % 3 === 0 ? 1_700_100_000_000 + i : null, archived: i % 5 === 0, favorite: i % 7 === 0,
    tags: [`tag${i % 4}`, ...(i % 2 ? ['odd'] : [])], progress: (i % 10) / 10,
  };
}

/** A stored article as a backup record (src/export/record.ts toLibraryRecord: ISO times, no urlKey). */
function backupRecord(a) {
  const { urlKey: _key, savedAt, updatedAt, readAt, ...rest } = a;
  const iso = (ms) => new Date(ms).toISOString();
  return { ...rest, savedAt: iso(savedAt), updatedAt: iso(updatedAt), readAt: readAt === null ? null : iso(readAt) };
}

/** A backup ZIP of articles `from` … `from + count - 1`, as Lectern writes it. */
export function backupZip(from, count, chars = 5000) {
  const chunks = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const add = (name, text) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  };
  add('manifest.json', JSON.stringify({ format: 'lectern-backup', version: 2, exportedAt: new Date().toISOString(), articles: count }));
  for (let i = from; i < from + count; i++) {
    const record = storedArticle(i, chars);
    add(`articles/${record.id}.json`, JSON.stringify(backupRecord(record)));
  }
  zip.end();
  return Buffer.concat(chunks);
}

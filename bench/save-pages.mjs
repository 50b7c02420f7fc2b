// node bench/save-pages.mjs — what a save's index-page write costs as the library grows, in headless
// Chromium with a built e2e extension (BENCH_DIST, default dist/chrome-e2e). For each size (SIZES, default
// 10,10000,50000) a fresh profile gets that many records and their list index written straight into
// storage (INDEX_PAGES pages, SCHEMA: the build's layout, 256 and 6 since schema 6, 32 and 5 before), then
// RUNS `updateArticle` messages (favourite toggled on an article picked at random) are timed from the
// control page. That is a save's write without the extraction and the search index: the record read,
// its index page and the head read, parsed and rewritten in one set(). Medians and the ratio to the first size.
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';

const SIZES = (process.env.SIZES ?? '10,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 40);
const INDEX_PAGES = Number(process.env.INDEX_PAGES ?? 256);
const SCHEMA = Number(process.env.SCHEMA ?? 6);
const DIST = process.env.BENCH_DIST ?? fileURLToPath(new URL('../dist/chrome-e2e/', import.meta.url));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Write `count` records (~3 KB of text each) and their index in the layout of INDEX_PAGES pages. */
function seed(api, count, pageCount, schema) {
  const word = (i) => ['harbour', 'council', 'budget', 'river', 'station', 'school', 'market', 'bridge'][i % 8];
  const hex = (n) => n.toString(16).padStart(8, '0');
  const rows = [];
  const write = async (items) => api.storage.local.set(items);
  return (async () => {
    for (let from = 0; from < count; from += 1000) {
      const items = {};
      for (let i = from; i < Math.min(count, from + 1000); i++) {
        const id = hex(Math.imul(i + 1, 2654435761) >>> 0) + hex(i) + 'abcd';
        const url = `https://site${i % 50}.example/articles/${i}`;
        const text = Array.from({ length: 400 }, (_, k) => word(i + k)).join(' ');
        const savedAt = 1_700_000_000_000 + i * 60_000;
        const title = `The ${word(i)} and the ${word(i + 3)}: story ${i}`;
        items[`article:${id}`] = { url, title, byline: 'A. Writer', siteName: `Site ${i % 50}`, lang: 'en', dir: 'ltr', publishedTime: null,
          excerpt: text.slice(0, 200), leadImage: null, content: `<p>${text}</p>`, text, wordCount: 400, readingMinutes: 2,
          id, urlKey: url, savedAt, updatedAt: savedAt, readAt: null, archived: false, favorite: false, tags: [], progress: 0 };
        rows.push({ id, urlKey: url, url, title, site: `Site ${i % 50}`, excerpt: text.slice(0, 159) + '…', readingMinutes: 2, savedAt, read: false, archived: false, favorite: false, tags: [] });
      }
      await write(items);
    }
    rows.sort((a, b) => b.savedAt - a.savedAt);
    const pages = Array.from({ length: pageCount }, () => []);
    for (const e of rows) pages[parseInt(e.id.slice(0, 2), 16) % pageCount].push(e);
    await write({ ...Object.fromEntries(pages.map((p, n) => [`index:${n}`, JSON.stringify(p)])), indexHead: JSON.stringify(rows.slice(0, 50)), schemaVersion: schema });
    return rows.map((r) => r.id);
  })();
}

const results = [];
for (const size of SIZES) {
  const session = await launch('chromium', DIST, { timeout: 600_000 });
  try {
    // Let the fresh install's migration finish before the library is written under it.
    await session.sendMessage({ type: 'listArticles', data: {} });
    const ids = await session.evalInExtension(seed, size, INDEX_PAGES, SCHEMA);
    const { entries } = await session.sendMessage({ type: 'listArticles', data: {} });
    if (entries.length !== size) throw new Error(`listed ${entries.length} of ${size}`);
    const load = [loadavg()[0]];
    const times = await session.evalInExtension(async (api, all, runs) => {
      const out = [];
      for (let i = 0; i < runs + 5; i++) {
        const id = all[(i * 7919) % all.length];
        const t0 = performance.now();
        const entry = await api.runtime.sendMessage({ type: 'updateArticle', data: { id, changes: { favorite: i % 2 === 0 } } });
        if (!entry) throw new Error(`updateArticle ${id}: no answer`);
        if (i >= 5) out.push(performance.now() - t0); // the first five warm the worker up
      }
      return out;
    }, ids, RUNS);
    load.push(loadavg()[0]);
    const r = { size, medianMs: Math.round(median(times) * 10) / 10, load: load.map((l) => l.toFixed(1)).join(' → ') };
    console.log(JSON.stringify(r));
    results.push(r);
  } finally {
    await session.close({ removeProfile: true });
  }
}
console.log(`\n| articles | update (one record + its index page + head), median of ${RUNS} | × size ${SIZES[0]} | load average (start → end) |`);
console.log('|---:|---:|---:|---|');
for (const r of results) console.log(`| ${r.size.toLocaleString('en')} | ${r.medianMs} ms | ${(r.medianMs / results[0].medianMs).toFixed(2)}× | ${r.load} |`);

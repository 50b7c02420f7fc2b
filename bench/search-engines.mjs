// node bench/search-engines.mjs — the two full-text engines issue 10 asks to compare, side by side in Node
// on the same 10,000 generated articles as bench/library.mjs (real fixture paragraphs + a long tail of names).
// Needs the candidates, which Lectern does not ship: `npm install --no-save flexsearch@0.8.212
// @sqlite.org/sqlite-wasm@3.54.1-build1` first. Measures build time, memory, and query time for the
// query shapes Lectern needs, and checks the features the issue requires (BM25, prefix, phrase, folding).
import { fixtureParagraphs } from './library-corpus.mjs';
import { generateLibrary } from './library-generate.mjs';

const COUNT = Number(process.env.COUNT ?? 10000);
const items = {};
const api = { storage: { local: { set: async (o) => void Object.assign(items, o) } } };
const queries = await generateLibrary(api, COUNT, 1234 + COUNT, fixtureParagraphs());
const docs = Object.values(items).filter((a) => typeof a === 'object' && a.text);
const heapMB = () => Math.round(process.memoryUsage().heapUsed / 1e6);
const time = (fn) => { const t = performance.now(); const r = fn(); return [performance.now() - t, r]; };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const shapes = { rare: queries.rare, common: 'the', prefix: 'gover', two: 'people government', phrase: '"the oven"', accent: 'fahre' };

async function flexsearch() {
  const { Document, Charset } = await import('flexsearch');
  const h0 = heapMB();
  const index = new Document({
    document: { id: 'id', index: ['title', 'byline', 'site', 'text'] },
    tokenize: 'forward', encoder: Charset.LatinBalance, resolution: 9, context: false,
  });
  const [buildMs] = time(() => { for (const d of docs) index.add({ id: d.id, title: d.title, byline: d.byline, site: d.siteName, text: d.text }); });
  const out = { engine: 'FlexSearch 0.8.212 (Document, tokenize forward, LatinBalance, in memory)', buildMs: Math.round(buildMs), heapMB: heapMB() - h0 };
  for (const [shape, q] of Object.entries(shapes)) {
    const runs = [];
    let hits = 0;
    for (let i = 0; i < 5; i++) {
      const [ms, r] = time(() => index.search(q.replaceAll('"', ''), { limit: 100000, merge: true, suggest: false }));
      runs.push(ms); hits = r.length;
    }
    out[shape] = { ms: +median(runs).toFixed(2), hits };
  }
  return out;
}

async function sqlite() {
  const { default: init } = await import('@sqlite.org/sqlite-wasm');
  const sqlite3 = await init();
  const db = new sqlite3.oo1.DB(':memory:');
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, byline, site, text, tokenize = 'unicode61 remove_diacritics 2', prefix = '4')`);
  const [buildMs] = time(() => {
    db.exec('BEGIN');
    const st = db.prepare('INSERT INTO docs VALUES (?,?,?,?,?)');
    for (const d of docs) st.bind([d.id, d.title, d.byline, d.siteName, d.text]).stepReset();
    st.finalize();
    db.exec('COMMIT');
  });
  const bytes = db.selectValue('PRAGMA page_count') * db.selectValue('PRAGMA page_size');
  const out = { engine: `SQLite ${sqlite3.version.libVersion} WASM, FTS5 unicode61 remove_diacritics 2, prefix index, in memory`, buildMs: Math.round(buildMs), dbMB: Math.round(bytes / 1e6) };
  const fts = (q) => q.replace(/("[^"]*")|(\S+)$/g, (m, phrase, last) => phrase ?? `${last}*`);
  for (const [shape, q] of Object.entries(shapes)) {
    const runs = [];
    let hits = 0;
    for (let i = 0; i < 5; i++) {
      const [ms, r] = time(() => db.selectValues(`SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 3, 2, 2, 1) LIMIT 100000`, [fts(q)]));
      runs.push(ms); hits = r.length;
    }
    out[shape] = { ms: +median(runs).toFixed(2), hits };
  }
  const [snipMs] = time(() => db.selectValues(`SELECT snippet(docs, 4, '<mark>', '</mark>', '…', 12) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10`, [fts(shapes.two)]));
  out.snippet10Ms = +snipMs.toFixed(2);
  db.close();
  return out;
}

const results = [];
for (const engine of process.argv.slice(2).length ? process.argv.slice(2) : ['flexsearch', 'sqlite']) {
  results.push(await (engine === 'flexsearch' ? flexsearch() : sqlite()));
  console.error(JSON.stringify(results.at(-1)));
}
console.log(JSON.stringify({ count: docs.length, textMB: Math.round(docs.reduce((s, d) => s + d.text.length, 0) / 1e6), shapes, results }, null, 2));

// npm run bench:library — the library at 10 / 1,000 / 10,000 saved articles, in headless Chromium with the
// built e2e extension (dist/chrome-e2e). Measures, per size: opening the library view until the list is
// painted, saving one page, searching (single and multi-word, p50/p95), and storage bytes. Prints JSON and
// a Markdown table; BENCHMARKS.md explains the method and records the numbers.
import { launch, startServer } from '../tests/e2e/harness.mjs';
import { generateLibrary } from './library-generate.mjs';
import { fileURLToPath } from 'node:url';

const SIZES = (process.env.SIZES ?? '10,1000,10000').split(',').map(Number);
const OPEN_RUNS = 7;
const SAVE_RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const round = (x) => Math.round(x * 10) / 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const page = (n) => `<!doctype html><html lang="en"><head><title>Bench page ${n}</title></head><body><article><h1>Bench page ${n}</h1>${
  Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} of bench page ${n}: the council met on Tuesday to discuss the harbour budget and the timetable.</p>`).join('')}</article></body></html>`;
const routes = Object.fromEntries(Array.from({ length: SAVE_RUNS * SIZES.length }, (_, i) => [`/p/${i}`, page(i)]));

async function openLibrary(session) {
  const p = await session.browser.newPage();
  await p.goto(`${session.extensionOrigin}/popup.html#library`, { waitUntil: 'load' });
  await p.waitForFunction(() => performance.getEntriesByName('lectern:list-painted').length > 0, { timeout: 60_000 });
  return p;
}

async function measureOpen(session) {
  const times = [];
  for (let i = 0; i < OPEN_RUNS; i++) {
    const p = await openLibrary(session);
    await p.waitForFunction(() => performance.getEntriesByName('lectern:list-complete').length > 0, { timeout: 60_000 });
    times.push(await p.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      // Where the time goes before the list paints: the page's HTML in, its scripts run (DOMContentLoaded).
      return [performance.getEntriesByName('lectern:list-painted')[0].startTime, performance.getEntriesByName('lectern:list-complete')[0].startTime,
        nav.responseEnd, nav.domContentLoadedEventEnd];
    }));
    await p.close();
  }
  return times;
}

async function measureSearch(session, queries) {
  const p = await openLibrary(session);
  await p.waitForFunction(() => performance.getEntriesByName('lectern:search-load').length > 0, { timeout: 600_000, polling: 500 });
  const load = await p.evaluate(() => performance.getEntriesByName('lectern:search-load').at(-1).duration);
  const run = async (list) => {
    const times = [];
    for (const q of list) {
      for (let k = 1; k <= q.length; k++) {
        // As you type: every prefix of the query is a search.
        const duration = await p.evaluate(async (text) => {
          performance.clearMeasures('lectern:search');
          const box = document.querySelector('input[aria-label="Search saved articles"]');
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          for (let i = 0; i < 200 && performance.getEntriesByName('lectern:search').length === 0; i++) await new Promise((r) => setTimeout(r, 5));
          return performance.getEntriesByName('lectern:search')[0]?.duration ?? null;
        }, q.slice(0, k));
        if (duration !== null && q[k - 1] !== ' ') times.push(duration);
      }
    }
    return times;
  };
  const single = await run(queries.single);
  const multi = await run(queries.multi);
  await p.close();
  return { load, single, multi };
}

async function measureSave(session, server, offset) {
  const times = [];
  const deferred = [];
  for (let i = 0; i < SAVE_RUNS; i++) {
    const url = server.url(`/p/${offset + i}`);
    const tab = await session.openPage(url);
    const tabId = await session.tabIdOf(url);
    const [save, after] = await session.evalInExtension(async (api, id) => {
      const t0 = performance.now();
      const r = await api.runtime.sendMessage({ type: 'saveArticle', data: { tabId: id } });
      const t1 = performance.now();
      if (!r.ok) throw new Error(JSON.stringify(r));
      // A no-op write queued behind the save's deferred search-index update: how long that update takes.
      await api.runtime.sendMessage({ type: 'updateArticle', data: { id: r.id, changes: { read: false } } });
      return [t1 - t0, performance.now() - t1];
    }, tabId);
    times.push(save);
    deferred.push(after);
    await tab.close();
    await sleep(200);
  }
  return { times, deferred };
}

const server = await startServer(routes);
const session = await launch('chromium', fileURLToPath(new URL('../dist/chrome-e2e', import.meta.url)), { timeout: 900_000 });
const results = [];
try {
  for (const [k, size] of SIZES.entries()) {
    await session.evalInExtension((api) => api.storage.local.clear());
    const g0 = Date.now();
    const queries = await session.evalInExtension(generateLibrary, size, 1234 + size);
    const generateMs = Date.now() - g0;
    const r0 = Date.now();
    await session.sendMessage({ type: 'rebuildSearchIndex', data: {} });
    const rebuildMs = Date.now() - r0;
    const bytes = await session.evalInExtension((api) => api.storage.local.getBytesInUse(null));
    const open = await measureOpen(session);
    const search = await measureSearch(session, queries);
    const save = await measureSave(session, server, k * SAVE_RUNS);
    const row = {
      size, bytes, generateMs, rebuildMs,
      listPaintedMs: round(median(open.map((o) => o[0]))), listPaintedRuns: open.map((o) => round(o[0])),
      listCompleteMs: round(median(open.map((o) => o[1]))),
      htmlInMs: round(median(open.map((o) => o[2]))), domContentLoadedMs: round(median(open.map((o) => o[3]))),
      saveMs: round(median(save.times)), saveRuns: save.times.map(round), deferredIndexUpdateMs: round(median(save.deferred)),
      searchLoadMs: round(search.load),
      searchSingle: { n: search.single.length, p50: round(pct(search.single, 50)), p95: round(pct(search.single, 95)), max: round(Math.max(...search.single)) },
      searchMulti: { n: search.multi.length, p50: round(pct(search.multi, 50)), p95: round(pct(search.multi, 95)), max: round(Math.max(...search.multi)) },
    };
    results.push(row);
    console.error(JSON.stringify(row));
  }
} finally {
  await session.close({ removeProfile: true });
  await server.close();
}

console.log(JSON.stringify(results, null, 2));
console.log('\n| articles | storage | list painted (median) | HTML in / DOMContentLoaded | whole index loaded | save one (median) | deferred index update | search index load | search single p50 / p95 / max | search multi p50 / p95 / max |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.size.toLocaleString('en')} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.listPaintedMs} ms | ${r.htmlInMs} / ${r.domContentLoadedMs} ms | ${r.listCompleteMs} ms | ${r.saveMs} ms | ${r.deferredIndexUpdateMs} ms | ${r.searchLoadMs} ms | ${r.searchSingle.p50} / ${r.searchSingle.p95} / ${r.searchSingle.max} ms | ${r.searchMulti.p50} / ${r.searchMulti.p95} / ${r.searchMulti.max} ms |`);
}

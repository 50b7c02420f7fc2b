// npm run bench:library — the library at 10 / 10,000 / 50,000 saved articles (SIZES=…), in headless Chromium
// with the built e2e extension (dist/chrome-e2e, release bundle). Per size: a blank extension page and the
// library opened the same way (list painted), the first full-text result for a rare word typed right after
// the list paints (and the page's JS heap then), every keystroke of typed queries (common words included),
// saving one page (search index update included), and storage. Prints JSON and Markdown; BENCHMARKS.md
// explains the method and records the numbers.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startServer } from '../tests/e2e/harness.mjs';
import { fixtureParagraphs } from './library-corpus.mjs';
import { generateLibrary } from './library-generate.mjs';

const SIZES = (process.env.SIZES ?? '10,10000,50000').split(',').map(Number);
// BROWSER=firefox runs the same in Firefox (no JS heap figure there: it has no CDP heap metrics).
const BROWSER = process.env.BROWSER === 'firefox' ? 'firefox' : 'chromium';
/**
 * PROFILE_CACHE=dir: keep each size's seeded library (generated and indexed) in dir/<browser>-<size>/ and
 * measure a copy of it, so a run after the first skips the set-up (minutes at 10,000 articles, most of an
 * hour at 50,000). The browser keys an extension's storage by the folder it is loaded from: give BENCH_DIST
 * the same folder each time. An index the build no longer accepts (another format) is rebuilt, and timed.
 */
const PROFILE_CACHE = process.env.PROFILE_CACHE;
/**
 * SEED_ONLY=1 (with PROFILE_CACHE): seed the sizes' cached profiles that are missing, and rebuild a cached
 * index of another format in place, measure nothing. Seeding is not a measurement: it can run beside others,
 * outside the shared bench lock.
 */
const SEED_ONLY = Boolean(process.env.SEED_ONLY);
if (SEED_ONLY && !PROFILE_CACHE) throw new Error('SEED_ONLY needs PROFILE_CACHE');
/**
 * LIST_ONLY=1 (with PROFILE_CACHE): only the blank page and the list painted, on a cached profile whose
 * records are written, its search index left out of the measured copy (a seed still indexing can be
 * measured: copy its stopped profile). No rebuild runs under the measuring: the background finds no index
 * to resume, and each popup closes at its first paint, before it would check the index.
 */
const LIST_ONLY = Boolean(process.env.LIST_ONLY);
/** Opens per size (OPEN_RUNS=n): more of them steady the medians on a loaded machine. */
const OPEN_RUNS = Number(process.env.OPEN_RUNS ?? 7);
/** Saves timed per size (SAVE_RUNS=n): single saves spread widely, more of them steady the median. */
const SAVE_RUNS = Number(process.env.SAVE_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const round = (x) => Math.round(x * 10) / 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stats = (xs) => ({ n: xs.length, p50: round(pct(xs, 50)), p95: round(pct(xs, 95)), max: round(Math.max(...xs)) });

const page = (n) => `<!doctype html><html lang="en"><head><title>Bench page ${n}</title></head><body><article><h1>Bench page ${n}</h1>${
  Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} of bench page ${n}: the council met on Tuesday to discuss the harbour budget and the timetable.</p>`).join('')}</article></body></html>`;
const routes = Object.fromEntries(Array.from({ length: SAVE_RUNS * SIZES.length }, (_, i) => [`/p/${i}`, page(i)]));

// The floor: an extension page with one tiny script that marks its first frame, opened like the library.
// BENCH_DIST: a copy of the built extension, so that a long run measures one build while dist/ is rebuilt.
const DIST = process.env.BENCH_DIST ? `${process.env.BENCH_DIST.replace(/\/$/, '')}/` : fileURLToPath(new URL(`../dist/${BROWSER === 'firefox' ? 'firefox' : 'chrome'}-e2e/`, import.meta.url));
// Chromium names an unpacked extension after its folder's path, and keys its storage by that name: a cached
// profile would be empty for a build in another folder. A fixed public key in the manifest pins the id
// (Chromium derives it from the key), so any build folder, e.g. one with the popup changed, measures the same
// cached library. Only the id changes; no key is in the built extension itself.
const BENCH_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzcYYGVxHNrm39VcwmG4VzBDd9N0GKJ9REtVdPMj6FaiAxyyV1PkPDNOboStKJvpz5Hpt2+8Szb7Q6IktVVDl/jMmczMalmjIA7gQ8chC4I3PJObCj4W4qcVpUkUzeoQMvtESGXcdziai7QsuqtDVIePjLvb3+jBi7BaPaZwSlSiaH9dCWW1w3Z20gikAl/akdpZ+79j+jiziyFjSxhC/AH8bVT9synryxhpo2ha8opzEtXYVfRYFKk/3OBqglHJVVNGgwI8tFTK7cqgvaFE6ZWqQicjp6SbMsmTNz53mpravO0yBceuiOsKUIWiYYijI96sq7xbcivWNCD8fXy+EoQIDAQAB';
if (PROFILE_CACHE && BROWSER === 'chromium') {
  const manifest = JSON.parse(readFileSync(`${DIST}manifest.json`, 'utf8'));
  if (manifest.key !== BENCH_KEY) writeFileSync(`${DIST}manifest.json`, JSON.stringify({ ...manifest, key: BENCH_KEY }, null, 2));
}
writeFileSync(`${DIST}bench-blank.html`, '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p><script type="module" src="bench-blank.js"></script>');
writeFileSync(`${DIST}bench-blank.js`, "requestAnimationFrame(() => performance.mark('blank-painted'));");
// A diagnostic between the two: a blank page that reads the index head from storage.local, then marks its
// next frame. The list's distance from it is Lectern's own work (scripts, rendering); its distance from
// the blank page is the extension storage round trip any list must make.
writeFileSync(`${DIST}bench-blank-read.html`, '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p><script type="module" src="bench-blank-read.js"></script>');
writeFileSync(`${DIST}bench-blank-read.js`, "(globalThis.browser ?? chrome).storage.local.get('indexHead').then(() => requestAnimationFrame(() => performance.mark('blank-painted')));");

async function openPage(session, path, mark) {
  // Firefox (WebDriver BiDi) may not navigate to moz-extension:// itself: the extension opens the tab.
  const p = BROWSER === 'firefox' ? await session.openExtensionPage(path) : await session.browser.newPage();
  if (BROWSER !== 'firefox') await p.goto(`${session.extensionOrigin}/${path}`, { waitUntil: 'load' });
  await p.waitForFunction((m) => performance.getEntriesByName(m).length > 0, { timeout: 120_000 }, mark);
  return p;
}
const markTime = (p, name) => p.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name);

/** Type `text` into the search box at once and wait for the result rows: ms from the input to rows shown. */
async function typeAndWait(p, text) {
  return p.evaluate(async (q) => {
    performance.clearMeasures('lectern:search');
    performance.clearMeasures('lectern:search-all');
    const box = document.querySelector('input[aria-label="Search saved articles"]');
    const before = document.querySelector('.saved-title')?.textContent;
    const t0 = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    for (let i = 0; i < 4000 && performance.getEntriesByName('lectern:search').length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    // The rows render in the frame after the results arrive.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const first = document.querySelector('.saved-title')?.textContent;
    const at = performance.now();
    // A large result shows its first page (64 rows), then the whole ranking: wait for that too.
    if (document.querySelector('[aria-setsize]')?.getAttribute('aria-setsize') === '64') {
      for (let i = 0; i < 2000 && performance.getEntriesByName('lectern:search-all').length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    }
    return { ms: at - t0, search: performance.getEntriesByName('lectern:search')[0]?.duration ?? null, all: performance.getEntriesByName('lectern:search-all')[0]?.duration ?? null, changed: first !== before, rows: document.querySelectorAll('.saved-title').length, at };
  }, text);
}

/** The page's JS heap after a full garbage collection: what it holds, not what it has not freed yet. */
async function liveHeap(p) {
  if (BROWSER === 'firefox') return NaN;
  const cdp = await p.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return (await p.metrics()).JSHeapUsedSize;
}

async function measureOpen(session, rareWords) {
  const blank = [];
  const blankRead = [];
  const runs = [];
  for (let i = 0; i < OPEN_RUNS; i++) {
    const b = await openPage(session, 'bench-blank.html', 'blank-painted');
    blank.push(await markTime(b, 'blank-painted'));
    await b.close();
    const br = await openPage(session, 'bench-blank-read.html', 'blank-painted');
    blankRead.push(await markTime(br, 'blank-painted'));
    await br.close();
    const p = await openPage(session, 'popup.html#library', 'lectern:list-painted');
    const painted = await markTime(p, 'lectern:list-painted');
    // Where the time before the paint goes: the page's scripts run (DOMContentLoaded), the head read back.
    const [dcl, headRead] = await p.evaluate(() => [performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null, performance.getEntriesByName('lectern:head-read')[0]?.startTime ?? null]);
    if (LIST_ONLY) {
      runs.push({ painted, dcl, headRead });
      await p.close();
      continue;
    }
    // A rare word typed right after the list painted: time to its result rows.
    const found = await typeAndWait(p, rareWords[i % rareWords.length]);
    await p.waitForFunction(() => performance.getEntriesByName('lectern:list-complete').length > 0, { timeout: 120_000 });
    const complete = await markTime(p, 'lectern:list-complete');
    const heap = await liveHeap(p);
    runs.push({ painted, dcl, headRead, complete, firstResult: found.ms, typedAfterPaint: found.at - found.ms - painted, firstResultSearch: found.search, rows: found.rows, heapMB: heap / 1e6 });
    await p.close();
  }
  return { blank, blankRead, runs };
}

async function measureTyping(session, queries) {
  const p = await openPage(session, 'popup.html#library', 'lectern:list-complete');
  const shown = []; // input → result rows rendered, every keystroke
  const whole = []; // input → the whole ranking in, for results larger than the first page
  const perKey = []; // every keystroke: what was typed, its search time, its rows, to see which queries cost
  const run = async (list) => {
    const times = [];
    for (const q of list) {
      for (let k = 1; k <= q.length; k++) {
        // As you type: every prefix of the query is a search.
        const r = await typeAndWait(p, q.slice(0, k));
        if (r.search !== null && q[k - 1] !== ' ') times.push(r.search);
        if (r.search !== null && q[k - 1] !== ' ') shown.push(r.ms);
        if (r.all !== null && q[k - 1] !== ' ') whole.push(r.all);
        if (r.search !== null && q[k - 1] !== ' ') perKey.push({ typed: q.slice(0, k), search: round(r.search), shown: round(r.ms), rows: r.rows, all: r.all === null ? null : round(r.all) });
      }
    }
    return times;
  };
  const single = await run(queries.single);
  const multi = await run(queries.multi);
  const phrase = await run(queries.phrases);
  const heapMB = (await liveHeap(p)) / 1e6;
  await p.close();
  return { single, multi, phrase, shown, whole, heapMB, perKey };
}

/**
 * The search index rebuilt from the records, as the popup asks for it: if the worker stops under the
 * rebuild (the message fails), asking again goes on from the rebuild's checkpoint.
 */
async function rebuildIndex(session) {
  const t0 = Date.now();
  for (let asked = 1; ; asked++) {
    try {
      return { ...(await session.sendMessage({ type: 'rebuildSearchIndex', data: {} })), asked };
    } catch (error) {
      console.error(`rebuild request ${asked} failed after ${Math.round((Date.now() - t0) / 1000)} s (${error.message}); asking again`);
      await sleep(2000);
    }
  }
}

async function measureSave(session, server, offset) {
  const times = [];
  const after = [];
  for (let i = 0; i < SAVE_RUNS; i++) {
    const url = server.url(`/p/${offset + i}`);
    const tab = await session.openPage(url);
    const tabId = await session.tabIdOf(url);
    const [save, next] = await session.evalInExtension(async (api, id) => {
      const t0 = performance.now();
      const r = await api.runtime.sendMessage({ type: 'saveArticle', data: { tabId: id } });
      const t1 = performance.now();
      if (!r.ok) throw new Error(JSON.stringify(r));
      // A no-op write right after: anything the save left queued (there should be nothing) delays it.
      await api.runtime.sendMessage({ type: 'updateArticle', data: { id: r.id, changes: { read: false } } });
      return [t1 - t0, performance.now() - t1];
    }, tabId);
    times.push(save);
    after.push(next);
    await tab.close();
    await sleep(200);
  }
  return { times, after };
}

const paragraphs = fixtureParagraphs();
const server = await startServer(routes);
const launchOptions = { timeout: 3_600_000, ...(BROWSER === 'chromium' ? { args: ['--enable-precise-memory-info'] } : {}) };
const results = [];

/**
 * Chromium keeps an extension's service worker script in the profile (Default/Service Worker) and runs that
 * copy when the same extension id (BENCH_KEY) is loaded from another folder with the same version: a cached
 * profile would measure the background of the build that seeded it, with the pages of the build under test
 * (found when an index format change made the two disagree). Dropping the registration makes the loaded
 * build's own worker register; the extension's storage and IndexedDB are elsewhere and stay.
 */
function forgetWorker(profile) {
  if (BROWSER === 'chromium') rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
}

/** A library of `size` generated articles and its search index, in the session's profile: the queries to type. */
async function seed(session, size) {
  await session.evalInExtension(async (api) => {
    await api.storage.local.clear();
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase('lectern-search'); r.onsuccess = r.onerror = r.onblocked = resolve; });
  });
  const g0 = Date.now();
  const queries = await session.evalInExtension(generateLibrary, size, 1234 + size, paragraphs, { pack: true });
  const generateMs = Date.now() - g0;
  const r0 = Date.now();
  const rebuilt = await rebuildIndex(session);
  return { queries, generateMs, rebuildMs: Date.now() - r0, rebuilt };
}

/**
 * Wait until the list index lists all `size` articles. The background checks the index against the
 * records at every start and repairs it when they disagree (src/storage/repair.ts), in the write queue:
 * a cached profile whose index lacks rows (Firefox's 10,000 listed 2,600 of them, 2026-12-01) is repaired
 * at every launch, 43–47 s at load 6–7, and measuring under the repair measures the repair.
 */
async function untilListed(session, size) {
  const t0 = Date.now();
  for (;;) {
    const listed = (await session.sendMessage({ type: 'listArticles', data: {} })).entries.length;
    if (listed === size) break;
    if (Date.now() - t0 > 600_000) throw new Error(`listed ${listed} of ${size} after 10 minutes`);
    await sleep(2000);
  }
  if (Date.now() - t0 > 1000) console.error(`${BROWSER} ${size}: the index was repaired at start, ${Math.round((Date.now() - t0) / 1000)} s; measuring after it`);
}

/** A cached library's index as the build wants it, rebuilt (and timed) when it is not. */
async function ensureIndex(session, size) {
  const state = await session.evalInExtension(async () => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('lectern-search'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    if (![...db.objectStoreNames].includes('meta')) return db.close(), null;
    const get = (key) => new Promise((resolve) => { const r = db.transaction('meta').objectStore('meta').get(key); r.onsuccess = () => resolve(r.result); r.onerror = () => resolve(null); });
    const [stats, rebuild] = [await get('stats'), await get('rebuild')];
    db.close();
    return { format: stats?.format, count: stats?.count, rebuilding: Boolean(rebuild) };
  });
  if (state && state.count === size && !state.rebuilding && state.format === Number(readFileSync(new URL('../src/storage/search-db.ts', import.meta.url), 'utf8').match(/INDEX_FORMAT = (\d+)/)?.[1])) return { rebuildMs: 0, rebuilt: null };
  const r0 = Date.now();
  const rebuilt = await rebuildIndex(session);
  return { rebuildMs: Date.now() - r0, rebuilt };
}

async function measureSize(session, size, k, prepared) {
  const bytes = await session.evalInExtension((api) => api.storage.local.getBytesInUse(null));
  const diskBytes = await session.evalInExtension(() => navigator.storage.estimate().then((e) => e.usage));
  const { queries, generateMs, rebuildMs, rebuilt } = prepared;
  const load0 = (await import('node:os')).loadavg()[0];
  const open = await measureOpen(session, queries.rareWords);
  if (LIST_ONLY) {
    const row = {
      size, bytes, listOnly: true, loadAverage: [round(load0), round((await import('node:os')).loadavg()[0])],
      blankPaintedMs: round(median(open.blank)), blankRuns: open.blank.map(round), blankReadPaintedMs: round(median(open.blankRead)),
      listPaintedMs: round(median(open.runs.map((o) => o.painted))), listPaintedRuns: open.runs.map((o) => round(o.painted)),
      domContentLoadedMs: round(median(open.runs.map((o) => o.dcl))), headReadMs: round(median(open.runs.map((o) => o.headRead))),
    };
    results.push(row);
    console.error(JSON.stringify(row));
    return;
  }
  const typing = await measureTyping(session, queries);
  const save = await measureSave(session, server, k * SAVE_RUNS);
  const row = {
    size, bytes, idbAndOtherBytes: diskBytes, generateMs, rebuildMs, rebuilt, loadAverage: [round(load0), round((await import('node:os')).loadavg()[0])],
    blankPaintedMs: round(median(open.blank)), blankRuns: open.blank.map(round), blankReadPaintedMs: round(median(open.blankRead)),
    listPaintedMs: round(median(open.runs.map((o) => o.painted))), listPaintedRuns: open.runs.map((o) => round(o.painted)),
    listCompleteMs: round(median(open.runs.map((o) => o.complete))),
    domContentLoadedMs: round(median(open.runs.map((o) => o.dcl))), headReadMs: round(median(open.runs.map((o) => o.headRead))),
    firstResultMs: round(median(open.runs.map((o) => o.firstResult))), firstResultRuns: open.runs.map((o) => round(o.firstResult)),
    typedAfterPaintMs: round(median(open.runs.map((o) => o.typedAfterPaint))),
    firstResultSearchMs: round(median(open.runs.map((o) => o.firstResultSearch))), firstResultRows: open.runs.map((o) => o.rows),
    heapAfterFirstResultMB: round(median(open.runs.map((o) => o.heapMB))), heapAfterTypingMB: round(typing.heapMB),
    saveMs: round(median(save.times)), saveRuns: save.times.map(round), nextWriteWaitMs: round(median(save.after)),
    single: stats(typing.single), multi: stats(typing.multi), phrase: stats(typing.phrase),
    all: stats([...typing.single, ...typing.multi, ...typing.phrase]), shown: stats(typing.shown), wholeRanking: typing.whole.length ? stats(typing.whole) : null,
    keystrokes: typing.perKey, slowest: [...typing.perKey].sort((a, b) => b.search - a.search).slice(0, 12),
  };
  results.push(row);
  console.error(JSON.stringify(row));
}

try {
  if (!PROFILE_CACHE) {
    const session = await launch(BROWSER, DIST, launchOptions);
    try {
      for (const [k, size] of SIZES.entries()) await measureSize(session, size, k, await seed(session, size));
    } finally {
      await session.close({ removeProfile: true });
    }
  } else {
    for (const [k, size] of SIZES.entries()) {
      const cached = join(PROFILE_CACHE, `${BROWSER}-${size}`);
      if (!existsSync(join(cached, 'queries.json')) && !LIST_ONLY) {
        mkdirSync(cached, { recursive: true });
        const session = await launch(BROWSER, DIST, { ...launchOptions, userDataDir: join(cached, 'profile') });
        try {
          const { queries, generateMs, rebuildMs } = await seed(session, size);
          writeFileSync(join(cached, 'queries.json'), JSON.stringify({ queries, generateMs, rebuildMs }));
        } finally {
          await session.close();
        }
      }
      if (SEED_ONLY) {
        // A cached index of another format (the build changed it) is rebuilt in the cache itself, once.
        forgetWorker(join(cached, 'profile'));
        const session = await launch(BROWSER, DIST, { ...launchOptions, userDataDir: join(cached, 'profile') });
        try {
          await untilListed(session, size);
          const index = await ensureIndex(session, size);
          console.error(`${BROWSER} ${size}: seeded in ${cached}${index.rebuilt ? `, its index rebuilt in ${round(index.rebuildMs / 1000)} s` : ''}`);
        } finally {
          await session.close();
        }
        continue;
      }
      const { queries, generateMs, rebuildMs: seededRebuildMs } = LIST_ONLY ? { queries: {} } : JSON.parse(readFileSync(join(cached, 'queries.json'), 'utf8'));
      // Measure a copy: the saves it times must not grow the cached library.
      const copy = mkdtempSync(join(tmpdir(), `lectern-bench-${BROWSER}-`));
      cpSync(join(cached, 'profile'), copy, { recursive: true, filter: (src) => !/Singleton|lock$|\.parentlock$/.test(src) && !(LIST_ONLY && /IndexedDB|storage\/default\/moz-extension/.test(src)) });
      forgetWorker(copy);
      const session = await launch(BROWSER, DIST, { ...launchOptions, userDataDir: copy });
      try {
        if (!LIST_ONLY) await untilListed(session, size);
        const index = LIST_ONLY ? { rebuilt: null } : await ensureIndex(session, size);
        await measureSize(session, size, k, { queries, generateMs, rebuildMs: index.rebuilt ? index.rebuildMs : seededRebuildMs, rebuilt: index.rebuilt });
      } finally {
        await session.close();
        rmSync(copy, { recursive: true, force: true });
      }
    }
  }
} finally {
  await server.close();
}

console.log(JSON.stringify(results, null, 2));
console.log(`\n${BROWSER}`);
console.log('\n| articles | storage.local / origin total | generate / rebuild | blank page painted (blank + one storage read) | list painted (DOMContentLoaded, head read) | whole list | typed (ms after paint) → first result rows (search alone) | JS heap | save one | keystroke p50 / p95 / max: all | single | two words | phrase | input → rows shown | whole ranking (large results) | load average (start, end) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results.filter((x) => x.listOnly)) {
  console.log(`list only, ${r.size.toLocaleString('en')}: blank ${r.blankPaintedMs} (+ read ${r.blankReadPaintedMs}) ms, list painted ${r.listPaintedMs} (DOMContentLoaded ${r.domContentLoadedMs}, head read ${r.headReadMs}) ms, load ${r.loadAverage.join(', ')}`);
}
for (const r of results.filter((x) => !x.listOnly)) {
  const s = (x) => `${x.p50} / ${x.p95} / ${x.max}`;
  console.log(`| ${r.size.toLocaleString('en')} | ${(r.bytes / 1e6).toFixed(1)} / ${(r.idbAndOtherBytes / 1e6).toFixed(1)} MB | ${(r.generateMs / 1000).toFixed(0)} / ${(r.rebuildMs / 1000).toFixed(1)} s | ${r.blankPaintedMs} (${r.blankReadPaintedMs}) ms | ${r.listPaintedMs} (${r.domContentLoadedMs}, ${r.headReadMs}) ms | ${r.listCompleteMs} ms | (${r.typedAfterPaintMs}) → ${r.firstResultMs} (${r.firstResultSearchMs}) ms | ${r.heapAfterFirstResultMB} MB | ${r.saveMs} ms | ${s(r.all)} ms | ${s(r.single)} | ${s(r.multi)} | ${s(r.phrase)} | ${s(r.shown)} | ${r.wholeRanking ? s(r.wholeRanking) : '–'} | ${r.loadAverage.join(', ')} |`);
}
// Which keystrokes cost: the slowest searches, what was typed and how many rows it showed.
for (const r of results.filter((x) => !x.listOnly)) {
  console.log(`\nslowest keystrokes at ${r.size.toLocaleString('en')} (search ms, rows): ${r.slowest.map((k) => `\`${k.typed}\` ${k.search} (${k.rows})`).join(', ')}`);
}

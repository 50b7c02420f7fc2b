// node bench/save-stages.mjs — where one save's time goes, stage by stage, at each size of a cached bench
// profile (bench/library.mjs PROFILE_CACHE). Nothing in the extension is instrumented: the probe wraps, from
// the control page, the background's own storage.local calls, scripting.executeScript, crypto.subtle.digest
// and IndexedDB transactions (Firefox: runtime.getBackgroundPage(), same process and clock; Chromium: the
// service worker, through DevTools), and reads their start and end times back after each save. Each call's
// time is performance.timeOrigin + performance.now(), so the page's and the background's clocks compare.
// (The Chromium path has not been run yet.)
//
//   flock /tmp/lectern-bench.lock env BROWSER=firefox SIZES=10,10000 PROFILE_CACHE=/work/main/.cache/bench-profiles \
//     BENCH_DIST=$PWD/.cache/ff-ext node bench/save-stages.mjs
//
// RUNS saves per size (default 17; the first two warm up and are dropped). Prints per-stage medians as JSON
// and Markdown. RAW=1 also times bare storage.local writes from the control page (an index page's worth of
// to a new key and over an existing one, a page's and a head's worth together, and read back; the same
// bytes at every size): the browser's storage alone, without Lectern's code around it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startServer } from '../tests/e2e/harness.mjs';

const BROWSER = process.env.BROWSER === 'chromium' ? 'chromium' : 'firefox';
const SIZES = (process.env.SIZES ?? '10,10000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 17);
const WARM = 2;
const RAW = Boolean(process.env.RAW);
/**
 * POPUPS=n: before the saves, open the library (popup.html#library) n times, each to its whole list, and
 * close it, as bench/library.mjs does before its saves (its opens and typing): the saves then run in an
 * extension process that has just held and dropped n whole lists.
 */
const POPUPS = Number(process.env.POPUPS ?? 0);
const PROFILE_CACHE = process.env.PROFILE_CACHE ?? fileURLToPath(new URL('../.cache/bench-profiles', import.meta.url));
const DIST = process.env.BENCH_DIST ? `${process.env.BENCH_DIST.replace(/\/$/, '')}/` : fileURLToPath(new URL(`../dist/${BROWSER === 'firefox' ? 'firefox' : 'chrome'}-e2e/`, import.meta.url));
const BENCH_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzcYYGVxHNrm39VcwmG4VzBDd9N0GKJ9REtVdPMj6FaiAxyyV1PkPDNOboStKJvpz5Hpt2+8Szb7Q6IktVVDl/jMmczMalmjIA7gQ8chC4I3PJObCj4W4qcVpUkUzeoQMvtESGXcdziai7QsuqtDVIePjLvb3+jBi7BaPaZwSlSiaH9dCWW1w3Z20gikAl/akdpZ+79j+jiziyFjSxhC/AH8bVT9synryxhpo2ha8opzEtXYVfRYFKk/3OBqglHJVVNGgwI8tFTK7cqgvaFE6ZWqQicjp6SbMsmTNz53mpravO0yBceuiOsKUIWiYYijI96sq7xbcivWNCD8fXy+EoQIDAQAB';
if (BROWSER === 'chromium') {
  // The cached Chromium profiles key storage by the id this key pins (bench/library.mjs).
  const manifest = JSON.parse(readFileSync(`${DIST}manifest.json`, 'utf8'));
  if (manifest.key !== BENCH_KEY) writeFileSync(`${DIST}manifest.json`, JSON.stringify({ ...manifest, key: BENCH_KEY }, null, 2));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const round = (x) => Math.round(x * 10) / 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The same page as bench/library.mjs saves: 30 paragraphs of one sentence.
const page = (n) => `<!doctype html><html lang="en"><head><title>Bench page ${n}</title></head><body><article><h1>Bench page ${n}</h1>${
  Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} of bench page ${n}: the council met on Tuesday to discuss the harbour budget and the timetable.</p>`).join('')}</article></body></html>`;
const routes = Object.fromEntries(Array.from({ length: RUNS * SIZES.length }, (_, i) => [`/p/${i}`, page(i)]));

/**
 * Runs in the background (Firefox: its window, called from the control page; Chromium: the worker): wrap
 * the calls a save makes so that each logs [what, start, end] to `g.__saveTrace`. Idempotent.
 */
function installTrace(g = globalThis) {
  if (g.__saveTrace) return;
  const log = (g.__saveTrace = []);
  const now = () => g.performance.timeOrigin + g.performance.now();
  const wrapAsync = (obj, name, label) => {
    const orig = obj[name];
    if (typeof orig !== 'function') return;
    const wrapped = function (...args) {
      const t0 = now();
      const p = orig.apply(this, args);
      const what = label(args);
      Promise.resolve(p).then(() => log.push([what, t0, now()]), () => log.push([`${what} (failed)`, t0, now()]));
      return p;
    };
    try {
      obj[name] = wrapped;
    } catch {
      Object.defineProperty(obj, name, { value: wrapped, configurable: true, writable: true });
    }
  };
  const keys = (k) => (k === null ? 'all' : typeof k === 'string' ? k : Array.isArray(k) ? k.join(',') : Object.keys(k).join(','));
  const api = g.browser ?? g.chrome;
  const local = api.storage.local;
  wrapAsync(local, 'get', ([k]) => `get ${keys(k)}`);
  wrapAsync(local, 'set', ([k]) => `set ${keys(k)}`);
  wrapAsync(local, 'remove', ([k]) => `remove ${keys(k)}`);
  wrapAsync(api.scripting, 'executeScript', ([o]) => `executeScript ${o.files ? 'file' : 'func'}`);
  wrapAsync(api.tabs, 'get', () => 'tabs.get');
  wrapAsync(g.SubtleCrypto.prototype, 'digest', () => 'digest');
  const transaction = g.IDBDatabase.prototype.transaction;
  const put = g.IDBObjectStore.prototype.put;
  g.IDBObjectStore.prototype.put = function (...args) {
    const tx = this.transaction;
    if (tx.__traced && !tx.__firstPut) tx.__firstPut = now();
    return put.apply(this, args);
  };
  g.IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    const t0 = now();
    const names = [].concat(args[0]).join(',');
    tx.__traced = true;
    tx.addEventListener('complete', () => log.push([`idb ${args[1] ?? 'readonly'} ${names}`, t0, now(), tx.__firstPut ?? null]));
    tx.addEventListener('abort', () => log.push([`idb abort ${names}`, t0, now(), null]));
    return tx;
  };
}

/** The trace's calls so far, in start order; the trace emptied. */
function takeTrace(g = globalThis) {
  const out = g.__saveTrace.splice(0);
  return out.sort((a, b) => a[1] - b[1]);
}

async function inBackground(session, fn, ...args) {
  if (BROWSER === 'chromium') return session.evalInWorker(fn, ...args);
  // The source is put into the evaluated expression itself: the page's CSP refuses Function().
  const expr = `(async () => (${fn.toString()})(await (globalThis.browser ?? globalThis.chrome).runtime.getBackgroundPage(), ...${JSON.stringify(args)}))()`;
  return session.controlPage.evaluate(expr);
}

/** One save, timed from the control page; its trace from the background. */
async function timedSave(session, server, n) {
  const url = server.url(`/p/${n}`);
  const tab = await session.openPage(url);
  const tabId = await session.tabIdOf(url);
  // Let the tab's load settle (its events reach the background).
  await sleep(300);
  const [t0, t1, ok] = await session.evalInExtension(async (api, id) => {
    const now = () => performance.timeOrigin + performance.now();
    const start = now();
    const r = await api.runtime.sendMessage({ type: 'saveArticle', data: { tabId: id } });
    const end = now();
    if (!r.ok) throw new Error(JSON.stringify(r));
    return [start, end, r.ok];
  }, tabId);
  // What the save left (keepImagesLater) finishes before the trace is read.
  await sleep(300);
  const trace = await inBackground(session, takeTrace);
  await tab.close();
  return { t0, t1, ok, trace };
}

/** Stages of one save from its trace (calls in start order). */
function stages({ t0, t1, trace }) {
  const inSave = trace.filter((c) => c[1] >= t0 && c[1] <= t1);
  const find = (pred) => inSave.find(pred);
  const exec = inSave.filter((c) => c[0].startsWith('executeScript'));
  const digest = find((c) => c[0] === 'digest');
  const record = find((c) => /^get article:/.test(c[0]));
  const sync = find((c) => /^get syncClock/.test(c[0]));
  const pages = find((c) => /^get index:/.test(c[0]));
  const set = find((c) => /^set article:/.test(c[0]));
  const idb = find((c) => /^idb readwrite/.test(c[0]));
  if (!exec.length || !digest || !record || !pages || !set || !idb) return { missing: inSave.map((c) => c[0]) };
  const extracted = exec.at(-1)[2];
  const tabGet = find((c) => c[0] === 'tabs.get');
  const file = exec.find((c) => c[0].endsWith('file'));
  const func = exec.find((c) => c[0].endsWith('func'));
  return {
    total: t1 - t0,
    toExtracted: extracted - t0, // message in, tab read, both injections
    messageIn: (tabGet ?? file)[1] - t0,
    injectFile: file ? file[2] - file[1] : 0, // the extractor's script
    extract: func ? func[2] - func[1] : 0, // its run on the page, the article returned
    toDigest: digest[1] - extracted,
    digest: digest[2] - digest[1],
    readRecord: record[2] - record[1],
    syncRead: sync ? sync[2] - sync[1] : 0,
    readPageHead: pages[2] - pages[1],
    buildItems: set[1] - pages[2], // the page and head rewritten, the record packed
    set: set[2] - set[1],
    toSearchTx: idb[1] - set[2], // the search database opened (once), the transaction begun
    searchReadCompute: (idb[3] ?? idb[2]) - idb[1], // stats, docs, terms, block and ids reads, edits made
    searchWriteCommit: idb[2] - (idb[3] ?? idb[2]), // puts and the commit
    reply: t1 - idb[2], // the answer back to the control page
    setKeys: set[0].split(',').length,
  };
}

/** Bare storage.local writes from the control page, the browser's storage alone. */
async function rawWrites(session) {
  return session.evalInExtension(async (api) => {
    const local = api.storage.local;
    const time = async (fn) => { const t = performance.now(); await fn(); return performance.now() - t; };
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    // The same bytes at every size: a page's worth (15 KB, an index page at 10,000) and a head's (20 KB).
    const page = 'x'.repeat(15_000);
    const head = 'y'.repeat(20_000);
    const out = { newKey: [], sameKey: [], pageAndHead: [], getPageAndHead: [] };
    for (let i = 0; i < 12; i++) {
      out.newKey.push(await time(() => local.set({ [`bench:raw:${i}`]: page })));
      out.sameKey.push(await time(() => local.set({ 'bench:raw:same': page })));
      out.pageAndHead.push(await time(() => local.set({ 'bench:raw:page': page, 'bench:raw:head': head })));
      out.getPageAndHead.push(await time(() => local.get(['bench:raw:page', 'bench:raw:head'])));
    }
    await local.remove([...Array.from({ length: 12 }, (_, i) => `bench:raw:${i}`), 'bench:raw:same', 'bench:raw:page', 'bench:raw:head']);
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Array.isArray(v) ? Math.round(med(v.slice(2)) * 10) / 10 : v]));
  });
}

const server = await startServer(routes);
const results = [];
try {
  for (const [k, size] of SIZES.entries()) {
    const cached = join(PROFILE_CACHE, `${BROWSER}-${size}`, 'profile');
    const copy = mkdtempSync(join(tmpdir(), `lectern-stages-${BROWSER}-`));
    cpSync(cached, copy, { recursive: true, filter: (src) => !/Singleton|lock$|\.parentlock$/.test(src) });
    // Chromium would run the worker script the profile keeps, not this build's (bench/library.mjs `forgetWorker`).
    if (BROWSER === 'chromium') rmSync(join(copy, 'Default', 'Service Worker'), { recursive: true, force: true });
    const session = await launch(BROWSER, DIST, { timeout: 600_000, userDataDir: copy });
    try {
      // The start's own work (migration check, index check) settles before anything is timed.
      const s0 = Date.now();
      let listed = 0;
      for (let t = 0; t < 60 && listed !== size; t++) {
        if (t > 0) await sleep(1000);
        listed = (await session.sendMessage({ type: 'listArticles', data: {} })).entries.length;
        if (listed !== size) console.error(`listed ${listed} of ${size}, waiting`);
      }
      if (listed !== size) throw new Error(`listed ${listed} of ${size}`);
      const settledS = round((Date.now() - s0) / 1000);
      // The search index as the saves find it: all `size` articles in it (a rebuild first, timed, when not).
      const stats = () => session.evalInExtension(async () => {
        const db = await new Promise((resolve, reject) => { const r = indexedDB.open('lectern-search'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
        if (![...db.objectStoreNames].includes('meta')) return db.close(), null;
        const got = await new Promise((resolve) => { const r = db.transaction('meta').objectStore('meta').get('stats'); r.onsuccess = () => resolve(r.result ?? null); r.onerror = () => resolve(null); });
        db.close();
        return got;
      });
      const indexBefore = await stats();
      let rebuildS = 0;
      if (indexBefore?.count !== size) {
        const r0 = Date.now();
        await session.sendMessage({ type: 'rebuildSearchIndex', data: {} });
        rebuildS = round((Date.now() - r0) / 1000);
      }
      const index = await stats();
      if (index?.count !== size) throw new Error(`search index holds ${index?.count} of ${size}`);
      await sleep(3000);
      for (let i = 0; i < POPUPS; i++) {
        const p = await session.openExtensionPage('popup.html#library');
        await p.waitForFunction(() => performance.getEntriesByName('lectern:list-complete').length > 0, { timeout: 120_000 });
        await p.close();
      }
      await inBackground(session, installTrace);
      const load = [loadavg()[0]];
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const s = await timedSave(session, server, k * RUNS + i);
        const st = stages(s);
        if (st.missing) console.error(`save ${i}: trace incomplete: ${st.missing.join(' | ')}`);
        else if (i >= WARM) runs.push(st);
      }
      load.push(loadavg()[0]);
      const raw = RAW ? await rawWrites(session) : null;
      const names = Object.keys(runs[0] ?? {});
      const row = { browser: BROWSER, size, popups: POPUPS, settledS, indexBefore, rebuildS, runs: runs.length, load: load.map(round), medians: Object.fromEntries(names.map((n) => [n, round(median(runs.map((r) => r[n])))])), totals: runs.map((r) => round(r.total)), raw };
      console.error(JSON.stringify(row));
      results.push(row);
    } finally {
      await session.close();
      rmSync(copy, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}

console.log(JSON.stringify(results, null, 2));
const names = Object.keys(results[0]?.medians ?? {}).filter((n) => n !== 'setKeys');
console.log(`\n| stage (${BROWSER}, median ms) | ${results.map((r) => r.size.toLocaleString('en')).join(' | ')} |`);
console.log(`|---|${results.map(() => '---:').join('|')}|`);
for (const n of names) console.log(`| ${n} | ${results.map((r) => r.medians[n]).join(' | ')} |`);
console.log(`| load (start → end) | ${results.map((r) => r.load.join(' → ')).join(' | ')} |`);

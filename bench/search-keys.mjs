// node bench/search-keys.mjs prepare|measure — per-query search times in a real Chromium popup on a cached,
// seeded library (BENCHMARKS.md "Keystrokes and phrases"). A quicker probe than bench/library.mjs: no blank
// pages, no saves, no storage figures; it times what a keystroke costs, query by query.
//
// prepare (not a measurement: run it outside the bench lock): copies the build (dist/chrome-e2e) to
//   PROBE_EXT (default .cache/probe-ext; Chromium keys the extension's storage by that folder, so keep it) and
//   makes sure the profile's search index has the build's format, rebuilding it when not.
// measure (under `flock /tmp/lectern-bench.lock`): OPENS popup opens, each typing a rare word right after the
//   list paints (input → result rows); then every prefix of each query typed as its own search, as you type.
//
// PROFILE: the profile dir (default .cache/bench-profiles/chromium-10000, as PROFILE_CACHE in
// bench/library.mjs makes it: profile/ and queries.json).
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';

const mode = process.argv[2];
const root = fileURLToPath(new URL('..', import.meta.url));
const EXT = resolve(process.env.PROBE_EXT ?? join(root, '.cache/probe-ext'));
const PROFILE = resolve(process.env.PROFILE ?? join(root, '.cache/bench-profiles/chromium-10000'));
const OPENS = Number(process.env.OPENS ?? 7);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x) => Math.round(x * 10) / 10;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const summary = (xs) => (xs.length ? `n ${xs.length}, p50 ${round(pct(xs, 50))}, p95 ${round(pct(xs, 95))}, max ${round(Math.max(...xs))} ms` : 'none');

/**
 * Chromium runs the service worker script it keeps in the profile, not the folder's new one, when the
 * extension's version is the same (bench/library.mjs `forgetWorker`): drop it, so the build under test runs.
 */
const forgetWorker = () => rmSync(join(PROFILE, 'profile', 'Default', 'Service Worker'), { recursive: true, force: true });

const { queries } = JSON.parse(readFileSync(join(PROFILE, 'queries.json'), 'utf8'));
/** The bench's queries, and a few more of common words: the costly cases. */
const classes = {
  single: [...queries.single, 'and', 'with'],
  pairs: [...queries.multi, 'the people', 'and the'],
  phrases: [...queries.phrases, '"of the"', '"in the"', '"the council"'],
};

/** Type `text` at once and wait for the search: its `lectern:search` measure, input → rows shown, rows. */
function typeAndWait(p, text) {
  return p.evaluate(async (q) => {
    performance.clearMeasures('lectern:search');
    const box = document.querySelector('input[aria-label="Search saved articles"]');
    const t0 = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    for (let i = 0; i < 4000 && performance.getEntriesByName('lectern:search').length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { shown: performance.now() - t0, search: performance.getEntriesByName('lectern:search')[0]?.duration ?? null, rows: document.querySelectorAll('.saved-title').length };
  }, text);
}

async function openLibrary(s, mark) {
  const p = await s.browser.newPage();
  await p.goto(`${s.extensionOrigin}/popup.html#library`, { waitUntil: 'load' });
  await p.waitForFunction((m) => performance.getEntriesByName(m).length > 0, { timeout: 120_000 }, mark);
  return p;
}

async function indexState(s) {
  return s.evalInExtension(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('lectern-search'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    if (![...db.objectStoreNames].includes('meta')) return db.close(), null;
    const get = (key) => new Promise((res) => { const r = db.transaction('meta').objectStore('meta').get(key); r.onsuccess = () => res(r.result); r.onerror = () => res(null); });
    const [stats, rebuild] = [await get('stats'), await get('rebuild')];
    db.close();
    return { format: stats?.format, count: stats?.count, rebuilding: Boolean(rebuild) };
  });
}

async function prepare() {
  rmSync(EXT, { recursive: true, force: true });
  cpSync(join(root, 'dist/chrome-e2e'), EXT, { recursive: true });
  forgetWorker();
  const s = await launch('chromium', EXT, { userDataDir: join(PROFILE, 'profile'), timeout: 3_600_000 });
  try {
    const format = Number(readFileSync(join(root, 'src/storage/search-db.ts'), 'utf8').match(/INDEX_FORMAT = (\d+)/)?.[1]);
    console.log('index before', JSON.stringify(await indexState(s)), 'build format', format);
    const t0 = Date.now();
    for (let asked = 1; ; asked++) {
      const state = await indexState(s);
      if (state && state.format === format && !state.rebuilding && state.count > 0) break;
      try {
        await s.sendMessage({ type: 'rebuildSearchIndex', data: {} });
      } catch (error) {
        console.log(`rebuild request ${asked} failed (${error.message}); asking again`);
        await sleep(2000);
      }
    }
    console.log('index', JSON.stringify(await indexState(s)), `ready after ${round((Date.now() - t0) / 1000)} s`);
  } finally {
    await s.close();
  }
}

async function measure() {
  forgetWorker();
  const s = await launch('chromium', EXT, { userDataDir: join(PROFILE, 'profile'), timeout: 600_000 });
  const load = [loadavg()[0]];
  try {
    const first = [];
    for (const word of queries.rareWords.slice(0, OPENS)) {
      const p = await openLibrary(s, 'lectern:list-painted');
      const r = await typeAndWait(p, word);
      first.push({ word, shown: round(r.shown), search: round(r.search), rows: r.rows });
      await p.close();
    }
    const p = await openLibrary(s, 'lectern:list-complete');
    await sleep(1000);
    const keys = {};
    for (const [name, list] of Object.entries(classes)) {
      keys[name] = [];
      for (const q of list) {
        for (let k = 1; k <= q.length; k++) {
          const r = await typeAndWait(p, q.slice(0, k));
          if (q[k - 1] !== ' ' && r.search !== null) keys[name].push({ typed: q.slice(0, k), search: round(r.search), shown: round(r.shown), rows: r.rows });
        }
      }
    }
    await p.close();
    load.push(loadavg()[0]);
    console.log(JSON.stringify({ first, keys }));
    console.log(`\nload average ${load.map(round).join(' → ')}`);
    console.log(`first result (input → rows shown, rare word typed right after the list painted): ${summary(first.map((f) => f.shown))}; search alone ${summary(first.map((f) => f.search))}`);
    const all = Object.values(keys).flat();
    console.log(`keystrokes, all: ${summary(all.map((k) => k.search))}`);
    for (const [name, list] of Object.entries(keys)) console.log(`${name}: ${summary(list.map((k) => k.search))}`);
    console.log(`over 16 ms: ${all.filter((k) => k.search > 16).sort((a, b) => b.search - a.search).map((k) => `\`${k.typed}\` ${k.search} (${k.rows})`).join(', ') || 'none'}`);
  } finally {
    await s.close();
  }
}

if (mode === 'prepare') await prepare();
else if (mode === 'measure') await measure();
else throw new Error('usage: node bench/search-keys.mjs prepare|measure');

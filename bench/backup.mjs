// npm run bench:backup — back up and restore a large library through the options page, in headless
// Chromium and Firefox with the built e2e extension. Per browser: seed COUNT articles (5–50 KB of text each,
// plus the same as HTML), measure storage bytes per article against the raw text + HTML, click "Back up
// all" and time it to "Exported" while sampling memory (Chromium: the options page's JS heap,
// performance.memory; Firefox: the resident memory of all its processes, as it has no page heap API),
// then restore the file into a fresh profile (time to "Restored": every batch written with its search-index
// update), check the index holds every article, time a full index rebuild of the same library on its own
// (what restore did at its end before), and compare every record's SHA-256 with the original.
// COUNT=10000 by default; BROWSERS=chromium,firefox.
// DIST_CHROMIUM / DIST_FIREFOX: another build's folder (default dist/<browser>-e2e), to compare builds.
// ZIP_DIR: keep the backup zip and the records' hashes there (backup-<COUNT>.zip, hashes-<COUNT>.json);
// RESTORE_ONLY=1 then restores that zip (made by any build or browser) without seeding or backing up.
// SKIP_REBUILD=1: no full-rebuild timing after the restore.
// PROFILE=<dir> (Chromium): a CPU profile of the options page and of the worker during the restore, saved
// there (.cpuprofile, for DevTools) and summed by function (self time, top 30) on stderr; best with a build
// that is not minified (`node build.mjs --e2e`).
// A build that keeps stage timers (globalThis.__lecternStages, in the options page and the worker) has
// them printed after the restore: where the restore's time went.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { EXTENSION_DIRS } from '../tests/e2e/fixtures.mjs';
import { storedArticle } from '../tests/e2e/library-data.mjs';
import { allowDownloads, clickButton, downloadedFile, downloadPrefs, indexedCount, pickFile, recordHashes, seedLibrary, waitForText } from '../tests/e2e/library-seed.mjs';

const COUNT = Number(process.env.COUNT ?? 10_000);
const BROWSERS = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
const DIST = { chromium: process.env.DIST_CHROMIUM || EXTENSION_DIRS.chromium, firefox: process.env.DIST_FIREFOX || EXTENSION_DIRS.firefox };
const ZIP_DIR = process.env.ZIP_DIR;
const RESTORE_ONLY = process.env.RESTORE_ONLY === '1';
const SKIP_REBUILD = process.env.SKIP_REBUILD === '1';
const PROFILE = process.env.PROFILE;

/** Start the V8 CPU profiler in the options page and the extension's worker; the returned function stops both and saves the profiles. */
async function startProfiles(session, page) {
  const workerTarget = session.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(session.extensionOrigin));
  const targets = [['page', await page.createCDPSession()], ['worker', await workerTarget.createCDPSession()]];
  for (const [, cdp] of targets) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  return async () => {
    mkdirSync(PROFILE, { recursive: true });
    for (const [name, cdp] of targets) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(PROFILE, `restore-${name}.cpuprofile`), JSON.stringify(profile));
      console.error(`# ${name}: self time by function (ms)\n${selfTimes(profile).join('\n')}`);
    }
  };
}

/** A CPU profile's self time summed per function (name, file, line), the largest first. */
function selfTimes(profile, top = 30) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    ms.set(key, (ms.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  return [`total ${Math.round(total)}`, ...[...ms].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${Math.round(v)}\t${k}`)];
}
const MB = (b) => Math.round(b / 1e5) / 10;
const sizeOf = (i) => 5000 + ((i * 7919) % 45_001); // 5–50 KB of text, spread evenly

/** Seed in runs of one size each (seedLibrary takes one size per call). */
async function seed(session) {
  for (let i = 0; i < COUNT; i += 50) {
    await seedLibrary(session, Math.min(50, COUNT - i), { from: i, chars: sizeOf(i) });
  }
}

function rawBytes() {
  let sum = 0;
  for (let i = 0; i < COUNT; i += 50) {
    for (let k = i; k < Math.min(i + 50, COUNT); k++) {
      const a = storedArticle(k, sizeOf(i));
      sum += Buffer.byteLength(a.text) + Buffer.byteLength(a.content);
    }
  }
  return sum;
}

/** Bytes the extension's storage takes: Chrome's getBytesInUse, or Firefox's storage.local database files. */
async function storedBytes(session) {
  if (session.kind === 'chromium') return session.evalInExtension((api) => api.storage.local.getBytesInUse(null));
  const out = execFileSync('du', ['-sb', join(session.userDataDir, 'storage', 'default')], { encoding: 'utf8' });
  return Number(out.split('\t')[0]);
}

function firefoxRss(pid) {
  const pids = execFileSync('pgrep', ['-g', String(pid)], { encoding: 'utf8' }).trim().split('\n');
  return pids.reduce((sum, p) => {
    try {
      return sum + Number(execFileSync('ps', ['-o', 'rss=', '-p', p], { encoding: 'utf8' }).trim()) * 1024;
    } catch {
      return sum;
    }
  }, 0);
}

/** The 1-minute load average, sampled every 10 s while `run` goes: its mean and maximum. */
async function withLoad(run) {
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 10_000);
  try {
    const value = await run();
    samples.push(loadavg()[0]);
    return { value, load: `${(samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(1)} (max ${Math.max(...samples).toFixed(1)})` };
  } finally {
    clearInterval(timer);
  }
}

/** Sample memory every 250 ms while `run` goes; the peak. */
async function peakMemory(session, page, run) {
  let peak = 0;
  const pid = session.browser.process()?.pid;
  const sample = async () => {
    const bytes = session.kind === 'chromium' ? await page.evaluate(() => performance.memory.usedJSHeapSize).catch(() => 0) : firefoxRss(pid);
    peak = Math.max(peak, bytes);
  };
  let running = true;
  const sampler = (async () => {
    while (running) {
      await sample();
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  try {
    await run();
  } finally {
    running = false;
    await sampler;
  }
  return peak;
}

/**
 * A full rebuild of the search index from the records: asked without waiting (one long evaluate outlives
 * Firefox's BiDi call timeout), then polled until the background answers.
 */
async function rebuildIndex(session) {
  await session.evalInExtension((api) => {
    globalThis.__rebuilt = null;
    void api.runtime.sendMessage({ type: 'rebuildSearchIndex', data: {} }).then((r) => (globalThis.__rebuilt = r), (e) => (globalThis.__rebuilt = { error: String(e) }));
  });
  for (;;) {
    const answer = await session.evalInExtension(() => globalThis.__rebuilt);
    if (answer?.error) throw new Error(`rebuildSearchIndex: ${answer.error}`);
    if (answer) return answer.indexed;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Progress on stderr: a 10,000 run takes many minutes. */
const step = (kind, what) => console.error(`# ${new Date().toISOString().slice(11, 19)} ${kind}: ${what}`);

/**
 * Open an extension page, tried again after a pause: once in a run of this bench, Firefox's control page
 * answered "browser is not defined" right after launch, which must not throw away a long seeding.
 */
async function openPage(session, path) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await session.openExtensionPage(path);
    } catch (error) {
      if (attempt === 3) throw error;
      step(session.kind, `opening ${path} failed (${error.message.split('\n')[0]}), trying again`);
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

/** Seed COUNT articles, back them up: the zip and every record's hash, with the timings in `result`. */
async function seedAndBackUp(kind, downloads, result) {
  const session = await launch(kind, DIST[kind], { prefs: downloadPrefs(downloads), timeout: 120_000 });
  try {
    let t = Date.now();
    step(kind, `seeding ${COUNT} articles`);
    result.seedLoad = (await withLoad(() => seed(session))).load;
    result.seedSeconds = (Date.now() - t) / 1000;
    const raw = rawBytes();
    const stored = await storedBytes(session);
    result.rawBytesPerArticle = Math.round(raw / COUNT);
    result.storedBytesPerArticle = Math.round(stored / COUNT);
    step(kind, 'backing up');
    // The options page shares the extension renderer's heap with the control page: nothing else runs in it
    // from the click to "Exported" (the records are hashed after), so the increase from the click is the backup's.
    const options = await openPage(session, 'options.html');
    await allowDownloads(kind, options, downloads);
    const before = session.kind === 'chromium' ? await options.evaluate(() => performance.memory.usedJSHeapSize) : firefoxRss(session.browser.process()?.pid);
    t = Date.now();
    const backup = await withLoad(() => peakMemory(session, options, async () => {
      await clickButton(options, `Back up all ${COUNT} articles (ZIP)`, 120_000);
      await waitForText(options, '.export-library', `Exported ${COUNT} articles.`, 1_800_000);
    }));
    result.backupSeconds = (Date.now() - t) / 1000;
    result.backupLoad = backup.load;
    result.backupPeakMB = MB(backup.value);
    result.backupBaselineMB = MB(before);
    result.backupIncreaseMB = MB(backup.value - before);
    const file = await downloadedFile(downloads, /\.zip$/, 600_000);
    const hashes = await recordHashes(session);
    if (!ZIP_DIR) return { file, hashes };
    mkdirSync(ZIP_DIR, { recursive: true });
    const kept = { name: file.name, path: join(ZIP_DIR, `backup-${COUNT}.zip`) };
    copyFileSync(file.path, kept.path);
    writeFileSync(join(ZIP_DIR, `hashes-${COUNT}.json`), JSON.stringify(hashes));
    return { file: kept, hashes };
  } finally {
    await session.close({ removeProfile: true });
  }
}

/** The stage timers a build keeps (globalThis.__lecternStages), in ms: the options page's and the background's. */
async function stageTimes(session, page) {
  const round = (o) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, Math.round(v)]));
  const pageStages = round(await page.evaluate(() => globalThis.__lecternStages).catch(() => null));
  // Firefox's background is an event page: its window, while it runs, through runtime.getBackgroundPage().
  const workerStages = round(await (session.kind === 'chromium'
    ? session.evalInWorker(() => globalThis.__lecternStages)
    : session.evalInExtension(async (api) => (await api.runtime.getBackgroundPage())?.__lecternStages ?? null)).catch(() => null));
  return { page: pageStages, worker: workerStages };
}

async function benchBrowser(kind) {
  const downloads = mkdtempSync(join(tmpdir(), `lectern-bench-backup-${kind}-`));
  const result = { browser: kind, articles: COUNT };
  let session;
  try {
    let file;
    let hashes;
    if (RESTORE_ONLY) {
      file = { name: `backup-${COUNT}.zip`, path: join(ZIP_DIR ?? '', `backup-${COUNT}.zip`) };
      if (!ZIP_DIR || !existsSync(file.path)) throw new Error(`RESTORE_ONLY needs ZIP_DIR with ${file.name} (a run without RESTORE_ONLY keeps it)`);
      hashes = JSON.parse(readFileSync(join(ZIP_DIR, `hashes-${COUNT}.json`), 'utf8'));
    } else {
      ({ file, hashes } = await seedAndBackUp(kind, downloads, result));
    }
    result.zipMB = MB(statSync(file.path).size);

    step(kind, 'restoring into a fresh profile');
    session = await launch(kind, DIST[kind], { timeout: 120_000 });
    const fresh = await openPage(session, 'options.html');
    const stopProfiles = PROFILE && kind === 'chromium' ? await startProfiles(session, fresh) : null;
    const t = Date.now();
    const restore = await withLoad(() => peakMemory(session, fresh, async () => {
      await pickFile(fresh, 'backup-heading', file.path, file.name);
      // Each batch is written with its search-index update: "Restored" means written and searchable.
      await waitForText(fresh, '.restore-backup p', `Restored ${COUNT} articles (${COUNT} new, 0 replaced).`, 3_600_000);
    }));
    result.restoreSeconds = (Date.now() - t) / 1000;
    result.restoreLoad = restore.load;
    result.restorePeakMB = MB(restore.value);
    await stopProfiles?.();
    result.stages = await stageTimes(session, fresh);
    step(kind, `restored in ${result.restoreSeconds} s (load ${result.restoreLoad}); stages ${JSON.stringify(result.stages)}`);
    result.indexedAfterRestore = await indexedCount(session);
    if (!SKIP_REBUILD) {
      // What the earlier restore did at its end instead (searchLater + one rebuild): a full rebuild of the
      // same library, timed on its own, to compare with the index updates included in the restore above.
      step(kind, 'timing a full index rebuild');
      const start = Date.now();
      const rebuild = await withLoad(() => rebuildIndex(session));
      result.rebuildIndexed = rebuild.value;
      result.rebuildLoad = rebuild.load;
      result.rebuildSeconds = (Date.now() - start) / 1000;
    }
    const restored = await recordHashes(session);
    result.identical = Object.keys(hashes).length === COUNT && Object.entries(hashes).every(([id, h]) => restored[id] === h) && Object.keys(restored).length === COUNT;
  } finally {
    await session?.close({ removeProfile: true });
    rmSync(downloads, { recursive: true, force: true });
  }
  return result;
}

const results = [];
for (const kind of BROWSERS) {
  const r = await benchBrowser(kind);
  console.log(JSON.stringify(r));
  results.push(r);
}
console.log('\n(load: 1-minute load average during each phase, mean and max)');
console.log('| browser | articles | seeding | stored bytes / article | raw text + HTML / article | backup | peak memory during backup | zip | restore (index updated per batch) | indexed after it | full rebuild alone | peak memory during restore | records identical |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of results) {
  console.log(`| ${r.browser} | ${r.articles} | ${r.seedSeconds} s (load ${r.seedLoad}) | ${r.storedBytesPerArticle} | ${r.rawBytesPerArticle} | ${r.backupSeconds} s (load ${r.backupLoad}) | ${r.backupPeakMB} MB (at the click: ${r.backupBaselineMB}, +${r.backupIncreaseMB}) | ${r.zipMB} MB | ${r.restoreSeconds} s (load ${r.restoreLoad}) | ${r.indexedAfterRestore} | ${r.rebuildSeconds} s (${r.rebuildIndexed}, load ${r.rebuildLoad}) | ${r.restorePeakMB} MB | ${r.identical} |`);
}

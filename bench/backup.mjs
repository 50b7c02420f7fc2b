// npm run bench:backup — back up and restore a large library through the options page, in headless
// Chromium and Firefox with the built e2e extension. Per browser: seed COUNT articles (5–50 KB of text each,
// plus the same as HTML), measure storage bytes per article against the raw text + HTML, click "Back up
// all" and time it to "Exported" while sampling memory (Chromium: the options page's JS heap,
// performance.memory; Firefox: the resident memory of all its processes, as it has no page heap API),
// then restore the file into a fresh profile (time to "Restored": every batch written with its search-index
// update), check the index holds every article, time a full index rebuild of the same library on its own
// (what restore did at its end before), and compare every record's SHA-256 with the original.
// COUNT=10000 by default; BROWSERS=chromium,firefox.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { EXTENSION_DIRS } from '../tests/e2e/fixtures.mjs';
import { storedArticle } from '../tests/e2e/library-data.mjs';
import { allowDownloads, clickButton, downloadedFile, downloadPrefs, indexedCount, pickFile, recordHashes, seedLibrary, waitForText } from '../tests/e2e/library-seed.mjs';

const COUNT = Number(process.env.COUNT ?? 10_000);
const BROWSERS = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
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

async function benchBrowser(kind) {
  const downloads = mkdtempSync(join(tmpdir(), `lectern-bench-backup-${kind}-`));
  const result = { browser: kind, articles: COUNT };
  let session = await launch(kind, EXTENSION_DIRS[kind], { prefs: downloadPrefs(downloads), timeout: 120_000 });
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
    result.zipMB = MB(statSync(file.path).size);
    const hashes = await recordHashes(session);
    await session.close({ removeProfile: true });

    step(kind, 'restoring into a fresh profile');
    session = await launch(kind, EXTENSION_DIRS[kind], { timeout: 120_000 });
    const fresh = await openPage(session, 'options.html');
    t = Date.now();
    const restore = await withLoad(() => peakMemory(session, fresh, async () => {
      await pickFile(fresh, 'backup-heading', file.path, file.name);
      // Each batch is written with its search-index update: "Restored" means written and searchable.
      await waitForText(fresh, '.restore-backup p', `Restored ${COUNT} articles (${COUNT} new, 0 replaced).`, 3_600_000);
    }));
    result.restoreSeconds = (Date.now() - t) / 1000;
    result.restoreLoad = restore.load;
    result.restorePeakMB = MB(restore.value);
    result.indexedAfterRestore = await indexedCount(session);
    // What the earlier restore did at its end instead (searchLater + one rebuild): a full rebuild of the
    // same library, timed on its own, to compare with the index updates included in the restore above.
    step(kind, 'timing a full index rebuild');
    t = Date.now();
    const rebuild = await withLoad(() => rebuildIndex(session));
    result.rebuildIndexed = rebuild.value;
    result.rebuildLoad = rebuild.load;
    result.rebuildSeconds = (Date.now() - t) / 1000;
    const restored = await recordHashes(session);
    result.identical = Object.keys(hashes).length === COUNT && Object.entries(hashes).every(([id, h]) => restored[id] === h) && Object.keys(restored).length === COUNT;
  } finally {
    await session.close({ removeProfile: true });
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

#!/usr/bin/env node
// npm run bench:sync — sync through a real WebDAV server (rclone serve webdav on loopback), in Node, with
// the extension's own storage and sync code (bundled here with the jest fake of the browser APIs).
// For 1,000 and 10,000 articles, plain and encrypted (PBKDF2 600,000 iterations):
//   first sync of a library that existed before sync (device A uploads it all),
//   first sync of a new device (B downloads it all),
//   incremental sync with one change on either side (A tags one article, B saves one): median of 5.
// With --compaction (sizes and modes as arguments: `-- --compaction 10000 encrypted`): A's library,
// then every article changed once (history), a new device's first sync before and after A compacts,
// and the bytes on the server before and after. Reports time, requests and bytes. Articles: real paragraphs from the fixture pages (bench/library-corpus.mjs),
// 3–20 KB of text each (mean ~11 KB) plus the same as HTML paragraphs.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fixtureParagraphs } from './library-corpus.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const bundle = path.join(root, 'dist/bench/sync-device.cjs');
await build({
  entryPoints: [path.join(root, 'tests/helpers/bench-sync-device.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  alias: { 'webextension-polyfill': path.join(root, 'tests/helpers/fake-browser.ts') },
  inject: [path.join(root, 'tests/helpers/bench-sync-idb.ts')], logLevel: 'warning',
});
const require = createRequire(import.meta.url);
function newDevice() {
  delete require.cache[bundle];
  const device = require(bundle);
  device.browser.storage.local.quotaBytes = Infinity; // unlimitedStorage, as the extension has
  return device;
}

const COMPACTION = process.argv.includes('--compaction');
const MODES = ['plain', 'encrypted'].filter((m) => !process.argv.includes(m === 'plain' ? 'encrypted' : 'plain'));
const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const COUNTS = SIZES.length ? SIZES : [1000, 10_000];
const paragraphs = fixtureParagraphs();
let seed = 12345;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

function articleText(i) {
  const target = 3000 + Math.floor(random() * 17000);
  const paras = [];
  for (let size = 0; size < target;) {
    const p = paragraphs[Math.floor(random() * paragraphs.length)];
    paras.push(p);
    size += p.length + 2;
  }
  return { text: `Article ${i}\n\n${paras.join('\n\n')}`, content: `<p>Article ${i}</p>${paras.map((p) => `<p>${p}</p>`).join('')}` };
}

async function fillLibrary(device, count) {
  const { createHash } = await import('node:crypto');
  let textBytes = 0;
  for (let start = 0; start < count; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const url = `https://bench.example/articles/${i}`;
      const { text, content } = articleText(i);
      textBytes += text.length + content.length;
      batch.push({
        url, title: `Article ${i}`, byline: `Writer ${i % 17}`, siteName: 'Bench Example', lang: 'en', dir: 'ltr', publishedTime: '2026-01-02T03:04:05Z',
        excerpt: null, leadImage: null, content, text, wordCount: text.split(/\s+/).length, readingMinutes: 1 + Math.round(text.length / 1500),
        id: createHash('sha256').update(url).digest('hex').slice(0, 20), urlKey: url, savedAt: 1_700_000_000_000 + i * 1000, updatedAt: 1_700_000_000_000 + i * 1000,
        readAt: i % 3 === 0 ? 1_700_100_000_000 + i : null, archived: i % 5 === 0, favorite: i % 7 === 0, tags: [`tag${i % 4}`], progress: (i % 10) / 10,
      });
    }
    await device.storage.restoreArticles(batch, { searchLater: true });
  }
  return textBytes;
}

async function timedSync(device, settings, more = {}) {
  let traffic;
  const start = performance.now();
  const counts = await device.syncLibrary(settings, { fetch: (input, init) => fetch(input, init), onTraffic: (t) => (traffic = t), ...more });
  return { ms: performance.now() - start, ...traffic, counts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const line = (label, r) => console.log(`  ${label.padEnd(34)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${String(r.requests).padStart(5)} requests  sent ${r.sent > 1e6 ? mb(r.sent) : kb(r.sent)}, received ${r.received > 1e6 ? mb(r.received) : kb(r.received)}`);

/** Bytes of every file on the server. */
async function serverBytes(dir) {
  const { readdir, stat } = await import('node:fs/promises');
  let sum = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) sum += (await stat(path.join(entry.parentPath ?? entry.path, entry.name))).size;
  return sum;
}

/** A new device's first sync before and after A compacts a journal that holds the library twice. */
async function compaction(count, passphrase) {
  const server = await newDevice().startDavServer();
  try {
    const settings = { serverUrl: server.url, username: server.user, password: server.pass, passphrase };
    const a = newDevice();
    const textBytes = await fillLibrary(a, count);
    console.log(`\n${count} articles (${mb(textBytes)} of text + HTML), ${passphrase ? 'encrypted' : 'plain'}: compaction`);
    const noCompaction = { compactAfter: Number.MAX_SAFE_INTEGER }; // A's own rule would compact already at the next step
    await timedSync(a, settings, noCompaction);
    // History: every article changed once (read, say), tracked like any change: the journal now holds the library twice.
    const ids = (await a.storage.readIndex()).entries.map((e) => e.id);
    for (let i = 0; i < ids.length; i += 500) {
      const records = await a.storage.readArticles(ids.slice(i, i + 500));
      await a.storage.restoreArticles(records.map((r) => ({ ...r, readAt: 1_800_000_000_000, updatedAt: r.updatedAt + 1 })), { searchLater: true });
    }
    line('A uploads the change of every article', await timedSync(a, settings, noCompaction));
    const before = await serverBytes(server.dir);
    line('first sync of a new device, before', await timedSync(newDevice(), settings));
    line('A compacts (snapshot, deletes files)', await timedSync(a, settings, { compactAfter: 0 }));
    const after = await serverBytes(server.dir);
    line('first sync of a new device, after', await timedSync(newDevice(), settings));
    console.log(`  server: ${mb(before)} before, ${mb(after)} after compaction`);
  } finally {
    await newDevice().removeDavServer(server);
  }
}

console.log(`Sync benchmark, Node ${process.version}, rclone serve webdav on loopback`);
if (COMPACTION) {
  for (const count of COUNTS) for (const mode of MODES) await compaction(count, mode === 'encrypted' ? 'a long passphrase for the benchmark' : '');
  process.exit(0);
}
for (const count of COUNTS) {
  for (const passphrase of ['', 'a long passphrase for the benchmark']) {
    const server = await newDevice().startDavServer();
    try {
      const settings = { serverUrl: server.url, username: server.user, password: server.pass, passphrase };
      const [a, b] = [newDevice(), newDevice()];
      const textBytes = await fillLibrary(a, count);
      console.log(`\n${count} articles (${mb(textBytes)} of text + HTML), ${passphrase ? 'encrypted' : 'plain'}`);
      line('first sync, A uploads its library', await timedSync(a, settings));
      line('first sync of a new device B', await timedSync(b, settings));
      await timedSync(a, settings); // A learns of B
      const runs = [];
      for (let run = 0; run < 5; run++) {
        const { entries } = await a.storage.readIndex();
        await a.storage.updateArticle(entries[run].id, { tags: ['bench', `run${run}`] });
        const extra = articleText(count + run);
        await b.storage.saveArticle({ url: `https://bench.example/new/${run}`, title: `New ${run}`, byline: null, siteName: null, lang: 'en', dir: 'ltr', publishedTime: null, excerpt: null, leadImage: null, ...extra, wordCount: 100, readingMinutes: 1 });
        const up = await timedSync(a, settings);
        const both = await timedSync(b, settings);
        runs.push({ up, both });
      }
      const pick = (key, field) => median(runs.map((r) => r[key][field]));
      line('incremental, A: one change up', { ms: pick('up', 'ms'), requests: pick('up', 'requests'), sent: pick('up', 'sent'), received: pick('up', 'received') });
      line('incremental, B: one down, one up', { ms: pick('both', 'ms'), requests: pick('both', 'requests'), sent: pick('both', 'sent'), received: pick('both', 'received') });
    } finally {
      await newDevice().removeDavServer(server);
    }
  }
}

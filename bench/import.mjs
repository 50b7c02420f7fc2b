#!/usr/bin/env node
// npm run bench:import — reading and planning a 50,000-row Pocket CSV (issue 11 target: under 0.5 s in Node).
// Times readExport (format detection, decoding, one CSV parse, checks) and planImport against a library of
// 10,000 saved articles, 7 runs each after one warm-up; prints medians.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const { readExport, planImport } = await import(pathToFileURL(path.join(root, 'dist/node/import.mjs')).href);

const ROWS = 50_000;
const RUNS = 7;
const rows = Array.from({ length: ROWS }, (_, i) =>
  `"Story ${i}: a title, with a comma",https://news${i % 97}.example/${2020 + (i % 5)}/story-${i}.html?utm_source=pocket,${1600000000 + i * 60},${i},tag${i % 13}|reading,${i % 3 ? 'unread' : 'archive'}`);
const csv = new TextEncoder().encode(`title,url,time_added,cursor,tags,status\n${rows.join('\n')}\n`);
const library = Array.from({ length: 10_000 }, (_, i) => ({ id: `id${i}`, url: `https://news${i % 97}.example/${2020 + (i % 5)}/story-${i * 5}.html` }));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const start = performance.now();
  const out = fn();
  return [performance.now() - start, out];
};

const read = [];
const plan = [];
let result;
for (let run = 0; run <= RUNS; run++) {
  const [readMs, contents] = time(() => readExport(csv, 'pocket.csv'));
  const items = contents.items.map((i) => ({ url: i.url, tags: i.tags }));
  const [planMs, planned] = time(() => planImport(library, items));
  if (run === 0) continue; // warm-up
  read.push(readMs);
  plan.push(planMs);
  result = { items: contents.items.length, queue: planned.queue.length, saved: planned.alreadySaved.length };
}
console.log(`Pocket CSV, ${ROWS} rows, ${(csv.length / 1048576).toFixed(1)} MB; library of ${library.length}; median of ${RUNS} runs (Node ${process.version})`);
console.log(`  read (detect + decode + parse + check): ${median(read).toFixed(0)} ms`);
console.log(`  plan against the library:               ${median(plan).toFixed(0)} ms`);
console.log(`  read + plan:                            ${(median(read) + median(plan)).toFixed(0)} ms  (target < 500 ms)`);
console.log(`  ${result.items} items, ${result.queue} to fetch, ${result.saved} already saved`);

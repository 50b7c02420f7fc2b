#!/usr/bin/env node
// npm run bench:import — reading and planning a 50,000-row Pocket CSV (issue 11 target: under 0.5 s in Node).
// Times, on one generated file, 7 runs each after one warm-up, medians:
//   read     parseImportFile: format detection, decoding, one CSV parse, every field checked, the public-host
//            check and the URL key of every row (what the options page runs when a file is chosen);
//   plan     planImport of those items against a library of 10,000 saved articles (as the options page does);
//   baseline the same bytes decoded and parsed by papaparse alone, with the same options: no import can be
//            faster, so read + plan is also given as a ratio to it (this machine's load moves both alike);
//   convert  readExport (the Node converter: read, then the plain items it returns), for comparison with
//            the figures of earlier sessions, which timed it as "read".
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import Papa from 'papaparse';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const { readExport, parseImportFile, planImport } = await import(pathToFileURL(path.join(root, 'dist/node/import.mjs')).href);

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

const times = { read: [], plan: [], baseline: [], convert: [] };
let result;
for (let run = 0; run <= RUNS; run++) {
  const [baselineMs] = time(() => Papa.parse(new TextDecoder().decode(csv), { delimiter: ',' }));
  const [readMs, contents] = time(() => parseImportFile(csv));
  const [planMs, planned] = time(() => planImport(library, contents.items, contents.keys));
  const [convertMs] = time(() => readExport(csv, 'pocket.csv'));
  if (run === 0) continue; // warm-up
  times.read.push(readMs);
  times.plan.push(planMs);
  times.baseline.push(baselineMs);
  times.convert.push(convertMs);
  result = { items: contents.items.length, queue: planned.queue.length, saved: planned.alreadySaved.length };
}
const [read, plan, baseline, convert] = [times.read, times.plan, times.baseline, times.convert].map(median);
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`Pocket CSV, ${ROWS} rows, ${(csv.length / 1048576).toFixed(1)} MB; library of ${library.length}; median of ${RUNS} runs (Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
console.log(`  read (detect + decode + parse + check):  ${ms(read)}`);
console.log(`  plan against the library:                ${ms(plan)}`);
console.log(`  read + plan:                             ${ms(read + plan)}  (target < 500 ms)`);
console.log(`  baseline (decode + bare papaparse):      ${ms(baseline)}`);
console.log(`  read + plan / baseline:                  ${((read + plan) / baseline).toFixed(2)}×`);
console.log(`  converter readExport (read + plain items): ${ms(convert)}`);
console.log(`  ${result.items} items, ${result.queue} to fetch, ${result.saved} already saved`);

#!/usr/bin/env node
// npm run bench:accuracy -- --corpus <dir> [--corpus <dir>] [--limit N] [--out file.json]
// Lectern's extraction (dist/node/extract.mjs, the code the extension runs) beside raw
// @mozilla/readability, in one run, on trafilatura-eval and/or readability-test-pages.
// The corpora are local and never part of the repository; see BENCHMARKS.md.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBoth } from './accuracy-pipelines.mjs';
import * as traf from './accuracy-trafilatura.mjs';
import * as rtp from './accuracy-readability.mjs';
import { printReadability, printTrafilatura, quantile, timing } from './accuracy-report.mjs';

const USAGE = 'usage: npm run bench:accuracy -- --corpus <dir> [--corpus <dir>] [--limit N] [--out file.json]';
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true, default: [] },
    limit: { type: 'string' },
    out: { type: 'string', default: 'dist/bench-accuracy.json' },
  },
});
if (!values.corpus.length) {
  console.error(USAGE);
  process.exit(2);
}
const limit = values.limit ? Number(values.limit) : Infinity;

function kindOf(dir) {
  if (existsSync(path.join(dir, 'cases.json')) && existsSync(path.join(dir, 'pages'))) return 'trafilatura';
  if (existsSync(path.join(dir, '001', 'expected.html'))) return 'readability';
  throw new Error(`${dir}: neither trafilatura-eval (cases.json + pages/) nor readability-test-pages (*/expected.html)`);
}

const progress = (i, n) => (i % 50 === 0 || i === n) && process.stderr.write(`  ${i}/${n}\r`);

async function runTrafilatura(dir) {
  const cases = (await traf.loadCases(dir)).slice(0, limit);
  const sums = { lectern: {}, readability: {} };
  const extra = { lectern: { perfect: 0, empty: 0 }, readability: { perfect: 0, empty: 0 } };
  const ms = { lectern: [], readability: [] };
  const pages = [];
  for (const [i, kase] of cases.entries()) {
    const out = runBoth(await traf.loadPage(dir, kase), kase.url, i);
    const page = { file: kase.file, lecternReason: out.lectern.reason };
    for (const name of ['lectern', 'readability']) {
      const c = traf.scorePage(kase, out[name].text);
      page[name] = c;
      traf.addCounts(sums[name], c);
      if (c.fp === 0 && c.fn === 0) extra[name].perfect++;
      if (!out[name].text) extra[name].empty++;
      ms[name].push(out[name].ms);
    }
    pages.push(page);
    progress(i + 1, cases.length);
  }
  const errors = (c) => c.fp + c.fn;
  const worst = [...pages].sort((a, b) => errors(b.lectern) - errors(a.lectern) || errors(b.readability) - errors(a.readability)).slice(0, 10);
  return {
    corpus: 'trafilatura-eval',
    pages: cases.length,
    lectern: { ...traf.metrics(sums.lectern), ...extra.lectern },
    readability: { ...traf.metrics(sums.readability), ...extra.readability },
    timing: timing(ms.lectern, ms.readability),
    worst,
    perPage: pages,
  };
}

async function runReadability(dir) {
  const cases = (await rtp.loadCases(dir)).slice(0, limit);
  const acc = {};
  for (const name of ['lectern', 'readability']) acc[name] = { f1: [], ms: [], readerableAgree: 0, metadata: Object.fromEntries(rtp.FIELDS.map((f) => [f, 0])) };
  const pages = [];
  for (const [i, kase] of cases.entries()) {
    const out = runBoth(kase.source, rtp.URL, i);
    const readerable = { lectern: out.lectern.ok, readability: rtp.rawReaderable(kase.source) };
    const page = { name: kase.name, lecternReason: out.lectern.reason };
    for (const name of ['lectern', 'readability']) {
      const a = acc[name];
      page[name] = rtp.tokenF1(out[name].text, kase.expectedText);
      a.f1.push(page[name]);
      a.ms.push(out[name].ms);
      if (readerable[name] === kase.expected.readerable) a.readerableAgree++;
      const agree = rtp.metadataAgreement(out[name].article, kase.expected);
      for (const f of rtp.FIELDS) a.metadata[f] += agree[f] ? 1 : 0;
    }
    pages.push(page);
    progress(i + 1, cases.length);
  }
  const summary = (a) => ({
    tokenF1Mean: a.f1.reduce((s, x) => s + x, 0) / (a.f1.length || 1),
    tokenF1Median: quantile(a.f1, 0.5),
    readerableAgree: a.readerableAgree,
    metadata: a.metadata,
  });
  return {
    corpus: 'readability-test-pages',
    pages: cases.length,
    fields: rtp.FIELDS,
    lectern: summary(acc.lectern),
    readability: summary(acc.readability),
    timing: timing(acc.lectern.ms, acc.readability.ms),
    worst: [...pages].sort((a, b) => a.lectern - b.lectern).slice(0, 10),
    perPage: pages,
  };
}

const results = { date: new Date().toISOString(), node: process.version, limit: values.limit ?? null, corpora: [] };
for (const dir of values.corpus) {
  const kind = kindOf(dir);
  const r = kind === 'trafilatura' ? await runTrafilatura(dir) : await runReadability(dir);
  results.corpora.push(r);
  (kind === 'trafilatura' ? printTrafilatura : printReadability)(r);
}
await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
await writeFile(values.out, JSON.stringify(results, null, 1));
console.log(`\nresults: ${values.out}`);

#!/usr/bin/env node
// node bench/accuracy-huge.mjs [elements...]: what a page of N elements costs Lectern's extraction
// (dist/node/extract.mjs) and raw Readability, to choose MAX_ELEMENTS from measurement (BENCHMARKS.md).
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parse } from './accuracy-pipelines.mjs';
import { hugePage } from './accuracy-huge-page.mjs';

const { extractDocument } = await import(new URL('../dist/node/extract.mjs', import.meta.url).href);

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length ? sizes : [5000, 10000, 20000, 30000, 40000, 50000, 60000]) {
  const html = hugePage(n);
  const w1 = parse(html, 'https://huge.example/');
  const elements = w1.document.getElementsByTagName('*').length;
  let t = performance.now();
  const result = extractDocument(w1.document, 'https://huge.example/');
  const lectern = performance.now() - t;
  w1.close();
  const w2 = parse(html, 'https://huge.example/');
  t = performance.now();
  new Readability(w2.document).parse();
  const raw = performance.now() - t;
  w2.close();
  console.log(`${String(elements).padStart(6)} elements  Lectern ${lectern.toFixed(0).padStart(6)} ms (${result.ok ? 'article' : result.reason})  Readability ${raw.toFixed(0).padStart(6)} ms`);
}

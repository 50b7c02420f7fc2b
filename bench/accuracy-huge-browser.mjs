#!/usr/bin/env node
// node bench/accuracy-huge-browser.mjs [elements...]: Readability's parse() time in real headless
// Chromium (/usr/bin/chromium) on the generated huge pages of accuracy-huge.mjs — what the content script
// would cost the tab, since jsdom is much slower than a browser's DOM.
import { readFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { hugePage } from './accuracy-huge-page.mjs';

const readability = await readFile(new URL('../node_modules/@mozilla/readability/Readability.js', import.meta.url), 'utf8');
const sizes = process.argv.slice(2).map(Number);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const n of sizes.length ? sizes : [5000, 10000, 20000, 30000, 40000, 50000, 60000]) {
    await page.setContent(hugePage(n));
    await page.addScriptTag({ content: `var module = {};\n${readability}\nwindow.R = module.exports;` });
    const out = await page.evaluate(() => {
      const elements = document.getElementsByTagName('*').length;
      const t0 = performance.now();
      const clone = document.cloneNode(true);
      const start = performance.now();
      new window.R(clone).parse();
      return { elements, clone: start - t0, ms: performance.now() - start };
    });
    console.log(`${String(out.elements).padStart(6)} elements  clone ${out.clone.toFixed(0).padStart(4)} ms, Readability in Chromium ${out.ms.toFixed(0).padStart(6)} ms`);
  }
} finally {
  await browser.close();
}

#!/usr/bin/env node
// node scripts/epubcheck.mjs [--keep DIR]
// Builds sample EPUBs with Lectern's exporter from fixture articles (the extraction fixture pages,
// the backup fixture, a hostile article and one with duplicate ids) and runs the real epubcheck on each. Exits non-zero
// on any epubcheck error (CI runs this). Needs Java and Debian's epubcheck (EPUBCHECK=path to override).
import { execFile } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { JSDOM, VirtualConsole } from 'jsdom';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EPUBCHECK = process.env.EPUBCHECK ?? '/usr/bin/epubcheck';
const { values } = parseArgs({ options: { keep: { type: 'string' } } });

// The exporter needs a DOM (it runs in extension pages): give it jsdom's, as the unit tests do.
const { window } = new JSDOM('<!DOCTYPE html>', { url: 'https://lectern.invalid/' });
Object.assign(globalThis, { window, document: window.document, DOMParser: window.DOMParser, XMLSerializer: window.XMLSerializer, Node: window.Node });

/** Bundles the TypeScript sources that the sample needs into one ES module and imports it. */
async function loadModules(dir) {
  const outfile = path.join(dir, 'modules.mjs');
  await build({
    stdin: {
      contents: "export { buildEpub } from './src/export/epub'; export { extractArticle } from './src/extract/extract'; " +
        "export { HOSTILE_CASES } from './tests/fixtures/hostile/cases'; export { DUPLICATE_IDS_HTML } from './tests/fixtures/export/duplicate-ids';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

async function fixtureArticles(extractArticle) {
  const pages = path.join(ROOT, 'tests/fixtures/pages');
  const articles = [];
  for (const slug of (await readdir(pages)).sort()) {
    const source = path.join(pages, slug, 'source.html');
    if (!existsSync(source)) continue;
    const expected = JSON.parse(await readFile(path.join(pages, slug, 'expected.json'), 'utf8'));
    const url = expected.url ?? `https://fixtures.example/${slug}.html`;
    const doc = new JSDOM(await readFile(source, 'utf8'), { url, virtualConsole: new VirtualConsole() }).window.document;
    const result = extractArticle(doc, url);
    if (result.ok) articles.push(result.article);
  }
  const backup = path.join(ROOT, 'tests/fixtures/import/lectern-backup.json');
  if (existsSync(backup)) articles.push(...JSON.parse(await readFile(backup, 'utf8')).articles);
  articles.push(hostileArticle());
  return articles;
}

function hostileArticle() {
  return {
    url: 'https://hostile.example/post?a=1&b=<2>', title: '<script>alert(1)</script> & "quotes" \u0001\u0007 ]]>',
    byline: 'Eve <eve@example.com>', siteName: 'Hostile & Co', lang: 'en_US', dir: 'ltr', publishedTime: null,
    excerpt: null, leadImage: null, wordCount: 10, readingMinutes: 1, text: '',
    content: '<p>Text<script>x()</script><img src="https://img.example/a.svg" onerror="x()"></p><svg><use href="#x"/></svg>' +
      '<h2><div><p>block in heading</p><ul><li>x</li></ul></div></h2><li>orphan</li><dd>orphan</dd>' +
      '<table><tr><td colspan="0" rowspan="x" width="50%" headers="h">c</td></tr></table>' +
      '<figure><figcaption>a</figcaption><img src="https://img.example/a.png" alt="a"><figcaption>b</figcaption></figure>' +
      '<video src="https://v.example/a.mp4"></video><picture><source srcset="https://img.example/a.webp"><img src="https://img.example/a.png" alt="p"></picture>' +
      '<p lang="!!" dir="sideways">odd attributes</p><time datetime="yesterday">then</time><a href="https://x.example"><img src="https://img.example/a.png" alt="in link"></a>',
  };
}

// A 1×1 PNG: stands in for an offline copy of one image so the book carries an image resource.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const image = (url) => (url === 'https://img.example/a.png' ? { bytes: new Uint8Array(PNG), mediaType: 'image/png' } : undefined);

function epubcheckCommand(file) {
  // Debian installs the jar itself as /usr/bin/epubcheck: without binfmt support for jars it must go through java.
  const fd = openSync(EPUBCHECK, 'r');
  const magic = Buffer.alloc(2);
  readSync(fd, magic, 0, 2, 0);
  closeSync(fd);
  return magic.toString() === 'PK' ? ['java', ['-jar', EPUBCHECK, file]] : [EPUBCHECK, [file]];
}

function runEpubcheck(file) {
  const [cmd, args] = epubcheckCommand(file);
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 16 << 20 }, (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}` }));
  });
}

const dir = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(os.tmpdir(), 'lectern-epubcheck-'));
await mkdir(dir, { recursive: true });
let failed = 0;
try {
  const { buildEpub, extractArticle, HOSTILE_CASES, DUPLICATE_IDS_HTML } = await loadModules(dir);
  const articles = await fixtureArticles(extractArticle);
  // The sanitizer's hostile corpus, all in one chapter: what survives sanitizing must still be valid EPUB.
  articles.push({ ...hostileArticle(), title: 'Hostile corpus', content: HOSTILE_CASES.map((c) => c.html).join('\n') });
  // Pages repeat ids and put spaces in them; XML ids may do neither (and fragment links must follow).
  articles.push({ ...hostileArticle(), title: 'Duplicate ids', content: DUPLICATE_IDS_HTML });
  const books = {
    'library.epub': await buildEpub(articles, { title: 'Lectern sample library', image }),
    // One single-article book too (its package differs: author, source, no nav in the spine). Each
    // epubcheck run starts a JVM (~15 s here), so the library book carries all the fixtures at once.
    'single.epub': await buildEpub([articles.find((a) => a.dir === 'rtl') ?? articles[0]], { image }),
  };
  for (const [name, bytes] of Object.entries(books)) {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    const { ok, output } = await runEpubcheck(file);
    const problems = output.split('\n').filter((line) => /^(ERROR|FATAL|WARNING)/.test(line));
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${bytes.length} bytes)${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    if (!ok) failed++;
  }
  console.log(`epubcheck: ${Object.keys(books).length - failed} passed, ${failed} failed`);
} finally {
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

// Builds Lectern for Chrome and Firefox from one source and one manifest.json.
//   node build.mjs            dist/chrome, dist/firefox and dist/node/extract.mjs
//   node build.mjs --e2e      dist/chrome-e2e, dist/firefox-e2e (host access to localhost for tests)
//   node build.mjs --package  the release builds, zipped into dist/lectern-<browser>-<version>.zip
//   node build.mjs --node     only dist/node/extract.mjs
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import { zipSync } from 'fflate';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
const args = new Set(process.argv.slice(2));

/** Extension entry points: output path (without .js) → source. One folder per extension context. */
const ENTRY_POINTS = {
  'background/background': 'src/background/background.ts',
  'content/extract-page': 'src/content/extract-page.ts',
  'reader/main': 'src/reader/main.tsx',
  'welcome/main': 'src/welcome/main.tsx',
  'options/main': 'src/options/main.tsx',
  // Chrome only: a page with a DOM where the service worker extracts pages fetched for an import.
  'offscreen/main': 'src/offscreen/offscreen.ts',
};
/**
 * Pages built as ES modules split into chunks (loaded by `<script type="module">`): the popup's first paint
 * needs only the library list; the reader view (with the sanitizer) and the search engine load on demand.
 * Content scripts and the service worker stay single IIFE files.
 */
const SPLIT_ENTRY_POINTS = {
  'popup/main': 'src/popup/main.tsx',
};
/**
 * Extension pages, written at the top level so their addresses stay stable (`reader.html?tab=…`). They
 * differ only in their script: each page's UI is rendered by its own entry point into #app.
 */
const PAGES = ['popup', 'reader', 'welcome', 'options', 'offscreen'];

/** The HTML of an extension page; the offscreen document has no UI, only its script. */
function pageHtml(page) {
  const moduleScript = `${page}/main` in SPLIT_ENTRY_POINTS;
  const ui = page !== 'offscreen';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Lectern</title>
${ui ? `    <link rel="stylesheet" href="${page}/main.css" />\n` : ''}  </head>
  <body>
${ui ? '    <div id="app"></div>\n' : ''}    <script ${moduleScript ? 'type="module" ' : ''}src="${page}/main.js"></script>
  </body>
</html>
`;
}

/** OpenDyslexic (SIL OFL 1.1) for the reader's dyslexia-friendly font, bundled because the CSP allows only our own fonts. */
const FONT_DIR = 'node_modules/@fontsource/opendyslexic';
const FONT_FILES = ['400-normal', '700-normal', '400-italic'].map((w) => `files/opendyslexic-latin-${w}.woff2`);

// Lectern collects nothing: declared so Firefox shows it at install (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/).
const GECKO = { id: 'lectern@lectern.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } };
const E2E_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];
/**
 * The one loopback origin an e2e build's import may fetch (imports refuse non-public hosts): the e2e
 * specs serve import pages there (tests/e2e/fixtures.mjs IMPORT_ORIGIN). Release builds allow none.
 */
const E2E_FETCH_ORIGINS = ['http://127.0.0.1:47631'];

/** The one manifest, patched for a browser in code. */
function manifestFor(base, browserName, { e2e }) {
  const manifest = structuredClone(base);
  if (browserName === 'firefox') {
    // Firefox MV3 runs the background as an event page, not a service worker.
    manifest.background = { scripts: [base.background.service_worker] };
    // data_collection_permissions arrived in Firefox for Android 142.
    manifest.browser_specific_settings = { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } };
    // Firefox has no offscreen API (its background page has a DOM): the permission would only warn.
    manifest.permissions = manifest.permissions.filter((p) => p !== 'offscreen');
  }
  if (e2e) manifest.host_permissions = [...(manifest.host_permissions ?? []), ...E2E_HOSTS];
  return manifest;
}

async function bundleExtension(outdir, minify, e2e) {
  const common = {
    outdir,
    bundle: true,
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify,
    sourcemap: minify ? false : 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    external: ['/fonts/*'], // copied as files, addressed from the extension's root
    define: {
      'process.env.NODE_ENV': minify ? '"production"' : '"development"',
      LECTERN_TEST_FETCH_ORIGINS: JSON.stringify(e2e ? E2E_FETCH_ORIGINS : []),
    },
  };
  await build({ ...common, entryPoints: ENTRY_POINTS, format: 'iife' });
  await build({ ...common, entryPoints: SPLIT_ENTRY_POINTS, format: 'esm', splitting: true, chunkNames: 'popup/chunks/[name]-[hash]' });
}

async function copyFonts(dir) {
  await mkdir(dir, { recursive: true });
  for (const file of FONT_FILES) await cp(path.join(root, FONT_DIR, file), path.join(dir, path.basename(file)));
  await cp(path.join(root, FONT_DIR, 'LICENSE'), path.join(dir, 'OpenDyslexic-LICENSE.txt'));
}

async function writeExtension(browserName, { e2e = false } = {}) {
  const outdir = path.join(root, 'dist', e2e ? `${browserName}-e2e` : browserName);
  await rm(outdir, { recursive: true, force: true });
  // Benchmarks measure what users run: `--e2e --minify` gives e2e host access with the release bundle.
  await bundleExtension(outdir, !e2e || args.has('--minify'), e2e);
  const base = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  await writeFile(path.join(outdir, 'manifest.json'), JSON.stringify(manifestFor(base, browserName, { e2e }), null, 2));
  for (const page of PAGES) await writeFile(path.join(outdir, `${page}.html`), pageHtml(page));
  await copyFonts(path.join(outdir, 'fonts'));
  await cp(path.join(root, 'icons'), path.join(outdir, 'icons'), { recursive: true });
  await cp(path.join(root, 'src/_locales'), path.join(outdir, '_locales'), { recursive: true });
  return outdir;
}

/** The extraction pipeline for Node (benchmarks, the `extract` command): same code, jsdom for the DOM. */
async function writeNodeModule() {
  await build({
    entryPoints: { extract: 'src/node/extract.ts', import: 'src/node/import.ts' },
    outdir: path.join(root, 'dist/node'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external', // jsdom and friends come from node_modules at run time
    logLevel: 'warning',
  });
}

/** Zip a built extension for the stores (no source maps in release builds, so everything goes in). */
async function zip(dir, file) {
  const entries = {};
  for (const name of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue;
    const full = path.join(name.parentPath, name.name);
    entries[path.relative(dir, full)] = new Uint8Array(await readFile(full));
  }
  await writeFile(file, zipSync(entries, { level: 9, mtime: new Date('2026-01-01') }));
}

await mkdir(path.join(root, 'dist'), { recursive: true });
if (args.has('--node')) {
  await writeNodeModule();
} else if (args.has('--e2e')) {
  await Promise.all([writeExtension('chrome', { e2e: true }), writeExtension('firefox', { e2e: true })]);
} else {
  const [chrome, firefox] = await Promise.all([writeExtension('chrome'), writeExtension('firefox'), writeNodeModule()]);
  if (args.has('--package')) {
    const { version } = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
    await zip(chrome, path.join(root, `dist/lectern-chrome-${version}.zip`));
    await zip(firefox, path.join(root, `dist/lectern-firefox-${version}.zip`));
    console.log(`dist/lectern-chrome-${version}.zip, dist/lectern-firefox-${version}.zip`);
  }
}

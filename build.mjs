// Builds Lectern for Chrome and Firefox from one source and one manifest.json. `node build.mjs --help` lists
// the flags; scripts/run-browser.mjs (`npm start`) imports watchExtension() from here.
import { build, context } from 'esbuild';
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBudgets } from './scripts/bundle-budgets.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

const USAGE = `Usage: node build.mjs [flags]

  (no flag)   release builds: dist/chrome/, dist/firefox/ and dist/node/extract.mjs; fails when an
              entry point is over its size budget (scripts/bundle-budgets.mjs)
  --package   the release builds, also zipped into dist/lectern-<browser>-<version>.zip
  --e2e       dist/chrome-e2e/, dist/firefox-e2e/ (host access to localhost, for the end-to-end tests)
  --minify    with --e2e: minified, as released (for benchmarks)
  --node      only dist/node/extract.mjs (the extraction pipeline for Node)
  --analyze   with a release build: print what each entry point is made of (esbuild's metafile)
  --help      this text
`;
const FLAGS = new Set(['--package', '--e2e', '--minify', '--node', '--analyze', '--help']);

/** Extension entry points: output path (without .js) → source. One folder per extension context. */
const ENTRY_POINTS = {
  'background/background': 'src/background/background.ts',
  'content/extract-page': 'src/content/extract-page.ts',
  'reader/main': 'src/reader/main.tsx',
  'welcome/main': 'src/welcome/main.tsx',
  // popup.html's first, classic script: starts the list's first storage read before the modules load.
  'popup/head-ahead': 'src/popup/head-ahead.ts',
};
/** Chrome only: a page with a DOM where the service worker extracts pages fetched for an import. */
const CHROME_ENTRY_POINTS = {
  'offscreen/main': 'src/offscreen/offscreen.ts',
};
/**
 * Pages built as ES modules split into chunks (loaded by `<script type="module">`): the popup's first paint
 * needs only the library list; the reader view (with the sanitizer) and the search engine load on demand.
 * The options page loads the import and backup code when a file is chosen. Content scripts and the
 * service worker stay single IIFE files.
 */
const SPLIT_ENTRY_POINTS = {
  'popup/main': 'src/popup/main.tsx',
  'options/main': 'src/options/main.tsx',
};
/**
 * Extension pages, written at the top level so their addresses stay stable (`reader.html?tab=…`). They
 * differ only in their script: each page's UI is rendered by its own entry point into #app.
 */
const PAGES = ['popup', 'reader', 'welcome', 'options'];
const CHROME_PAGES = ['offscreen'];

/**
 * The HTML of an extension page; the offscreen document has no UI, only its script. `preloads`: the
 * chunks a module page imports statically, fetched at once with its entry (`modulepreload`) instead of
 * after it has been fetched and parsed. The popup first runs head-ahead.js (a classic script before the
 * stylesheet, which would hold it back), which starts reading the list's first rows.
 */
function pageHtml(page, preloads = []) {
  const moduleScript = `${page}/main` in SPLIT_ENTRY_POINTS;
  const ui = page !== 'offscreen';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Lectern</title>
${`${page}/head-ahead` in ENTRY_POINTS ? `    <script src="${page}/head-ahead.js"></script>\n` : ''}${
  preloads.map((file) => `    <link rel="modulepreload" href="${file}" />\n`).join('')}${
  ui ? `    <link rel="stylesheet" href="${page}/main.css" />\n` : ''}  </head>
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
 * specs serve import pages there (tests/e2e/fixtures.mjs IMPORT_PORT). Release builds allow none.
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
    // webRequest lets Chrome's worker see where its own redirects go (src/background/redirect-watch.ts);
    // Firefox applies the import's host guard to its background instead, so it does not ask for it.
    manifest.optional_permissions = manifest.optional_permissions.filter((p) => p !== 'webRequest');
    if (!manifest.optional_permissions.length) delete manifest.optional_permissions;
  }
  if (e2e) manifest.host_permissions = [...(manifest.host_permissions ?? []), ...E2E_HOSTS];
  return manifest;
}

/**
 * `import browser from 'webextension-polyfill'` hands over the polyfill's export as it is. esbuild wraps an
 * ES import of a CommonJS module in `__toESM`, which copies every property of the export; where the browser
 * has its own `browser` object (Firefox; Chromium 156 too) the polyfill exports that object, and reading each
 * property's descriptor sets up every extension API's bindings in the page: 1.3–8.5 ms per page opened in
 * Chromium 156, measured before the popup's first paint. The default import is that same object either way.
 */
const polyfillAsIs = {
  name: 'polyfill-as-is',
  setup(b) {
    b.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: 'webextension-polyfill', namespace: 'polyfill-as-is' }));
    b.onLoad({ filter: /.*/, namespace: 'polyfill-as-is' }, () => ({
      contents: "export default require('webextension-polyfill/dist/browser-polyfill.js');",
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/**
 * The esbuild options of one browser's bundles: [IIFE entries, split ES-module entries]. `__FIREFOX__` is
 * set per browser, so a branch only the other browser runs drops out with everything it imports (Chrome's
 * worker hands extraction to the offscreen document and carries no extractor; see background/extract-html.ts).
 */
function bundleOptions(browserName, outdir, { minify, dev = false, e2e = false }) {
  const common = {
    outdir,
    bundle: true,
    target: browserName === 'firefox' ? ['firefox128'] : ['chrome120'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify,
    // Release builds keep their maps out of the extension (dist/<browser>-sourcemaps/, for reading lint and
    // error positions); development and test builds link them.
    sourcemap: minify && !dev ? 'external' : 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
    plugins: [polyfillAsIs],
    external: ['/fonts/*'], // copied as files, addressed from the extension's root
    define: {
      'process.env.NODE_ENV': minify ? '"production"' : '"development"',
      __FIREFOX__: String(browserName === 'firefox'),
      LECTERN_TEST_FETCH_ORIGINS: JSON.stringify(e2e ? E2E_FETCH_ORIGINS : []),
    },
  };
  const iife = { ...ENTRY_POINTS, ...(browserName === 'chrome' ? CHROME_ENTRY_POINTS : {}) };
  // One build per split page, so that a page's chunks hold only its own code (shared chunks between the popup
  // and the options page would make each load code only the other needs).
  const split = Object.entries(SPLIT_ENTRY_POINTS).map(([out, src]) => ({
    ...common,
    entryPoints: { [out]: src },
    format: 'esm',
    splitting: true,
    chunkNames: `${path.dirname(out)}/chunks/[name]-[hash]`,
  }));
  return [{ ...common, entryPoints: iife, format: 'iife' }, ...split];
}

async function copyFonts(dir) {
  await mkdir(dir, { recursive: true });
  for (const file of FONT_FILES) await cp(path.join(root, FONT_DIR, file), path.join(dir, path.basename(file)));
  await cp(path.join(root, FONT_DIR, 'LICENSE'), path.join(dir, 'OpenDyslexic-LICENSE.txt'));
}

/**
 * The chunks a split page's entry imports statically, transitively, as addresses from the extension's
 * root (from esbuild's metafiles; none without them: the development build writes its pages first).
 */
function staticChunks(page, outdir, metafiles = []) {
  const outputs = Object.assign({}, ...metafiles.map((m) => m.outputs));
  const rel = (file) => path.relative(outdir, path.resolve(root, file)).split(path.sep).join('/');
  const entry = Object.keys(outputs).find((file) => rel(file) === `${page}/main.js`);
  const seen = new Set();
  const visit = (file) => {
    for (const imp of outputs[file]?.imports ?? []) {
      if (imp.kind !== 'import-statement' || imp.external || seen.has(imp.path)) continue;
      seen.add(imp.path);
      visit(imp.path);
    }
  };
  if (entry) visit(entry);
  return [...seen].map(rel).sort();
}

/** Everything but the bundles: manifest, pages, fonts, icons, messages. */
async function writeStaticFiles(browserName, outdir, { e2e, metafiles }) {
  const base = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  await writeFile(path.join(outdir, 'manifest.json'), JSON.stringify(manifestFor(base, browserName, { e2e }), null, 2));
  const pages = [...PAGES, ...(browserName === 'chrome' ? CHROME_PAGES : [])];
  for (const page of pages) await writeFile(path.join(outdir, `${page}.html`), pageHtml(page, staticChunks(page, outdir, metafiles)));
  await copyFonts(path.join(outdir, 'fonts'));
  await cp(path.join(root, 'icons'), path.join(outdir, 'icons'), { recursive: true });
  await cp(path.join(root, 'src/_locales'), path.join(outdir, '_locales'), { recursive: true });
}

/** Move a release build's external source maps out of the extension folder. */
async function moveSourceMaps(outdir) {
  const mapsDir = `${outdir}-sourcemaps`;
  await rm(mapsDir, { recursive: true, force: true });
  for (const file of await listFiles(outdir)) {
    if (!file.endsWith('.map')) continue;
    await mkdir(path.dirname(path.join(mapsDir, file)), { recursive: true });
    await rename(path.join(outdir, file), path.join(mapsDir, file));
  }
}

/** Build one browser's extension into dist/; returns its folder and esbuild's metafiles. */
async function writeExtension(browserName, { e2e = false, minify = !e2e } = {}) {
  const outdir = path.join(root, 'dist', e2e ? `${browserName}-e2e` : browserName);
  await rm(outdir, { recursive: true, force: true });
  const results = await Promise.all(bundleOptions(browserName, outdir, { minify, e2e }).map((options) => build(options)));
  if (minify && !e2e) await moveSourceMaps(outdir);
  const metafiles = results.map((r) => r.metafile);
  await writeStaticFiles(browserName, outdir, { e2e, metafiles });
  return { browserName, outdir, metafiles };
}

/**
 * Development build that rebuilds on every change (esbuild's watch), for `npm start`: unminified, source
 * maps linked, into dist/dev-<browser>/. Resolves once the first build is written; `onRebuilt` runs after
 * each later rebuild, once per burst of changes and only when every bundle built. Returns `stop()`.
 */
export async function watchExtension(browserName, { onRebuilt = () => {}, log = console.log } = {}) {
  const outdir = path.join(root, 'dist', `dev-${browserName}`);
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await writeStaticFiles(browserName, outdir, { e2e: false });
  let building = 0;
  let failed = false;
  let settle;
  let firstBuilds = 0;
  let firstDone;
  const firstBuild = new Promise((resolve) => (firstDone = resolve));
  const announce = {
    name: 'announce-rebuild',
    setup(b) {
      let seen = false;
      b.onStart(() => {
        building++;
        clearTimeout(settle);
      });
      b.onEnd((result) => {
        building--;
        failed ||= result.errors.length > 0;
        // watch() builds each context once at the start: that is the first build, not a change.
        if (!seen) {
          seen = true;
          if (++firstBuilds === contexts.length) firstDone();
          return;
        }
        // One change wakes every context: wait until all are done, then reload the extension once.
        settle = setTimeout(() => {
          if (building > 0) return;
          if (failed) log('build: errors above; the browser keeps the last good build');
          else onRebuilt();
          failed = false;
        }, 100);
      });
    },
  };
  const contexts = await Promise.all(
    bundleOptions(browserName, outdir, { minify: false, dev: true }).map((options) => context({ ...options, plugins: [...options.plugins, announce] })),
  );
  await Promise.all(contexts.map((c) => c.watch()));
  await firstBuild;
  if (failed) {
    await Promise.all(contexts.map((c) => c.dispose()));
    throw new Error('the first build failed (errors above)');
  }
  return {
    outdir,
    async stop() {
      clearTimeout(settle);
      await Promise.all(contexts.map((c) => c.dispose()));
    },
  };
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

/** Every file under `dir`, as sorted relative paths with forward slashes (zip entries, source-map moves). */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Zip a built extension for the stores, entries in sorted order so the same build gives the same zip. */
async function zip(dir, file) {
  const entries = {};
  for (const name of await listFiles(dir)) entries[name] = new Uint8Array(await readFile(path.join(dir, name)));
  await writeFile(file, zipSync(entries, { level: 9, mtime: new Date('2026-01-01') }));
}

/** esbuild's own account of what each entry point is made of (`--analyze`). */
async function printAnalysis({ browserName, metafiles }) {
  const { analyzeMetafile } = await import('esbuild');
  for (const metafile of metafiles) console.log(`\n${browserName}:${await analyzeMetafile(metafile)}`);
}

async function main(argv) {
  const unknown = argv.filter((a) => !FLAGS.has(a));
  if (unknown.length > 0) {
    console.error(`build.mjs: unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const args = new Set(argv);
  if (args.has('--help')) {
    console.log(USAGE);
    return 0;
  }
  await mkdir(path.join(root, 'dist'), { recursive: true });
  if (args.has('--node')) {
    await writeNodeModule();
    return 0;
  }
  if (args.has('--e2e')) {
    // Benchmarks measure what users run: `--e2e --minify` gives e2e host access with the release bundle.
    const minify = args.has('--minify');
    await Promise.all([writeExtension('chrome', { e2e: true, minify }), writeExtension('firefox', { e2e: true, minify })]);
    return 0;
  }
  const [chrome, firefox] = await Promise.all([writeExtension('chrome'), writeExtension('firefox'), writeNodeModule()]);
  if (args.has('--analyze')) for (const built of [chrome, firefox]) await printAnalysis(built);
  const overBudget = await checkBudgets([chrome, firefox], { root });
  if (overBudget) return 1;
  if (args.has('--package')) {
    const { version } = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
    await zip(chrome.outdir, path.join(root, `dist/lectern-chrome-${version}.zip`));
    await zip(firefox.outdir, path.join(root, `dist/lectern-firefox-${version}.zip`));
    console.log(`dist/lectern-chrome-${version}.zip, dist/lectern-firefox-${version}.zip`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}

// Size budgets of the release bundles, checked by every `npm run build` (and so in CI): a build whose
// entry point grew past its budget fails, and says by how much. Raise a budget in the same commit that
// explains why the bytes are worth it; the measured sizes are in BENCHMARKS.md, "Bundle sizes".
import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Bytes per entry point and browser, minified. An entry's size is what opening it loads: its own file
 * plus the chunks it imports statically (the lazily imported ones count under "lazy chunks").
 */
const BUDGETS = {
  // + the on-disk search writer, the streamed restore, the import runner's host guard (2026-11-30 merges)
  // + the resumable search index rebuild (checkpoint, bucket-at-a-time writes, catch-up): +1.5 kB
  // + sync (#13): WebDAV client, AES-GCM/PBKDF2, per-field merge, journal run loop, change tracking (~23 kB)
  // + sync snapshots/compaction/tombstone expiry, Chrome's redirect watch (webRequest), the search
  //   vocabulary and per-batch restore indexing (2026-12-01 merges): 87,292 → 95,827 / 158,047 → 166,582
  // + the held index of a restore, 256 list pages and their 5→6 migration, search index format 4 (phrase
  //   signatures, query cache), Firefox's rebuild keep-awake alarm, the import's host guard and
  //   permission ownership (2026-12-01 merges): 95,827 → 100,108 / 166,582 → 170,872
  // + a write refused without a reason tried once more (Firefox's full disk), the character scanner that
  //   reads search words (2.5x faster indexing in Firefox): 102,781 → 103,182 / 173,548 → 173,949
  //   (2026-12-01, stop 19; 1 kB of room again on each)
  'background/background.js': { chrome: 104_000, firefox: 175_000 }, // Firefox's event page extracts itself
  'content/extract-page.js': { chrome: 75_000, firefox: 75_000 },
  'offscreen/main.js': { chrome: 85_000 },
  // + highlights: UI, anchoring, approx-string-match (~12 kB); + the saved reader's web-image policy and notice
  'reader/main.js': { chrome: 155_000, firefox: 155_000 },
  'welcome/main.js': { chrome: 27_000, firefox: 27_000 },
  // The export code is loaded when an export button is pressed (src/library/export-actions.ts): 129 → 74 kB
  // + the search cache and stale-query cancel, the head-ahead handover: 78,030 → 79,805
  // The search code (engine, index checks, snippets, with the record reader and fflate) loads after the
  // list's first paint (src/library/search-engine.ts): 80,513 -> 54,208 (list-paint, 2026-12-01)
  'popup/main.js': { chrome: 57_000, firefox: 57_000 },
  // The popup's first script: starts reading the list's first rows before its modules load (~0.4 kB)
  'popup/head-ahead.js': { chrome: 1_000, firefox: 1_000 },
  // + streamed ZIP backup and restore with progress (fflate zip/unzip), the web-images setting, the
  // highlights-only export; the import parsers and the extractor stay lazy (import-file.ts)
  // + the Sync section (form, address checks, live status line, permission request): ~7 kB, shown at open
  // + the import's permission ownership (asks only what it needs, releases it), the restore's stepped
  //   progress: 99,649 → 102,115
  // + the character scanner for search words (the restore's excerpts and checks share search-options.ts):
  //   104,784 → 104,960 (2026-12-01, stop 19; 1 kB of room again)
  'options/main.js': { chrome: 106_000, firefox: 106_000 }, // export code lazy too: 134 → 84 kB
  // + the highlighter in the popup's reader, highlights-only export, parsers for 15 more import formats
  // + the export code, now lazy in the popup and in the options page (each build has its own copy, ~51 kB)
  // + the popup's search code, moved out of its first paint (~26 kB): 275,707 -> 302,625 (list-paint)
  'lazy chunks': { chrome: 305_000, firefox: 305_000 },
  css: { chrome: 31_000, firefox: 31_000 }, // + highlights.css (3.1 kB) in the reader and popup styles
};

/** Sizes of one browser's build, keyed like BUDGETS, from esbuild's metafiles. */
async function measure({ outdir, metafiles }, { root }) {
  const outputs = Object.assign({}, ...metafiles.map((m) => m.outputs));
  const rel = (file) => path.relative(outdir, path.resolve(root, file)).split(path.sep).join('/');
  const sizes = { 'lazy chunks': 0, css: 0 };
  const eager = new Set();
  for (const [file, output] of Object.entries(outputs)) {
    // Lazily imported modules are entry points to esbuild too; they live in <page>/chunks/.
    if (!output.entryPoint || !file.endsWith('.js') || rel(file).includes('/chunks/')) continue;
    const statics = staticClosure(file, outputs);
    statics.forEach((f) => eager.add(f));
    sizes[rel(file)] = [...statics].reduce((sum, f) => sum + outputs[f].bytes, 0);
  }
  for (const [file, output] of Object.entries(outputs)) {
    if (file.endsWith('.css')) sizes.css += output.bytes;
    else if (file.endsWith('.js') && !eager.has(file)) sizes['lazy chunks'] += output.bytes;
  }
  // Files on disk are what ships; the metafile's numbers are checked against them once, here.
  for (const [file, output] of Object.entries(outputs)) {
    if (file.endsWith('.map')) continue;
    const { size } = await stat(path.resolve(root, file));
    if (size !== output.bytes) throw new Error(`bundle-budgets: ${file} is ${size} bytes on disk, esbuild said ${output.bytes}`);
  }
  return sizes;
}

/** An output file and every chunk it imports statically, transitively. */
function staticClosure(file, outputs, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imp of outputs[file]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) staticClosure(imp.path, outputs, seen);
  return seen;
}

/** Print a table of sizes against budgets; true when something is over (or has no budget). */
export async function checkBudgets(builds, { root, print = console.log } = {}) {
  let over = false;
  const lines = [];
  for (const built of builds) {
    const sizes = await measure(built, { root });
    for (const [entry, bytes] of Object.entries(sizes)) {
      const budget = BUDGETS[entry]?.[built.browserName];
      const verdict = budget === undefined ? 'NO BUDGET' : bytes > budget ? `OVER by ${bytes - budget}` : 'ok';
      if (verdict !== 'ok') over = true;
      lines.push(`${built.browserName.padEnd(8)} ${entry.padEnd(26)} ${String(bytes).padStart(8)} / ${String(budget ?? '-').padStart(8)}  ${verdict}`);
    }
  }
  print(`Bundle sizes (bytes, minified) / budget (scripts/bundle-budgets.mjs):\n${lines.join('\n')}`);
  if (over) print('A bundle is over its budget or has none: make it smaller, or raise the budget in scripts/bundle-budgets.mjs and say why.');
  return over;
}

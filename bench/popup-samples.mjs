// node bench/popup-samples.mjs: where the popup's JavaScript time goes before its first paint. Opens
// popup.html#library RUNS times (after one unmeasured open, which compiles without a code cache) with V8's
// sampling profiler in a Chromium trace, keeps the samples of the page's main thread taken before the
// `lectern:list-painted` mark, and prints the time per script file and per function (self and total, mean
// per open). "(program)" is the browser's own work (parsing, style, layout), not JavaScript. DIST and
// PROFILE as in bench/popup-trace.mjs. BENCHMARKS.md, "List paint: fewer modules before the first paint".
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';

const { DIST, PROFILE } = process.env;
const RUNS = Number(process.env.RUNS ?? 8);
const MARK = 'lectern:list-painted';
const copy = mkdtempSync(join(tmpdir(), 'lp-samples-'));
cpSync(PROFILE, copy, { recursive: true, filter: (s) => !/Singleton|lock$|\.parentlock$/.test(s) });
const s = await launch('chromium', DIST, { userDataDir: copy, timeout: 600000 });
const self = new Map();
const total = new Map();
const byFile = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
const fileOf = (node) => String(node.callFrame.url).split('/').pop();
const nameOf = (node) => `${node.callFrame.functionName || '(anonymous)'} ${fileOf(node)}:${node.callFrame.columnNumber}`;

/** Add one trace's samples before the mark to the tables. */
function tally(events) {
  const mark = events.find((e) => e.name === MARK && e.cat.includes('user_timing'));
  // The page's main thread only: the extension's service worker runs in the same process.
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain')?.tid;
  const nodes = new Map();
  for (const profile of events.filter((e) => e.pid === mark.pid && e.tid === main && e.name === 'Profile')) {
    let at = profile.args.data.startTime;
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === profile.pid).sort((a, b) => a.ts - b.ts);
    for (const chunk of chunks) {
      const { cpuProfile = {}, timeDeltas = [] } = chunk.args.data;
      for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
      (cpuProfile.samples ?? []).forEach((id, i) => {
        at += timeDeltas[i];
        const node = nodes.get(id);
        if (at > mark.ts || !node || node.callFrame.functionName === '(idle)') return;
        const ms = Math.max(0, timeDeltas[i + 1] ?? 0) / 1000;
        add(self, nameOf(node), ms);
        add(byFile, fileOf(node) || nameOf(node), ms);
        // Each function once per sample, however often it recurs on the stack.
        const names = new Set();
        for (let n = node; n; n = nodes.get(n.parent)) names.add(nameOf(n));
        for (const name of names) add(total, name, ms);
      });
    }
  }
}

try {
  for (let run = 0; run <= RUNS; run++) {
    const page = await s.browser.newPage();
    await page.tracing.start({ categories: ['blink.user_timing', 'disabled-by-default-v8.cpu_profiler'] });
    await page.goto(`${s.extensionOrigin}/popup.html#library`, { waitUntil: 'load' });
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, { timeout: 60000 }, MARK);
    const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString());
    await page.close();
    if (run > 0) tally(trace.traceEvents);
  }
} finally {
  await s.close();
  rmSync(copy, { recursive: true, force: true });
}
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${(ms / RUNS).toFixed(2).padStart(7)}  ${k}`).join('\n');
console.log(`ms per open before ${MARK}, ${RUNS} opens\n--- by file (self)\n${top(byFile, 15)}\n--- self\n${top(self, 30)}\n--- total\n${top(total, 30)}`);

// node bench/popup-trace.mjs: main-thread CPU time of an extension page until its paint mark, from a Chromium trace
// (sum of the renderer main thread's RunTask thread durations from navigation to the mark), blank page vs the
// popup opened on the library, RUNS opens each. DIST: the built extension (with the bench's manifest key, see
// bench/library.mjs); PROFILE: a seeded profile (PROFILE_CACHE/<browser>-<size>/profile), measured as a copy.
// CPU time, unlike wall time, hardly depends on the machine's load. BENCHMARKS.md, "Search on disk".
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
const DIST = process.env.DIST; const PROFILE = process.env.PROFILE; const RUNS = Number(process.env.RUNS ?? 5);
const copy = mkdtempSync(join(tmpdir(), 'lb-probe-'));
cpSync(PROFILE, copy, { recursive: true, filter: (s) => !/Singleton|lock$|\.parentlock$/.test(s) });
const s = await launch('chromium', DIST, { userDataDir: copy, timeout: 600000 });
const med = (xs) => { const a = xs.filter((x) => x != null).sort((x, y) => x - y); return a.length ? Math.round(a[Math.floor((a.length - 1) / 2)] * 10) / 10 : null; };
async function traced(path, mark) {
  const p = await s.browser.newPage();
  await p.tracing.start({ categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  await p.goto(`${s.extensionOrigin}/${path}`, { waitUntil: 'load' });
  await p.waitForFunction((m) => performance.getEntriesByName(m).length > 0, { timeout: 60000 }, mark);
  const wall = await p.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark);
  const trace = JSON.parse(Buffer.from(await p.tracing.stop()).toString());
  await p.close();
  const ev = trace.traceEvents;
  const m = ev.find((e) => e.name === mark && e.cat.includes('user_timing'));
  if (!m) return { wall, cpu: null };
  const nav = ev.filter((e) => e.pid === m.pid && e.name === 'navigationStart').map((e) => e.ts).sort((a, b) => b - a).find((ts) => ts < m.ts) ?? null;
  const main = ev.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === m.pid && e.args?.name === 'CrRendererMain')?.tid;
  const top = ev.filter((e) => e.pid === m.pid && e.tid === main && e.ph === 'X' && e.name === 'RunTask' && (nav === null || e.ts >= nav - 1000) && e.ts < m.ts);
  const cpu = top.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  const byName = {};
  for (const e of ev) if (e.pid === m.pid && e.tid === main && e.ph === 'X' && e.name !== 'RunTask' && e.ts >= (nav ?? 0) - 1000 && e.ts < m.ts) byName[e.name] = (byName[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  return { wall, cpu, tasks: top.length, byName, first: nav === null ? null : Math.round((top[0]?.ts - nav) / 1000) };
}
const rows = { blank: [], popup: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    rows.blank.push(await traced('bench-blank.html', 'blank-painted'));
    rows.popup.push(await traced('popup.html#library', 'lectern:list-painted'));
  }
} finally { await s.close(); rmSync(copy, { recursive: true, force: true }); }
for (const k of ['blank', 'popup']) {
  console.log(k, 'wall', med(rows[k].map((r) => r.wall)), 'cpu', med(rows[k].map((r) => r.cpu)), 'runs', rows[k].map((r) => Math.round(r.cpu)).join(','));
  const names = new Set(rows[k].flatMap((r) => Object.keys(r.byName ?? {})));
  console.log('  ', [...names].map((n) => [n, med(rows[k].map((r) => r.byName?.[n] ?? 0))]).filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]).map(([n, v]) => `${n} ${v}`).join(' | '));
  console.log('   first/last task', rows[k].map((r) => `${r.first}-${r.wall}`).join(' '));
}

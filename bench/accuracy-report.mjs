// Statistics and the printed tables of the accuracy benchmark.

export function quantile(values, q) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median and p95 of both pipelines' per-page times, and Lectern's time as a multiple of Readability's. */
export function timing(lecternMs, readabilityMs) {
  const l = { median: quantile(lecternMs, 0.5), p95: quantile(lecternMs, 0.95) };
  const r = { median: quantile(readabilityMs, 0.5), p95: quantile(readabilityMs, 0.95) };
  const ratios = lecternMs.map((ms, i) => ms / readabilityMs[i]);
  return {
    lectern: l,
    readability: r,
    ratioOfMedians: l.median / r.median,
    ratioOfP95: l.p95 / r.p95,
    medianPerPageRatio: quantile(ratios, 0.5),
  };
}

const f3 = (x) => x.toFixed(3);
const ms = (x) => `${x.toFixed(1)} ms`;

function printTiming(t) {
  console.log(`  time per page (extraction only, jsdom parse excluded, pipelines interleaved):`);
  console.log(`    Lectern      median ${ms(t.lectern.median)}  p95 ${ms(t.lectern.p95)}`);
  console.log(`    Readability  median ${ms(t.readability.median)}  p95 ${ms(t.readability.p95)}`);
  console.log(`    ratio Lectern/Readability: medians ${t.ratioOfMedians.toFixed(2)}×, p95 ${t.ratioOfP95.toFixed(2)}×, median of per-page ratios ${t.medianPerPageRatio.toFixed(2)}×`);
}

export function printTrafilatura(r) {
  console.log(`\ntrafilatura-eval: ${r.pages} pages, ${r.lectern.tp + r.lectern.fn} with / ${r.lectern.fp + r.lectern.tn} without snippets`);
  console.log('  pipeline     precision recall  F1     accuracy   TP   FP   FN   TN  perfect  empty');
  for (const [name, m] of [['Lectern', r.lectern], ['Readability', r.readability]]) {
    const row = [f3(m.precision), f3(m.recall), f3(m.f1), f3(m.accuracy)].map((s) => s.padEnd(7)).join(' ');
    const counts = [m.tp, m.fp, m.fn, m.tn].map((n) => String(n).padStart(4)).join(' ');
    console.log(`  ${name.padEnd(12)} ${row}  ${counts}  ${String(m.perfect).padStart(7)}  ${String(m.empty).padStart(5)}`);
  }
  printTiming(r.timing);
  console.log('  worst pages for Lectern (FP+FN; Readability beside):');
  for (const w of r.worst) {
    const c = (x) => `TP ${x.tp} FP ${x.fp} FN ${x.fn} TN ${x.tn}`;
    console.log(`    ${w.file.slice(0, 60).padEnd(60)}  Lectern ${c(w.lectern)}${w.lecternReason ? ` (${w.lecternReason})` : ''} | Readability ${c(w.readability)}`);
  }
}

export function printReadability(r) {
  console.log(`\nreadability-test-pages: ${r.pages} pages (URL http://fakehost/test/page.html)`);
  console.log('  pipeline     tokenF1 mean  median  readerable-agree  ' + r.fields.map((f) => f.padEnd(13)).join(' '));
  for (const [name, m] of [['Lectern', r.lectern], ['Readability', r.readability]]) {
    const fields = r.fields.map((f) => `${m.metadata[f]}/${r.pages}`.padEnd(13)).join(' ');
    console.log(`  ${name.padEnd(12)} ${f3(m.tokenF1Mean).padEnd(12)}  ${f3(m.tokenF1Median).padEnd(6)}  ${`${m.readerableAgree}/${r.pages}`.padEnd(16)}  ${fields}`);
  }
  printTiming(r.timing);
  console.log('  worst pages for Lectern (token F1; Readability beside):');
  for (const w of r.worst) {
    console.log(`    ${w.name.padEnd(40)}  Lectern ${f3(w.lectern)}${w.lecternReason ? ` (${w.lecternReason})` : ''} | Readability ${f3(w.readability)}`);
  }
}

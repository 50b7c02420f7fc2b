// trafilatura-eval: decoding and scoring exactly as the corpus README describes (trafilatura's
// tests/eval_common.py): Python-`\s` normalisation, substring match, micro-averaged P/R/F1/accuracy.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Python's `\s` for str patterns (str.isspace): JavaScript's `\s` lacks \x1c-\x1f and \x85, and adds \ufeff. */
// eslint-disable-next-line no-control-regex -- \x1c-\x1f are whitespace to Python
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
export const norm = (s) => s.replace(PY_SPACE, ' ').replace(/^ | $/g, '');

const BOMS = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function declaredCharset(bytes) {
  // Browsers honour a late <meta charset> by re-parsing, and 9 pages declare it past 1024 bytes.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 64 * 1024));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1];
}

/** Page bytes → text as a browser without HTTP headers would: UTF-8 if valid, else BOM, <meta charset>, windows-1252. */
export function decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not valid UTF-8: fall through
  }
  for (const [bom, label] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return new TextDecoder(label).decode(bytes);
  }
  const label = declaredCharset(bytes);
  try {
    if (label) return new TextDecoder(label).decode(bytes);
  } catch {
    // unknown label: the default below
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

export async function loadCases(dir) {
  return JSON.parse(await readFile(path.join(dir, 'cases.json'), 'utf8'));
}

export async function loadPage(dir, kase) {
  return decode(await readFile(path.join(dir, 'pages', kase.file)));
}

/** TP/FP/FN/TN of one page's extracted `text` (empty when the extractor returned nothing). */
export function scorePage(kase, text) {
  const t = norm(text ?? '');
  const found = (s) => t.length > 0 && t.includes(norm(s));
  const tp = kase.with.filter(found).length;
  const fp = kase.without.filter(found).length;
  return { tp, fn: kase.with.length - tp, fp, tn: kase.without.length - fp };
}

export function addCounts(sum, c) {
  for (const k of ['tp', 'fp', 'fn', 'tn']) sum[k] = (sum[k] ?? 0) + c[k];
  return sum;
}

/** Micro-averaged metrics; each is 0 when its denominator is 0. */
export function metrics({ tp = 0, fp = 0, fn = 0, tn = 0 }) {
  const div = (a, b) => (b === 0 ? 0 : a / b);
  return {
    precision: div(tp, tp + fp),
    recall: div(tp, tp + fn),
    f1: div(2 * tp, 2 * tp + fp + fn),
    accuracy: div(tp + tn, tp + tn + fp + fn),
    tp, fp, fn, tn,
  };
}

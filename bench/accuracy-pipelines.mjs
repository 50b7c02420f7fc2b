// The two pipelines the accuracy benchmark compares, on the same jsdom parse of the same page:
// Lectern (dist/node/extract.mjs, the code the extension runs) and raw @mozilla/readability.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { performance } from 'node:perf_hooks';

const { extractDocument } = await import(new URL('../dist/node/extract.mjs', import.meta.url).href);

/** A fresh document for `html` at `url`, parsed as a browser would (no scripts, no resources). */
export function parse(html, url) {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window;
}

function lectern(doc, url) {
  const result = extractDocument(doc, url);
  return { ok: result.ok, text: result.ok ? result.article.text : '', article: result.ok ? result.article : null, reason: result.ok ? null : result.reason };
}

function readability(doc) {
  let parsed = null;
  try {
    parsed = new Readability(doc).parse();
  } catch {
    parsed = null;
  }
  return { ok: Boolean(parsed), text: parsed?.textContent ?? '', article: parsed };
}

function timed(fn) {
  const start = performance.now();
  const out = fn();
  out.ms = performance.now() - start;
  return out;
}

/**
 * Run both pipelines on `html`. Each gets its own parse (both mutate their document); the parse is
 * not timed, only the extraction. The order alternates with `index` so that warm-up, GC pauses and
 * noise from other processes fall on both pipelines alike.
 */
export function runBoth(html, url, index) {
  const winL = parse(html, url);
  const winR = parse(html, url);
  try {
    const runL = () => timed(() => lectern(winL.document, url));
    const runR = () => timed(() => readability(winR.document));
    if (index % 2 === 0) {
      const l = runL();
      return { lectern: l, readability: runR() };
    }
    const r = runR();
    return { lectern: runL(), readability: r };
  } finally {
    winL.close();
    winR.close();
  }
}

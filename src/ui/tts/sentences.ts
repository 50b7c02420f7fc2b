/** A sentence as a span of its block's text: `text.slice(start, end)`, trimmed of surrounding spaces. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

// Sentence ends for the scripts Lectern meets most: Latin, Arabic (؟ ۔), CJK (。！？), Devanagari (।).
const FALLBACK = /[^.!?…。！？؟۔।]*(?:[.!?…。！？؟۔।]+["'”’»)\]]*|$)/gu;

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/u.test(text.charAt(start))) start++;
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return start < end && /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end, text: text.slice(start, end) } : null;
}

/** Split with a plain punctuation rule: for engines without Intl.Segmenter. */
export function splitSentencesByPunctuation(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(FALLBACK)) {
    const span = m[0] ? trimmed(text, m.index, m.index + m[0].length) : null;
    if (span) out.push(span);
  }
  return out;
}

/** The sentences of `text` in language `lang`, by the browser's own sentence rules when it has them. */
export function splitSentences(text: string, lang: string | null): Span[] {
  if (typeof Intl.Segmenter !== 'function') return splitSentencesByPunctuation(text);
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' }); // a malformed lang from the page
  }
  const out: Span[] = [];
  for (const seg of segmenter.segment(text)) {
    const span = trimmed(text, seg.index, seg.index + seg.segment.length);
    if (span) out.push(span);
  }
  return out;
}

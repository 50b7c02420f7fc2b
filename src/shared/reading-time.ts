/**
 * Words per minute by language. Silent-reading rates from Brysbaert (2019), "How many words do we read
 * per minute?"; CJK languages are counted in characters, so they get a character rate.
 */
const WORDS_PER_MINUTE: Record<string, number> = {
  en: 238, de: 179, fr: 195, es: 218, it: 188, pt: 181, nl: 202, pl: 166, ru: 184, ar: 138, he: 187,
  fi: 161, sv: 199, tr: 166,
};
const CJK_CHARS_PER_MINUTE = 260;
const DEFAULT_WPM = 230;

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/** Words in `text`; each CJK character counts as one word, since those scripts do not use spaces. */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = text.replace(CJK, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return cjk + rest;
}

/** Words in `text` and minutes to read it in `lang` (BCP 47, at least 1), from one count of the text. */
export function readingStats(text: string, lang: string | null): { wordCount: number; readingMinutes: number } {
  const base = (lang ?? 'en').toLowerCase().replace(/-.*$/s, '');
  const cjk = text.match(CJK)?.length ?? 0;
  const wordCount = countWords(text);
  const wpm = WORDS_PER_MINUTE[base] ?? DEFAULT_WPM;
  return { wordCount, readingMinutes: Math.max(1, Math.round((wordCount - cjk) / wpm + cjk / CJK_CHARS_PER_MINUTE)) };
}

/** Minutes to read `text` in `lang` (BCP 47), at least 1. */
export function readingMinutes(text: string, lang: string | null): number {
  return readingStats(text, lang).readingMinutes;
}

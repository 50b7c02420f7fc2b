import { fold, type QueryPart } from '../shared/search-options';
import { phrasePattern } from './search';

/** A piece of a snippet; `mark` pieces are what matched. Rendered as text, never as HTML. */
export interface SnippetPart { text: string; mark: boolean }

const SNIPPET_LENGTH = 180;
/** Index in the original text of position `i` of the folded text. */
const at = (f: { origin: number[] | null }, i: number) => (f.origin ? (f.origin[i] ?? f.origin.at(-1) ?? 0) : i);
/** Text shown before the first match, so it reads in context. */
const LEAD = 50;
const MAX_MATCHES = 200;

/** Each part of the query as a pattern over folded text (a prefix word matches the start of a word). */
function patterns(parts: QueryPart[]): RegExp[] {
  return parts.map((p) => {
    if (p.kind === 'phrase') return phrasePattern(p.terms, 'gu');
    const word = p.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${word}${p.prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu');
  });
}

/** The folded text, and for each of its UTF-16 units the index in the original it came from. */
function folded(text: string): { text: string; origin: number[] | null } {
  // ASCII folds to the same length, unit for unit: no map needed (most texts, and the fast path).
  if (!/[^ -~\s]/.test(text)) return { text: text.toLowerCase(), origin: null };
  let out = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch < '\u0080' ? ch.toLowerCase() : fold(ch); // ASCII folds one to one: skip normalize()
    for (let k = 0; k < f.length; k++) origin.push(i);
    out += f;
    i += ch.length;
  }
  origin.push(i);
  return { text: out, origin };
}

interface Match { start: number; end: number; part: number }

function matches(text: string, res: RegExp[]): Match[] {
  const found: Match[] = [];
  res.forEach((re, part) => {
    for (const m of text.matchAll(re)) {
      found.push({ start: m.index, end: m.index + m[0].length, part });
      if (found.length > MAX_MATCHES) break;
    }
  });
  return found.sort((a, b) => a.start - b.start);
}

/** The window (in folded text) with the most different parts of the query, and its score. */
function bestWindow(found: Match[]): { start: number; score: number } {
  let best = { start: 0, score: 0 };
  for (const anchor of found) {
    const start = Math.max(0, anchor.start - LEAD);
    const parts = new Set(found.filter((m) => m.start >= start && m.end <= start + SNIPPET_LENGTH).map((m) => m.part));
    if (parts.size > best.score) best = { start, score: parts.size };
  }
  return best;
}

/**
 * A short excerpt of the first text (body, then highlight quotes and notes) where the query matches best,
 * cut at word boundaries, the matched words marked. Null when no text matches (the title or site did).
 */
export function snippet(texts: string[], parts: QueryPart[]): SnippetPart[] | null {
  const res = patterns(parts);
  let chosen: { text: string; fold: ReturnType<typeof folded>; found: Match[]; start: number; score: number } | null = null;
  for (const text of texts) {
    const f = folded(text);
    const found = matches(f.text, res);
    const window = bestWindow(found);
    if (window.score > (chosen?.score ?? 0)) chosen = { text, fold: f, found, ...window };
    if (chosen && chosen.score === parts.length) break;
  }
  if (!chosen) return null;
  const { text, fold: f, found } = chosen;
  const from = wordStart(text, at(f, chosen.start));
  const to = wordEnd(text, at(f, Math.min(f.text.length, chosen.start + SNIPPET_LENGTH)));
  const out: SnippetPart[] = [];
  const push = (s: string, mark: boolean) => s && out.push({ text: s.replace(/\s+/g, ' '), mark });
  let done = from;
  for (const m of found) {
    const s = at(f, m.start);
    const e = at(f, m.end);
    if (s < done || e > to) continue;
    push(text.slice(done, s), false);
    push(text.slice(s, e), true);
    done = e;
  }
  push(text.slice(done, to), false);
  if (from > 0) out.unshift({ text: '…', mark: false });
  if (to < text.length) out.push({ text: '…', mark: false });
  return out;
}

const wordStart = (text: string, i: number) => {
  while (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) i--;
  return i;
};
const wordEnd = (text: string, i: number) => {
  while (i < text.length && /[\p{L}\p{N}]/u.test(text[i] ?? '')) i++;
  return i;
};
